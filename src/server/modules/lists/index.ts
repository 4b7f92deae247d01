/**
 * Three lists module (三单式服务): needs, resources, projects, claims, progress, sign-off, ratings,
 * the yearly claim rule, matching suggestions, uploads and the public wall screen.
 * Endpoints: src/contracts/lists.endpoints.ts (all under /api/v1).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import * as api from '../../../contracts/lists.endpoints';
import { auditActor, requirePrincipal } from '../../platform/guard';
import { defineModule, route, type EndpointRequest } from '../module';
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

async function routes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;

  route(app, api.listNeeds, async (request) => listNeeds(ctx, requirePrincipal(request), request.query));
  route(app, api.createNeed, async (request) => createNeed(ctx, requirePrincipal(request), request.body, auditActor(request)));
  route(app, api.getNeed, async (request) => getNeed(ctx, requirePrincipal(request), request.params.id));
  route(app, api.updateNeed, async (request) =>
    updateNeed(ctx, requirePrincipal(request), request.params.id, request.body, auditActor(request)),
  );
  route(app, api.publishNeed, async (request) =>
    changeNeedStatus(ctx, requirePrincipal(request), request.params.id, 'publish', null, auditActor(request)),
  );
  route(app, api.closeNeed, async (request) =>
    changeNeedStatus(ctx, requirePrincipal(request), request.params.id, 'close', request.body.reason, auditActor(request)),
  );
  route(app, api.reopenNeed, async (request) =>
    changeNeedStatus(ctx, requirePrincipal(request), request.params.id, 'reopen', null, auditActor(request)),
  );
  route(app, api.suggestResourcesForNeed, async (request) =>
    suggestResourcesForNeed(ctx, requirePrincipal(request), request.params.id, request.query.limit ?? 10),
  );
  route(app, api.listResources, async (request) => listResources(ctx, requirePrincipal(request), request.query));
  route(app, api.createResource, async (request) => createResource(ctx, requirePrincipal(request), request.body, auditActor(request)));
  route(app, api.getResource, async (request) => getResource(ctx, requirePrincipal(request), request.params.id));
  route(app, api.updateResource, async (request) =>
    updateResource(ctx, requirePrincipal(request), request.params.id, request.body, auditActor(request)),
  );
  route(app, api.publishResource, async (request) =>
    changeResourceStatus(ctx, requirePrincipal(request), request.params.id, 'publish', auditActor(request)),
  );
  route(app, api.withdrawResource, async (request) =>
    changeResourceStatus(ctx, requirePrincipal(request), request.params.id, 'withdraw', auditActor(request)),
  );
  route(app, api.suggestNeedsForResource, async (request) =>
    suggestNeedsForResource(ctx, requirePrincipal(request), request.params.id, request.query.limit ?? 10),
  );
  route(app, api.listProjects, async (request) => listProjects(ctx, requirePrincipal(request), request.query));
  route(app, api.createProject, async (request) => createProject(ctx, requirePrincipal(request), request.body, auditActor(request)));
  route(app, api.getProject, async (request) => getProject(ctx, requirePrincipal(request), request.params.id));
  route(app, api.updateProject, async (request) =>
    updateProject(ctx, requirePrincipal(request), request.params.id, request.body, auditActor(request)),
  );
  route(app, api.publishProject, async (request) =>
    changeProjectStatus(ctx, requirePrincipal(request), request.params.id, 'publish', null, auditActor(request)),
  );
  route(app, api.cancelProject, async (request) =>
    changeProjectStatus(ctx, requirePrincipal(request), request.params.id, 'cancel', request.body.reason, auditActor(request)),
  );
  route(app, api.selfClaim, async (request) =>
    selfClaim(ctx, requirePrincipal(request), request.params.id, request.body, auditActor(request)),
  );
  route(app, api.assignClaim, async (request) =>
    assignClaim(ctx, requirePrincipal(request), request.params.id, request.body, auditActor(request)),
  );
  route(app, api.reportProgress, async (request) =>
    reportProgress(ctx, requirePrincipal(request), request.params.id, request.params.milestoneId, request.body, auditActor(request)),
  );
  route(app, api.submitProject, async (request) => submitProject(ctx, requirePrincipal(request), request.params.id, auditActor(request)));
  route(app, api.signOffProject, async (request) =>
    signOffProject(ctx, requirePrincipal(request), request.params.id, request.body, auditActor(request)),
  );
  route(app, api.rateProject, async (request) =>
    rateProject(ctx, requirePrincipal(request), request.params.id, request.body, auditActor(request)),
  );
  route(app, api.listClaims, async (request) => listClaims(ctx, requirePrincipal(request), request.query));
  route(app, api.acceptClaim, async (request) =>
    respondToClaim(ctx, requirePrincipal(request), request.params.id, 'accept', null, auditActor(request)),
  );
  route(app, api.declineClaim, async (request) =>
    respondToClaim(ctx, requirePrincipal(request), request.params.id, 'decline', request.body.reason, auditActor(request)),
  );
  route(app, api.withdrawClaim, async (request) =>
    respondToClaim(ctx, requirePrincipal(request), request.params.id, 'withdraw', request.body.reason, auditActor(request)),
  );
  route(app, api.getClaimRule, async (request) => getClaimRule(ctx, requirePrincipal(request), request.query));
  route(app, api.setClaimRule, async (request) => setClaimRule(ctx, requirePrincipal(request), request.body, auditActor(request)));

  const uploadLimit = { bodyLimit: UPLOAD_BODY_LIMIT };
  route(app, api.uploadFile, async (request) => uploadFile(ctx, requirePrincipal(request), request.body, auditActor(request)), uploadLimit);
  const serve = async (request: EndpointRequest<typeof api.getUpload>, reply: FastifyReply, thumbnail: boolean) => {
    const file = await readUpload(ctx, requirePrincipal(request), request.params.id, thumbnail);
    return reply
      .type(file.mime)
      .header('cache-control', 'private, max-age=3600')
      .header('content-disposition', `${file.mime === 'application/pdf' ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .send(file.bytes);
  };
  route(app, api.getUpload, (request, reply) => serve(request, reply, false));
  route(app, api.getUploadThumbnail, (request, reply) => serve(request, reply, true));

  await app.register(matchingRoutes);

  route(app, api.communityWall, async (request) => communityWall(ctx, request.params.communityId, request.query));
}

export const listsModule = defineModule({
  name: 'lists',
  routes,
  tables: ['need', 'need_attachment', 'resource', 'project', 'project_need', 'project_resource', 'project_milestone', 'project_claim', 'progress_report', 'progress_report_attachment', 'project_sign_off', 'project_rating', 'claim_rule', 'match_term', 'suggestion_feedback'],
  seed: ({ db }) => seedLists(db),
});
