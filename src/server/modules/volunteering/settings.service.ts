/** The year's volunteering rules (the supervisor's): quotas, rounding, points, stars, deadlines, reminders. */
import type { Kysely } from 'kysely';
import type { UpdateSettingsBody, VolunteeringSettings } from '../../../contracts/volunteering';
import { DEFAULT_RULES, type VolunteeringRules } from '../../../domain/volunteering/quota';
import type { DB } from '../../db/schema';
import { writeAudit, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { badRequest } from '../../platform/errors';
import { localDate } from '../../platform/time';

export const currentYear = () => Number(localDate().slice(0, 4));

const cache = new WeakMap<Kysely<DB>, Map<number, { at: number; rules: VolunteeringRules }>>();
const TTL_MS = 10_000;

export async function rulesFor(db: Kysely<DB>, year: number): Promise<VolunteeringRules> {
  let byYear = cache.get(db);
  if (!byYear) cache.set(db, (byYear = new Map()));
  const hit = byYear.get(year);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.rules;
  const row = await db.selectFrom('volunteer_setting').selectAll().where('year', '=', year).executeTakeFirst();
  const rules: VolunteeringRules = row
    ? {
        memberHoursPerQuarter: Number(row.member_hours_per_quarter),
        teamDaysPerYear: row.team_days_per_year,
        unitActivitiesPerQuarter: row.unit_activities_per_quarter,
        roundingMinutes: row.rounding_minutes,
        pointsPerHour: Number(row.points_per_hour),
        starThresholds: row.star_thresholds.map(Number),
        cancelDeadlineHours: row.cancel_deadline_hours,
        reminderAt: Number(row.reminder_at),
      }
    : DEFAULT_RULES;
  byYear.set(year, { at: Date.now(), rules });
  return rules;
}

function forget(db: Kysely<DB>): void {
  cache.delete(db);
}

export async function getSettings(ctx: AppContext, year = currentYear()): Promise<VolunteeringSettings> {
  return { year, ...(await rulesFor(ctx.db, year)) };
}

export async function updateSettings(ctx: AppContext, userId: string, input: UpdateSettingsBody, actor: AuditActor): Promise<VolunteeringSettings> {
  const before = await rulesFor(ctx.db, input.year);
  const { year, ...changes } = input;
  const next: VolunteeringRules = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
  const t = next.starThresholds;
  if (t.some((v, i) => i > 0 && v <= t[i - 1]!)) {
    throw badRequest('STAR_THRESHOLDS_ORDER', 'Star thresholds must rise from one star to five', [{ path: 'body/starThresholds', message: 'not ascending' }]);
  }
  const values = {
    member_hours_per_quarter: next.memberHoursPerQuarter,
    team_days_per_year: next.teamDaysPerYear,
    unit_activities_per_quarter: next.unitActivitiesPerQuarter,
    rounding_minutes: next.roundingMinutes,
    points_per_hour: next.pointsPerHour,
    star_thresholds: next.starThresholds,
    cancel_deadline_hours: next.cancelDeadlineHours,
    reminder_at: next.reminderAt,
    updated_by: userId,
    updated_at: new Date(),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('volunteer_setting')
      .values({ year, ...values })
      .onConflict((oc) => oc.column('year').doUpdateSet(values))
      .execute();
    await writeAudit(trx, actor, { action: 'volunteering.settings.update', entityType: 'volunteer_setting', entityId: String(year), before, after: next });
  });
  forget(ctx.db);
  return { year, ...next };
}
