/**
 * Quotas: where a member stands this quarter (myQuota), who is behind in a unit or community
 * (listBehind: members on hours, team members on days, units on concentrated activities), a unit's
 * or community's summary, and the reminders sent once two-thirds of a quarter has gone.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { BehindList, BehindQuery, MyQuota, QuotaQuery, QuotaSummary, QuotaSummaryQuery } from '../../../contracts/volunteering';
import { daysRemainingInYear, quarterDates, quarterInfo, quarterOf, startOfDate, type Quarter, type QuarterInfo } from '../../../domain/volunteering/calendar';
import { pointsFor, starLevel, toHours } from '../../../domain/volunteering/hours';
import { reminderDue, standing } from '../../../domain/volunteering/quota';
import type { DB } from '../../db/schema';
import { writeAudit, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { badRequest, forbidden, notFound } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import type { Reach } from '../../platform/scope';
import { localDate, ZONE } from '../../platform/time';
import { memberMinutes } from './ledger.service';
import { notifyMany } from '../../platform/notifications';
import { rulesFor } from './settings.service';
import { memberInReach, reachOf, requireMember } from './volunteering.policy';

function quarterFor(q: { year?: number; quarter?: number }): { quarter: Quarter; info: QuarterInfo } {
  const now = quarterOf(new Date(), ZONE);
  const quarter: Quarter = q.year !== undefined || q.quarter !== undefined ? { year: q.year ?? now.year, quarter: (q.quarter ?? now.quarter) as Quarter['quarter'] } : now;
  return { quarter, info: quarterInfo(quarter, localDate()) };
}

export async function myQuota(ctx: AppContext, principal: Principal, q: QuotaQuery): Promise<MyQuota> {
  const member = await requireMember(ctx, principal);
  const { quarter, info } = quarterFor(q);
  const rules = await rulesFor(ctx.db, quarter.year);
  const m = await memberMinutes(ctx.db, member.id, { quarter: quarterDates(quarter) });
  const inTeam = await ctx.db.selectFrom('volunteer_team_member').select('team_id').where('member_id', '=', member.id).executeTakeFirst();
  let teamDays: MyQuota['teamDays'] = null;
  if (inTeam) {
    const { days } = await ctx.db
      .selectFrom('hour_entry')
      .select(sql<number>`count(distinct service_date)`.as('days'))
      .where('member_id', '=', member.id)
      .where('superseded_by', 'is', null)
      .where('minutes', '>', 0)
      .where('service_date', '>=', `${quarter.year}-01-01`)
      .where('service_date', '<=', `${quarter.year}-12-31`)
      .executeTakeFirstOrThrow();
    const today = localDate();
    const remaining = today.startsWith(String(quarter.year)) ? daysRemainingInYear(today) : today < `${quarter.year}` ? 365 : 0;
    teamDays = { ...standing(Number(days), rules.teamDaysPerYear), daysRemainingInYear: remaining };
  }
  const totalHours = toHours(m.total!);
  return {
    quarter: info,
    hours: standing(toHours(m.quarter!), rules.memberHoursPerQuarter),
    teamDays,
    star: starLevel(totalHours, rules.starThresholds),
    points: pointsFor(m.total!, rules.pointsPerHour),
  };
}

/** The instants a quarter begins and ends in the programme's zone. */
function quarterInstants(q: Quarter): { fromAt: Date; toAt: Date } {
  const { from, to } = quarterDates(q);
  return { fromAt: startOfDate(from, ZONE), toAt: new Date(startOfDate(to, ZONE).getTime() + 86_400_000) };
}

const staffReach = (principal: Principal): Reach => ({ ...reachOf(principal, 'volunteering.quota.read'), selfUserId: null });

/** Members counted by the quotas: active party members, with their residence (c) and employer (u). */
function quotaMembers(db: Kysely<DB>, reach: Reach, q: { regionId?: string; unitOrgId?: string }) {
  let query = db
    .selectFrom('member as m')
    .leftJoin('region as c', 'c.id', 'm.residence_region_id')
    .leftJoin('organization as u', 'u.id', 'm.employer_org_id')
    .where('m.status', '=', 'active')
    .where('m.is_party_member', '=', true)
    .where(memberInReach(reach, { self: false }));
  if (q.regionId) query = query.where(sql<SqlBool>`c.path like (select path from region where id = ${q.regionId}) || '%'`);
  if (q.unitOrgId) query = query.where(sql<SqlBool>`u.path like (select path from organization where id = ${q.unitOrgId}) || '%'`);
  return query;
}

const minutesIn = (from: string, to: string) =>
  sql<number>`coalesce((select sum(h.minutes) from hour_entry h where h.member_id = m.id and h.superseded_by is null and h.service_date between ${from} and ${to}), 0)`;
const daysIn = (from: string, to: string) =>
  sql<number>`(select count(distinct h.service_date) from hour_entry h where h.member_id = m.id and h.superseded_by is null and h.minutes > 0 and h.service_date between ${from} and ${to})`;

