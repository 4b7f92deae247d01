/**
 * Counting service time (民政部令第67号): the actual time between check-in and check-out, never
 * more than the activity's scheduled length (travel and waiting are not service), rounded down to
 * the configured unit so that a record never claims more than was done.
 */

/** Minutes counted for one attendance. */
export function countedMinutes(opts: { checkedInAt: Date; checkedOutAt: Date; startsAt: Date; endsAt: Date; roundingMinutes: number }): number {
  const actual = Math.floor((opts.checkedOutAt.getTime() - opts.checkedInAt.getTime()) / 60_000);
  if (actual <= 0) return 0;
  const scheduled = Math.floor((opts.endsAt.getTime() - opts.startsAt.getTime()) / 60_000);
  return roundDown(Math.min(actual, Math.max(0, scheduled)), opts.roundingMinutes);
}

/** Rounds minutes down to a whole number of units (a unit of 0 or less leaves minutes as they are). */
export function roundDown(minutes: number, unit: number): number {
  if (unit <= 1) return Math.max(0, Math.floor(minutes));
  return Math.max(0, Math.floor(minutes / unit) * unit);
}

/** Minutes as hours with two decimals (the API's unit). */
export function toHours(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}

export interface StarLevel {
  stars: number;
  /** Hours for the next star; null at the top. */
  nextAt: number | null;
}

/** Stars by total verified hours: one per threshold reached (default 100/300/600/1000/1500). */
export function starLevel(totalHours: number, thresholds: readonly number[]): StarLevel {
  const sorted = [...thresholds].sort((a, b) => a - b);
  const stars = sorted.filter((t) => totalHours >= t).length;
  return { stars, nextAt: stars < sorted.length ? sorted[stars]! : null };
}

/** Points earned: whole points for the verified hours. */
export function pointsFor(totalMinutes: number, pointsPerHour: number): number {
  return Math.floor((totalMinutes * pointsPerHour) / 60 + 1e-9);
}
