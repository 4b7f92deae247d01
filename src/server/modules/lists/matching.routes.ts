/**
 * Routes of the matching tools (registered by the lists module's index.ts; endpoints in
 * src/contracts/lists.endpoints.ts, schemas in src/contracts/matching.ts). All under /api/v1.
 */
import type { FastifyInstance } from 'fastify';
import * as api from '../../../contracts/lists.endpoints';
import { auditActor, requirePrincipal } from '../../platform/guard';
import { route } from '../module';
import { addMatchTerm, exportFeedback, giveSuggestionFeedback, myFeedback, removeMatchTerm, showDictionary } from './matching.service';

export async function matchingRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  route(app, api.showDictionary, async () => showDictionary(ctx));
  route(app, api.addMatchTerm, async (request) => addMatchTerm(ctx, requirePrincipal(request), request.body, auditActor(request)));
  route(app, api.removeMatchTerm, async (request) => {
    requirePrincipal(request);
    await removeMatchTerm(ctx, request.params.id, auditActor(request));
  });
  route(app, api.myFeedback, async (request) => myFeedback(ctx, requirePrincipal(request), request.params.id));
  route(app, api.giveSuggestionFeedback, async (request) =>
    giveSuggestionFeedback(ctx, requirePrincipal(request), request.params.id, request.params.resourceId, request.body, auditActor(request)),
  );
  route(app, api.exportFeedback, async (request) => exportFeedback(ctx, requirePrincipal(request)));
}
