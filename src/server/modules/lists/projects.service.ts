/**
 * Projects (项目清单): createProject, updateProject, publishProject, cancelProject, listProjects,
 * getProject (with needs, resources, milestones, claims, reports, sign-offs, ratings and what
 * the caller may do). The community side writes them; claims and progress are in their own files.
 */
import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { CreateProjectBody, ProjectDetail, ProjectsQuery, ProjectSummary, UpdateProjectBody } from '../../../contracts/lists';
import { nextProjectStatus, projectTakesClaims } from '../../../domain/lists/lifecycle';
import type { DB } from '../../db/schema';
import { writeAudit, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors';
import { containsPattern } from '../../platform/sql';
import { can, type Principal } from '../../platform/principal';
import { localDate } from '../../platform/time';
import { pageOf } from '../../platform/paging';
import { COMMUNITY_ONLY, actingUnits, actsForCommunity, communityRowVisible, isPaired, loadMe, mayActForUnit, reachOf } from './lists.policy';
import { selectClaims, toClaim } from './claims.service';
import { attachmentsFor } from './uploads.service';
import { poolChanged } from './suggestion-pool';

export const pastDraft = sql<SqlBool>`p.status <> 'draft'`;

export function selectProjects(db: Kysely<DB>) {
  return db
    .selectFrom('project as p')
    .innerJoin('region as c', 'c.id', 'p.community_id')
    .leftJoin('organization as lu', 'lu.id', 'p.lead_unit_org_id')
    .select([
      'p.id',
      'p.year',
      'p.title',
      'p.goal',
      'p.community_id',
      'c.name as community_name',
      'c.path as community_path',
      'p.lead_unit_org_id',
      'lu.name as lead_unit_name',
      'p.budget_yuan',
      'p.status',
      'p.claim_slots',
      'p.slots_taken',
      'p.created_at',
      'p.updated_at',
    ])
    .select([
      sql<number>`(select count(*) from project_milestone m where m.project_id = p.id and m.done_at is not null)`.as('milestones_done'),
      sql<number>`(select count(*) from project_milestone m where m.project_id = p.id)`.as('milestones_total'),
      sql<string | null>`(select to_char(min(m.due_on), 'YYYY-MM-DD') from project_milestone m where m.project_id = p.id and m.done_at is null)`.as('next_due_on'),
      sql<number | null>`(select avg(r.stars)::float8 from project_rating r where r.project_id = p.id)`.as('rating_average'),
      sql<number>`(select count(*) from project_rating r where r.project_id = p.id)`.as('rating_count'),
    ]);
}
export type ProjectRow = Awaited<ReturnType<ReturnType<typeof selectProjects>['executeTakeFirstOrThrow']>>;

export function toSummary(r: ProjectRow): ProjectSummary {
  return {
    id: r.id,
    year: r.year,
    title: r.title,
    goal: r.goal,
    communityId: r.community_id,
    communityName: r.community_name,
    leadUnitOrgId: r.lead_unit_org_id,
    leadUnitName: r.lead_unit_name,
    budgetYuan: r.budget_yuan,
    status: r.status,
    claimSlots: r.claim_slots,
    slotsTaken: r.slots_taken,
    milestonesDone: Number(r.milestones_done),
    milestonesTotal: Number(r.milestones_total),
    nextDueOn: r.next_due_on,
    ratingAverage: r.rating_average === null ? null : Math.round(Number(r.rating_average) * 10) / 10,
    ratingCount: Number(r.rating_count),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function listProjects(ctx: AppContext, principal: Principal, q: ProjectsQuery): Promise<{ items: ProjectSummary[]; total: number }> {
  const reach = await reachOf(ctx, principal, 'lists.project.read');
  let query = selectProjects(ctx.db).where(communityRowVisible(reach, pastDraft));
  if (q.year) query = query.where('p.year', '=', q.year);
  if (q.communityId) query = query.where('p.community_id', '=', q.communityId);
  if (q.regionId) query = query.where(sql<SqlBool>`c.path like (select path from region where id = ${q.regionId}) || '%'`);
  if (q.status) query = query.where('p.status', '=', q.status);
  if (q.unitOrgId) {
    const u = q.unitOrgId;
    query = query.where(
      sql<SqlBool>`(p.lead_unit_org_id = ${u} or exists (select 1 from project_claim k where k.project_id = p.id and k.unit_org_id = ${u} and k.status in ('pending', 'active')))`,
    );
  }
  if (q.claimable) query = query.where('p.status', 'in', ['open', 'in_progress']).where(sql<SqlBool>`p.slots_taken < p.claim_slots`);
  if (q.mine) {
    const units = (await actingUnits(ctx.db, principal, 'lists.project.claim')).filter((u) => u !== '*');
    const me = await loadMe(ctx, principal);
    const ors = [sql<SqlBool>`false`];
    if (units.length) ors.push(sql<SqlBool>`k.unit_org_id in (${sql.join(units)})`);
    if (me.memberId) ors.push(sql<SqlBool>`k.member_id = ${me.memberId}`);
    query = query.where(sql<SqlBool>`exists (select 1 from project_claim k where k.project_id = p.id and k.status in ('pending', 'active') and (${sql.join(ors, sql` or `)}))`);
  }
  if (q.q) query = query.where((eb) => eb.or([eb('p.title', 'like', containsPattern(q.q!)), eb('p.goal', 'like', containsPattern(q.q!))]));
  const { rows, total } = await pageOf(ctx, query, q, { order: [['p.year', 'desc'], ['p.updated_at', 'desc'], ['p.id', 'asc']] });
  return { items: rows.map(toSummary), total };
}

export async function loadProject(ctx: AppContext, principal: Principal, id: string): Promise<ProjectRow> {
  const reach = await reachOf(ctx, principal, 'lists.project.read');
  const row = await selectProjects(ctx.db).where('p.id', '=', id).where(communityRowVisible(reach, pastDraft)).executeTakeFirst();
  if (!row) throw notFound('project');
  return row;
}

/** The claimant side the caller speaks for: units (unit admin) and his or her own member record. */
export async function claimantSide(ctx: AppContext, principal: Principal): Promise<{ units: string[]; memberId: string | null; residencePath: string | null; employerOrgId: string | null }> {
  const units = can(principal, 'lists.project.claim') ? await actingUnits(ctx.db, principal, 'lists.project.claim') : [];
  const isMember = principal.assignments.some((a) => a.role === 'member');
  const me = isMember ? await loadMe(ctx, principal) : { memberId: null, residencePath: null, employerOrgId: null };
  return { units, memberId: can(principal, 'lists.project.claim') ? me.memberId : null, residencePath: me.residencePath, employerOrgId: me.employerOrgId };
}

export async function getProject(ctx: AppContext, principal: Principal, id: string): Promise<ProjectDetail> {
  const db = ctx.db;
  const p = await loadProject(ctx, principal, id);
  const [needs, resources, milestones, claims, reports, signOffs, ratings] = await Promise.all([
    db.selectFrom('project_need as pn').innerJoin('need as n', 'n.id', 'pn.need_id').select(['n.id', 'n.title', 'n.category']).where('pn.project_id', '=', id).orderBy('n.title').execute(),
    db
      .selectFrom('project_resource as pr')
      .innerJoin('resource as r', 'r.id', 'pr.resource_id')
      .innerJoin('organization as u', 'u.id', 'r.unit_org_id')
      .select(['r.id', 'r.title', 'u.name as unit_name'])
      .where('pr.project_id', '=', id)
      .orderBy('r.title')
      .execute(),
    db.selectFrom('project_milestone').select(['id', 'title', 'due_on', 'done_at']).where('project_id', '=', id).orderBy('sort_order').orderBy('due_on').execute(),
    selectClaims(db).where('k.project_id', '=', id).orderBy('k.created_at').execute(),
    db
      .selectFrom('progress_report as pr')
      .innerJoin('project_milestone as m', 'm.id', 'pr.milestone_id')
      .leftJoin('project_claim as k', 'k.id', 'pr.claim_id')
      .leftJoin('organization as u', 'u.id', 'k.unit_org_id')
      .select(['pr.id', 'pr.milestone_id', 'm.title as milestone_title', 'pr.note', 'pr.done', 'pr.reporter_name', 'u.name as unit_name', 'pr.created_at'])
      .where('pr.project_id', '=', id)
      .orderBy('pr.created_at')
      .execute(),
    db.selectFrom('project_sign_off').select(['id', 'decision', 'reason', 'decider_name', 'created_at']).where('project_id', '=', id).orderBy('created_at').execute(),
    db.selectFrom('project_rating').select(['stars', 'comment', 'rater_name', 'created_at', 'user_id']).where('project_id', '=', id).orderBy('created_at', 'desc').execute(),
  ]);
  const files = await attachmentsFor(db, 'report', reports.map((r) => r.id));
  const side = await claimantSide(ctx, principal);
  const mine = (k: { unit_org_id: string | null; member_id: string | null }) =>
    (k.unit_org_id !== null && mayActForUnit(side.units, k.unit_org_id)) || (k.member_id !== null && k.member_id === side.memberId);
  const activeMine = claims.some((k) => k.status === 'active' && mine(k));
  const writer = actsForCommunity(principal, 'lists.project.write', p.community_path);
  const freeSlot = p.slots_taken < p.claim_slots;
  const takes = projectTakesClaims(p.status);
  const today = localDate();
  const reach = await reachOf(ctx, principal, 'lists.project.rate');
  const livesHere = reach.homePaths.some((h) => h.startsWith(p.community_path));

  let mayClaim = false;
  if (takes && freeSlot) {
    const openBy = new Set(claims.filter((k) => k.status === 'pending' || k.status === 'active').flatMap((k) => [k.unit_org_id, k.member_id]));
    const unitIds = side.units.filter((u) => u !== '*' && !openBy.has(u));
    for (const u of unitIds.slice(0, 20)) if (await isPaired(db, u, p.community_id)) mayClaim = true;
    if (!mayClaim && side.memberId && !openBy.has(side.memberId)) {
      mayClaim = (side.residencePath?.startsWith(p.community_path) ?? false) || (side.employerOrgId !== null && (await isPaired(db, side.employerOrgId, p.community_id)));
    }
  }

  return {
    ...toSummary(p),
    needs,
    resources: resources.map((r) => ({ id: r.id, title: r.title, unitName: r.unit_name })),
    milestones: milestones.map((m) => ({ id: m.id, title: m.title, dueOn: m.due_on, doneAt: m.done_at?.toISOString() ?? null, overdue: m.done_at === null && m.due_on < today })),
    claims: claims.map((k) => toClaim(k, mine(k))),
    reports: reports.map((r) => ({
      id: r.id,
      milestoneId: r.milestone_id,
      milestoneTitle: r.milestone_title,
      note: r.note,
      done: r.done,
      reportedBy: r.reporter_name,
      unitName: r.unit_name,
      attachments: files.get(r.id) ?? [],
      createdAt: r.created_at.toISOString(),
    })),
    signOffs: signOffs.map((s) => ({ id: s.id, decision: s.decision, reason: s.reason, decidedBy: s.decider_name, createdAt: s.created_at.toISOString() })),
    ratings: ratings.map((r) => ({ stars: r.stars, comment: r.comment, raterName: r.rater_name, createdAt: r.created_at.toISOString() })),
    actions: {
      edit: writer && (p.status === 'draft' || (p.status === 'open' && p.slots_taken === 0)),
      publish: writer && p.status === 'draft',
      cancel: writer && nextProjectStatus(p.status, 'cancel') !== null,
      claim: mayClaim,
      assign: writer && takes && freeSlot,
      report: activeMine && p.status === 'in_progress',
      submit: activeMine && p.status === 'in_progress',
      signOff: p.status === 'submitted' && actsForCommunity(principal, 'lists.project.signoff', p.community_path, COMMUNITY_ONLY),
      rate: p.status === 'completed' && livesHere,
    },
  };
}

async function checkLinks(trx: Transaction<DB>, communityId: string, input: { needIds?: string[]; resourceIds?: string[]; leadUnitOrgId?: string | null }): Promise<void> {
  const needIds = [...new Set(input.needIds ?? [])];
  if (needIds.length) {
    const rows = await trx.selectFrom('need').select('id').where('id', 'in', needIds).where('community_id', '=', communityId).execute();
    if (rows.length !== needIds.length) throw badRequest('NEED_NOT_FOUND', 'A need is not one of this community', [{ path: 'body/needIds', message: 'unknown need' }]);
  }
  const resourceIds = [...new Set(input.resourceIds ?? [])];
  if (resourceIds.length) {
    const rows = await trx.selectFrom('resource').select('id').where('id', 'in', resourceIds).where('status', '=', 'published').execute();
    if (rows.length !== resourceIds.length) throw badRequest('RESOURCE_NOT_FOUND', 'A resource does not exist or is not published', [{ path: 'body/resourceIds', message: 'unknown resource' }]);
  }
  if (input.leadUnitOrgId && !(await isPaired(trx, input.leadUnitOrgId, communityId))) {
    throw badRequest('NOT_PAIRED', 'The lead unit is not paired with this community', [{ path: 'body/leadUnitOrgId', message: 'not paired' }]);
  }
}

async function writeLinks(trx: Transaction<DB>, projectId: string, input: UpdateProjectBody, replace: boolean): Promise<void> {
  if (input.needIds) {
    if (replace) await trx.deleteFrom('project_need').where('project_id', '=', projectId).execute();
    const ids = [...new Set(input.needIds)];
    if (ids.length) await trx.insertInto('project_need').values(ids.map((need_id) => ({ project_id: projectId, need_id }))).execute();
  }
  if (input.resourceIds) {
    if (replace) await trx.deleteFrom('project_resource').where('project_id', '=', projectId).execute();
    const ids = [...new Set(input.resourceIds)];
    if (ids.length) await trx.insertInto('project_resource').values(ids.map((resource_id) => ({ project_id: projectId, resource_id }))).execute();
  }
  if (input.milestones) {
    if (replace) await trx.deleteFrom('project_milestone').where('project_id', '=', projectId).execute();
    if (input.milestones.length) {
      await trx
        .insertInto('project_milestone')
        .values(input.milestones.map((m, i) => ({ project_id: projectId, title: m.title, due_on: m.dueOn, sort_order: i })))
        .execute();
    }
  }
}

export async function createProject(ctx: AppContext, principal: Principal, input: CreateProjectBody, actor: AuditActor): Promise<ProjectDetail> {
  const community = await ctx.db.selectFrom('region').select(['id', 'kind', 'path']).where('id', '=', input.communityId).executeTakeFirst();
  if (!community || community.kind !== 'community') throw badRequest('COMMUNITY_NOT_FOUND', 'The community does not exist', [{ path: 'body/communityId', message: 'not a community' }]);
  if (!actsForCommunity(principal, 'lists.project.write', community.path)) throw forbidden('Only the community (or the street and supervisor above it) drafts its projects');
  const id = await ctx.db.transaction().execute(async (trx) => {
    await checkLinks(trx, community.id, input);
    const row = await trx
      .insertInto('project')
      .values({
        year: input.year,
        community_id: community.id,
        title: input.title,
        goal: input.goal,
        lead_unit_org_id: input.leadUnitOrgId ?? null,
        budget_yuan: input.budgetYuan ?? null,
        claim_slots: input.claimSlots ?? 1,
        created_by: principal.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeLinks(trx, row.id, input, false);
    await writeAudit(trx, actor, { action: 'lists.project.create', entityType: 'project', entityId: row.id, after: input });
    return row.id;
  });
  return getProject(ctx, principal, id);
}

async function loadWritable(ctx: AppContext, principal: Principal, id: string): Promise<ProjectRow> {
  const p = await loadProject(ctx, principal, id);
  if (!actsForCommunity(principal, 'lists.project.write', p.community_path)) throw forbidden('Only the community side changes its projects');
  return p;
}

export async function updateProject(ctx: AppContext, principal: Principal, id: string, input: UpdateProjectBody, actor: AuditActor): Promise<ProjectDetail> {
  const p = await loadWritable(ctx, principal, id);
  if (!nextProjectStatus(p.status, 'edit') || p.slots_taken > 0) throw conflict('PROJECT_STATE', `A ${p.status} project with claims cannot be changed`);
  if (input.claimSlots !== undefined && input.claimSlots < p.slots_taken) throw conflict('PROJECT_SLOTS', 'Fewer slots than claims taken');
  await ctx.db.transaction().execute(async (trx) => {
    await checkLinks(trx, p.community_id, input);
    const done = await trx
      .updateTable('project')
      .set({
        ...(input.title !== undefined && { title: input.title }),
        ...(input.goal !== undefined && { goal: input.goal }),
        ...(input.year !== undefined && { year: input.year }),
        ...(input.leadUnitOrgId !== undefined && { lead_unit_org_id: input.leadUnitOrgId }),
        ...(input.budgetYuan !== undefined && { budget_yuan: input.budgetYuan }),
        ...(input.claimSlots !== undefined && { claim_slots: input.claimSlots }),
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .where('status', '=', p.status)
      .where('slots_taken', '=', 0)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw conflict('PROJECT_STATE', 'The project changed meanwhile');
    await writeLinks(trx, id, input, true);
    await writeAudit(trx, actor, { action: 'lists.project.update', entityType: 'project', entityId: id, before: { title: p.title, status: p.status }, after: input });
  });
  return getProject(ctx, principal, id);
}

export async function changeProjectStatus(ctx: AppContext, principal: Principal, id: string, event: 'publish' | 'cancel', reason: string | null, actor: AuditActor): Promise<ProjectDetail> {
  const p = await loadWritable(ctx, principal, id);
  const next = nextProjectStatus(p.status, event);
  if (!next) throw conflict('PROJECT_STATE', `A ${p.status} project cannot take "${event}"`);
  if (event === 'publish' && Number(p.milestones_total) === 0) throw conflict('PROJECT_NO_MILESTONES', 'Add at least one milestone before publishing');
  await ctx.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('project')
      .set({ status: next, updated_at: sql`now()`, ...(event === 'cancel' && { cancel_reason: reason }) })
      .where('id', '=', id)
      .where('status', '=', p.status)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw conflict('PROJECT_STATE', 'The project changed meanwhile');
    if (event === 'cancel') {
      await trx.updateTable('project_claim').set({ status: 'withdrawn', decided_at: sql`now()`, decline_reason: reason }).where('project_id', '=', id).where('status', 'in', ['pending', 'active']).execute();
      await trx.updateTable('project').set({ slots_taken: 0 }).where('id', '=', id).execute();
    }
    await writeAudit(trx, actor, { action: `lists.project.${event}`, entityType: 'project', entityId: id, before: { status: p.status }, after: { status: next, reason } });
  });
  if (event === 'cancel') poolChanged();
  return getProject(ctx, principal, id);
}

