/**
 * Routes of the matching tools (registered by the lists module's index.ts; contract
 * src/contracts/matching.ts). All under /api/v1.
 *
 * METHOD path                                              permission            purpose
 * GET    /lists/match-terms                                lists.need.read       the dictionary: shipped groups and staff entries
 * POST   /lists/match-terms                                lists.match.manage    add a word to a concept (new or existing)
 * DELETE /lists/match-terms/:id                            lists.match.manage    remove a staff entry
 * GET    /lists/needs/:id/suggestion-feedback              lists.need.write      the caller's judgements of the need's suggestions
 * PUT    /lists/needs/:id/suggestions/:resourceId/feedback lists.need.write      useful or not (staff of the need's community)
 * GET    /lists/suggestion-feedback/export                 lists.match.manage    judgements on needs of the caller's regions, as an evaluation set
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { IdParams, errorResponses } from '../../../contracts/common';
import { AddMatchTermBody, FeedbackExport, FeedbackParams, MatchDictionary, MatchTerm, MyFeedbackList, SuggestionFeedback, SuggestionFeedbackBody } from '../../../contracts/matching';
import { auditActor, requirePrincipal } from '../../platform/guard';
import { addMatchTerm, exportFeedback, giveSuggestionFeedback, myFeedback, removeMatchTerm, showDictionary } from './matching.service';

export async function matchingRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;
  const tags = ['three lists: matching'];
  app.get('/lists/match-terms', { schema: { tags, summary: 'The matching dictionary', response: { 200: MatchDictionary, ...errorResponses } }, config: { permission: 'lists.need.read' } }, async () => showDictionary(ctx));
  app.post('/lists/match-terms', { schema: { tags, summary: 'Add a word to a concept of the dictionary', body: AddMatchTermBody, response: { 201: MatchTerm, ...errorResponses } }, config: { permission: 'lists.match.manage' } }, async (request, reply) =>
    reply.status(201).send(await addMatchTerm(ctx, requirePrincipal(request), request.body, auditActor(request))),
  );
  app.delete('/lists/match-terms/:id', { schema: { tags, summary: 'Remove a staff entry of the dictionary', params: IdParams, response: { 204: Type.Null(), ...errorResponses } }, config: { permission: 'lists.match.manage' } }, async (request, reply) => {
    requirePrincipal(request);
    await removeMatchTerm(ctx, request.params.id, auditActor(request));
    return reply.status(204).send(null);
  });
  app.get('/lists/needs/:id/suggestion-feedback', { schema: { tags, summary: 'The caller’s judgements of the need’s suggestions', params: IdParams, response: { 200: MyFeedbackList, ...errorResponses } }, config: { permission: 'lists.need.write' } }, async (request) =>
    myFeedback(ctx, requirePrincipal(request), request.params.id),
  );
  app.put('/lists/needs/:id/suggestions/:resourceId/feedback', { schema: { tags, summary: 'Mark a suggestion useful or not', params: FeedbackParams, body: SuggestionFeedbackBody, response: { 200: SuggestionFeedback, ...errorResponses } }, config: { permission: 'lists.need.write' } }, async (request) =>
    giveSuggestionFeedback(ctx, requirePrincipal(request), request.params.id, request.params.resourceId, request.body, auditActor(request)),
  );
  app.get('/lists/suggestion-feedback/export', { schema: { tags, summary: 'Judgements of suggestions as an evaluation set', response: { 200: FeedbackExport, ...errorResponses } }, config: { permission: 'lists.match.manage' } }, async (request) =>
    exportFeedback(ctx, requirePrincipal(request)),
  );
}
