/**
 * The hours ledger: the member's own hours (myHours: totals, stars, points, entries), the ledger
 * in a staff scope (listEntries), every version of an entry (entryHistory), and the requests that
 * add to it: supplementary hours (forgot to scan) and corrections, which the organiser approves
 * (a new entry, or a new version superseding the old — never an edit) or rejects.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { BulkHourDecisionBody, CreateHourRequestBody, HourEntriesQuery, HourEntry, HourRequest, HourRequestsQuery, MyHours, MyHoursQuery } from '../../../contracts/volunteering';
import { dateIn, quarterDates, quarterOf } from '../../../domain/volunteering/calendar';
import { countedMinutes, pointsFor, starLevel, toHours } from '../../../domain/volunteering/hours';
import type { DB } from '../../db/schema';
import { writeAudit, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { ZONE } from '../../platform/time';
import { bulkRefused, uniqueIds, type BulkRefusal } from '../../platform/bulk';
import { notifyMany } from '../../platform/notifications';
import { pageOf } from '../../platform/paging';
import { currentYear, rulesFor } from './settings.service';
import { activityInReach, canManage, memberInReach, reachOf, requireMember } from './volunteering.policy';

function selectEntries(db: Kysely<DB>) {
  return db
    .selectFrom('hour_entry as h')
    .innerJoin('member as m', 'm.id', 'h.member_id')
    .leftJoin('volunteer_activity as a', 'a.id', 'h.activity_id')
    .leftJoin('region as ar', 'ar.id', 'h.region_id')
    .leftJoin('organization as ao', 'ao.id', 'h.owner_org_id')
    .leftJoin('app_user as rb', 'rb.id', 'h.recorded_by')
    .leftJoin('app_user as vb', 'vb.id', 'h.verified_by')
    .select([
      'h.id',
      'h.entry_group_id',
      'h.version',
      'h.superseded_by',
      'h.member_id',
      'm.name as member_name',
      'h.activity_id',
      'a.title as activity_title',
      'h.content',
      'h.service_date',
      'h.started_at',
      'h.ended_at',
      'h.minutes',
      'h.method',
      'rb.display_name as recorded_by_name',
      'vb.display_name as verified_by_name',
      'h.verified_at',
      'h.note',
      'h.created_at',
    ]);
}

type EntryRow = Awaited<ReturnType<ReturnType<typeof selectEntries>['executeTakeFirstOrThrow']>>;

const toEntry = (r: EntryRow): HourEntry => ({
  id: r.id,
  entryGroupId: r.entry_group_id,
  version: r.version,
  current: r.superseded_by === null,
  memberId: r.member_id,
  memberName: r.member_name,
  activityId: r.activity_id,
  activityTitle: r.activity_title,
  content: r.content,
  serviceDate: String(r.service_date),
  startedAt: r.started_at.toISOString(),
  endedAt: r.ended_at.toISOString(),
  hours: toHours(r.minutes),
  method: r.method,
  recordedByName: r.recorded_by_name,
  verifiedByName: r.verified_by_name,
  verifiedAt: r.verified_at?.toISOString() ?? null,
  note: r.note,
  createdAt: r.created_at.toISOString(),
});

/** Minutes of a member's current entries, split by how they were recorded, overall and in date ranges. */
export async function memberMinutes(db: Kysely<DB>, memberId: string, ranges: Record<string, { from: string; to: string }>) {
  const cols = Object.entries(ranges).map(([k, r]) => sql<number>`coalesce(sum(minutes) filter (where service_date between ${r.from} and ${r.to}), 0)`.as(k));
  const row = await db
    .selectFrom('hour_entry')
    .select([
      sql<number>`coalesce(sum(minutes), 0)`.as('total'),
      sql<number>`count(*)`.as('entries'),
      sql<number>`coalesce(sum(minutes) filter (where method = 'supplementary'), 0)`.as('supplementary'),
      ...cols,
    ])
    .where('member_id', '=', memberId)
    .where('superseded_by', 'is', null)
    .executeTakeFirstOrThrow();
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as Record<string, number>;
}

