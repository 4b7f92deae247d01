/** Registration module: 双报到 (cycles, reporting in, cards), pairings, agreements, the dashboard. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { IdParams, Page, errorResponses } from '../../../contracts/common';
import {
  Agreement,
  AgreementsQuery,
  BulkRegistrationDecision,
  BulkRegistrationDecisionBody,
  CardNoParams,
  CardVerification,
  CreateAgreementBody,
  CreateCycleBody,
  EndBody,
  MissingEntry,
  MissingQuery,
  Pairing,
  PairingsQuery,
  ProposePairingBody,
  Registration,
  RegistrationCard,
  RegistrationCycle,
  RegistrationStats,
  RegistrationStatsQuery,
  RegistrationsQuery,
  RejectBody,
  ReminderBody,
  ReportInBody,
  SignBody,
  UpdateAgreementBody,
} from '../../../contracts/registration';
import { auditActor, requirePrincipal } from '../../platform/guard';
import { defineModule } from '../module';
import { seedRegistration } from '../../seed/registration';
import {
  createAgreement,
  decidePairing,
  endAgreement,
  getAgreement,
  getPairing,
  listAgreements,
  listPairings,
  proposePairing,
  remindExpiringAgreements,
  signAgreement,
  updateAgreement,
} from './pairings.service';
import {
  confirmRegistration,
  createCycle,
  endRegistrationsOnMove,
  getRegistration,
  listCycles,
  listMissing,
  listRegistrations,
  registrationCard,
  rejectRegistration,
  reportIn,
  sendReminders,
  verifyCard,
} from './registrations.service';
import { registrationStats } from './stats.service';
import { decideRegistrations } from './bulk-decisions.service';
import { missingColumns, pairingColumns, registrationColumns, statsColumns } from './exports';
import { exportRoute, listQuery, sendExport } from '../../platform/export';

/** The address people reach the server at (behind a proxy: the forwarded one, with GONGJIAN_TRUST_PROXY). */
function origin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

