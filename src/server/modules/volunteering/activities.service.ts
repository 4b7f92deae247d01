/**
 * Activities: publishActivity (one, or a series of shifts), updateActivity, cancelActivity,
 * listActivities (browse by date, kind, region and tree distance; what the caller can join or
 * manage) and getActivity.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { sql, type SqlBool, type Transaction } from 'kysely';
import type { ActivitiesQuery, Activity, CancelActivityBody, PublishActivityBody, UpdateActivityBody } from '../../../contracts/volunteering';
import { startOfDate } from '../../../domain/volunteering/calendar';
import { isEligible, treeDistance } from '../../../domain/volunteering/eligibility';
import type { DB } from '../../db/schema';
import { writeAudit, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { isSelfRole } from '../../platform/scope';
import { containsPattern } from '../../platform/sql';
import { ZONE } from '../../platform/time';
import { findActivity, placeOf, selectActivities, type ActivityRow } from './activities.repository';
import { notifyMany } from '../../platform/notifications';
import { pageOf } from '../../platform/paging';
import { rulesFor, currentYear } from './settings.service';
import { activityInReach, memberOf, reachOf, staffCovers, unitServesIn, type MemberSelf } from './volunteering.policy';

interface Viewer {
  principal: Principal;
  member: MemberSelf | null;
  /** Teams the caller leads (a member organiser). */
  teams: Set<string>;
}

async function viewerOf(ctx: AppContext, principal: Principal): Promise<Viewer> {
  const member = await memberOf(ctx, principal.userId);
  let teams = new Set<string>();
  if (member && principal.permissions.has('volunteering.activity.manage')) {
    const rows = await ctx.db.selectFrom('volunteer_team_member').select('team_id').where('member_id', '=', member.id).where('is_leader', '=', true).execute();
    teams = new Set(rows.map((r) => r.team_id));
  }
  return { principal, member, teams };
}

function manages(v: Viewer, a: ActivityRow): boolean {
  if (staffCovers(v.principal, 'volunteering.activity.manage', { regionPath: a.region_path, orgPath: a.owner_org_path })) return true;
  if (!v.principal.permissions.has('volunteering.activity.manage')) return false;
  return a.organiser_user_id === v.principal.userId || (a.team_id !== null && v.teams.has(a.team_id));
}

interface MySignupRow {
  id: string;
  activity_id: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  position: number | null;
  checked_in_at: Date | null;
  checked_out_at: Date | null;
}

