/**
 * Sign-ups: signUp (through the group-commit batcher), cancelSignup (until the deadline; the
 * waitlist moves up in order), listMySignups, the organiser's roster and its .xlsx export.
 */
import { sql } from 'kysely';
import type { MySignupsQuery, Roster, RosterEntry, Signup } from '../../../contracts/volunteering';
import { canCancel, isEligible } from '../../../domain/volunteering/eligibility';
import { toHours } from '../../../domain/volunteering/hours';
import { writeAudit, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { AppError, conflict, notFound } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { writeSheet } from '../../platform/xlsx';
import { loadManaged, promoteWaitlist, promotedNotices, toActivity } from './activities.service';
import { findActivity, type ActivityRow } from './activities.repository';
import { notifyMany } from '../../platform/notifications';
import { pageOf } from '../../platform/paging';
import { SignupBatcher } from './signup-batcher';
import { requireMember } from './volunteering.policy';

const batchers = new WeakMap<AppContext, SignupBatcher>();

export function batcherOf(ctx: AppContext): SignupBatcher {
  let b = batchers.get(ctx);
  if (!b) batchers.set(ctx, (b = new SignupBatcher(ctx.db, ctx.database.store === 'pglite' ? 5 : 0)));
  return b;
}

/**
 * Activity facts for eligibility, cached briefly and fetched once for concurrent callers (the rush
 * reads them on every request); the activity's state is re-checked under the lock in the batch.
 */
const activityCache = new WeakMap<AppContext, Map<string, { at: number; row: Promise<ActivityRow | undefined> }>>();
const ACTIVITY_TTL_MS = 2_000;

async function activityForSignup(ctx: AppContext, id: string): Promise<ActivityRow> {
  let cache = activityCache.get(ctx);
  if (!cache) activityCache.set(ctx, (cache = new Map()));
  let hit = cache.get(id);
  if (!hit || Date.now() - hit.at >= ACTIVITY_TTL_MS) {
    if (cache.size > 10_000) cache.clear();
    hit = { at: Date.now(), row: findActivity(ctx.db, id) };
    cache.set(id, hit);
    hit.row.catch(() => cache.delete(id));
  }
  const row = await hit.row;
  if (!row) throw notFound('activity');
  return row;
}

export async function signUp(ctx: AppContext, principal: Principal, activityId: string, actor: AuditActor): Promise<Signup> {
  const member = await requireMember(ctx, principal);
  const a = await activityForSignup(ctx, activityId);
  if (a.status !== 'published') throw conflict('ACTIVITY_CANCELLED', 'The activity was cancelled');
  if (a.ends_at.getTime() <= Date.now()) throw conflict('ACTIVITY_ENDED', 'The activity is over');
  const eligible = isEligible({ communityPaths: member.communityPaths, employerPath: member.employerPath }, { eligibility: a.eligibility, regionPath: a.region_path, ownerOrgPath: a.owner_org_path });
  if (!eligible) {
    const who = a.eligibility === 'unit_members' ? 'the publishing unit’s members' : 'members of this community';
    throw new AppError('SIGNUP_NOT_ELIGIBLE', 403, `This activity is open to ${who} only`, { eligibility: a.eligibility });
  }
  const o = await batcherOf(ctx).submit({ activityId, memberId: member.id, actor });
  return {
    id: o.id,
    activityId,
    activityTitle: o.title,
    startsAt: o.startsAt.toISOString(),
    endsAt: o.endsAt.toISOString(),
    place: o.place,
    status: o.status,
    seq: o.seq,
    position: o.position,
    createdAt: o.createdAt.toISOString(),
    cancelledAt: null,
    checkedInAt: null,
    checkedOutAt: null,
  };
}

function selectSignups(ctx: AppContext) {
  return ctx.db
    .selectFrom('volunteer_signup as s')
    .innerJoin('volunteer_activity as a', 'a.id', 's.activity_id')
    .select([
      's.id',
      's.activity_id',
      'a.title',
      'a.starts_at',
      'a.ends_at',
      'a.place',
      's.status',
      's.seq',
      's.created_at',
      's.cancelled_at',
      's.checked_in_at',
      's.checked_out_at',
      sql<number | null>`case when s.status = 'waitlisted' then (select count(*) from volunteer_signup w where w.activity_id = s.activity_id and w.status = 'waitlisted' and w.seq <= s.seq) end`.as('position'),
    ]);
}

type SignupRow = Awaited<ReturnType<ReturnType<typeof selectSignups>['executeTakeFirstOrThrow']>>;

export function toSignup(r: SignupRow): Signup {
  return {
    id: r.id,
    activityId: r.activity_id,
    activityTitle: r.title,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    place: r.place,
    status: r.status,
    seq: r.seq,
    position: r.position === null ? null : Number(r.position),
    createdAt: r.created_at.toISOString(),
    cancelledAt: r.cancelled_at?.toISOString() ?? null,
    checkedInAt: r.checked_in_at?.toISOString() ?? null,
    checkedOutAt: r.checked_out_at?.toISOString() ?? null,
  };
}

export async function getSignup(ctx: AppContext, id: string): Promise<Signup> {
  return toSignup(await selectSignups(ctx).where('s.id', '=', id).executeTakeFirstOrThrow());
}

export async function cancelSignup(ctx: AppContext, principal: Principal, activityId: string, actor: AuditActor): Promise<Signup> {
  const member = await requireMember(ctx, principal);
  const signupId = await ctx.db.transaction().execute(async (trx) => {
    const a = await trx.selectFrom('volunteer_activity').select(['id', 'title', 'starts_at', 'cancel_deadline_hours']).where('id', '=', activityId).forUpdate().executeTakeFirst();
    if (!a) throw notFound('activity');
    const s = await trx
      .selectFrom('volunteer_signup')
      .select(['id', 'status', 'checked_in_at'])
      .where('activity_id', '=', activityId)
      .where('member_id', '=', member.id)
      .where('status', '<>', 'cancelled')
      .executeTakeFirst();
    if (!s) throw notFound('sign-up');
    if (s.checked_in_at) throw conflict('ALREADY_CHECKED_IN', 'You have checked in already; the sign-up cannot be cancelled');
    if (s.status === 'confirmed' && !canCancel(a.starts_at, a.cancel_deadline_hours, new Date())) {
      throw new AppError('CANCELLATION_CLOSED', 409, `Sign-ups can be cancelled until ${a.cancel_deadline_hours} h before the start; please tell the organiser`, { deadlineHours: a.cancel_deadline_hours });
    }
    await trx.updateTable('volunteer_signup').set({ status: 'cancelled', cancelled_at: sql`now()` }).where('id', '=', s.id).execute();
    const wasConfirmed = s.status === 'confirmed';
    await trx
      .updateTable('volunteer_activity')
      .set(wasConfirmed ? { confirmed_count: sql`confirmed_count - 1` } : { waitlist_count: sql`waitlist_count - 1` })
      .where('id', '=', activityId)
      .execute();
    const promoted = wasConfirmed ? await promoteWaitlist(trx, activityId, 1) : [];
    await writeAudit(trx, actor, { action: 'volunteering.signup.cancel', entityType: 'volunteer_signup', entityId: s.id, before: { status: s.status }, after: { status: 'cancelled', promoted: promoted.map((p) => p.signupId) } });
    await notifyMany(trx, promotedNotices(a.title, promoted, activityId));
    return s.id;
  });
  return getSignup(ctx, signupId);
}

export async function listMySignups(ctx: AppContext, principal: Principal, q: MySignupsQuery): Promise<{ items: Signup[]; total: number }> {
  const member = await requireMember(ctx, principal);
  let query = selectSignups(ctx).where('s.member_id', '=', member.id);
  if (q.status) query = query.where('s.status', '=', q.status);
  if (q.upcoming) query = query.where('a.ends_at', '>', new Date());
  const { rows, total } = await pageOf(ctx, query, q, { order: [['a.starts_at', q.upcoming ? 'asc' : 'desc'], ['s.id', 'asc']] });
  return { items: rows.map(toSignup), total };
}

// ---------- the roster ----------

async function rosterEntries(ctx: AppContext, activityId: string): Promise<RosterEntry[]> {
  const rows = await ctx.db
    .selectFrom('volunteer_signup as s')
    .innerJoin('member as m', 'm.id', 's.member_id')
    .leftJoin('organization as u', 'u.id', 'm.employer_org_id')
    .leftJoin('hour_entry as h', (j) => j.onRef('h.member_id', '=', 's.member_id').onRef('h.activity_id', '=', 's.activity_id').on('h.superseded_by', 'is', null))
    .select([
      's.id',
      's.member_id',
      'm.name',
      'm.phone_masked',
      'u.name as unit_name',
      's.status',
      's.seq',
      's.created_at',
      's.checked_in_at',
      's.checked_out_at',
      's.check_in_method',
      'h.minutes',
    ])
    .where('s.activity_id', '=', activityId)
    .orderBy(sql`case s.status when 'confirmed' then 0 when 'waitlisted' then 1 else 2 end`)
    .orderBy('s.seq')
    .execute();
  let waiting = 0;
  return rows.map((r) => ({
    signupId: r.id,
    memberId: r.member_id,
    memberName: r.name,
    memberPhoneMasked: r.phone_masked,
    unitName: r.unit_name,
    status: r.status,
    seq: r.seq,
    position: r.status === 'waitlisted' ? ++waiting : null,
    createdAt: r.created_at.toISOString(),
    checkedInAt: r.checked_in_at?.toISOString() ?? null,
    checkedOutAt: r.checked_out_at?.toISOString() ?? null,
    checkInMethod: r.check_in_method,
    hours: r.minutes === null ? null : toHours(r.minutes),
  }));
}

export async function getRoster(ctx: AppContext, principal: Principal, activityId: string): Promise<Roster> {
  const { row, viewer } = await loadManaged(ctx, principal, activityId);
  return { activity: toActivity(row, viewer, undefined), items: await rosterEntries(ctx, activityId) };
}

const STATUS_ZH = { confirmed: '已确认', waitlisted: '候补', cancelled: '已取消' } as const;
const METHOD_ZH = { scan: '扫码', code: '签到码', organiser: '组织者', supplementary: '补录' } as const;
const fmt = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '');

export async function exportRoster(ctx: AppContext, principal: Principal, activityId: string, actor: AuditActor): Promise<{ fileName: string; data: Buffer }> {
  const roster = await getRoster(ctx, principal, activityId);
  const data = await writeSheet(
    '报名名单',
    ['序号', '姓名', '手机号', '工作单位', '状态', '候补位次', '报名时间', '签到', '签退', '签到方式', '时长(小时)'].map((header) => ({ header })),
    roster.items.map((r) => [r.seq, r.memberName, r.memberPhoneMasked, r.unitName, STATUS_ZH[r.status], r.position, fmt(r.createdAt), fmt(r.checkedInAt), fmt(r.checkedOutAt), r.checkInMethod ? METHOD_ZH[r.checkInMethod] : '', r.hours]),
  );
  await writeAudit(ctx.db, actor, { action: 'volunteering.roster.export', entityType: 'volunteer_activity', entityId: activityId, after: { rows: roster.items.length } });
  return { fileName: `报名名单-${roster.activity.title}.xlsx`, data };
}
