/**
 * Reporting in (双报到): cycles, reportIn, confirmRegistration, rejectRegistration, the card and
 * its public check, who has not reported in yet, reminders, and ending registrations when a member
 * moves.
 */
import QRCode from 'qrcode';
import { sql, type Kysely, type SqlBool } from 'kysely';
import type {
  CardVerification,
  CreateCycleBody,
  MissingEntry,
  MissingQuery,
  Registration,
  RegistrationCard,
  RegistrationCycle,
  RegistrationsQuery,
  ReminderBody,
  ReportInBody,
} from '../../../contracts/registration';
import { cardNumber, nextRegistrationStatus, type RegistrationEvent } from '../../../domain/registration/lifecycle';
import { maskName } from '../../platform/crypto';
import { containsPattern } from '../../platform/sql';
import { localDate } from '../../platform/time';
import type { DB } from '../../db/schema';
import { writeAudit, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { pageOf } from '../../platform/paging';
import { announceResidenceChanges, callerMember, correctResidences } from '../directory';
import { notify, notifyMany } from '../../platform/notifications';
import { inReach, reachOf, sidesOf } from './registration.policy';

export const today = () => localDate();
export const CARD_PREFIX = 'GJ';

// ---------- cycles ----------

function toCycle(r: { id: string; name: string; starts_on: string; ends_on: string; created_at: Date }): RegistrationCycle {
  const t = today();
  return { id: r.id, name: r.name, startsOn: r.starts_on, endsOn: r.ends_on, current: r.starts_on <= t && t <= r.ends_on, createdAt: r.created_at.toISOString() };
}

export async function listCycles(ctx: AppContext): Promise<RegistrationCycle[]> {
  const rows = await ctx.db.selectFrom('registration_cycle').selectAll().orderBy('starts_on', 'desc').execute();
  return rows.map(toCycle);
}

export async function createCycle(ctx: AppContext, principal: Principal, input: CreateCycleBody, actor: AuditActor): Promise<RegistrationCycle> {
  if (input.endsOn < input.startsOn) throw badRequest('CYCLE_DATES_INVALID', 'The cycle ends before it starts', [{ path: 'body/endsOn', message: 'before startsOn' }]);
  const overlap = await ctx.db
    .selectFrom('registration_cycle')
    .select('name')
    .where('starts_on', '<=', input.endsOn)
    .where('ends_on', '>=', input.startsOn)
    .executeTakeFirst();
  if (overlap) throw conflict('CYCLE_OVERLAP', `The period overlaps the cycle ${overlap.name}`);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('registration_cycle')
      .values({ name: input.name.trim(), starts_on: input.startsOn, ends_on: input.endsOn, created_by: principal.userId })
      .onConflict((oc) => oc.column('name').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!r) throw conflict('CYCLE_NAME_TAKEN', 'A cycle has this name already');
    await writeAudit(trx, actor, { action: 'registration_cycle.create', entityType: 'registration_cycle', entityId: r.id, after: input });
    return r;
  });
  return toCycle(row);
}

async function cycleFor(db: Kysely<DB>, cycleId: string | undefined) {
  const q = db.selectFrom('registration_cycle').selectAll();
  const row = cycleId
    ? await q.where('id', '=', cycleId).executeTakeFirst()
    : await q.where('starts_on', '<=', today()).where('ends_on', '>=', today()).executeTakeFirst();
  return row ?? null;
}

// ---------- reading registrations ----------

