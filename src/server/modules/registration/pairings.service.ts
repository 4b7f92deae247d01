/**
 * Pairings (结对共建) and their agreements (共建协议): proposePairing, acceptPairing, declinePairing,
 * endPairing; createAgreement, updateAgreement (draft only), signAgreement (甲方 the community,
 * 乙方 the unit), endAgreement; reminders before an agreement expires.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type {
  Agreement,
  AgreementsQuery,
  CreateAgreementBody,
  Pairing,
  PairingsQuery,
  ProposePairingBody,
  UpdateAgreementBody,
} from '../../../contracts/registration';
import { agreementStatus, daysBetween, nextPairingStatus, signAgreement as nextSigned, type AgreementSide, type PairingEvent } from '../../../domain/registration/lifecycle';
import type { DB } from '../../db/schema';
import { writeAudit, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { notifyMany } from '../../platform/notifications';
import { inReach, reachOf, sidesOf, type Side } from './registration.policy';
import { localDateIn } from '../../platform/time';
import { pageOf } from '../../platform/paging';
import { today } from './registrations.service';

// ---------- pairings ----------

function selectPairings(db: Kysely<DB>) {
  return db
    .selectFrom('pairing as p')
    .innerJoin('organization as u', 'u.id', 'p.unit_org_id')
    .leftJoin('region as ur', 'ur.id', 'u.region_id')
    .innerJoin('region as c', 'c.id', 'p.community_id')
    .leftJoin('region as st', 'st.id', 'c.parent_id')
    .leftJoin('organization as co', (j) => j.onRef('co.region_id', '=', 'c.id').on('co.kind', '=', 'community'))
    .select([
      'p.id',
      'p.unit_org_id',
      'u.name as unit_name',
      'u.path as unit_path',
      'ur.path as unit_region_path',
      'u.liaison_name as unit_liaison',
      'u.secretary_name as unit_secretary',
      'p.community_id',
      'c.name as community_name',
      'c.path as community_path',
      'c.village',
      'st.name as street_name',
      'co.id as community_org_id',
      'co.name as community_org_name',
      'co.liaison_name as community_liaison',
      'co.secretary_name as community_secretary',
      'p.status',
      'p.proposed_by_side',
      'p.note',
      'p.created_at',
      'p.decided_at',
      'p.ended_at',
      'p.end_reason',
    ])
    .select(sql<string | null>`(select a.id from agreement a where a.pairing_id = p.id order by (a.status = 'signed_by_both') desc, a.created_at desc limit 1)`.as('agreement_id'));
}

type PairingRow = Awaited<ReturnType<ReturnType<typeof selectPairings>['executeTakeFirstOrThrow']>>;

const places = (r: PairingRow) => ({ communityPath: r.community_path, unitPath: r.unit_path, unitRegionPath: r.unit_region_path });

async function toPairings(db: Kysely<DB>, rows: PairingRow[]): Promise<Pairing[]> {
  const ids = rows.map((r) => r.agreement_id).filter((x): x is string => x !== null);
  const agreements = ids.length ? await db.selectFrom('agreement').select(['id', 'status', 'term_start', 'term_end']).where('id', 'in', ids).execute() : [];
  const orgIds = [...new Set(rows.flatMap((r) => [r.unit_org_id, r.community_org_id]).filter((x): x is string => x !== null))];
  const groups = orgIds.length
    ? await db.selectFrom('leading_group_member').select(['organization_id', 'name', 'post', 'title']).where('organization_id', 'in', orgIds).orderBy('sort_order').execute()
    : [];
  const groupOf = (orgId: string | null) => groups.filter((g) => g.organization_id === orgId).map(({ name, post, title }) => ({ name, post, title }));
  const t = today();
  return rows.map((r) => {
    const a = agreements.find((x) => x.id === r.agreement_id);
    return {
      id: r.id,
      unitOrgId: r.unit_org_id,
      unitName: r.unit_name,
      communityId: r.community_id,
      communityName: r.community_name,
      communityOrgName: r.community_org_name,
      village: r.village,
      streetName: r.street_name,
      status: r.status,
      proposedBySide: r.proposed_by_side,
      note: r.note,
      createdAt: r.created_at.toISOString(),
      decidedAt: r.decided_at?.toISOString() ?? null,
      endedAt: r.ended_at?.toISOString() ?? null,
      endReason: r.end_reason,
      agreementId: r.agreement_id,
      agreementStatus: a ? agreementStatus(a.status, a.term_start, a.term_end, t) : null,
      unitLiaison: r.unit_liaison,
      unitSecretary: r.unit_secretary,
      communityLiaison: r.community_liaison,
      communitySecretary: r.community_secretary,
      unitLeadingGroup: groupOf(r.unit_org_id),
      communityLeadingGroup: groupOf(r.community_org_id),
    };
  });
}

export async function listPairings(ctx: AppContext, principal: Principal, q: PairingsQuery): Promise<{ items: Pairing[]; total: number }> {
  let query = selectPairings(ctx.db).where(inReach(reachOf(principal, 'pairing.read')));
  if (q.status) query = query.where('p.status', '=', q.status);
  if (q.unitOrgId) query = query.where('p.unit_org_id', '=', q.unitOrgId);
  if (q.communityId) query = query.where('p.community_id', '=', q.communityId);
  if (q.regionId) query = query.where(sql<SqlBool>`c.path like (select path from region where id = ${q.regionId}) || '%'`);
  if (q.withoutAgreement) {
    const t = today();
    query = query
      .where('p.status', '=', 'active')
      .where(sql<SqlBool>`not exists (select 1 from agreement a where a.pairing_id = p.id and a.status = 'signed_by_both' and a.term_start <= ${t} and a.term_end >= ${t})`);
  }
  const { rows, total } = await pageOf(ctx, query, q, { order: [['c.name', 'asc'], ['u.name', 'asc']] });
  return { items: await toPairings(ctx.db, rows), total };
}

async function loadPairing(ctx: AppContext, principal: Principal, id: string) {
  const row = await selectPairings(ctx.db).where('p.id', '=', id).where(inReach(reachOf(principal, 'pairing.read'))).executeTakeFirst();
  if (!row) throw notFound('pairing');
  return row;
}

export async function getPairing(ctx: AppContext, principal: Principal, id: string): Promise<Pairing> {
  const [p] = await toPairings(ctx.db, [await loadPairing(ctx, principal, id)]);
  return p!;
}

export async function proposePairing(ctx: AppContext, principal: Principal, input: ProposePairingBody, actor: AuditActor): Promise<Pairing> {
  const unit = await ctx.db
    .selectFrom('organization as u')
    .leftJoin('region as ur', 'ur.id', 'u.region_id')
    .select(['u.id', 'u.kind', 'u.path', 'ur.path as region_path'])
    .where('u.id', '=', input.unitOrgId)
    .executeTakeFirst();
  if (!unit || unit.kind !== 'unit') throw badRequest('UNIT_NOT_FOUND', 'The unit does not exist', [{ path: 'body/unitOrgId', message: 'not a unit' }]);
  const community = await ctx.db.selectFrom('region').select(['id', 'kind', 'path']).where('id', '=', input.communityId).executeTakeFirst();
  if (!community || community.kind !== 'community') throw badRequest('COMMUNITY_NOT_FOUND', 'The community does not exist', [{ path: 'body/communityId', message: 'not a community' }]);
  const sides = sidesOf(principal, 'pairing.propose', { communityPath: community.path, unitPath: unit.path, unitRegionPath: unit.region_path });
  const side: Side | undefined = sides.has('supervisor') ? 'supervisor' : sides.has('community') ? 'community' : sides.has('unit') ? 'unit' : undefined;
  if (!side) throw forbidden('Only the unit, the community or their supervisors propose a pairing');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('pairing')
      .values({
        unit_org_id: unit.id,
        community_id: community.id,
        // A supervisor pairs by decision; either side's proposal waits for the other.
        status: side === 'supervisor' ? 'active' : 'proposed',
        proposed_by_side: side,
        proposed_by: principal.userId,
        decided_by: side === 'supervisor' ? principal.userId : null,
        decided_at: side === 'supervisor' ? sql`now()` : null,
        note: input.note ?? null,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw conflict('PAIRING_EXISTS', 'This unit and community are paired or proposed already');
    await writeAudit(trx, actor, { action: 'pairing.propose', entityType: 'pairing', entityId: row.id, after: { ...input, side } });
    return row.id;
  });
  return getPairing(ctx, principal, id);
}

export async function decidePairing(ctx: AppContext, principal: Principal, id: string, event: PairingEvent, reason: string | null, actor: AuditActor): Promise<Pairing> {
  const row = await loadPairing(ctx, principal, id);
  const next = nextPairingStatus(row.status, event);
  if (!next) throw conflict('PAIRING_STATE', `A ${row.status} pairing cannot be ${event === 'end' ? 'ended' : `${event}ed`}`);
  const sides = sidesOf(principal, 'pairing.decide', places(row));
  if (event === 'end') {
    if (sides.size === 0) throw forbidden('You cannot end this pairing');
  } else {
    // The side that proposed does not accept its own proposal; the other side or a supervisor does.
    const other = row.proposed_by_side === 'community' ? 'unit' : 'community';
    if (!sides.has(other) && !sides.has('supervisor')) throw forbidden('The other side decides on this proposal');
  }
  await ctx.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('pairing')
      .set(event === 'end' ? { status: next, ended_at: sql`now()`, end_reason: reason } : { status: next, decided_by: principal.userId, decided_at: sql`now()`, end_reason: reason })
      .where('id', '=', id)
      .where('status', '=', row.status)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw conflict('PAIRING_STATE', 'The pairing changed meanwhile');
    await writeAudit(trx, actor, { action: `pairing.${event}`, entityType: 'pairing', entityId: id, before: { status: row.status }, after: { status: next, reason } });
  });
  return getPairing(ctx, principal, id);
}

// ---------- agreements ----------

function selectAgreements(db: Kysely<DB>) {
  return db
    .selectFrom('agreement as a')
    .innerJoin('pairing as p', 'p.id', 'a.pairing_id')
    .innerJoin('organization as u', 'u.id', 'p.unit_org_id')
    .leftJoin('region as ur', 'ur.id', 'u.region_id')
    .innerJoin('region as c', 'c.id', 'p.community_id')
    .selectAll('a')
    .select(['u.path as unit_path', 'ur.path as unit_region_path', 'c.path as community_path', 'p.status as pairing_status', 'p.community_id', 'p.unit_org_id']);
}

type AgreementRow = Awaited<ReturnType<ReturnType<typeof selectAgreements>['executeTakeFirstOrThrow']>>;

async function toAgreements(db: Kysely<DB>, rows: AgreementRow[]): Promise<Agreement[]> {
  const ids = rows.map((r) => r.id);
  const tasks = ids.length ? await db.selectFrom('agreement_task').selectAll().where('agreement_id', 'in', ids).orderBy('sort_order').execute() : [];
  const t = today();
  return rows.map((r) => {
    const status = agreementStatus(r.status, r.term_start, r.term_end, t);
    return {
      id: r.id,
      pairingId: r.pairing_id,
      title: r.title,
      partyA: r.party_a,
      partyB: r.party_b,
      termStart: r.term_start,
      termEnd: r.term_end,
      goals: r.goals,
      principles: r.principles,
      tasks: tasks.filter((x) => x.agreement_id === r.id).map((x) => ({ side: x.side, description: x.description, owner: x.owner, dueOn: x.due_on })),
      filedWith: r.filed_with,
      endCondition: r.end_condition,
      status,
      signatoryA: r.signatory_a,
      signedAAt: r.signed_a_at?.toISOString() ?? null,
      signatoryB: r.signatory_b,
      signedBAt: r.signed_b_at?.toISOString() ?? null,
      endedAt: r.ended_at?.toISOString() ?? null,
      endReason: r.end_reason,
      daysLeft: status === 'in_force' ? daysBetween(t, r.term_end) : null,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    };
  });
}

export async function listAgreements(ctx: AppContext, principal: Principal, q: AgreementsQuery): Promise<{ items: Agreement[]; total: number }> {
  const t = today();
  let query = selectAgreements(ctx.db).where(inReach(reachOf(principal, 'agreement.read')));
  if (q.pairingId) query = query.where('a.pairing_id', '=', q.pairingId);
  if (q.status) {
    const s = q.status;
    if (s === 'in_force') query = query.where('a.status', '=', 'signed_by_both').where('a.term_start', '<=', t).where('a.term_end', '>=', t);
    else if (s === 'expired') query = query.where('a.status', '=', 'signed_by_both').where('a.term_end', '<', t);
    else if (s === 'signed_by_both') query = query.where('a.status', '=', 'signed_by_both').where('a.term_start', '>', t);
    else query = query.where('a.status', '=', s);
  }
  if (q.expiringWithinDays) {
    const until = localDateIn(q.expiringWithinDays);
    query = query.where('a.status', '=', 'signed_by_both').where('a.term_end', '>=', t).where('a.term_end', '<=', until);
  }
  const { rows, total } = await pageOf(ctx, query, q, { order: [['a.term_end', 'asc'], ['a.id', 'asc']] });
  return { items: await toAgreements(ctx.db, rows), total };
}

async function loadAgreement(ctx: AppContext, principal: Principal, id: string) {
  const row = await selectAgreements(ctx.db).where('a.id', '=', id).where(inReach(reachOf(principal, 'agreement.read'))).executeTakeFirst();
  if (!row) throw notFound('agreement');
  return row;
}

export async function getAgreement(ctx: AppContext, principal: Principal, id: string): Promise<Agreement> {
  const [a] = await toAgreements(ctx.db, [await loadAgreement(ctx, principal, id)]);
  return a!;
}

function checkTerm(start: string, end: string) {
  if (end < start) throw badRequest('TERM_INVALID', 'The term ends before it starts', [{ path: 'body/termEnd', message: 'before termStart' }]);
}

async function writeTasks(db: Kysely<DB>, agreementId: string, tasks: CreateAgreementBody['tasks']) {
  await db.deleteFrom('agreement_task').where('agreement_id', '=', agreementId).execute();
  if (tasks?.length) {
    await db
      .insertInto('agreement_task')
      .values(tasks.map((t, i) => ({ agreement_id: agreementId, side: t.side, description: t.description.trim(), owner: t.owner ?? null, due_on: t.dueOn ?? null, sort_order: i })))
      .execute();
  }
}

export async function createAgreement(ctx: AppContext, principal: Principal, input: CreateAgreementBody, actor: AuditActor): Promise<Agreement> {
  const pair = await loadPairing(ctx, principal, input.pairingId);
  if (pair.status !== 'active') throw conflict('PAIRING_NOT_ACTIVE', 'Agreements are drafted for active pairings');
  if (sidesOf(principal, 'agreement.write', places(pair)).size === 0) throw forbidden('Only the two sides and their supervisors draft the agreement');
  checkTerm(input.termStart, input.termEnd);
  const partyA = pair.community_org_name ?? `${pair.community_name}党组织`;
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('agreement')
      .values({
        pairing_id: pair.id,
        title: input.title.trim(),
        party_a: partyA,
        party_b: pair.unit_name,
        term_start: input.termStart,
        term_end: input.termEnd,
        goals: input.goals ?? '',
        principles: input.principles ?? '',
        filed_with: input.filedWith ?? null,
        end_condition: input.endCondition ?? null,
        created_by: principal.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeTasks(trx, row.id, input.tasks);
    await writeAudit(trx, actor, { action: 'agreement.create', entityType: 'agreement', entityId: row.id, after: { ...input } });
    return row.id;
  });
  return getAgreement(ctx, principal, id);
}

export async function updateAgreement(ctx: AppContext, principal: Principal, id: string, input: UpdateAgreementBody, actor: AuditActor): Promise<Agreement> {
  const row = await loadAgreement(ctx, principal, id);
  if (sidesOf(principal, 'agreement.write', { communityPath: row.community_path, unitPath: row.unit_path, unitRegionPath: row.unit_region_path }).size === 0) {
    throw forbidden('Only the two sides and their supervisors change the agreement');
  }
  if (row.status !== 'draft') throw conflict('AGREEMENT_NOT_DRAFT', 'Only a draft can change; a signature fixes the text');
  checkTerm(input.termStart ?? row.term_start, input.termEnd ?? row.term_end);
  const set: Record<string, unknown> = {};
  if (input.title !== undefined) set.title = input.title.trim();
  if (input.termStart !== undefined) set.term_start = input.termStart;
  if (input.termEnd !== undefined) set.term_end = input.termEnd;
  if (input.goals !== undefined) set.goals = input.goals;
  if (input.principles !== undefined) set.principles = input.principles;
  if (input.filedWith !== undefined) set.filed_with = input.filedWith;
  if (input.endCondition !== undefined) set.end_condition = input.endCondition;
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('agreement').set({ ...set, updated_at: sql`now()` } as never).where('id', '=', id).where('status', '=', 'draft').execute();
    if (input.tasks !== undefined) await writeTasks(trx, id, input.tasks);
    await writeAudit(trx, actor, { action: 'agreement.update', entityType: 'agreement', entityId: id, after: { ...input } });
  });
  return getAgreement(ctx, principal, id);
}

export async function signAgreement(ctx: AppContext, principal: Principal, id: string, side: AgreementSide, signatory: string, actor: AuditActor): Promise<Agreement> {
  const row = await loadAgreement(ctx, principal, id);
  if (row.pairing_status !== 'active') throw conflict('PAIRING_NOT_ACTIVE', 'The pairing is no longer active');
  const sides = sidesOf(principal, 'agreement.sign', { communityPath: row.community_path, unitPath: row.unit_path, unitRegionPath: row.unit_region_path });
  if (!sides.has(side === 'a' ? 'community' : 'unit')) throw forbidden(side === 'a' ? 'Side a (甲方) is signed by the community' : 'Side b (乙方) is signed by the unit');
  const next = nextSigned(row.status, { a: row.signed_a_at !== null, b: row.signed_b_at !== null }, side);
  if (!next) throw conflict('AGREEMENT_SIGN_STATE', row.status === 'ended' ? 'The agreement has ended' : 'This side has signed already');
  await ctx.db.transaction().execute(async (trx) => {
    const set = side === 'a' ? { signatory_a: signatory, signed_a_at: sql<Date>`now()`, signed_a_by: principal.userId } : { signatory_b: signatory, signed_b_at: sql<Date>`now()`, signed_b_by: principal.userId };
    const done = await trx
      .updateTable('agreement')
      .set({ ...set, status: next, updated_at: sql`now()` })
      .where('id', '=', id)
      .where('status', '=', row.status)
      .where(side === 'a' ? 'signed_a_at' : 'signed_b_at', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw conflict('AGREEMENT_SIGN_STATE', 'The agreement changed meanwhile');
    await writeAudit(trx, actor, { action: 'agreement.sign', entityType: 'agreement', entityId: id, before: { status: row.status }, after: { side, signatory, status: next } });
  });
  return getAgreement(ctx, principal, id);
}

export async function endAgreement(ctx: AppContext, principal: Principal, id: string, reason: string, actor: AuditActor): Promise<Agreement> {
  const row = await loadAgreement(ctx, principal, id);
  if (sidesOf(principal, 'agreement.write', { communityPath: row.community_path, unitPath: row.unit_path, unitRegionPath: row.unit_region_path }).size === 0) throw forbidden('You cannot end this agreement');
  if (row.status === 'ended') throw conflict('AGREEMENT_ENDED', 'The agreement has ended already');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('agreement').set({ status: 'ended', ended_at: sql`now()`, end_reason: reason, updated_at: sql`now()` }).where('id', '=', id).execute();
    await writeAudit(trx, actor, { action: 'agreement.end', entityType: 'agreement', entityId: id, before: { status: row.status }, after: { reason } });
  });
  return getAgreement(ctx, principal, id);
}

/** Daily: notify both sides of agreements in force that end within 30 days (once per agreement). */
export async function remindExpiringAgreements(ctx: AppContext): Promise<number> {
  const t = today();
  const until = localDateIn(30);
  const rows = await ctx.db
    .selectFrom('agreement as a')
    .innerJoin('pairing as p', 'p.id', 'a.pairing_id')
    .innerJoin('role_assignment as ra', (j) =>
      j.on((eb) =>
        eb.or([
          eb.and([eb('ra.role', '=', 'unit_admin'), eb('ra.organization_id', '=', eb.ref('p.unit_org_id'))]),
          eb.and([eb('ra.role', '=', 'community_staff'), eb('ra.region_id', '=', eb.ref('p.community_id'))]),
        ]),
      ),
    )
    .select(['a.id', 'a.title', 'a.term_end', 'ra.user_id'])
    .where('a.status', '=', 'signed_by_both')
    .where('p.status', '=', 'active')
    .where('a.term_end', '>=', t)
    .where('a.term_end', '<=', until)
    .execute();
  return notifyMany(
    ctx.db,
    rows.map((r) => ({ userId: r.user_id, kind: 'agreement.expiring', params: { agreementTitle: r.title, termEnd: r.term_end }, link: `/registration/agreements/${r.id}`, dedupeKey: `agreement-expiring:${r.id}` })),
  );
}