async function routes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;

  let tags = ['registration'];
  app.get('/registration-cycles', { schema: { tags, summary: 'Registration periods (the current one marked)', response: { 200: Type.Object({ items: Type.Array(RegistrationCycle) }), ...errorResponses } }, config: { permission: 'registration.read' } }, async () => ({
    items: await listCycles(ctx),
  }));
  app.post('/registration-cycles', { schema: { tags, summary: 'Open a registration period (e.g. every half year)', body: CreateCycleBody, response: { 201: RegistrationCycle, ...errorResponses } }, config: { permission: 'registration.cycle.manage' } }, async (request, reply) =>
    reply.status(201).send(await createCycle(ctx, requirePrincipal(request), request.body, auditActor(request))),
  );
  app.get('/registrations', { schema: { tags, summary: 'Registrations the caller may see', querystring: RegistrationsQuery, response: { 200: Page(Registration), ...errorResponses } }, config: { permission: 'registration.read' } }, async (request) =>
    listRegistrations(ctx, requirePrincipal(request), request.query),
  );
  app.get('/registrations/missing', { schema: { tags, summary: 'Who has not reported in yet (members or units)', querystring: MissingQuery, response: { 200: Page(MissingEntry), ...errorResponses } }, config: { permission: 'registration.read' } }, async (request) =>
    listMissing(ctx, requirePrincipal(request), request.query),
  );
  app.post('/registrations/reminders', { schema: { tags, summary: 'Remind those who have not reported in (in-app, once per cycle)', body: ReminderBody, response: { 200: Type.Object({ sent: Type.Integer() }), ...errorResponses } }, config: { permission: 'registration.read' } }, async (request) =>
    sendReminders(ctx, requirePrincipal(request), request.body, auditActor(request)),
  );
  app.get('/registrations/export', exportRoute(RegistrationsQuery, 'registration.read', 'The registrations as filtered, as .xlsx (masked)', tags), async (request, reply) => {
    const q = listQuery<RegistrationsQuery>(request.query);
    return sendExport(ctx, request, reply, { fileName: '报到名单', sheet: '报到', action: 'registration.export', filters: q, columns: registrationColumns, page: (page, pageSize) => listRegistrations(ctx, requirePrincipal(request), { ...q, page, pageSize }) });
  });
  app.get('/registrations/missing/export', exportRoute(MissingQuery, 'registration.read', 'Who has not reported in, as filtered, as .xlsx (masked)', tags), async (request, reply) => {
    const q = listQuery<MissingQuery>(request.query);
    return sendExport(ctx, request, reply, { fileName: '未报到名单', sheet: '未报到', action: 'registration.missing.export', filters: q, columns: missingColumns, page: (page, pageSize) => listMissing(ctx, requirePrincipal(request), { ...q, page, pageSize }) });
  });
  app.get('/registrations/:id', { schema: { tags, summary: 'One registration', params: IdParams, response: { 200: Registration, ...errorResponses } }, config: { permission: 'registration.read' } }, async (request) =>
    getRegistration(ctx, requirePrincipal(request), request.params.id),
  );
  app.post('/registrations', { schema: { tags, summary: 'Report in: a member where he or she lives, a unit to a paired community', body: ReportInBody, response: { 201: Registration, ...errorResponses } }, config: { permission: 'registration.apply' } }, async (request, reply) =>
    reply.status(201).send(await reportIn(ctx, requirePrincipal(request), request.body, auditActor(request))),
  );
  app.post('/registrations/:id/confirm', { schema: { tags, summary: 'Confirm a registration (issues the card)', params: IdParams, response: { 200: Registration, ...errorResponses } }, config: { permission: 'registration.decide' } }, async (request) =>
    confirmRegistration(ctx, requirePrincipal(request), request.params.id, auditActor(request)),
  );
  app.post('/registrations/:id/reject', { schema: { tags, summary: 'Reject a registration with a reason', params: IdParams, body: RejectBody, response: { 200: Registration, ...errorResponses } }, config: { permission: 'registration.decide' } }, async (request) =>
    rejectRegistration(ctx, requirePrincipal(request), request.params.id, request.body.reason, auditActor(request)),
  );
  app.post('/registrations/decisions', { schema: { tags, summary: 'Confirm or reject many registrations (ids, or all pending matching a filter): all or nothing, a report per refused row', body: BulkRegistrationDecisionBody, response: { 200: BulkRegistrationDecision, ...errorResponses } }, config: { permission: 'registration.decide' } }, async (request) =>
    decideRegistrations(ctx, requirePrincipal(request), request.body, auditActor(request)),
  );
  app.get('/registrations/:id/card', { schema: { tags, summary: 'The registration card (报到证) with its QR code', params: IdParams, response: { 200: RegistrationCard, ...errorResponses } }, config: { permission: 'registration.read' } }, async (request) =>
    registrationCard(ctx, requirePrincipal(request), request.params.id, origin(request)),
  );
  app.get('/public/registration-cards/:cardNo', { schema: { tags, summary: 'Check a card (what its QR code opens; no login)', params: CardNoParams, response: { 200: CardVerification, ...errorResponses } }, config: { permission: 'public' } }, async (request) =>
    verifyCard(ctx, request.params.cardNo),
  );
  app.get('/registration-stats', { schema: { tags, summary: 'Reported in against expected, per area and week; agreements', querystring: RegistrationStatsQuery, response: { 200: RegistrationStats, ...errorResponses } }, config: { permission: 'registration.read' } }, async (request) =>
    registrationStats(ctx, requirePrincipal(request), request.query),
  );

  app.get('/registration-stats/export', exportRoute(RegistrationStatsQuery, 'registration.read', 'The statistics tree under the caller, as .xlsx', tags), async (request, reply) => {
    const q = listQuery<RegistrationStatsQuery>(request.query);
    const { tree } = await registrationStats(ctx, requirePrincipal(request), q);
    const names = new Map(tree.map((n) => [n.regionId, n.name]));
    const rows = tree.map((n) => ({ ...n, parentName: n.parentId ? (names.get(n.parentId) ?? null) : null }));
    return sendExport(ctx, request, reply, { fileName: '报到统计', sheet: '报到统计', action: 'registration.stats.export', filters: q, columns: statsColumns, page: async (page, size) => ({ items: rows.slice((page - 1) * size, page * size), total: rows.length }) });
  });

  tags = ['pairings and agreements'];
  app.get('/pairings', { schema: { tags, summary: 'Pairings of units and communities', querystring: PairingsQuery, response: { 200: Page(Pairing), ...errorResponses } }, config: { permission: 'pairing.read' } }, async (request) =>
    listPairings(ctx, requirePrincipal(request), request.query),
  );
  app.get('/pairings/export', exportRoute(PairingsQuery, 'pairing.read', 'The pairings as filtered, as .xlsx', tags), async (request, reply) => {
    const q = listQuery<PairingsQuery>(request.query);
    return sendExport(ctx, request, reply, { fileName: '结对共建', sheet: '结对', action: 'pairing.export', filters: q, columns: pairingColumns, page: (page, pageSize) => listPairings(ctx, requirePrincipal(request), { ...q, page, pageSize }) });
  });
  app.get('/pairings/:id', { schema: { tags, summary: 'One pairing', params: IdParams, response: { 200: Pairing, ...errorResponses } }, config: { permission: 'pairing.read' } }, async (request) => getPairing(ctx, requirePrincipal(request), request.params.id));
  app.post('/pairings', { schema: { tags, summary: 'Propose a pairing (a supervisor’s is active at once)', body: ProposePairingBody, response: { 201: Pairing, ...errorResponses } }, config: { permission: 'pairing.propose' } }, async (request, reply) =>
    reply.status(201).send(await proposePairing(ctx, requirePrincipal(request), request.body, auditActor(request))),
  );
  app.post('/pairings/:id/accept', { schema: { tags, summary: 'Accept a proposal (the other side)', params: IdParams, response: { 200: Pairing, ...errorResponses } }, config: { permission: 'pairing.decide' } }, async (request) =>
    decidePairing(ctx, requirePrincipal(request), request.params.id, 'accept', null, auditActor(request)),
  );
  app.post('/pairings/:id/decline', { schema: { tags, summary: 'Decline a proposal', params: IdParams, body: EndBody, response: { 200: Pairing, ...errorResponses } }, config: { permission: 'pairing.decide' } }, async (request) =>
    decidePairing(ctx, requirePrincipal(request), request.params.id, 'decline', request.body.reason, auditActor(request)),
  );
  app.post('/pairings/:id/end', { schema: { tags, summary: 'End a pairing', params: IdParams, body: EndBody, response: { 200: Pairing, ...errorResponses } }, config: { permission: 'pairing.decide' } }, async (request) =>
    decidePairing(ctx, requirePrincipal(request), request.params.id, 'end', request.body.reason, auditActor(request)),
  );
  app.get('/agreements', { schema: { tags, summary: 'Agreements (filter by status, or expiring within N days)', querystring: AgreementsQuery, response: { 200: Page(Agreement), ...errorResponses } }, config: { permission: 'agreement.read' } }, async (request) =>
    listAgreements(ctx, requirePrincipal(request), request.query),
  );
  app.get('/agreements/:id', { schema: { tags, summary: 'One agreement with its tasks', params: IdParams, response: { 200: Agreement, ...errorResponses } }, config: { permission: 'agreement.read' } }, async (request) => getAgreement(ctx, requirePrincipal(request), request.params.id));
  app.post('/agreements', { schema: { tags, summary: 'Draft an agreement for an active pairing', body: CreateAgreementBody, response: { 201: Agreement, ...errorResponses } }, config: { permission: 'agreement.write' } }, async (request, reply) =>
    reply.status(201).send(await createAgreement(ctx, requirePrincipal(request), request.body, auditActor(request))),
  );
  app.patch('/agreements/:id', { schema: { tags, summary: 'Change a draft', params: IdParams, body: UpdateAgreementBody, response: { 200: Agreement, ...errorResponses } }, config: { permission: 'agreement.write' } }, async (request) =>
    updateAgreement(ctx, requirePrincipal(request), request.params.id, request.body, auditActor(request)),
  );
  app.post('/agreements/:id/sign', { schema: { tags, summary: 'Sign for a side (a: the community, b: the unit)', params: IdParams, body: SignBody, response: { 200: Agreement, ...errorResponses } }, config: { permission: 'agreement.sign' } }, async (request) =>
    signAgreement(ctx, requirePrincipal(request), request.params.id, request.body.side, request.body.signatory, auditActor(request)),
  );
  app.post('/agreements/:id/end', { schema: { tags, summary: 'End an agreement early, with a reason', params: IdParams, body: EndBody, response: { 200: Agreement, ...errorResponses } }, config: { permission: 'agreement.write' } }, async (request) =>
    endAgreement(ctx, requirePrincipal(request), request.params.id, request.body.reason, auditActor(request)),
  );
}

export const registrationModule = defineModule({
  name: 'registration',
  routes,
  tables: ['registration_cycle', 'pairing', 'registration', 'agreement', 'agreement_task'],
  jobs: [{ name: 'remind-expiring-agreements', everyMs: 24 * 3_600_000, run: (ctx) => remindExpiringAgreements(ctx) }],
  events: {
    // A member who moves away ends his or her registration in the old community.
    'member.residence_changed': (ctx, e) => endRegistrationsOnMove(ctx, e.memberId, e.toCommunityId, e.actor),
  },
  seed: ({ db }) => seedRegistration(db),
});
export { confirmedCommunityPaths } from './registrations.service';