export async function myHours(ctx: AppContext, principal: Principal, q: MyHoursQuery): Promise<MyHours> {
  const member = await requireMember(ctx, principal);
  const year = q.year ?? currentYear();
  const rules = await rulesFor(ctx.db, year);
  const quarter = quarterOf(new Date(), ZONE);
  const m = await memberMinutes(ctx.db, member.id, { year: { from: `${year}-01-01`, to: `${year}-12-31` }, quarter: quarterDates(quarter) });
  const pending = await ctx.db
    .selectFrom('hour_request')
    .select(sql<number>`coalesce(sum(minutes), 0)`.as('minutes'))
    .where('member_id', '=', member.id)
    .where('status', '=', 'pending')
    .where('kind', '=', 'supplementary')
    .executeTakeFirstOrThrow();
  const base = selectEntries(ctx.db).where('h.member_id', '=', member.id).where('h.superseded_by', 'is', null);
  const pageSize = q.pageSize ?? 20;
  const rows = await base
    .orderBy('h.service_date', 'desc')
    .orderBy('h.started_at', 'desc')
    .limit(pageSize)
    .offset(((q.page ?? 1) - 1) * pageSize)
    .execute();
  const totalHours = toHours(m.total!);
  return {
    memberId: member.id,
    memberName: member.name,
    totalHours,
    verifiedHours: toHours(m.total! - m.supplementary!),
    supplementaryHours: toHours(m.supplementary!),
    pendingHours: toHours(Number(pending.minutes)),
    yearHours: toHours(m.year!),
    quarterHours: toHours(m.quarter!),
    points: pointsFor(m.total!, rules.pointsPerHour),
    star: starLevel(totalHours, rules.starThresholds),
    entries: rows.map(toEntry),
    entriesTotal: m.entries!,
  };
}

export async function listEntries(ctx: AppContext, principal: Principal, q: HourEntriesQuery): Promise<{ items: HourEntry[]; total: number }> {
  const reach = { ...reachOf(principal, 'volunteering.hours.verify'), selfUserId: null };
  let query = selectEntries(ctx.db).where('h.superseded_by', 'is', null).where(activityInReach(reach));
  if (q.memberId) query = query.where('h.member_id', '=', q.memberId);
  if (q.activityId) query = query.where('h.activity_id', '=', q.activityId);
  if (q.method) query = query.where('h.method', '=', q.method);
  if (q.from) query = query.where('h.service_date', '>=', q.from);
  if (q.to) query = query.where('h.service_date', '<=', q.to);
  const { rows, total } = await pageOf(ctx, query, q, { order: [['h.service_date', 'desc'], ['h.id', 'asc']] });
  return { items: rows.map(toEntry), total };
}

/** Every version of an entry, oldest first: the member's own, or one the caller organises or oversees. */
export async function entryHistory(ctx: AppContext, principal: Principal, id: string): Promise<{ items: HourEntry[] }> {
  const one = await ctx.db
    .selectFrom('hour_entry as h')
    .innerJoin('member as m', 'm.id', 'h.member_id')
    .leftJoin('region as ar', 'ar.id', 'h.region_id')
    .leftJoin('organization as ao', 'ao.id', 'h.owner_org_id')
    .select(['h.entry_group_id', 'm.user_id', 'ar.path as region_path', 'ao.path as org_path', 'h.activity_id'])
    .where('h.id', '=', id)
    .executeTakeFirst();
  if (!one) throw notFound('hour entry');
  const reach = reachOf(principal, 'volunteering.hours.read');
  const own = one.user_id === principal.userId;
  const staff = reach.all || reach.regionPaths.some((p) => one.region_path?.startsWith(p)) || reach.orgPaths.some((p) => one.org_path?.startsWith(p));
  if (!own && !staff) throw notFound('hour entry');
  const rows = await selectEntries(ctx.db).where('h.entry_group_id', '=', one.entry_group_id).orderBy('h.version').execute();
  return { items: rows.map(toEntry) };
}