export async function listBehind(ctx: AppContext, principal: Principal, q: BehindQuery): Promise<BehindList> {
  const { quarter, info } = quarterFor(q);
  const rules = await rulesFor(ctx.db, quarter.year);
  const reach = staffReach(principal);
  const pageSize = q.pageSize ?? 20;
  const offset = ((q.page ?? 1) - 1) * pageSize;
  if (q.kind === 'units') {
    let units = ctx.db
      .selectFrom('organization as u')
      .where('u.kind', '=', 'unit')
      .where((eb) => {
        if (reach.all) return sql<SqlBool>`true`;
        const ors = [
          ...reach.orgPaths.map((p) => sql<SqlBool>`u.path like ${`${p}%`}`),
          // Region staff oversee the units located in their area and those paired with their communities.
          ...reach.regionPaths.map((p) => sql<SqlBool>`exists (select 1 from region ur where ur.id = u.region_id and ur.path like ${`${p}%`})`),
          ...reach.regionPaths.map((p) => sql<SqlBool>`exists (select 1 from pairing pr join region pc on pc.id = pr.community_id where pr.unit_org_id = u.id and pr.status = 'active' and pc.path like ${`${p}%`})`),
        ];
        return ors.length ? eb.or(ors) : sql<SqlBool>`false`;
      });
    if (q.unitOrgId) units = units.where('u.id', '=', q.unitOrgId);
    const { fromAt, toAt } = quarterInstants(quarter);
    const count = sql<number>`(select count(*) from volunteer_activity a where a.owner_org_id = u.id and a.concentrated and a.status = 'published' and a.starts_at >= ${fromAt} and a.starts_at < ${toAt})`;
    const behind = units.where(count, '<', rules.unitActivitiesPerQuarter);
    const { total } = await behind.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const rows = await behind.select(['u.id', 'u.name', count.as('done')]).orderBy('done').orderBy('u.name').limit(pageSize).offset(offset).execute();
    return {
      quarter: info,
      total: Number(total),
      items: rows.map((r) => {
        const s = standing(Number(r.done), rules.unitActivitiesPerQuarter);
        return { kind: 'unit', id: r.id, name: r.name, unitName: r.name, communityName: null, done: s.done, required: s.required, left: s.left };
      }),
    };
  }
  const yearRange = { from: `${quarter.year}-01-01`, to: `${quarter.year}-12-31` };
  const { from, to } = q.kind === 'team_members' ? yearRange : quarterDates(quarter);
  let base = quotaMembers(ctx.db, reach, q);
  if (q.kind === 'team_members') base = base.where(({ exists, selectFrom }) => exists(selectFrom('volunteer_team_member as tm').select(sql`1`.as('one')).whereRef('tm.member_id', '=', 'm.id')));
  const done = q.kind === 'team_members' ? daysIn(from, to) : minutesIn(from, to);
  const required = q.kind === 'team_members' ? rules.teamDaysPerYear : rules.memberHoursPerQuarter * 60;
  const behind = base.where(done, '<', required);
  const { total } = await behind.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await behind.select(['m.id', 'm.name', 'u.name as unit_name', 'c.name as community_name', done.as('done')]).orderBy('done').orderBy('m.name_initials').limit(pageSize).offset(offset).execute();
  const asUnits = (v: number) => (q.kind === 'team_members' ? v : toHours(v));
  const need = q.kind === 'team_members' ? rules.teamDaysPerYear : rules.memberHoursPerQuarter;
  return {
    quarter: info,
    total: Number(total),
    items: rows.map((r) => {
      const s = standing(asUnits(Number(r.done)), need);
      return { kind: 'member', id: r.id, name: r.name, unitName: r.unit_name, communityName: r.community_name, done: s.done, required: s.required, left: s.left };
    }),
  };
}