export function selectRegistrations(db: Kysely<DB>) {
  return db
    .selectFrom('registration as r')
    .innerJoin('registration_cycle as cy', 'cy.id', 'r.cycle_id')
    .innerJoin('region as c', 'c.id', 'r.community_id')
    .leftJoin('region as st', 'st.id', 'c.parent_id')
    .leftJoin('organization as u', 'u.id', 'r.unit_org_id')
    .leftJoin('member as m', 'm.id', 'r.member_id')
    .select([
      'r.id',
      'r.kind',
      'r.status',
      'r.cycle_id',
      'cy.name as cycle_name',
      'cy.starts_on as cycle_starts_on',
      'cy.ends_on as cycle_ends_on',
      'r.community_id',
      'c.name as community_name',
      'c.path as community_path',
      'st.name as street_name',
      'r.unit_org_id',
      'u.name as unit_name',
      'u.path as unit_path',
      'r.member_id',
      'm.name as member_name',
      'm.phone_masked as member_phone_masked',
      'm.user_id as member_user_id',
      'r.residence_correction',
      'r.applied_at',
      'r.decided_at',
      'r.reject_reason',
      'r.card_no',
      'r.ended_at',
      'r.end_reason',
    ]);
}

type RegistrationRow = Awaited<ReturnType<ReturnType<typeof selectRegistrations>['executeTakeFirstOrThrow']>>;

function toRegistration(r: RegistrationRow): Registration {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    cycleId: r.cycle_id,
    cycleName: r.cycle_name,
    communityId: r.community_id,
    communityName: r.community_name,
    streetName: r.street_name,
    unitOrgId: r.unit_org_id,
    unitName: r.unit_name,
    memberId: r.member_id,
    memberName: r.member_name,
    memberPhoneMasked: r.member_phone_masked,
    residenceCorrection: r.residence_correction,
    appliedAt: r.applied_at.toISOString(),
    decidedAt: r.decided_at?.toISOString() ?? null,
    rejectReason: r.reject_reason,
    cardNo: r.card_no,
    endedAt: r.ended_at?.toISOString() ?? null,
    endReason: r.end_reason,
  };
}

/** The queue's filters on selectRegistrations (the list, its export and bulk decisions by filter share them). */
export function filterRegistrations<Q extends ReturnType<typeof selectRegistrations>>(query: Q, q: RegistrationsQuery, principal: Principal): Q {
  let out = query;
  if (q.kind) out = out.where('r.kind', '=', q.kind) as Q;
  if (q.status) out = out.where('r.status', '=', q.status) as Q;
  if (q.cycleId) out = out.where('r.cycle_id', '=', q.cycleId) as Q;
  if (q.communityId) out = out.where('r.community_id', '=', q.communityId) as Q;
  if (q.unitOrgId) out = out.where('r.unit_org_id', '=', q.unitOrgId) as Q;
  if (q.mine) out = out.where('m.user_id', '=', principal.userId) as Q;
  if (q.q?.trim()) {
    const like = containsPattern(q.q.trim());
    out = out.where((eb) => eb.or([eb('m.name', 'like', like), eb('u.name', 'like', like), eb('c.name', 'like', like)])) as Q;
  }
  return out;
}

export async function listRegistrations(ctx: AppContext, principal: Principal, q: RegistrationsQuery): Promise<{ items: Registration[]; total: number; nextCursor?: string | null }> {
  const query = filterRegistrations(selectRegistrations(ctx.db).where(inReach(reachOf(principal, 'registration.read'), { member: true })), q, principal);
  const { rows, total, nextCursor } = await pageOf(ctx, query, q, { order: [['r.applied_at', 'desc'], ['r.id', 'asc']], keyset: true });
  return { items: rows.map(toRegistration), total, nextCursor };
}

async function loadVisible(ctx: AppContext, principal: Principal, id: string) {
  const row = await selectRegistrations(ctx.db)
    .where('r.id', '=', id)
    .where(inReach(reachOf(principal, 'registration.read'), { member: true }))
    .executeTakeFirst();
  if (!row) throw notFound('registration');
  return row;
}

export async function getRegistration(ctx: AppContext, principal: Principal, id: string): Promise<Registration> {
  return toRegistration(await loadVisible(ctx, principal, id));
}

// ---------- reporting in ----------