// ---------- requests: supplementary hours and corrections ----------

function selectRequests(db: Kysely<DB>) {
  return db
    .selectFrom('hour_request as r')
    .innerJoin('member as m', 'm.id', 'r.member_id')
    .leftJoin('region as c', 'c.id', 'm.residence_region_id')
    .leftJoin('organization as u', 'u.id', 'm.employer_org_id')
    .leftJoin('hour_entry as e', 'e.id', 'r.entry_id')
    .leftJoin('volunteer_activity as a', (j) => j.on(sql<SqlBool>`a.id = coalesce(r.activity_id, e.activity_id)`))
    .leftJoin('region as ar', 'ar.id', 'a.region_id')
    .leftJoin('organization as ao', 'ao.id', 'a.owner_org_id')
    .leftJoin('app_user as d', 'd.id', 'r.decided_by')
    .select([
      'r.id',
      'r.kind',
      'r.status',
      'r.member_id',
      'm.name as member_name',
      'm.user_id as member_user_id',
      'a.id as activity_id',
      'a.title as activity_title',
      'a.starts_at as activity_starts_at',
      'a.ends_at as activity_ends_at',
      'a.region_id as activity_region_id',
      'a.owner_org_id as activity_owner_org_id',
      'a.organiser_user_id',
      'a.team_id',
      'ar.path as region_path',
      'ao.path as owner_org_path',
      'r.entry_id',
      'e.entry_group_id',
      'r.started_at',
      'r.ended_at',
      'r.minutes',
      'r.reason',
      'd.display_name as decided_by_name',
      'r.decided_at',
      'r.decision_note',
      'r.result_entry_id',
      'r.created_at',
      sql<number | null>`(select c.minutes from hour_entry c where c.entry_group_id = e.entry_group_id and c.superseded_by is null)`.as('current_minutes'),
    ]);
}

type RequestRow = Awaited<ReturnType<ReturnType<typeof selectRequests>['executeTakeFirstOrThrow']>>;

const toRequest = (r: RequestRow): HourRequest => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  memberId: r.member_id,
  memberName: r.member_name,
  activityId: r.activity_id,
  activityTitle: r.activity_title,
  entryId: r.entry_id,
  startedAt: r.started_at.toISOString(),
  endedAt: r.ended_at.toISOString(),
  hours: toHours(r.minutes),
  currentHours: r.current_minutes === null ? null : toHours(Number(r.current_minutes)),
  reason: r.reason,
  decidedByName: r.decided_by_name,
  decidedAt: r.decided_at?.toISOString() ?? null,
  decisionNote: r.decision_note,
  resultEntryId: r.result_entry_id,
  createdAt: r.created_at.toISOString(),
});

async function getRequest(ctx: AppContext, id: string): Promise<HourRequest> {
  return toRequest(await selectRequests(ctx.db).where('r.id', '=', id).executeTakeFirstOrThrow());
}

export async function listRequests(ctx: AppContext, principal: Principal, q: HourRequestsQuery): Promise<{ items: HourRequest[]; total: number }> {
  const reach = reachOf(principal, 'volunteering.hours.read');
  const staff = { ...reach, selfUserId: null };
  let query = selectRequests(ctx.db);
  if (q.mine || (!reach.all && reach.regionPaths.length === 0 && reach.orgPaths.length === 0)) query = query.where('m.user_id', '=', principal.userId);
  else query = query.where(sql<SqlBool>`(${activityInReach(staff)} or ${memberInReach(staff)})`);
  if (q.status) query = query.where('r.status', '=', q.status);
  if (q.kind) query = query.where('r.kind', '=', q.kind);
  if (q.activityId) query = query.where('a.id', '=', q.activityId);
  const { rows, total } = await pageOf(ctx, query, q, { order: [['r.created_at', 'desc'], ['r.id', 'asc']] });
  return { items: rows.map(toRequest), total };
}