export async function quotaSummary(ctx: AppContext, principal: Principal, q: QuotaSummaryQuery): Promise<QuotaSummary> {
  if ((q.unitOrgId === undefined) === (q.regionId === undefined)) {
    // Default: the caller's own place.
    const own = principal.assignments.find((a) => a.role !== 'member' && a.role !== 'resident' && a.scopeId !== null);
    if (!own || q.unitOrgId !== undefined) throw badRequest('SUMMARY_TARGET', 'Name a unit (unitOrgId) or a region (regionId)', [{ path: 'querystring', message: 'unitOrgId or regionId' }]);
    q = own.scopeType === 'organization' ? { ...q, unitOrgId: own.scopeId! } : { ...q, regionId: own.scopeId! };
  }
  const reach = staffReach(principal);
  let name: string;
  let isUnit = false;
  if (q.unitOrgId) {
    const u = await ctx.db
      .selectFrom('organization as o')
      .leftJoin('region as r', 'r.id', 'o.region_id')
      .select(['o.name', 'o.path', 'o.kind', 'r.path as region_path'])
      .where('o.id', '=', q.unitOrgId)
      .executeTakeFirst();
    if (!u) throw notFound('organisation');
    const located = u.region_path !== null && reach.regionPaths.some((p) => u.region_path!.startsWith(p));
    if (!reach.all && !located && !reach.orgPaths.some((p) => u.path.startsWith(p))) {
      const paired = reach.regionPaths.length
        ? await ctx.db
            .selectFrom('pairing as pr')
            .innerJoin('region as pc', 'pc.id', 'pr.community_id')
            .select('pr.id')
            .where('pr.unit_org_id', '=', q.unitOrgId)
            .where('pr.status', '=', 'active')
            .where((eb) => eb.or(reach.regionPaths.map((p) => eb('pc.path', 'like', `${p}%`))))
            .executeTakeFirst()
        : undefined;
      if (!paired) throw forbidden('This unit is outside your scope', { permission: 'volunteering.quota.read' });
    }
    name = u.name;
    isUnit = u.kind === 'unit';
  } else {
    const r = await ctx.db.selectFrom('region').select(['name', 'path']).where('id', '=', q.regionId!).executeTakeFirst();
    if (!r) throw notFound('region');
    if (!reach.all && !reach.regionPaths.some((p) => r.path.startsWith(p))) throw forbidden('This area is outside your scope', { permission: 'volunteering.quota.read' });
    name = r.name;
  }
  const { quarter, info } = quarterFor(q);
  const rules = await rulesFor(ctx.db, quarter.year);
  const { from, to } = quarterDates(quarter);
  const done = minutesIn(from, to);
  const all: Reach = { all: true, regionPaths: [], orgPaths: [], selfUserId: null };
  const row = await ctx.db
    .selectFrom(quotaMembers(ctx.db, all, q).select(done.as('minutes')).as('x'))
    .select([
      sql<number>`count(*)`.as('members'),
      sql<number>`count(*) filter (where minutes >= ${rules.memberHoursPerQuarter * 60})`.as('met'),
      sql<number>`coalesce(sum(minutes), 0)`.as('minutes'),
    ])
    .executeTakeFirstOrThrow();
  let unitActivities: QuotaSummary['unitActivities'] = null;
  if (isUnit) {
    const { n } = await ctx.db
      .selectFrom('volunteer_activity')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('owner_org_id', '=', q.unitOrgId!)
      .where('concentrated', '=', true)
      .where('status', '=', 'published')
      .where('starts_at', '>=', quarterInstants(quarter).fromAt)
      .where('starts_at', '<', quarterInstants(quarter).toAt)
      .executeTakeFirstOrThrow();
    unitActivities = standing(Number(n), rules.unitActivitiesPerQuarter);
  }
  const members = Number(row.members);
  const met = Number(row.met);
  return { quarter: info, name, members, membersMet: met, membersBehind: members - met, totalHours: toHours(Number(row.minutes)), unitActivities };
}

/**
 * Reminds members behind on hours this quarter (in-app, once per member and quarter). The job
 * runs it for everyone once `reminderAt` (2/3) of the quarter has gone; staff may send it for
 * their scope at any time.
 */
export async function remindBehind(ctx: AppContext, opts: { principal?: Principal; actor?: AuditActor; force?: boolean; now?: Date } = {}): Promise<{ sent: number }> {
  const now = opts.now ?? new Date();
  const quarter = quarterOf(now, ZONE);
  const info = quarterInfo(quarter, localDate(now));
  const rules = await rulesFor(ctx.db, quarter.year);
  if (!opts.force && !reminderDue(info.elapsed, rules.reminderAt, standing(0, 1))) return { sent: 0 };
  const reach: Reach = opts.principal ? staffReach(opts.principal) : { all: true, regionPaths: [], orgPaths: [], selfUserId: null };
  if (!reach.all && reach.regionPaths.length === 0 && reach.orgPaths.length === 0) throw forbidden('Reminders are sent by staff', { permission: 'volunteering.quota.read' });
  const { from, to } = quarterDates(quarter);
  const done = minutesIn(from, to);
  const rows = await quotaMembers(ctx.db, reach, {})
    .where('m.user_id', 'is not', null)
    .where(done, '<', rules.memberHoursPerQuarter * 60)
    .select(['m.user_id', done.as('minutes')])
    .limit(100_000)
    .execute();
  const sent = await ctx.db.transaction().execute(async (trx) => {
    const n = await notifyMany(
      trx,
      rows.map((r) => ({
        userId: r.user_id!,
        kind: 'volunteering.quota_behind',
        params: {
          year: quarter.year,
          quarter: quarter.quarter,
          hoursShort: Math.max(0, rules.memberHoursPerQuarter - toHours(Number(r.minutes))),
          hoursDone: toHours(Number(r.minutes)),
          hoursRequired: rules.memberHoursPerQuarter,
          daysRemaining: info.daysRemaining,
        },
        link: '/volunteering/me/quota',
        dedupeKey: `vol-quota:${quarter.year}Q${quarter.quarter}`,
      })),
    );
    if (opts.actor) await writeAudit(trx, opts.actor, { action: 'volunteering.quota.remind', entityType: 'quarter', entityId: `${quarter.year}Q${quarter.quarter}`, after: { sent: n } });
    return n;
  });
  return { sent };
}
