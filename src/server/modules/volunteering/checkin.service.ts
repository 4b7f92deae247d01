/**
 * Check-in and check-out: the organiser's rotating QR token and 6-character code (checkCode),
 * a member checking in or out with one of them (checkInOut), and the organiser doing it from the
 * roster (recordAttendance). Check-out writes the ledger entry: actual time, capped by the
 * scheduled length, rounded down to the configured unit.
 */
import { randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import { sql } from 'kysely';
import type { AttendanceBody, CheckBody, CheckCode, CheckResult, RecordMethod } from '../../../contracts/volunteering';
import { WINDOW_SECONDS, checkCode as verifyCode, checkToken, codeFor, tokenFor, windowOf } from '../../../domain/volunteering/checkin-code';
import { countedMinutes, toHours } from '../../../domain/volunteering/hours';
import { writeAudit, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { AppError, badRequest, conflict, notFound } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { ZONE } from '../../platform/time';
import { loadManaged } from './activities.service';
import { currentYear, rulesFor } from './settings.service';
import { getSignup } from './signups.service';
import { requireMember } from './volunteering.policy';
import { dateIn } from '../../../domain/volunteering/calendar';

/** Check-in opens this long before the start; check-out closes this long after the end. */
const CHECK_IN_EARLY_MS = 60 * 60_000;
const CHECK_OUT_LATE_MS = 2 * 60 * 60_000;

export async function checkCode(ctx: AppContext, principal: Principal, activityId: string, origin: string): Promise<CheckCode> {
  const { row } = await loadManaged(ctx, principal, activityId);
  if (row.status !== 'published') throw conflict('ACTIVITY_CANCELLED', 'The activity was cancelled');
  const secret = await secretOf(ctx, activityId);
  const window = windowOf(Date.now());
  const token = tokenFor(secret, window);
  const qrUrl = `${origin}/volunteering/check-in/${activityId}?t=${encodeURIComponent(token)}`;
  return {
    activityId,
    code: codeFor(secret, window),
    token,
    qrUrl,
    qrSvg: await QRCode.toString(qrUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
    windowSeconds: WINDOW_SECONDS,
    refreshAt: new Date((window + 1) * WINDOW_SECONDS * 1000).toISOString(),
  };
}

async function secretOf(ctx: AppContext, activityId: string): Promise<string> {
  const r = await ctx.db.selectFrom('volunteer_activity').select('checkin_secret').where('id', '=', activityId).executeTakeFirst();
  if (!r) throw notFound('activity');
  return r.checkin_secret;
}

export async function checkInOut(ctx: AppContext, principal: Principal, activityId: string, body: CheckBody, action: 'in' | 'out', actor: AuditActor): Promise<CheckResult> {
  if ((body.token === undefined) === (body.code === undefined)) {
    throw badRequest('CODE_REQUIRED', 'Scan the QR code or type the 6-character code (one of them)', [{ path: 'body', message: 'token or code' }]);
  }
  const member = await requireMember(ctx, principal);
  const secret = await secretOf(ctx, activityId);
  const now = Date.now();
  const verdict = body.token !== undefined ? checkToken(secret, body.token, now) : verifyCode(secret, body.code!, now);
  if (verdict === 'expired') throw conflict('CODE_EXPIRED', 'The code has changed; scan the organiser’s screen again');
  if (verdict === 'invalid') throw badRequest('CODE_INVALID', 'The code is not this activity’s', [{ path: body.token !== undefined ? 'body/token' : 'body/code', message: 'does not match' }]);
  return record(ctx, { activityId, memberId: member.id, action, method: body.token !== undefined ? 'scan' : 'code', byUserId: principal.userId, organiser: false }, actor);
}

export async function recordAttendance(ctx: AppContext, principal: Principal, activityId: string, body: AttendanceBody, actor: AuditActor): Promise<CheckResult> {
  await loadManaged(ctx, principal, activityId);
  return record(ctx, { activityId, memberId: body.memberId, action: body.action, method: 'organiser', byUserId: principal.userId, organiser: true }, actor);
}

interface Attendance {
  activityId: string;
  memberId: string;
  action: 'in' | 'out';
  method: RecordMethod;
  byUserId: string;
  /** The organiser acts from the roster (not bound to the check-in hours). */
  organiser: boolean;
}

async function record(ctx: AppContext, at: Attendance, actor: AuditActor): Promise<CheckResult> {
  const rules = await rulesFor(ctx.db, currentYear());
  const result = await ctx.db.transaction().execute(async (trx) => {
    const a = await trx
      .selectFrom('volunteer_activity')
      .select(['id', 'title', 'status', 'starts_at', 'ends_at', 'region_id', 'owner_org_id', 'organiser_user_id'])
      .where('id', '=', at.activityId)
      .executeTakeFirst();
    if (!a) throw notFound('activity');
    if (a.status !== 'published') throw conflict('ACTIVITY_CANCELLED', 'The activity was cancelled');
    const now = new Date();
    if (!at.organiser) {
      if (at.action === 'in' && (now.getTime() < a.starts_at.getTime() - CHECK_IN_EARLY_MS || now.getTime() > a.ends_at.getTime())) {
        throw new AppError('CHECK_IN_CLOSED', 409, 'Check-in opens an hour before the start and closes at the end');
      }
      if (at.action === 'out' && now.getTime() > a.ends_at.getTime() + CHECK_OUT_LATE_MS) {
        throw new AppError('CHECK_OUT_CLOSED', 409, 'Check-out closed two hours after the end; ask the organiser for a supplementary entry');
      }
    }
    const s = await trx
      .selectFrom('volunteer_signup')
      .select(['id', 'status', 'checked_in_at', 'checked_out_at', 'check_in_method'])
      .where('activity_id', '=', at.activityId)
      .where('member_id', '=', at.memberId)
      .where('status', '<>', 'cancelled')
      .forUpdate()
      .executeTakeFirst();
    if (!s) throw new AppError('NOT_SIGNED_UP', 409, 'There is no sign-up for this activity');
    if (s.status !== 'confirmed') throw new AppError('NOT_CONFIRMED', 409, 'Only confirmed sign-ups check in (you are on the waitlist)');
    if (at.action === 'in') {
      if (s.checked_in_at) throw conflict('ALREADY_CHECKED_IN', 'Checked in already');
      await trx.updateTable('volunteer_signup').set({ checked_in_at: now, check_in_method: at.method }).where('id', '=', s.id).execute();
      await writeAudit(trx, actor, { action: 'volunteering.check_in', entityType: 'volunteer_signup', entityId: s.id, after: { method: at.method, memberId: at.memberId } });
      return { signupId: s.id, entry: null };
    }
    if (!s.checked_in_at) throw conflict('NOT_CHECKED_IN', 'Check in before checking out');
    if (s.checked_out_at) throw conflict('ALREADY_CHECKED_OUT', 'Checked out already');
    await trx.updateTable('volunteer_signup').set({ checked_out_at: now, check_out_method: at.method }).where('id', '=', s.id).execute();
    const minutes = countedMinutes({ checkedInAt: s.checked_in_at, checkedOutAt: now, startsAt: a.starts_at, endsAt: a.ends_at, roundingMinutes: rules.roundingMinutes });
    const method = (s.check_in_method ?? at.method) as RecordMethod;
    const entryId = randomUUID();
    const existing = await trx.selectFrom('hour_entry').select('id').where('member_id', '=', at.memberId).where('activity_id', '=', at.activityId).where('superseded_by', 'is', null).executeTakeFirst();
    if (existing) throw conflict('ENTRY_EXISTS', 'Hours for this activity are in the ledger already; ask for a correction');
    await trx
      .insertInto('hour_entry')
      .values({
        id: entryId,
        entry_group_id: entryId,
        member_id: at.memberId,
        activity_id: at.activityId,
        region_id: a.region_id,
        owner_org_id: a.owner_org_id,
        content: a.title,
        service_date: dateIn(s.checked_in_at, ZONE),
        started_at: s.checked_in_at,
        ended_at: now,
        minutes,
        method,
        recorded_by: at.byUserId,
        // Whoever organises records and certifies: the organiser's code (or the organiser) vouches for it.
        verified_by: at.organiser ? at.byUserId : a.organiser_user_id,
        verified_at: sql<Date>`now()`,
      })
      .execute();
    await writeAudit(trx, actor, { action: 'volunteering.check_out', entityType: 'volunteer_signup', entityId: s.id, after: { method: at.method, memberId: at.memberId, entryId, minutes } });
    return { signupId: s.id, entry: { id: entryId, hours: toHours(minutes), method } };
  });
  return { signup: await getSignup(ctx, result.signupId), entry: result.entry };
}