export async function createRequest(ctx: AppContext, principal: Principal, input: CreateHourRequestBody, actor: AuditActor): Promise<HourRequest> {
  const member = await requireMember(ctx, principal);
  const startedAt = new Date(input.startedAt);
  const endedAt = new Date(input.endedAt);
  if (!(endedAt.getTime() > startedAt.getTime())) throw badRequest('REQUEST_TIMES_INVALID', 'The service ends after it starts', [{ path: 'body/endedAt', message: 'not after startedAt' }]);
  if (endedAt.getTime() > Date.now() + 5 * 60_000) throw badRequest('REQUEST_IN_FUTURE', 'Hours are recorded after the service', [{ path: 'body/endedAt', message: 'in the future' }]);
  const rules = await rulesFor(ctx.db, currentYear());
  let activityId: string;
  let entryId: string | null = null;
  if (input.kind === 'supplementary') {
    if (!input.activityId) throw badRequest('ACTIVITY_REQUIRED', 'Name the activity you served at', [{ path: 'body/activityId', message: 'is required' }]);
    activityId = input.activityId;
    const s = await ctx.db
      .selectFrom('volunteer_signup')
      .select('status')
      .where('activity_id', '=', activityId)
      .where('member_id', '=', member.id)
      .where('status', '=', 'confirmed')
      .executeTakeFirst();
    if (!s) throw new AppError('NOT_SIGNED_UP', 409, 'Supplementary hours are for activities you had a confirmed sign-up for');
    const has = await ctx.db.selectFrom('hour_entry').select('id').where('member_id', '=', member.id).where('activity_id', '=', activityId).where('superseded_by', 'is', null).executeTakeFirst();
    if (has) throw conflict('ENTRY_EXISTS', 'Hours for this activity are in the ledger already; ask for a correction instead', { entryId: has.id });
  } else {
    if (!input.entryId) throw badRequest('ENTRY_REQUIRED', 'Name the ledger entry to correct', [{ path: 'body/entryId', message: 'is required' }]);
    const e = await ctx.db.selectFrom('hour_entry').select(['entry_group_id', 'member_id', 'activity_id']).where('id', '=', input.entryId).executeTakeFirst();
    if (!e || e.member_id !== member.id || !e.activity_id) throw notFound('hour entry');
    const current = await ctx.db.selectFrom('hour_entry').select('id').where('entry_group_id', '=', e.entry_group_id).where('superseded_by', 'is', null).executeTakeFirstOrThrow();
    entryId = current.id;
    activityId = e.activity_id;
  }
  const a = await ctx.db.selectFrom('volunteer_activity').select(['starts_at', 'ends_at', 'status']).where('id', '=', activityId).executeTakeFirst();
  if (!a) throw notFound('activity');
  if (a.starts_at.getTime() > Date.now()) throw conflict('ACTIVITY_NOT_STARTED', 'The activity has not started yet');
  const minutes = countedMinutes({ checkedInAt: startedAt, checkedOutAt: endedAt, startsAt: a.starts_at, endsAt: a.ends_at, roundingMinutes: rules.roundingMinutes });
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('hour_request')
      .values({ kind: input.kind, member_id: member.id, activity_id: input.kind === 'supplementary' ? activityId : null, entry_id: entryId, started_at: startedAt, ended_at: endedAt, minutes, reason: input.reason.trim(), requested_by: principal.userId })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw conflict('REQUEST_PENDING', 'A request for this is waiting for the organiser already');
    await writeAudit(trx, actor, { action: `volunteering.hours.request_${input.kind}`, entityType: 'hour_request', entityId: row.id, after: { ...input, minutes } });
    return row.id;
  });
  return getRequest(ctx, id);
}