export async function reportIn(ctx: AppContext, principal: Principal, input: ReportInBody, actor: AuditActor): Promise<Registration> {
  const cycle = await cycleFor(ctx.db, undefined);
  if (!cycle) throw conflict('NO_OPEN_CYCLE', 'There is no registration period open today');
  let values: { kind: 'unit' | 'member'; unit_org_id: string | null; member_id: string | null; community_id: string; residence_correction: boolean };
  if (input.kind === 'member') {
    const me = await callerMember(ctx, principal);
    if (!me) throw conflict('NOT_A_MEMBER', 'Your account is not linked to a member record; ask your community to link it');
    if (me.status !== 'active') throw conflict('MEMBER_NOT_ACTIVE', 'Only active members report in');
    const communityId = input.communityId ?? me.residenceRegionId;
    if (!communityId) throw badRequest('RESIDENCE_UNKNOWN', 'Your residence is not in the directory; name the community you live in', [{ path: 'body/communityId', message: 'is required' }]);
    const community = await ctx.db.selectFrom('region').select(['id', 'kind']).where('id', '=', communityId).executeTakeFirst();
    if (!community || community.kind !== 'community') throw badRequest('COMMUNITY_NOT_FOUND', 'The community does not exist', [{ path: 'body/communityId', message: 'not a community' }]);
    values = { kind: 'member', unit_org_id: me.employerOrgId, member_id: me.id, community_id: communityId, residence_correction: communityId !== me.residenceRegionId };
  } else {
    if (!input.communityId) throw badRequest('COMMUNITY_REQUIRED', 'A unit reports in to a paired community', [{ path: 'body/communityId', message: 'is required' }]);
    const unitId = input.unitOrgId ?? principal.assignments.find((a) => a.role === 'unit_admin' && a.scopeType === 'organization')?.scopeId ?? null;
    if (!unitId) throw badRequest('UNIT_REQUIRED', 'Name the unit that reports in', [{ path: 'body/unitOrgId', message: 'is required' }]);
    const pair = await ctx.db
      .selectFrom('pairing as p')
      .innerJoin('organization as u', 'u.id', 'p.unit_org_id')
      .innerJoin('region as c', 'c.id', 'p.community_id')
      .leftJoin('region as ur', 'ur.id', 'u.region_id')
      .select(['p.id', 'u.path as unit_path', 'ur.path as unit_region_path', 'c.path as community_path'])
      .where('p.unit_org_id', '=', unitId)
      .where('p.community_id', '=', input.communityId)
      .where('p.status', '=', 'active')
      .executeTakeFirst();
    if (!pair) throw conflict('NOT_PAIRED', 'The unit is not paired with this community');
    const sides = sidesOf(principal, 'registration.apply', { communityPath: pair.community_path, unitPath: pair.unit_path, unitRegionPath: pair.unit_region_path });
    if (!sides.has('unit')) throw forbidden('Only the unit itself reports in');
    values = { kind: 'unit', unit_org_id: unitId, member_id: null, community_id: input.communityId, residence_correction: false };
  }
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('registration')
      .values({ ...values, cycle_id: cycle.id, applied_by: principal.userId })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw conflict('ALREADY_REPORTED_IN', `You have reported in for ${cycle.name} already`);
    await writeAudit(trx, actor, { action: 'registration.report_in', entityType: 'registration', entityId: row.id, after: { ...values, cycle: cycle.name } });
    return row.id;
  });
  return getRegistration(ctx, principal, id);
}

async function loadForDecision(ctx: AppContext, principal: Principal, id: string) {
  const row = await loadVisible(ctx, principal, id);
  const reach = reachOf(principal, 'registration.decide');
  const ok = reach.all || reach.regionPaths.some((p) => row.community_path.startsWith(p));
  if (!ok) throw forbidden('Only the community confirms or rejects', { permission: 'registration.decide' });
  return row;
}

function transition(status: RegistrationRow['status'], event: RegistrationEvent) {
  const next = nextRegistrationStatus(status, event);
  if (!next) throw conflict('REGISTRATION_STATE', `A ${status} registration cannot be ${event === 'end' ? 'ended' : `${event}ed`}`);
  return next;
}