async function mySignups(ctx: AppContext, memberId: string | undefined, activityIds: string[]): Promise<Map<string, MySignupRow>> {
  if (!memberId || activityIds.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('volunteer_signup as s')
    .select([
      's.id',
      's.activity_id',
      's.status',
      's.checked_in_at',
      's.checked_out_at',
      sql<number | null>`case when s.status = 'waitlisted' then (select count(*) from volunteer_signup w where w.activity_id = s.activity_id and w.status = 'waitlisted' and w.seq <= s.seq) end`.as('position'),
    ])
    .where('s.member_id', '=', memberId)
    .where('s.activity_id', 'in', activityIds)
    .orderBy('s.created_at', 'asc')
    .execute();
  // The open sign-up wins over cancelled ones.
  const map = new Map<string, MySignupRow>();
  for (const r of rows) if (!map.has(r.activity_id) || r.status !== 'cancelled') map.set(r.activity_id, r);
  return map;
}

export function toActivity(a: ActivityRow, v: Viewer | null, mine: MySignupRow | undefined): Activity {
  const member = v?.member ?? null;
  const eligible = member !== null && isEligible({ communityPaths: member.communityPaths, employerPath: member.employerPath }, { eligibility: a.eligibility, regionPath: a.region_path, ownerOrgPath: a.owner_org_path });
  const open = a.status === 'published' && a.ends_at.getTime() > Date.now();
  const hasOpen = mine !== undefined && mine.status !== 'cancelled';
  return {
    id: a.id,
    seriesId: a.series_id,
    kind: a.kind,
    title: a.title,
    description: a.description,
    place: a.place,
    startsAt: a.starts_at.toISOString(),
    endsAt: a.ends_at.toISOString(),
    regionId: a.region_id,
    regionName: a.region_name,
    ownerOrgId: a.owner_org_id,
    ownerOrgName: a.owner_org_name,
    teamId: a.team_id,
    capacity: a.capacity,
    confirmedCount: a.confirmed_count,
    waitlistCount: a.waitlist_count,
    eligibility: a.eligibility,
    skills: a.skills,
    organiserName: a.organiser_name,
    contact: a.contact,
    concentrated: a.concentrated,
    cancelDeadlineHours: a.cancel_deadline_hours,
    status: a.status,
    cancelReason: a.cancel_reason,
    distance: member?.residencePath ? treeDistance(member.residencePath, a.region_path) : null,
    mySignup: mine
      ? { id: mine.id, status: mine.status, position: mine.position === null ? null : Number(mine.position), checkedInAt: mine.checked_in_at?.toISOString() ?? null, checkedOutAt: mine.checked_out_at?.toISOString() ?? null }
      : null,
    canManage: v ? manages(v, a) : false,
    canSignUp: v !== null && v.principal.permissions.has('volunteering.signup') && member?.status === 'active' && eligible && open && !hasOpen,
    createdAt: a.created_at.toISOString(),
  };
}

const nextDay = (date: string) => new Date(startOfDate(date, ZONE).getTime() + 86_400_000);

/** Ancestor path `levels` steps above a region path ('/a/b/c/' up 1 → '/a/b/'). */
function ancestorPath(path: string, levels: number): string {
  const ids = path.split('/').filter(Boolean);
  return `/${ids.slice(0, Math.max(1, ids.length - levels)).join('/')}/`;
}

export async function listActivities(ctx: AppContext, principal: Principal, q: ActivitiesQuery): Promise<{ items: Activity[]; total: number }> {
  const v = await viewerOf(ctx, principal);
  let query = selectActivities(ctx.db);
  if (q.from) query = query.where('a.starts_at', '>=', startOfDate(q.from, ZONE));
  if (q.to) query = query.where('a.starts_at', '<', nextDay(q.to));
  if (q.kind) query = query.where('a.kind', '=', q.kind);
  if (q.status) query = query.where('a.status', '=', q.status);
  if (q.seriesId) query = query.where('a.series_id', '=', q.seriesId);
  if (q.regionId) query = query.where(sql<SqlBool>`ar.path like (select path from region where id = ${q.regionId}) || '%'`);
  if (q.q?.trim()) {
    const like = containsPattern(q.q.trim());
    query = query.where((eb) => eb.or([eb('a.title', 'like', like), eb('a.place', 'like', like)]));
  }
  if (q.maxDistance !== undefined) {
    if (!v.member?.residencePath) return { items: [], total: 0 };
    query = query.where('ar.path', 'like', `${ancestorPath(v.member.residencePath, q.maxDistance)}%`);
  }
  if (q.joinable) {
    const m = v.member;
    if (!m || m.status !== 'active') return { items: [], total: 0 };
    query = query.where('a.status', '=', 'published').where('a.ends_at', '>', new Date());
    const ors = [sql<SqlBool>`a.eligibility = 'anyone'`];
    for (const p of m.communityPaths) ors.push(sql<SqlBool>`(a.eligibility = 'community_members' and ${p} like ar.path || '%')`);
    if (m.employerPath) ors.push(sql<SqlBool>`(a.eligibility = 'unit_members' and ${m.employerPath} like ao.path || '%')`);
    query = query.where(sql<SqlBool>`(${sql.join(ors, sql` or `)})`);
  }
  if (q.managed) {
    const reach = reachOf(principal, 'volunteering.activity.manage');
    const ors = [activityInReach({ ...reach, selfUserId: null })];
    if (principal.permissions.has('volunteering.activity.manage')) {
      ors.push(sql<SqlBool>`a.organiser_user_id = ${principal.userId}`);
      if (v.teams.size) ors.push(sql<SqlBool>`a.team_id in (${sql.join([...v.teams])})`);
    }
    query = query.where(sql<SqlBool>`(${sql.join(ors, sql` or `)})`);
  }
  const ascending = q.joinable || q.from !== undefined;
  const { rows, total } = await pageOf(ctx, query, q, { order: [['a.starts_at', ascending ? 'asc' : 'desc'], ['a.id', 'asc']] });
  const mine = await mySignups(ctx, v.member?.id, rows.map((r) => r.id));
  return { items: rows.map((r) => toActivity(r, v, mine.get(r.id))), total };
}

export async function getActivity(ctx: AppContext, principal: Principal, id: string): Promise<Activity> {
  const row = await findActivity(ctx.db, id);
  if (!row) throw notFound('activity');
  const v = await viewerOf(ctx, principal);
  const mine = await mySignups(ctx, v.member?.id, [id]);
  return toActivity(row, v, mine.get(id));
}

/** Loads an activity the caller manages (404 when missing, 403 when not the caller's). */
export async function loadManaged(ctx: AppContext, principal: Principal, id: string): Promise<{ row: ActivityRow; viewer: Viewer }> {
  const row = await findActivity(ctx.db, id);
  if (!row) throw notFound('activity');
  const viewer = await viewerOf(ctx, principal);
  if (!manages(viewer, row)) throw forbidden('Only the organisers of this activity may do this', { permission: 'volunteering.activity.manage' });
  return { row, viewer };
}

// ---------- publishing ----------

const PUBLISH_REGION_KINDS = new Set(['community', 'street', 'district', 'grid']);
const MAX_SHIFT_MS = 7 * 86_400_000;

function checkShift(startsAt: string, endsAt: string, path: string): { startsAt: Date; endsAt: Date } {
  const s = new Date(startsAt);
  const e = new Date(endsAt);
  if (!(e.getTime() > s.getTime())) throw badRequest('ACTIVITY_TIMES_INVALID', 'An activity ends after it starts', [{ path, message: 'endsAt not after startsAt' }]);
  if (e.getTime() - s.getTime() > MAX_SHIFT_MS) throw badRequest('ACTIVITY_TOO_LONG', 'One shift lasts at most 7 days; publish longer posts as shifts', [{ path, message: 'longer than 7 days' }]);
  return { startsAt: s, endsAt: e };
}

/** Who publishes: the owner organisation the caller may publish for, and the team if any. */
async function publisherOf(ctx: AppContext, principal: Principal, input: PublishActivityBody, region: { id: string; path: string }): Promise<{ ownerOrgId: string | null; teamId: string | null }> {
  if (input.teamId) {
    const team = await ctx.db
      .selectFrom('volunteer_team as t')
      .innerJoin('organization as o', 'o.id', 't.organization_id')
      .select(['t.id', 't.organization_id', 'o.path'])
      .where('t.id', '=', input.teamId)
      .executeTakeFirst();
    if (!team) throw badRequest('TEAM_NOT_FOUND', 'The volunteer team does not exist', [{ path: 'body/teamId', message: 'not found' }]);
    const staff = staffCovers(principal, 'volunteering.activity.manage', { regionPath: region.path, orgPath: team.path });
    const v = await viewerOf(ctx, principal);
    if (!staff && !v.teams.has(team.id)) throw forbidden('Only staff in scope or the team’s leader publish for a team', { permission: 'volunteering.activity.manage' });
    return { ownerOrgId: team.organization_id, teamId: team.id };
  }
  let ownerOrgId = input.ownerOrgId ?? null;
  if (!ownerOrgId) {
    const orgGrant = principal.assignments.find((a) => !isSelfRole(a.role) && a.scopeType === 'organization' && principal.permissions.has('volunteering.activity.manage'));
    if (orgGrant?.scopeId) ownerOrgId = orgGrant.scopeId;
    else {
      const local = await ctx.db.selectFrom('organization').select('id').where('region_id', '=', region.id).where('kind', 'in', ['community', 'street']).orderBy('created_at').executeTakeFirst();
      ownerOrgId = local?.id ?? null;
    }
  }
  let orgPath: string | null = null;
  if (ownerOrgId) {
    const org = await ctx.db.selectFrom('organization').select(['path']).where('id', '=', ownerOrgId).executeTakeFirst();
    if (!org) throw badRequest('ORGANIZATION_NOT_FOUND', 'The publishing organisation does not exist', [{ path: 'body/ownerOrgId', message: 'not found' }]);
    orgPath = org.path;
  }
  // Region staff publish where they work; organisation staff publish for their organisation (anywhere it serves).
  const ok = staffCovers(principal, 'volunteering.activity.manage', { regionPath: region.path, orgPath });
  if (!ok) throw forbidden('You may publish only in your own area or for your own organisation', { permission: 'volunteering.activity.manage' });
  return { ownerOrgId, teamId: null };
}

export async function publishActivity(ctx: AppContext, principal: Principal, input: PublishActivityBody, actor: AuditActor): Promise<Activity[]> {
  const shifts = input.shifts.map((s, i) => checkShift(s.startsAt, s.endsAt, `body/shifts/${i}`));
  const region = await ctx.db.selectFrom('region').select(['id', 'path', 'kind']).where('id', '=', input.regionId).executeTakeFirst();
  if (!region || !PUBLISH_REGION_KINDS.has(region.kind)) throw badRequest('REGION_NOT_FOUND', 'Activities take place in a district, street, community or grid', [{ path: 'body/regionId', message: 'not such a region' }]);
  const { ownerOrgId, teamId } = await publisherOf(ctx, principal, input, region);
  // A unit publishes only in a community it is paired with or registered in (issue 18), unless its staff also hold that area.
  if (ownerOrgId && !staffCovers(principal, 'volunteering.activity.manage', { regionPath: region.path, orgPath: null }) && !(await unitServesIn(ctx.db, ownerOrgId, region.path))) {
    throw new AppError('UNIT_NOT_LINKED', 403, 'A unit publishes activities only in a community it has an active pairing or a confirmed registration with', [
      { path: 'body/regionId', message: 'no active pairing or confirmed registration here' },
    ]);
  }
  const rules = await rulesFor(ctx.db, currentYear());
  const seriesId = shifts.length > 1 ? randomUUID() : null;
  const ids = await ctx.db.transaction().execute(async (trx) => {
    const rows = await trx
      .insertInto('volunteer_activity')
      .values(
        shifts.map((s) => ({
          series_id: seriesId,
          kind: input.kind,
          title: input.title.trim(),
          description: input.description ?? '',
          place: input.place.trim(),
          starts_at: s.startsAt,
          ends_at: s.endsAt,
          region_id: region.id,
          owner_org_id: ownerOrgId,
          team_id: teamId,
          capacity: input.capacity,
          eligibility: input.eligibility,
          skills: input.skills ?? [],
          organiser_user_id: principal.userId,
          organiser_name: input.organiserName?.trim() || principal.displayName,
          contact: input.contact.trim(),
          concentrated: input.concentrated ?? false,
          cancel_deadline_hours: input.cancelDeadlineHours ?? rules.cancelDeadlineHours,
          checkin_secret: randomBytes(24).toString('base64url'),
          created_by: principal.userId,
        })),
      )
      .returning('id')
      .execute();
    for (const r of rows) {
      await writeAudit(trx, actor, { action: 'volunteering.activity.publish', entityType: 'volunteer_activity', entityId: r.id, after: { ...input, shifts: undefined, seriesId, ownerOrgId } });
    }
    return rows.map((r) => r.id);
  });
  const v = await viewerOf(ctx, principal);
  const rows = await selectActivities(ctx.db).where('a.id', 'in', ids).orderBy('a.starts_at').execute();
  return rows.map((r) => toActivity(r, v, undefined));
}

/** Moves waitlisted sign-ups up, in arrival order, while there is room. Returns the user ids promoted (for notices). */
export async function promoteWaitlist(trx: Transaction<DB>, activityId: string, room: number): Promise<Array<{ signupId: string; userId: string | null }>> {
  if (room <= 0) return [];
  const next = await trx
    .selectFrom('volunteer_signup as s')
    .innerJoin('member as m', 'm.id', 's.member_id')
    .select(['s.id', 'm.user_id'])
    .where('s.activity_id', '=', activityId)
    .where('s.status', '=', 'waitlisted')
    .orderBy('s.seq')
    .limit(room)
    .execute();
  if (next.length === 0) return [];
  await trx.updateTable('volunteer_signup').set({ status: 'confirmed', promoted_at: sql`now()` }).where('id', 'in', next.map((n) => n.id)).execute();
  await trx
    .updateTable('volunteer_activity')
    .set({ confirmed_count: sql`confirmed_count + ${next.length}`, waitlist_count: sql`waitlist_count - ${next.length}` })
    .where('id', '=', activityId)
    .execute();
  return next.map((n) => ({ signupId: n.id, userId: n.user_id }));
}

export function promotedNotices(title: string, promoted: Array<{ userId: string | null }>, activityId: string) {
  return promoted
    .filter((p): p is { userId: string } => p.userId !== null)
    .map((p) => ({ userId: p.userId, kind: 'volunteering.promoted' as const, params: { activityTitle: title }, link: `/volunteering/activities/${activityId}` }));
}

export async function updateActivity(ctx: AppContext, principal: Principal, id: string, input: UpdateActivityBody, actor: AuditActor): Promise<Activity> {
  const { row } = await loadManaged(ctx, principal, id);
  if (row.status === 'cancelled') throw conflict('ACTIVITY_CANCELLED', 'The activity was cancelled');
  const starts = input.startsAt ?? row.starts_at.toISOString();
  const ends = input.endsAt ?? row.ends_at.toISOString();
  if (input.startsAt || input.endsAt) checkShift(starts, ends, 'body/endsAt');
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await trx.selectFrom('volunteer_activity').select(['capacity', 'confirmed_count', 'waitlist_count']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (input.capacity !== undefined && input.capacity < locked.confirmed_count) {
      throw new AppError('CAPACITY_BELOW_CONFIRMED', 409, `${locked.confirmed_count} people are confirmed already; the capacity cannot be lower`, { confirmed: locked.confirmed_count });
    }
    await trx
      .updateTable('volunteer_activity')
      .set({
        ...(input.kind ? { kind: input.kind } : {}),
        ...(input.title ? { title: input.title.trim() } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.place ? { place: input.place.trim() } : {}),
        ...(input.startsAt ? { starts_at: new Date(input.startsAt) } : {}),
        ...(input.endsAt ? { ends_at: new Date(input.endsAt) } : {}),
        ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
        ...(input.eligibility ? { eligibility: input.eligibility } : {}),
        ...(input.skills ? { skills: input.skills } : {}),
        ...(input.organiserName !== undefined ? { organiser_name: input.organiserName.trim() || row.organiser_name } : {}),
        ...(input.contact ? { contact: input.contact.trim() } : {}),
        ...(input.concentrated !== undefined ? { concentrated: input.concentrated } : {}),
        ...(input.cancelDeadlineHours !== undefined ? { cancel_deadline_hours: input.cancelDeadlineHours } : {}),
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .execute();
    const promoted = input.capacity !== undefined ? await promoteWaitlist(trx, id, Math.min(locked.waitlist_count, input.capacity - locked.confirmed_count)) : [];
    await writeAudit(trx, actor, { action: 'volunteering.activity.update', entityType: 'volunteer_activity', entityId: id, before: { capacity: locked.capacity, startsAt: row.starts_at, endsAt: row.ends_at }, after: { ...input, promoted: promoted.length } });
    await notifyMany(trx, promotedNotices(input.title ?? row.title, promoted, id));
  });
  return getActivity(ctx, principal, id);
}

export async function cancelActivity(ctx: AppContext, principal: Principal, id: string, input: CancelActivityBody, actor: AuditActor): Promise<Activity> {
  const { row } = await loadManaged(ctx, principal, id);
  await ctx.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('volunteer_activity')
      .set({ status: 'cancelled', cancel_reason: input.reason, updated_at: sql`now()` })
      .where('id', '=', id)
      .where('status', '=', 'published')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw conflict('ACTIVITY_CANCELLED', 'The activity was cancelled already');
    await writeAudit(trx, actor, { action: 'volunteering.activity.cancel', entityType: 'volunteer_activity', entityId: id, after: { reason: input.reason } });
    const people = await trx
      .selectFrom('volunteer_signup as s')
      .innerJoin('member as m', 'm.id', 's.member_id')
      .select('m.user_id')
      .where('s.activity_id', '=', id)
      .where('s.status', '<>', 'cancelled')
      .where('m.user_id', 'is not', null)
      .execute();
    await notifyMany(
      trx,
      people.map((p) => ({ userId: p.user_id!, kind: 'volunteering.cancelled', params: { activityTitle: row.title, reason: input.reason }, link: `/volunteering/activities/${id}` })),
    );
  });
  return getActivity(ctx, principal, id);
}

export { placeOf };