/** Why the caller may not decide this request, or null: not an organiser of the activity, one's own hours, decided already. */
async function refusalOf(ctx: AppContext, principal: Principal, r: RequestRow): Promise<AppError | null> {
  const place = { regionPath: r.region_path!, ownerOrgPath: r.owner_org_path, ownerOrgRegionPath: null, organiserUserId: r.organiser_user_id, teamId: r.team_id };
  if (!(await canManage(ctx.db, principal, place, 'volunteering.hours.verify'))) return forbidden('Only the activity’s organisers decide', { permission: 'volunteering.hours.verify' });
  if (r.member_user_id === principal.userId) return forbidden('Nobody approves his or her own hours');
  if (r.status !== 'pending') return conflict('REQUEST_DECIDED', `The request was ${r.status} already`);
  return null;
}

async function loadForDecision(ctx: AppContext, principal: Principal, id: string): Promise<RequestRow> {
  const r = await selectRequests(ctx.db).where('r.id', '=', id).executeTakeFirst();
  if (!r || !r.activity_id) throw notFound('hour request');
  const refusal = await refusalOf(ctx, principal, r);
  if (refusal) throw refusal;
  return r;
}

/** Approves one request inside the caller's transaction: the entry (or its new version), the audit row, the member told. */
async function applyApproval(trx: Transaction<DB>, principal: Principal, r: RequestRow, note: string | undefined, actor: AuditActor): Promise<void> {
  const id = r.id;
  const claimed = await trx.updateTable('hour_request').set({ status: 'approved', decided_by: principal.userId, decided_at: sql`now()`, decision_note: note ?? null }).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) throw conflict('REQUEST_DECIDED', 'The request was decided meanwhile');
  const newId = randomUUID();
  const base = {
    id: newId,
    member_id: r.member_id,
    activity_id: r.activity_id,
    region_id: r.activity_region_id,
    owner_org_id: r.activity_owner_org_id,
    content: r.activity_title ?? '',
    service_date: dateIn(r.started_at, ZONE),
    started_at: r.started_at,
    ended_at: r.ended_at,
    minutes: r.minutes,
    recorded_by: principal.userId,
    verified_by: principal.userId,
    verified_at: sql<Date>`now()`,
    request_id: id,
  };
  if (r.kind === 'supplementary') {
    const has = await trx.selectFrom('hour_entry').select('id').where('member_id', '=', r.member_id).where('activity_id', '=', r.activity_id).where('superseded_by', 'is', null).executeTakeFirst();
    if (has) throw conflict('ENTRY_EXISTS', 'Hours for this activity are in the ledger already');
    await trx.insertInto('hour_entry').values({ ...base, entry_group_id: newId, method: 'supplementary', note: r.reason }).execute();
  } else {
    const current = await trx.selectFrom('hour_entry').selectAll().where('entry_group_id', '=', r.entry_group_id!).where('superseded_by', 'is', null).forUpdate().executeTakeFirstOrThrow();
    // Mark the old version first (the one-current-entry index), then add the new one pointing back.
    await trx.updateTable('hour_entry').set({ superseded_by: newId }).where('id', '=', current.id).execute();
    await trx
      .insertInto('hour_entry')
      .values({ ...base, entry_group_id: current.entry_group_id, version: current.version + 1, supersedes_id: current.id, method: current.method, note: r.reason })
      .execute();
  }
  await trx.updateTable('hour_request').set({ result_entry_id: newId }).where('id', '=', id).execute();
  await writeAudit(trx, actor, { action: 'volunteering.hours.approve', entityType: 'hour_request', entityId: id, after: { kind: r.kind, entryId: newId, minutes: r.minutes, note } });
  if (r.member_user_id) {
    await notifyMany(trx, [{ userId: r.member_user_id, kind: r.kind === 'supplementary' ? 'volunteering.supplementary.approved' : 'volunteering.correction.approved', params: { activityTitle: r.activity_title ?? '', hours: toHours(r.minutes) }, link: '/volunteering/me/hours' }]);
  }
}

