import dayjs from 'dayjs';

/** Hours as shown everywhere: at most two decimals, no trailing zeros (2, 2.5, 1.25). */
export function formatHours(hours: number): string {
  return String(Math.round(hours * 100) / 100);
}

/** The API's date-only format. */
export const DATE_ONLY = 'YYYY-MM-DD';

/** '14:00–16:30' on the same day, else both date-times, for the start and end of an activity. */
export function timeRange(startsAt: string, endsAt: string, formatDateTime: (v: string) => string): string {
  const start = dayjs(startsAt);
  const end = dayjs(endsAt);
  if (start.isSame(end, 'day')) return `${formatDateTime(startsAt)}–${end.format('HH:mm')}`;
  return `${formatDateTime(startsAt)} – ${formatDateTime(endsAt)}`;
}

/** Activity state by the clock: not started, under way, over. */
export function phaseOf(startsAt: string, endsAt: string, now: number): 'upcoming' | 'ongoing' | 'ended' {
  if (now < Date.parse(startsAt)) return 'upcoming';
  if (now <= Date.parse(endsAt)) return 'ongoing';
  return 'ended';
}