export async function confirmRegistration(ctx: AppContext, principal: Principal, id: string, actor: AuditActor): Promise<Registration> {
  const row = await loadForDecision(ctx, principal, id);
  transition(row.status, 'confirm');
  const moved = await ctx.db.transaction().execute(async (trx) => {
    const { seq } = await trx.selectNoFrom(sql<string>`nextval('registration_card_seq')`.as('seq')).executeTakeFirstOrThrow();
    const cardNo = cardNumber(CARD_PREFIX, Number(row.cycle_starts_on.slice(0, 4)), Number(seq));
    const done = await trx
      .updateTable('registration')
      .set({ status: 'confirmed', decided_by: principal.userId, decided_at: sql`now()`, card_no: cardNo })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw conflict('REGISTRATION_STATE', 'The registration was decided meanwhile');
    // The member said the directory had the wrong residence: confirming asks the directory to correct it.
    const moved = row.residence_correction && row.member_id ? await correctResidences(trx, [{ memberId: row.member_id, communityId: row.community_id, registrationId: id }], actor) : [];
    await writeAudit(trx, actor, { action: 'registration.confirm', entityType: 'registration', entityId: id, after: { cardNo } });
    if (row.member_user_id) {
      await notify(trx, row.member_user_id, { kind: 'registration.confirmed', params: { communityName: row.community_name, cardNo }, link: '/registration/me' });
    }
    return moved;
  });
  await announceResidenceChanges(ctx, moved, actor);
  return getRegistration(ctx, principal, id);
}

export async function rejectRegistration(ctx: AppContext, principal: Principal, id: string, reason: string, actor: AuditActor): Promise<Registration> {
  const row = await loadForDecision(ctx, principal, id);
  transition(row.status, 'reject');
  await ctx.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('registration')
      .set({ status: 'rejected', decided_by: principal.userId, decided_at: sql`now()`, reject_reason: reason })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw conflict('REGISTRATION_STATE', 'The registration was decided meanwhile');
    await writeAudit(trx, actor, { action: 'registration.reject', entityType: 'registration', entityId: id, after: { reason } });
    if (row.member_user_id) await notify(trx, row.member_user_id, { kind: 'registration.rejected', params: { communityName: row.community_name, reason }, link: '/registration/me' });
  });
  return getRegistration(ctx, principal, id);
}

/** The paths of the communities where a member's registration is confirmed (published to the other modules). */
export async function confirmedCommunityPaths(db: Kysely<DB>, memberId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('registration as g')
    .innerJoin('region as c', 'c.id', 'g.community_id')
    .select('c.path')
    .where('g.member_id', '=', memberId)
    .where('g.status', '=', 'confirmed')
    .execute();
  return rows.map((r) => r.path);
}

/** When a member moves, the registrations at the old community end (history is kept). */
export async function endRegistrationsOnMove(ctx: AppContext, memberId: string, toCommunityId: string | null, actor: AuditActor): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const ended = await trx
      .updateTable('registration')
      .set({ status: 'ended', ended_at: sql`now()`, end_reason: 'moved' })
      .where('member_id', '=', memberId)
      .where('status', 'in', ['pending', 'confirmed'])
      .$if(toCommunityId !== null, (qb) => qb.where('community_id', '!=', toCommunityId as string))
      .returning('id')
      .execute();
    for (const r of ended) {
      await writeAudit(trx, actor, { action: 'registration.end', entityType: 'registration', entityId: r.id, after: { reason: 'moved' } });
    }
    return ended.length;
  });
}

// ---------- the card ----------

