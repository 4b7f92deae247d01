/** Quotas (the sources' yearly rules): where a member, team member or unit stands against one. */

export interface Standing {
  done: number;
  required: number;
  left: number;
  met: boolean;
}

/** Done against required; `left` is never negative. Values keep two decimals. */
export function standing(done: number, required: number): Standing {
  const r2 = (v: number) => Math.round(v * 100) / 100;
  return { done: r2(done), required: r2(required), left: r2(Math.max(0, required - done)), met: done >= required };
}

/** A reminder is due once this share of the quarter has gone and the quota is not met. */
export function reminderDue(elapsed: number, reminderAt: number, s: Standing): boolean {
  return elapsed >= reminderAt && !s.met;
}

export interface VolunteeringRules {
  memberHoursPerQuarter: number;
  teamDaysPerYear: number;
  unitActivitiesPerQuarter: number;
  roundingMinutes: number;
  pointsPerHour: number;
  starThresholds: number[];
  cancelDeadlineHours: number;
  reminderAt: number;
}

/** The sources' defaults (000, 002; common star levels). */
export const DEFAULT_RULES: VolunteeringRules = {
  memberHoursPerQuarter: 10,
  teamDaysPerYear: 15,
  unitActivitiesPerQuarter: 1,
  roundingMinutes: 30,
  pointsPerHour: 10,
  starThresholds: [100, 300, 600, 1000, 1500],
  cancelDeadlineHours: 2,
  reminderAt: 2 / 3,
};
