/**
 * Claims (认领): selfClaim (a unit admin for a paired unit, or a member for himself or herself),
 * assignClaim (the community side names a unit or member; pending until accepted), acceptClaim,
 * declineClaim, withdrawClaim, listClaims. A pending or active claim holds one of the project's
 * slots, taken with a conditional UPDATE (slots_taken < claim_slots) and a CHECK backstop, so
 * two units racing for the last slot cannot both win.
 */
import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { AssignClaimBody, Claim, ClaimsQuery, SelfClaimBody } from '../../../contracts/lists';
import { initialClaimStatus, nextClaimStatus, projectTakesClaims, type ClaimEvent, type ClaimKind } from '../../../domain/lists/lifecycle';
import type { DB } from '../../db/schema';
import { writeAudit, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { pageOf } from '../../platform/paging';
import { memberById, type MemberRecord } from '../directory';
import { actsForCommunity, isPaired, mayActForUnit } from './lists.policy';
import { noticeAssigned } from './notices';
import { claimantSide, loadProject, type ProjectRow } from './projects.service';
import { poolChanged } from './suggestion-pool';

type Party = { unitOrgId: string; memberId: null } | { unitOrgId: null; memberId: string };

const notPaired = (message: string) => new AppError('NOT_PAIRED', 403, message);

/** May this member serve in the project's community: active, and lives there or works at a paired unit. */
async function memberEligible(db: Kysely<DB>, m: Pick<MemberRecord, 'status' | 'residencePath' | 'employerOrgId'> | null, p: ProjectRow): Promise<boolean> {
  if (!m || m.status !== 'active') return false;
  if (m.residencePath?.startsWith(p.community_path)) return true;
  return m.employerOrgId !== null && (await isPaired(db, m.employerOrgId, p.community_id));
}

const isUniqueViolation = (e: unknown) => (e as { code?: unknown }).code === '23505';

/** Takes a slot and inserts the claim, in one transaction. */
async function takeSlot(ctx: AppContext, p: ProjectRow, party: Party, kind: ClaimKind, note: string | null | undefined, principal: Principal, actor: AuditActor): Promise<string> {
  const status = initialClaimStatus(kind);
  return ctx.db.transaction().execute(async (trx) => {
    const open = await trx
      .selectFrom('project_claim')
      .select('id')
      .where('project_id', '=', p.id)
      .where('status', 'in', ['pending', 'active'])
      .where(party.unitOrgId ? 'unit_org_id' : 'member_id', '=', party.unitOrgId ?? party.memberId)
      .executeTakeFirst();
    if (open) throw conflict('ALREADY_CLAIMED', 'This project is claimed by them already');
    const taken = await trx
      .updateTable('project')
      .set({
        slots_taken: sql`slots_taken + 1`,
        status: status === 'active' ? sql`case when status = 'open' then 'in_progress' else status end` : sql`status`,
        updated_at: sql`now()`,
      })
      .where('id', '=', p.id)
      .where('status', 'in', ['open', 'in_progress'])
      .where(sql<SqlBool>`slots_taken < claim_slots`)
      .returning('id')
      .executeTakeFirst();
    if (!taken) throw conflict('NO_SLOT_LEFT', 'Every slot of this project is taken (or it no longer takes claims)');
    let id: string;
    try {
      const row = await trx
        .insertInto('project_claim')
        .values({ project_id: p.id, kind, status, unit_org_id: party.unitOrgId, member_id: party.memberId, note: note ?? null, created_by: principal.userId, decided_at: status === 'active' ? sql`now()` : null })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('ALREADY_CLAIMED', 'This project is claimed by them already');
      throw e;
    }
    await writeAudit(trx, actor, { action: kind === 'self' ? 'lists.claim.self' : 'lists.claim.assign', entityType: 'project_claim', entityId: id, after: { projectId: p.id, ...party, status, note } });
    return id;
  });
}

export async function selfClaim(ctx: AppContext, principal: Principal, projectId: string, body: SelfClaimBody, actor: AuditActor): Promise<Claim> {
  const p = await loadProject(ctx, principal, projectId);
  if (!projectTakesClaims(p.status)) throw conflict('PROJECT_STATE', `A ${p.status} project takes no claims`);
  const side = await claimantSide(ctx, principal);
  let party: Party;
  if (body.unitOrgId) {
    if (!mayActForUnit(side.units, body.unitOrgId)) throw forbidden('You do not act for this unit');
    if (!(await isPaired(ctx.db, body.unitOrgId, p.community_id))) throw notPaired('The unit is not paired with this community');
    party = { unitOrgId: body.unitOrgId, memberId: null };
  } else if (side.memberId) {
    if (!(await memberEligible(ctx.db, { status: 'active', residencePath: side.residencePath, employerOrgId: side.employerOrgId }, p))) throw notPaired('You neither live in this community nor work at a unit paired with it');
    party = { unitOrgId: null, memberId: side.memberId };
  } else {
    const units = side.units.filter((u) => u !== '*');
    if (units.length !== 1) throw badRequest('UNIT_REQUIRED', 'Name the unit that claims', [{ path: 'body/unitOrgId', message: 'required' }]);
    if (!(await isPaired(ctx.db, units[0]!, p.community_id))) throw notPaired('The unit is not paired with this community');
    party = { unitOrgId: units[0]!, memberId: null };
  }
  const id = await takeSlot(ctx, p, party, 'self', body.note, principal, actor);
  poolChanged();
  return getClaim(ctx, id, principal, true);
}

export async function assignClaim(ctx: AppContext, principal: Principal, projectId: string, body: AssignClaimBody, actor: AuditActor): Promise<Claim> {
  const p = await loadProject(ctx, principal, projectId);
  if (!actsForCommunity(principal, 'lists.project.write', p.community_path)) throw forbidden('Only the community side assigns its projects');
  if ((body.unitOrgId ? 1 : 0) + (body.memberId ? 1 : 0) !== 1) throw badRequest('ASSIGNEE_REQUIRED', 'Name a unit or a member (one of them)', [{ path: 'body/unitOrgId', message: 'one of unitOrgId, memberId' }]);
  if (!projectTakesClaims(p.status)) throw conflict('PROJECT_STATE', `A ${p.status} project takes no claims`);
  let party: Party;
  if (body.unitOrgId) {
    if (!(await isPaired(ctx.db, body.unitOrgId, p.community_id))) throw badRequest('NOT_PAIRED', 'The unit is not paired with this community', [{ path: 'body/unitOrgId', message: 'not paired' }]);
    party = { unitOrgId: body.unitOrgId, memberId: null };
  } else {
    if (!(await memberEligible(ctx.db, await memberById(ctx.db, body.memberId!), p))) throw badRequest('NOT_ELIGIBLE', 'The member neither lives here nor works at a paired unit', [{ path: 'body/memberId', message: 'not eligible' }]);
    party = { unitOrgId: null, memberId: body.memberId! };
  }
  const id = await takeSlot(ctx, p, party, 'assigned', body.note, principal, actor);
  await noticeAssigned(ctx.db, { id: p.id, title: p.title }, party);
  poolChanged();
  return getClaim(ctx, id, principal);
}

export function selectClaims(db: AppContext['db']) {
  return db
    .selectFrom('project_claim as k')
    .innerJoin('project as p', 'p.id', 'k.project_id')
    .leftJoin('organization as u', 'u.id', 'k.unit_org_id')
    .leftJoin('member as m', 'm.id', 'k.member_id')
    .select(['k.id', 'k.project_id', 'p.title as project_title', 'p.status as project_status', 'k.kind', 'k.status', 'k.unit_org_id', 'u.name as unit_name', 'k.member_id', 'm.name as member_name', 'k.note', 'k.decline_reason', 'k.created_at', 'k.decided_at']);
}
type ClaimRow = Awaited<ReturnType<ReturnType<typeof selectClaims>['executeTakeFirstOrThrow']>>;

/** A claim as shown; `mine` when the caller is the claimant (who may answer while it is open). */
export function toClaim(k: ClaimRow, mine: boolean): Claim {
  return {
    id: k.id,
    projectId: k.project_id,
    projectTitle: k.project_title,
    kind: k.kind,
    status: k.status,
    unitOrgId: k.unit_org_id,
    unitName: k.unit_name,
    memberId: k.member_id,
    memberName: k.member_name,
    note: k.note,
    declineReason: k.decline_reason,
    createdAt: k.created_at.toISOString(),
    decidedAt: k.decided_at?.toISOString() ?? null,
    canRespond: mine && (k.status === 'pending' || k.status === 'active'),
  };
}

async function isMine(ctx: AppContext, principal: Principal, k: { unit_org_id: string | null; member_id: string | null }): Promise<boolean> {
  const side = await claimantSide(ctx, principal);
  return (k.unit_org_id !== null && mayActForUnit(side.units, k.unit_org_id)) || (k.member_id !== null && k.member_id === side.memberId);
}

/** A claim as the caller sees it (`mine` when the caller is known to be the claimant). */
async function getClaim(ctx: AppContext, id: string, principal: Principal, mine?: boolean): Promise<Claim> {
  const k = await selectClaims(ctx.db).where('k.id', '=', id).executeTakeFirstOrThrow();
  return toClaim(k, mine ?? (await isMine(ctx, principal, k)));
}

export async function listClaims(ctx: AppContext, principal: Principal, q: ClaimsQuery): Promise<{ items: Claim[]; total: number }> {
  const side = await claimantSide(ctx, principal);
  const ors = [sql<SqlBool>`false`];
  if (side.units.includes('*')) ors.push(sql<SqlBool>`true`);
  const units = side.units.filter((u) => u !== '*');
  if (units.length) ors.push(sql<SqlBool>`k.unit_org_id in (${sql.join(units)})`);
  if (side.memberId) ors.push(sql<SqlBool>`k.member_id = ${side.memberId}`);
  let query = selectClaims(ctx.db).where(sql<SqlBool>`(${sql.join(ors, sql` or `)})`);
  if (q.status) query = query.where('k.status', '=', q.status);
  if (q.unitOrgId) query = query.where('k.unit_org_id', '=', q.unitOrgId);
  const { rows, total } = await pageOf(ctx, query, q, { order: [sql`case k.status when 'pending' then 0 when 'active' then 1 else 2 end`, ['k.created_at', 'desc'], ['k.id', 'asc']] });
  return { items: rows.map((k) => toClaim(k, true)), total };
}

/** Frees a slot; a project under way with no active claim left goes back to open. */
async function releaseSlot(trx: Transaction<DB>, projectId: string): Promise<void> {
  await trx.updateTable('project').set({ slots_taken: sql`greatest(slots_taken - 1, 0)`, updated_at: sql`now()` }).where('id', '=', projectId).execute();
  await trx
    .updateTable('project')
    .set({ status: 'open' })
    .where('id', '=', projectId)
    .where('status', '=', 'in_progress')
    .where(sql<SqlBool>`not exists (select 1 from project_claim k where k.project_id = project.id and k.status = 'active')`)
    .execute();
}

export async function respondToClaim(ctx: AppContext, principal: Principal, claimId: string, event: ClaimEvent, reason: string | null, actor: AuditActor): Promise<Claim> {
  const k = await selectClaims(ctx.db).where('k.id', '=', claimId).executeTakeFirst();
  if (!k) throw notFound('claim');
  // Only those who may see the project see its claims.
  await loadProject(ctx, principal, k.project_id).catch(() => {
    throw notFound('claim');
  });
  if (!(await isMine(ctx, principal, k))) throw forbidden('Only the claimant answers for this claim');
  const next = nextClaimStatus(k.status, event);
  if (!next) throw conflict('CLAIM_STATE', `A ${k.status} claim cannot take "${event}"`);
  if (!projectTakesClaims(k.project_status)) throw conflict('PROJECT_STATE', `The project is ${k.project_status}`);
  await ctx.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('project_claim')
      .set({ status: next, decided_at: sql`now()`, decided_by: principal.userId, ...(event !== 'accept' && { decline_reason: reason }) })
      .where('id', '=', claimId)
      .where('status', '=', k.status)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw conflict('CLAIM_STATE', 'The claim changed meanwhile');
    if (event === 'accept') {
      await trx.updateTable('project').set({ status: sql`case when status = 'open' then 'in_progress' else status end`, updated_at: sql`now()` }).where('id', '=', k.project_id).execute();
    } else {
      await releaseSlot(trx, k.project_id);
    }
    await writeAudit(trx, actor, { action: `lists.claim.${event}`, entityType: 'project_claim', entityId: claimId, before: { status: k.status }, after: { status: next, reason } });
  });
  poolChanged();
  return getClaim(ctx, claimId, principal);
}