export async function registrationCard(ctx: AppContext, principal: Principal, id: string, origin: string): Promise<RegistrationCard> {
  const row = await loadVisible(ctx, principal, id);
  if (!row.card_no || row.status !== 'confirmed' || !row.decided_at) throw conflict('NO_CARD', 'A card is issued once the community confirms');
  const verifyUrl = `${origin}/verify/${row.card_no}`;
  return {
    cardNo: row.card_no,
    kind: row.kind,
    holderName: row.kind === 'member' ? (row.member_name ?? '') : (row.unit_name ?? ''),
    unitName: row.unit_name,
    communityName: row.community_name,
    streetName: row.street_name,
    cycleName: row.cycle_name,
    confirmedAt: row.decided_at.toISOString(),
    status: row.status,
    verifyUrl,
    qrSvg: await QRCode.toString(verifyUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
  };
}

/** The public check a QR scan opens: valid or not, with the name masked. */
export async function verifyCard(ctx: AppContext, cardNo: string): Promise<CardVerification> {
  const row = await selectRegistrations(ctx.db).where('r.card_no', '=', cardNo).executeTakeFirst();
  if (!row) return { valid: false, cardNo, kind: null, holderName: null, unitName: null, communityName: null, cycleName: null, confirmedAt: null, status: null };
  return {
    // A card vouches for its own cycle only: once the period is over, a new report-in is due.
    valid: row.status === 'confirmed' && row.cycle_ends_on >= today(),
    cardNo,
    kind: row.kind,
    holderName: row.kind === 'member' ? maskName(row.member_name ?? '') : row.unit_name,
    unitName: row.unit_name,
    communityName: row.community_name,
    cycleName: row.cycle_name,
    confirmedAt: row.decided_at?.toISOString() ?? null,
    status: row.status,
  };
}

// ---------- who has not reported in ----------

function missingMembers(db: Kysely<DB>, principal: Principal, cycleId: string, q: MissingQuery) {
  const reach = reachOf(principal, 'registration.read');
  let query = db
    .selectFrom('member as m')
    .innerJoin('region as c', 'c.id', 'm.residence_region_id')
    .leftJoin('region as st', 'st.id', 'c.parent_id')
    .innerJoin('organization as u', 'u.id', 'm.employer_org_id')
    .where('m.status', '=', 'active')
    .where('m.is_party_member', '=', true)
    .where(inReach({ ...reach, selfUserId: null }))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('registration as r').select(sql`1`.as('one')).whereRef('r.member_id', '=', 'm.id').where('r.cycle_id', '=', cycleId).where('r.status', 'in', ['pending', 'confirmed']))),
    );
  if (q.regionId) query = query.where(sql<SqlBool>`c.path like (select path from region where id = ${q.regionId}) || '%'`);
  if (q.unitOrgId) query = query.where('m.employer_org_id', '=', q.unitOrgId);
  return query;
}

function missingUnits(db: Kysely<DB>, principal: Principal, cycleId: string, q: MissingQuery) {
  const reach = reachOf(principal, 'registration.read');
  let query = db
    .selectFrom('pairing as p')
    .innerJoin('region as c', 'c.id', 'p.community_id')
    .leftJoin('region as st', 'st.id', 'c.parent_id')
    .innerJoin('organization as u', 'u.id', 'p.unit_org_id')
    .where('p.status', '=', 'active')
    .where(inReach({ ...reach, selfUserId: null }))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('registration as r')
            .select(sql`1`.as('one'))
            .where('r.kind', '=', 'unit')
            .whereRef('r.unit_org_id', '=', 'p.unit_org_id')
            .whereRef('r.community_id', '=', 'p.community_id')
            .where('r.cycle_id', '=', cycleId)
            .where('r.status', 'in', ['pending', 'confirmed']),
        ),
      ),
    );
  if (q.regionId) query = query.where(sql<SqlBool>`c.path like (select path from region where id = ${q.regionId}) || '%'`);
  if (q.unitOrgId) query = query.where('p.unit_org_id', '=', q.unitOrgId);
  return query;
}

