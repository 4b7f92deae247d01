/**
 * Three lists module (三单式服务): needs, resources, projects, claims, progress, sign-off, ratings,
 * the yearly claim rule, matching suggestions, uploads and the public wall screen.
 * Contract: src/contracts/lists.ts. All paths are under /api/v1.
 *
 * METHOD path                                         permission             purpose
 * GET    /lists/needs                                 lists.need.read        needs the caller may see (own communities; units: paired + street alliance)
 * POST   /lists/needs                                 lists.need.write       draft a need (community staff, street)
 * GET    /lists/needs/:id                             lists.need.read        one need
 * PATCH  /lists/needs/:id                             lists.need.write       change a draft/published need
 * POST   /lists/needs/:id/publish                     lists.need.write       draft → published
 * POST   /lists/needs/:id/close                       lists.need.write       draft/published → closed (ReasonBody)
 * POST   /lists/needs/:id/reopen                      lists.need.write       closed → published
 * GET    /lists/needs/:id/suggestions                 lists.need.read        resources (and units) that could answer it
 * GET    /lists/resources                             lists.resource.read    published resources (+ own unit's drafts)
 * POST   /lists/resources                             lists.resource.write   draft a resource (unit admin)
 * GET    /lists/resources/:id                         lists.resource.read    one resource
 * PATCH  /lists/resources/:id                         lists.resource.write   change it (not withdrawn)
 * POST   /lists/resources/:id/publish                 lists.resource.write   draft/withdrawn → published
 * POST   /lists/resources/:id/withdraw                lists.resource.write   published → withdrawn
 * GET    /lists/resources/:id/suggestions             lists.resource.read    published needs (visible to the caller) it could serve
 * GET    /lists/projects                              lists.project.read     projects of the year (filters, claimable, mine)
 * POST   /lists/projects                              lists.project.write    draft a project (community, street, supervisor)
 * GET    /lists/projects/:id                          lists.project.read     project detail: needs, resources, milestones, claims, reports, sign-offs, ratings, actions
 * PATCH  /lists/projects/:id                          lists.project.write    change a draft (or open with no claims)
 * POST   /lists/projects/:id/publish                  lists.project.write    draft → open (claimable)
 * POST   /lists/projects/:id/cancel                   lists.project.write    draft/open/in_progress → cancelled (ReasonBody)
 * POST   /lists/projects/:id/claims                   lists.project.claim    self-claim a slot (unit admin for a paired unit; member for self)
 * POST   /lists/projects/:id/assignments              lists.project.write    assigned claim to a unit or member (pending until accepted)
 * GET    /lists/claims                                lists.project.claim    claims of the caller's units / self (pending ones to answer)
 * POST   /lists/claims/:id/accept                     lists.project.claim    assignee accepts (pending → active)
 * POST   /lists/claims/:id/decline                    lists.project.claim    assignee declines (ReasonBody; frees the slot)
 * POST   /lists/claims/:id/withdraw                   lists.project.claim    claimant withdraws an active claim (ReasonBody; frees the slot)
 * POST   /lists/projects/:id/milestones/:milestoneId/reports  lists.project.claim  progress report with note and photos (active claimants)
 * POST   /lists/projects/:id/submit                   lists.project.claim    ask for sign-off (in_progress → submitted; all milestones done)
 * POST   /lists/projects/:id/sign-off                 lists.project.signoff  approve (→ completed) or send back with a reason (→ in_progress)
 * POST   /lists/projects/:id/ratings                  lists.project.rate     a resident/member of the community rates a completed project
 * GET    /lists/claim-rule                            lists.project.read     the yearly minimum and per-unit progress
 * PUT    /lists/claim-rule                            lists.rule.manage      set the yearly minimum (supervisor)
 * POST   /lists/uploads                               lists.upload           upload a photo/document (JSON base64; magic-byte checked)
 * GET    /lists/uploads/:id                           lists.project.read     the file, to those who may see its need/project (or its uploader)
 * GET    /lists/uploads/:id/thumbnail                 lists.project.read     the image thumbnail (JPEG), same access
 * (matching.routes.ts: the dictionary and feedback on suggestions, under /lists/match-terms and /lists/…/feedback)
 * GET    /public/lists/communities/:communityId/wall  public                 wall screen: published needs, the year's projects, paired units' resources; no personal data
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, Page, errorResponses } from '../../../contracts/common';
import {
  AssignClaimBody,
  Claim,
  ClaimRuleProgress,
  ClaimRuleQuery,
  ClaimsQuery,
  CreateNeedBody,
  CreateProjectBody,
  CreateResourceBody,
  MilestoneParams,
  Need,
  NeedSuggestions,
  NeedsQuery,
  ProjectDetail,
  ProjectSummary,
  ProjectsQuery,
  RateBody,
  ReasonBody,
  ReportProgressBody,
  Resource,
  ResourceSuggestions,
  ResourcesQuery,
  SelfClaimBody,
  SetClaimRuleBody,
  SignOffBody,
  SuggestionsQuery,
  UpdateNeedBody,
  UpdateProjectBody,
  UpdateResourceBody,
  Upload,
  UploadBody,
  Wall,
  WallParams,
  WallQuery,
} from '../../../contracts/lists';
import { auditActor, requirePrincipal } from '../../platform/guard';
import { defineModule } from '../module';
import { seedLists } from '../../seed/lists';
import { assignClaim, listClaims, respondToClaim, selfClaim } from './claims.service';
import { changeNeedStatus, createNeed, getNeed, listNeeds, updateNeed } from './needs.service';
import { rateProject, reportProgress, signOffProject, submitProject } from './progress.service';
import { changeProjectStatus, createProject, getProject, listProjects, updateProject } from './projects.service';
import { changeResourceStatus, createResource, getResource, listResources, updateResource } from './resources.service';
import { getClaimRule, setClaimRule } from './rule.service';
import { matchingRoutes } from './matching.routes';
import { suggestNeedsForResource, suggestResourcesForNeed } from './suggestions.service';
import { readUpload, uploadFile } from './uploads.service';
import { communityWall } from './wall.service';

const UPLOAD_BODY_LIMIT = 12 * 1024 * 1024;

async function routes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;

  let tags = ['three lists: needs'];
  app.get('/lists/needs', { schema: { tags, summary: 'Needs the caller may see', querystring: NeedsQuery, response: { 200: Page(Need), ...errorResponses } }, config: { permission: 'lists.need.read' } }, async (request) =>
    listNeeds(ctx, requirePrincipal(request), request.query),
  );
  app.post('/lists/needs', { schema: { tags, summary: 'Draft a need of a community', body: CreateNeedBody, response: { 201: Need, ...errorResponses } }, config: { permission: 'lists.need.write' } }, async (request, reply) =>
    reply.status(201).send(await createNeed(ctx, requirePrincipal(request), request.body, auditActor(request))),
  );
  app.get('/lists/needs/:id', { schema: { tags, summary: 'One need', params: IdParams, response: { 200: Need, ...errorResponses } }, config: { permission: 'lists.need.read' } }, async (request) =>
    getNeed(ctx, requirePrincipal(request), request.params.id),
  );
  app.patch('/lists/needs/:id', { schema: { tags, summary: 'Change a draft or published need', params: IdParams, body: UpdateNeedBody, response: { 200: Need, ...errorResponses } }, config: { permission: 'lists.need.write' } }, async (request) =>
    updateNeed(ctx, requirePrincipal(request), request.params.id, request.body, auditActor(request)),
  );
  app.post('/lists/needs/:id/publish', { schema: { tags, summary: 'Publish a draft need', params: IdParams, response: { 200: Need, ...errorResponses } }, config: { permission: 'lists.need.write' } }, async (request) =>
    changeNeedStatus(ctx, requirePrincipal(request), request.params.id, 'publish', null, auditActor(request)),
  );
  app.post('/lists/needs/:id/close', { schema: { tags, summary: 'Close a need, with a reason', params: IdParams, body: ReasonBody, response: { 200: Need, ...errorResponses } }, config: { permission: 'lists.need.write' } }, async (request) =>
    changeNeedStatus(ctx, requirePrincipal(request), request.params.id, 'close', request.body.reason, auditActor(request)),
  );
  app.post('/lists/needs/:id/reopen', { schema: { tags, summary: 'Publish a closed need again', params: IdParams, response: { 200: Need, ...errorResponses } }, config: { permission: 'lists.need.write' } }, async (request) =>
    changeNeedStatus(ctx, requirePrincipal(request), request.params.id, 'reopen', null, auditActor(request)),
  );
  app.get('/lists/needs/:id/suggestions', { schema: { tags, summary: 'Resources (and units) most likely to answer the need', params: IdParams, querystring: SuggestionsQuery, response: { 200: ResourceSuggestions, ...errorResponses } }, config: { permission: 'lists.need.read' } }, async (request) =>
    suggestResourcesForNeed(ctx, requirePrincipal(request), request.params.id, request.query.limit ?? 10),
  );

  tags = ['three lists: resources'];
  app.get('/lists/resources', { schema: { tags, summary: 'Published resources (and the caller’s unit’s own)', querystring: ResourcesQuery, response: { 200: Page(Resource), ...errorResponses } }, config: { permission: 'lists.resource.read' } }, async (request) =>
    listResources(ctx, requirePrincipal(request), request.query),
  );
  app.post('/lists/resources', { schema: { tags, summary: 'Draft a resource of a unit', body: CreateResourceBody, response: { 201: Resource, ...errorResponses } }, config: { permission: 'lists.resource.write' } }, async (request, reply) =>
    reply.status(201).send(await createResource(ctx, requirePrincipal(request), request.body, auditActor(request))),
  );
  app.get('/lists/resources/:id', { schema: { tags, summary: 'One resource', params: IdParams, response: { 200: Resource, ...errorResponses } }, config: { permission: 'lists.resource.read' } }, async (request) =>
    getResource(ctx, requirePrincipal(request), request.params.id),
  );
  app.patch('/lists/resources/:id', { schema: { tags, summary: 'Change a resource', params: IdParams, body: UpdateResourceBody, response: { 200: Resource, ...errorResponses } }, config: { permission: 'lists.resource.write' } }, async (request) =>
    updateResource(ctx, requirePrincipal(request), request.params.id, request.body, auditActor(request)),
  );
  app.post('/lists/resources/:id/publish', { schema: { tags, summary: 'Publish a resource', params: IdParams, response: { 200: Resource, ...errorResponses } }, config: { permission: 'lists.resource.write' } }, async (request) =>
    changeResourceStatus(ctx, requirePrincipal(request), request.params.id, 'publish', auditActor(request)),
  );
  app.post('/lists/resources/:id/withdraw', { schema: { tags, summary: 'Withdraw a published resource', params: IdParams, response: { 200: Resource, ...errorResponses } }, config: { permission: 'lists.resource.write' } }, async (request) =>
    changeResourceStatus(ctx, requirePrincipal(request), request.params.id, 'withdraw', auditActor(request)),
  );
  app.get('/lists/resources/:id/suggestions', { schema: { tags, summary: 'Published needs the resource could serve', params: IdParams, querystring: SuggestionsQuery, response: { 200: NeedSuggestions, ...errorResponses } }, config: { permission: 'lists.resource.read' } }, async (request) =>
    suggestNeedsForResource(ctx, requirePrincipal(request), request.params.id, request.query.limit ?? 10),
  );

  tags = ['three lists: projects'];
  app.get('/lists/projects', { schema: { tags, summary: 'Projects of the year the caller may see', querystring: ProjectsQuery, response: { 200: Page(ProjectSummary), ...errorResponses } }, config: { permission: 'lists.project.read' } }, async (request) =>
    listProjects(ctx, requirePrincipal(request), request.query),
  );
  app.post('/lists/projects', { schema: { tags, summary: 'Draft a project', body: CreateProjectBody, response: { 201: ProjectDetail, ...errorResponses } }, config: { permission: 'lists.project.write' } }, async (request, reply) =>
    reply.status(201).send(await createProject(ctx, requirePrincipal(request), request.body, auditActor(request))),
  );
  app.get('/lists/projects/:id', { schema: { tags, summary: 'One project with its milestones, claims, reports, sign-offs and ratings', params: IdParams, response: { 200: ProjectDetail, ...errorResponses } }, config: { permission: 'lists.project.read' } }, async (request) =>
    getProject(ctx, requirePrincipal(request), request.params.id),
  );
  app.patch('/lists/projects/:id', { schema: { tags, summary: 'Change a draft (or an open project nobody claimed)', params: IdParams, body: UpdateProjectBody, response: { 200: ProjectDetail, ...errorResponses } }, config: { permission: 'lists.project.write' } }, async (request) =>
    updateProject(ctx, requirePrincipal(request), request.params.id, request.body, auditActor(request)),
  );
  app.post('/lists/projects/:id/publish', { schema: { tags, summary: 'Open a draft project for claims', params: IdParams, response: { 200: ProjectDetail, ...errorResponses } }, config: { permission: 'lists.project.write' } }, async (request) =>
    changeProjectStatus(ctx, requirePrincipal(request), request.params.id, 'publish', null, auditActor(request)),
  );
  app.post('/lists/projects/:id/cancel', { schema: { tags, summary: 'Cancel a project, with a reason', params: IdParams, body: ReasonBody, response: { 200: ProjectDetail, ...errorResponses } }, config: { permission: 'lists.project.write' } }, async (request) =>
    changeProjectStatus(ctx, requirePrincipal(request), request.params.id, 'cancel', request.body.reason, auditActor(request)),
  );
  app.post('/lists/projects/:id/claims', { schema: { tags, summary: 'Self-claim a slot (a paired unit, or a member)', params: IdParams, body: SelfClaimBody, response: { 201: Claim, ...errorResponses } }, config: { permission: 'lists.project.claim' } }, async (request, reply) =>
    reply.status(201).send(await selfClaim(ctx, requirePrincipal(request), request.params.id, request.body, auditActor(request))),
  );
  app.post('/lists/projects/:id/assignments', { schema: { tags, summary: 'Assign the project to a unit or member (they accept or decline)', params: IdParams, body: AssignClaimBody, response: { 201: Claim, ...errorResponses } }, config: { permission: 'lists.project.write' } }, async (request, reply) =>
    reply.status(201).send(await assignClaim(ctx, requirePrincipal(request), request.params.id, request.body, auditActor(request))),
  );
  app.post('/lists/projects/:id/milestones/:milestoneId/reports', { schema: { tags, summary: 'Report progress on a milestone (note, photos, done)', params: MilestoneParams, body: ReportProgressBody, response: { 201: ProjectDetail, ...errorResponses } }, config: { permission: 'lists.project.claim' } }, async (request, reply) =>
    reply.status(201).send(await reportProgress(ctx, requirePrincipal(request), request.params.id, request.params.milestoneId, request.body, auditActor(request))),
  );
  app.post('/lists/projects/:id/submit', { schema: { tags, summary: 'Ask the community to sign off (every milestone done)', params: IdParams, response: { 200: ProjectDetail, ...errorResponses } }, config: { permission: 'lists.project.claim' } }, async (request) =>
    submitProject(ctx, requirePrincipal(request), request.params.id, auditActor(request)),
  );
  app.post('/lists/projects/:id/sign-off', { schema: { tags, summary: 'Sign off (approve) or send back with a reason', params: IdParams, body: SignOffBody, response: { 200: ProjectDetail, ...errorResponses } }, config: { permission: 'lists.project.signoff' } }, async (request) =>
    signOffProject(ctx, requirePrincipal(request), request.params.id, request.body, auditActor(request)),
  );
  app.post('/lists/projects/:id/ratings', { schema: { tags, summary: 'Rate a completed project of one’s community', params: IdParams, body: RateBody, response: { 200: ProjectDetail, ...errorResponses } }, config: { permission: 'lists.project.rate' } }, async (request) =>
    rateProject(ctx, requirePrincipal(request), request.params.id, request.body, auditActor(request)),
  );

  tags = ['three lists: claims'];
  app.get('/lists/claims', { schema: { tags, summary: 'Claims of the caller’s units (or own), pending first', querystring: ClaimsQuery, response: { 200: Page(Claim), ...errorResponses } }, config: { permission: 'lists.project.claim' } }, async (request) =>
    listClaims(ctx, requirePrincipal(request), request.query),
  );
  app.post('/lists/claims/:id/accept', { schema: { tags, summary: 'Accept an assigned claim', params: IdParams, response: { 200: Claim, ...errorResponses } }, config: { permission: 'lists.project.claim' } }, async (request) =>
    respondToClaim(ctx, requirePrincipal(request), request.params.id, 'accept', null, auditActor(request)),
  );
  app.post('/lists/claims/:id/decline', { schema: { tags, summary: 'Decline an assigned claim, with a reason', params: IdParams, body: ReasonBody, response: { 200: Claim, ...errorResponses } }, config: { permission: 'lists.project.claim' } }, async (request) =>
    respondToClaim(ctx, requirePrincipal(request), request.params.id, 'decline', request.body.reason, auditActor(request)),
  );
  app.post('/lists/claims/:id/withdraw', { schema: { tags, summary: 'Withdraw a claim, with a reason (frees the slot)', params: IdParams, body: ReasonBody, response: { 200: Claim, ...errorResponses } }, config: { permission: 'lists.project.claim' } }, async (request) =>
    respondToClaim(ctx, requirePrincipal(request), request.params.id, 'withdraw', request.body.reason, auditActor(request)),
  );

  tags = ['three lists: yearly rule'];
  app.get('/lists/claim-rule', { schema: { tags, summary: 'The yearly minimum of claimed projects and each unit’s progress', querystring: ClaimRuleQuery, response: { 200: ClaimRuleProgress, ...errorResponses } }, config: { permission: 'lists.project.read' } }, async (request) =>
    getClaimRule(ctx, requirePrincipal(request), request.query),
  );
  app.put('/lists/claim-rule', { schema: { tags, summary: 'Set the yearly minimum (supervisor)', body: SetClaimRuleBody, response: { 200: ClaimRuleProgress, ...errorResponses } }, config: { permission: 'lists.rule.manage' } }, async (request) =>
    setClaimRule(ctx, requirePrincipal(request), request.body, auditActor(request)),
  );

  tags = ['three lists: uploads'];
  app.post('/lists/uploads', { bodyLimit: UPLOAD_BODY_LIMIT, schema: { tags, summary: 'Upload a photo or document (base64; type checked by content)', body: UploadBody, response: { 201: Upload, ...errorResponses } }, config: { permission: 'lists.upload' } }, async (request, reply) =>
    reply.status(201).send(await uploadFile(ctx, requirePrincipal(request), request.body, auditActor(request))),
  );
  const serve = (thumbnail: boolean) => async (request: { params: { id: string } } & Parameters<typeof requirePrincipal>[0], reply: import('fastify').FastifyReply) => {
    const file = await readUpload(ctx, requirePrincipal(request), request.params.id, thumbnail);
    return reply
      .type(file.mime)
      .header('cache-control', 'private, max-age=3600')
      .header('content-disposition', `${file.mime === 'application/pdf' ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.bytes);
  };
  app.get('/lists/uploads/:id', { schema: { tags, summary: 'The uploaded file (to those who may see its need or project)', params: IdParams, response: { ...errorResponses } }, config: { permission: 'lists.project.read' } }, serve(false));
  app.get('/lists/uploads/:id/thumbnail', { schema: { tags, summary: 'The image’s thumbnail (JPEG)', params: IdParams, response: { ...errorResponses } }, config: { permission: 'lists.project.read' } }, serve(true));

  await app.register(matchingRoutes);

  tags = ['three lists: wall screen'];
  app.get('/public/lists/communities/:communityId/wall', { schema: { tags, summary: 'A community’s published lists for the wall screen (no login, no personal data)', params: WallParams, querystring: WallQuery, response: { 200: Wall, ...errorResponses } }, config: { permission: 'public' } }, async (request) =>
    communityWall(ctx, request.params.communityId, request.query),
  );
}

export const listsModule = defineModule({
  name: 'lists',
  routes,
  tables: ['need', 'need_attachment', 'resource', 'project', 'project_need', 'project_resource', 'project_milestone', 'project_claim', 'progress_report', 'progress_report_attachment', 'project_sign_off', 'project_rating', 'claim_rule', 'match_term', 'suggestion_feedback'],
  seed: ({ db }) => seedLists(db),
});
