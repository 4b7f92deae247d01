/**
 * Progress and completion: reportProgress (an active claimant reports on a milestone with a note
 * and photos, optionally marking it done), submitProject (ask for sign-off once every milestone is
 * done), signOffProject (the community approves, or sends back with a reason) and rateProject
 * (a resident or member living in the community rates a completed project, once).
 */
import { sql } from 'kysely';
import type { ProjectDetail, RateBody, ReportProgressBody, SignOffBody } from '../../../contracts/lists';
import { nextProjectStatus, signOffReasonMissing } from '../../../domain/lists/lifecycle';
import { writeAudit, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { COMMUNITY_ONLY, actsForCommunity, mayActForUnit, maskName, reachOf } from './lists.policy';
import { claimantSide, getProject, loadProject } from './projects.service';
import { noticeSignOff } from './notices';
import { ownUploads } from './uploads.service';
import { poolChanged } from './suggestion-pool';

/** The caller's active claim on the project (as unit admin or as member), or a 403. */
async function activeClaimOf(ctx: AppContext, principal: Principal, projectId: string): Promise<{ id: string }> {
  const side = await claimantSide(ctx, principal);
  const claims = await ctx.db.selectFrom('project_claim').select(['id', 'unit_org_id', 'member_id']).where('project_id', '=', projectId).where('status', '=', 'active').execute();
  const mine = claims.find((k) => (k.unit_org_id !== null && mayActForUnit(side.units, k.unit_org_id)) || (k.member_id !== null && k.member_id === side.memberId));
  if (!mine) throw forbidden('Only those who claimed the project report on it');
  return mine;
}

export async function reportProgress(ctx: AppContext, principal: Principal, projectId: string, milestoneId: string, body: ReportProgressBody, actor: AuditActor): Promise<ProjectDetail> {
  const p = await loadProject(ctx, principal, projectId);
  const milestone = await ctx.db.selectFrom('project_milestone').select(['id', 'done_at']).where('id', '=', milestoneId).where('project_id', '=', projectId).executeTakeFirst();
  if (!milestone) throw notFound('milestone');
  const claim = await activeClaimOf(ctx, principal, projectId);
  if (p.status !== 'in_progress') throw conflict('PROJECT_STATE', `Progress is reported while the project is under way, not ${p.status}`);
  await ctx.db.transaction().execute(async (trx) => {
    const uploads = await ownUploads(trx, principal, body.attachmentIds);
    const report = await trx
      .insertInto('progress_report')
      .values({ project_id: projectId, milestone_id: milestoneId, claim_id: claim.id, note: body.note, done: body.done ?? false, reported_by: principal.userId, reporter_name: principal.displayName })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (uploads.length) await trx.insertInto('progress_report_attachment').values(uploads.map((u) => ({ report_id: report.id, upload_id: u }))).execute();
    if (body.done && !milestone.done_at) await trx.updateTable('project_milestone').set({ done_at: sql`now()` }).where('id', '=', milestoneId).execute();
    await trx.updateTable('project').set({ updated_at: sql`now()` }).where('id', '=', projectId).execute();
    await writeAudit(trx, actor, { action: 'lists.project.report', entityType: 'progress_report', entityId: report.id, after: { projectId, milestoneId, done: body.done ?? false, attachments: uploads.length } });
  });
  return getProject(ctx, principal, projectId);
}

export async function submitProject(ctx: AppContext, principal: Principal, projectId: string, actor: AuditActor): Promise<ProjectDetail> {
  const p = await loadProject(ctx, principal, projectId);
  await activeClaimOf(ctx, principal, projectId);
  const next = nextProjectStatus(p.status, 'submit');
  if (!next) throw conflict('PROJECT_STATE', `A ${p.status} project cannot be submitted`);
  if (Number(p.milestones_done) < Number(p.milestones_total)) throw conflict('MILESTONES_OPEN', 'Every milestone must be reported done first');
  await ctx.db.transaction().execute(async (trx) => {
    const done = await trx.updateTable('project').set({ status: next, updated_at: sql`now()` }).where('id', '=', projectId).where('status', '=', p.status).executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw conflict('PROJECT_STATE', 'The project changed meanwhile');
    await writeAudit(trx, actor, { action: 'lists.project.submit', entityType: 'project', entityId: projectId, before: { status: p.status }, after: { status: next } });
  });
  return getProject(ctx, principal, projectId);
}

export async function signOffProject(ctx: AppContext, principal: Principal, projectId: string, body: SignOffBody, actor: AuditActor): Promise<ProjectDetail> {
  const p = await loadProject(ctx, principal, projectId);
  if (!actsForCommunity(principal, 'lists.project.signoff', p.community_path, COMMUNITY_ONLY)) throw forbidden('Only the project’s community signs it off');
  if (signOffReasonMissing(body.decision, body.reason)) throw badRequest('REASON_REQUIRED', 'Say why it is sent back', [{ path: 'body/reason', message: 'required to send back' }]);
  const next = nextProjectStatus(p.status, body.decision === 'approve' ? 'approve' : 'send_back');
  if (!next) throw conflict('PROJECT_STATE', `A ${p.status} project cannot be signed off`);
  await ctx.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('project')
      .set({ status: next, updated_at: sql`now()`, ...(next === 'completed' && { completed_at: sql`now()` }) })
      .where('id', '=', projectId)
      .where('status', '=', p.status)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw conflict('PROJECT_STATE', 'The project changed meanwhile');
    await trx
      .insertInto('project_sign_off')
      .values({ project_id: projectId, decision: body.decision === 'approve' ? 'approved' : 'sent_back', reason: body.reason?.trim() || null, decided_by: principal.userId, decider_name: principal.displayName })
      .execute();
    await writeAudit(trx, actor, { action: `lists.project.${body.decision === 'approve' ? 'sign_off' : 'send_back'}`, entityType: 'project', entityId: projectId, before: { status: p.status }, after: { status: next, reason: body.reason ?? null } });
    await noticeSignOff(trx, { id: projectId, title: p.title }, body.decision === 'approve' ? 'approve' : 'send_back', body.reason?.trim() || null);
  });
  poolChanged();
  return getProject(ctx, principal, projectId);
}

export async function rateProject(ctx: AppContext, principal: Principal, projectId: string, body: RateBody, actor: AuditActor): Promise<ProjectDetail> {
  const p = await loadProject(ctx, principal, projectId);
  const reach = await reachOf(ctx, principal, 'lists.project.rate');
  if (!reach.homePaths.some((h) => h.startsWith(p.community_path))) throw forbidden('Only residents of the community rate its projects');
  if (p.status !== 'completed') throw conflict('PROJECT_STATE', 'Only a completed project is rated');
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('project_rating')
      .values({ project_id: projectId, user_id: principal.userId, stars: body.stars, comment: body.comment ?? null, rater_name: maskName(principal.displayName) })
      .onConflict((oc) => oc.columns(['project_id', 'user_id']).doUpdateSet({ stars: body.stars, comment: body.comment ?? null }))
      .execute();
    await writeAudit(trx, actor, { action: 'lists.project.rate', entityType: 'project', entityId: projectId, after: body });
  });
  return getProject(ctx, principal, projectId);
}