export async function listMissing(ctx: AppContext, principal: Principal, q: MissingQuery): Promise<{ items: MissingEntry[]; total: number }> {
  const cycle = await cycleFor(ctx.db, q.cycleId);
  if (!cycle) return { items: [], total: 0 };
  if (q.kind === 'member') {
    const base = missingMembers(ctx.db, principal, cycle.id, q);
    const columns = ['m.id', 'm.name', 'm.phone_masked', 'u.id as unit_id', 'u.name as unit_name', 'c.id as community_id', 'c.name as community_name', 'st.name as street_name'] as const;
    const { rows, total } = await pageOf(ctx, base.select(columns), q, { count: base, order: [['c.name', 'asc'], ['m.name_initials', 'asc']] });
    return {
      total,
      items: rows.map((r) => ({ kind: 'member', memberId: r.id, memberName: r.name, memberPhoneMasked: r.phone_masked, unitOrgId: r.unit_id, unitName: r.unit_name, communityId: r.community_id, communityName: r.community_name, streetName: r.street_name })),
    };
  }
  const base = missingUnits(ctx.db, principal, cycle.id, q);
  const columns = ['u.id as unit_id', 'u.name as unit_name', 'c.id as community_id', 'c.name as community_name', 'st.name as street_name'] as const;
  const { rows, total } = await pageOf(ctx, base.select(columns), q, { count: base, order: [['c.name', 'asc'], ['u.name', 'asc']] });
  return {
    total,
    items: rows.map((r) => ({ kind: 'unit', memberId: null, memberName: null, memberPhoneMasked: null, unitOrgId: r.unit_id, unitName: r.unit_name, communityId: r.community_id, communityName: r.community_name, streetName: r.street_name })),
  };
}

/** In-app reminders to those who have not reported in (once per person and cycle). */
export async function sendReminders(ctx: AppContext, principal: Principal, input: ReminderBody, actor: AuditActor): Promise<{ sent: number }> {
  const reach = reachOf(principal, 'registration.read');
  if (!reach.all && reach.regionPaths.length === 0 && reach.orgPaths.length === 0) throw forbidden('Reminders are sent by communities, streets, units and supervisors');
  const cycle = await cycleFor(ctx.db, input.cycleId);
  if (!cycle) throw conflict('NO_OPEN_CYCLE', 'There is no registration period to remind about');
  const q: MissingQuery = { kind: input.kind, regionId: input.regionId, unitOrgId: input.unitOrgId };
  let sent = 0;
  await ctx.db.transaction().execute(async (trx) => {
    if (input.kind === 'member') {
      const rows = await missingMembers(trx, principal, cycle.id, q).select(['m.user_id', 'c.name as community_name']).where('m.user_id', 'is not', null).limit(10_000).execute();
      sent = await notifyMany(
        trx,
        rows.map((r) => ({ userId: r.user_id!, kind: 'registration.reminder', params: { communityName: r.community_name, cycleName: cycle.name, endsOn: cycle.ends_on }, link: '/registration/me', dedupeKey: `reg-reminder:${cycle.id}` })),
      );
    } else {
      const rows = await missingUnits(trx, principal, cycle.id, q)
        .innerJoin('role_assignment as ra', (j) => j.onRef('ra.organization_id', '=', 'p.unit_org_id').on('ra.role', '=', 'unit_admin'))
        .select(['ra.user_id', 'c.name as community_name', 'u.name as unit_name', 'c.id as community_id'])
        .limit(10_000)
        .execute();
      sent = await notifyMany(
        trx,
        rows.map((r) => ({
          userId: r.user_id,
          kind: 'registration.unit_reminder',
          params: { unitName: r.unit_name, communityName: r.community_name, cycleName: cycle.name, endsOn: cycle.ends_on },
          link: '/registration/pairings',
          dedupeKey: `reg-reminder:${cycle.id}:${r.community_id}`,
        })),
      );
    }
    await writeAudit(trx, actor, { action: 'registration.remind', entityType: 'registration_cycle', entityId: cycle.id, after: { ...input, sent } });
  });
  return { sent };
}