/** Rejects one request inside the caller's transaction, audited, the member told. */
async function applyRejection(trx: Transaction<DB>, principal: Principal, r: RequestRow, note: string, actor: AuditActor): Promise<void> {
  const done = await trx.updateTable('hour_request').set({ status: 'rejected', decided_by: principal.userId, decided_at: sql`now()`, decision_note: note }).where('id', '=', r.id).where('status', '=', 'pending').executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) throw conflict('REQUEST_DECIDED', 'The request was decided meanwhile');
  await writeAudit(trx, actor, { action: 'volunteering.hours.reject', entityType: 'hour_request', entityId: r.id, after: { kind: r.kind, note } });
  if (r.member_user_id) {
    await notifyMany(trx, [{ userId: r.member_user_id, kind: r.kind === 'supplementary' ? 'volunteering.supplementary.rejected' : 'volunteering.correction.rejected', params: { activityTitle: r.activity_title ?? '', note }, link: '/volunteering/me/hours' }]);
  }
}

export async function approveRequest(ctx: AppContext, principal: Principal, id: string, note: string | undefined, actor: AuditActor): Promise<HourRequest> {
  const r = await loadForDecision(ctx, principal, id);
  await ctx.db.transaction().execute((trx) => applyApproval(trx, principal, r, note, actor));
  return getRequest(ctx, id);
}

export async function rejectRequest(ctx: AppContext, principal: Principal, id: string, note: string, actor: AuditActor): Promise<HourRequest> {
  const r = await loadForDecision(ctx, principal, id);
  await ctx.db.transaction().execute((trx) => applyRejection(trx, principal, r, note, actor));
  return getRequest(ctx, id);
}

/**
 * Approves or refuses many requests in one request, all or nothing: every row is checked first
 * (visible, the caller organises its activity, not the caller's own, pending) and again as it is
 * written (the ledger may hold the hours already); any refusal rolls everything back and the
 * error names each refused row.
 */
export async function decideRequests(ctx: AppContext, principal: Principal, input: BulkHourDecisionBody, actor: AuditActor): Promise<{ decided: number; items: HourRequest[] }> {
  const note = input.note?.trim() || undefined;
  if (input.decision === 'reject' && (!note || note.length < 2)) throw badRequest('REASON_REQUIRED', 'A refusal needs a note', [{ path: 'body/note', message: 'is required to reject' }]);
  const ids = uniqueIds(input.ids);
  const found = await selectRequests(ctx.db).where(sql<SqlBool>`r.id = any(${ids}::uuid[])`).execute();
  const byId = new Map(found.map((r) => [r.id, r]));
  const refused: BulkRefusal[] = [];
  const refuse = (id: string, e: AppError, status: string | null) => refused.push({ id, code: e.status === 403 ? 'FORBIDDEN' : e.code, status });
  for (const id of ids) {
    const r = byId.get(id);
    if (!r || !r.activity_id) refused.push({ id, code: 'NOT_FOUND', status: null });
    else {
      const refusal = await refusalOf(ctx, principal, r);
      if (refusal) refuse(id, refusal, r.status);
    }
  }
  if (refused.length) throw bulkRefused(ids.length, refused);
  await ctx.db.transaction().execute(async (trx) => {
    for (const id of ids) {
      const r = byId.get(id)!;
      try {
        if (input.decision === 'approve') await applyApproval(trx, principal, r, note, actor);
        else await applyRejection(trx, principal, r, note!, actor);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        refuse(id, e, r.status);
      }
    }
    if (refused.length) throw bulkRefused(ids.length, refused);
  });
  const rows = await selectRequests(ctx.db).where(sql<SqlBool>`r.id = any(${ids}::uuid[])`).execute();
  const decided = new Map(rows.map((r) => [r.id, toRequest(r)]));
  return { decided: ids.length, items: ids.map((id) => decided.get(id)!) };
}

