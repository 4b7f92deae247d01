/** Registration module: 双报到 (cycles, reporting in, cards), pairings, agreements, the dashboard. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MissingQuery, PairingsQuery, RegistrationStatsQuery, RegistrationsQuery } from '../../../contracts/registration';
import { auditActor, requirePrincipal } from '../../platform/guard';
import * as api from '../../../contracts/registration.endpoints';
import { defineModule, route } from '../module';
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
import { listQuery, sendExport } from '../../platform/export';

/** The address people reach the server at (behind a proxy: the forwarded one, with GONGJIAN_TRUST_PROXY). */
function origin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}


async function routes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;

  route(app, api.listCycles, async () => ({
    items: await listCycles(ctx),
  }));
  route(app, api.createCycle, async (request) => createCycle(ctx, requirePrincipal(request), request.body, auditActor(request)));
  route(app, api.listRegistrations, async (request) => listRegistrations(ctx, requirePrincipal(request), request.query));
  route(app, api.listMissing, async (request) => listMissing(ctx, requirePrincipal(request), request.query));
  route(app, api.sendReminders, async (request) => sendReminders(ctx, requirePrincipal(request), request.body, auditActor(request)));
  route(app, api.exportRegistrations, async (request, reply) => {
    const q = listQuery<RegistrationsQuery>(request.query);
    return sendExport(ctx, request, reply, { fileName: '报到名单', sheet: '报到', action: 'registration.export', filters: q, columns: registrationColumns, page: (page, pageSize) => listRegistrations(ctx, requirePrincipal(request), { ...q, page, pageSize }) });
  });
  route(app, api.exportRegistrationsMissing, async (request, reply) => {
    const q = listQuery<MissingQuery>(request.query);
    return sendExport(ctx, request, reply, { fileName: '未报到名单', sheet: '未报到', action: 'registration.missing.export', filters: q, columns: missingColumns, page: (page, pageSize) => listMissing(ctx, requirePrincipal(request), { ...q, page, pageSize }) });
  });
  route(app, api.getRegistration, async (request) => getRegistration(ctx, requirePrincipal(request), request.params.id));
  route(app, api.reportIn, async (request) => reportIn(ctx, requirePrincipal(request), request.body, auditActor(request)));
  route(app, api.confirmRegistration, async (request) => confirmRegistration(ctx, requirePrincipal(request), request.params.id, auditActor(request)));
  route(app, api.rejectRegistration, async (request) => rejectRegistration(ctx, requirePrincipal(request), request.params.id, request.body.reason, auditActor(request)));
  route(app, api.decideRegistrations, async (request) => decideRegistrations(ctx, requirePrincipal(request), request.body, auditActor(request)));
  route(app, api.registrationCard, async (request) => registrationCard(ctx, requirePrincipal(request), request.params.id, origin(request)));
  route(app, api.verifyCard, async (request) => verifyCard(ctx, request.params.cardNo));
  route(app, api.registrationStats, async (request) => registrationStats(ctx, requirePrincipal(request), request.query));

  route(app, api.exportRegistrationStats, async (request, reply) => {
    const q = listQuery<RegistrationStatsQuery>(request.query);
    const { tree } = await registrationStats(ctx, requirePrincipal(request), q);
    const names = new Map(tree.map((n) => [n.regionId, n.name]));
    const rows = tree.map((n) => ({ ...n, parentName: n.parentId ? (names.get(n.parentId) ?? null) : null }));
    return sendExport(ctx, request, reply, { fileName: '报到统计', sheet: '报到统计', action: 'registration.stats.export', filters: q, columns: statsColumns, page: async (page, size) => ({ items: rows.slice((page - 1) * size, page * size), total: rows.length }) });
  });

  route(app, api.listPairings, async (request) => listPairings(ctx, requirePrincipal(request), request.query));
  route(app, api.exportPairings, async (request, reply) => {
    const q = listQuery<PairingsQuery>(request.query);
    return sendExport(ctx, request, reply, { fileName: '结对共建', sheet: '结对', action: 'pairing.export', filters: q, columns: pairingColumns, page: (page, pageSize) => listPairings(ctx, requirePrincipal(request), { ...q, page, pageSize }) });
  });
  route(app, api.getPairing, async (request) => getPairing(ctx, requirePrincipal(request), request.params.id));
  route(app, api.proposePairing, async (request) => proposePairing(ctx, requirePrincipal(request), request.body, auditActor(request)));
  route(app, api.acceptPairing, async (request) => decidePairing(ctx, requirePrincipal(request), request.params.id, 'accept', null, auditActor(request)));
  route(app, api.declinePairing, async (request) => decidePairing(ctx, requirePrincipal(request), request.params.id, 'decline', request.body.reason, auditActor(request)));
  route(app, api.endPairing, async (request) => decidePairing(ctx, requirePrincipal(request), request.params.id, 'end', request.body.reason, auditActor(request)));
  route(app, api.listAgreements, async (request) => listAgreements(ctx, requirePrincipal(request), request.query));
  route(app, api.getAgreement, async (request) => getAgreement(ctx, requirePrincipal(request), request.params.id));
  route(app, api.createAgreement, async (request) => createAgreement(ctx, requirePrincipal(request), request.body, auditActor(request)));
  route(app, api.updateAgreement, async (request) => updateAgreement(ctx, requirePrincipal(request), request.params.id, request.body, auditActor(request)));
  route(app, api.signAgreement, async (request) => signAgreement(ctx, requirePrincipal(request), request.params.id, request.body.side, request.body.signatory, auditActor(request)));
  route(app, api.endAgreement, async (request) => endAgreement(ctx, requirePrincipal(request), request.params.id, request.body.reason, auditActor(request)));
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
