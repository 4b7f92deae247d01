/**
 * Volunteering module: activities, sign-ups (group-committed), check-in, the hours ledger, quotas,
 * certificates and the calendar feed.
 *
 * The endpoints (method, path, schemas, permission) are declared once in src/contracts/volunteering.endpoints.ts.
 *
 * Web addresses the server builds: the check-in QR opens `/volunteering/check-in/:activityId?t=<token>`;
 * a certificate's QR opens `/verify/certificate/:certNo`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BehindQuery, HourEntriesQuery, HourRequestsQuery } from '../../../contracts/volunteering';
import { auditActor, requirePrincipal } from '../../platform/guard';
import { XLSX_MIME } from '../../platform/xlsx';
import * as api from '../../../contracts/volunteering.endpoints';
import { defineModule, route } from '../module';
import { seedVolunteering } from '../../seed/volunteering';
import { cancelActivity, getActivity, listActivities, publishActivity, updateActivity } from './activities.service';
import { createFeed, feedCalendar, getFeed, revokeFeed } from './calendar.service';
import { getCertificate, issueCertificate, listCertificates, verifyCertificate } from './certificates.service';
import { checkCode, checkInOut, recordAttendance } from './checkin.service';
import { behindColumns, hourEntryColumns, hourRequestColumns } from './exports';
import { listQuery, sendExport } from '../../platform/export';
import {
  approveRequest,
  createRequest,
  decideRequests,
  entryHistory,
  listEntries,
  listRequests,
  myHours,
  rejectRequest,
} from './ledger.service';
import { listBehind, myQuota, quotaSummary, remindBehind } from './quota.service';
import { getSettings, updateSettings } from './settings.service';
import { cancelSignup, exportRoster, getRoster, listMySignups, signUp } from './signups.service';

/** The address people reach the server at (behind a proxy: the forwarded one, with GONGJIAN_TRUST_PROXY). */
const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

function sendXlsx(reply: FastifyReply, fileName: string, data: Buffer) {
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', `attachment; filename="roster.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(data);
}

async function routes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;

  route(app, api.listActivities, async (request) => listActivities(ctx, requirePrincipal(request), request.query));
  route(app, api.publishActivity, async (request) => ({ items: await publishActivity(ctx, requirePrincipal(request), request.body, auditActor(request)) }));
  route(app, api.getActivity, async (request) => getActivity(ctx, requirePrincipal(request), request.params.id));
  route(app, api.updateActivity, async (request) => updateActivity(ctx, requirePrincipal(request), request.params.id, request.body, auditActor(request)));
  route(app, api.cancelActivity, async (request) => cancelActivity(ctx, requirePrincipal(request), request.params.id, request.body, auditActor(request)));
  route(app, api.getRoster, async (request) => getRoster(ctx, requirePrincipal(request), request.params.id));
  route(app, api.exportRoster, async (request, reply) => {
    const { fileName, data } = await exportRoster(ctx, requirePrincipal(request), request.params.id, auditActor(request));
    return sendXlsx(reply, fileName, data);
  });
  route(app, api.checkCode, async (request, reply) => {
    void reply.header('cache-control', 'no-store');
    return checkCode(ctx, requirePrincipal(request), request.params.id, origin(request));
  });
  route(app, api.recordAttendance, async (request) => recordAttendance(ctx, requirePrincipal(request), request.params.id, request.body, auditActor(request)));

  route(app, api.signUp, async (request) => signUp(ctx, requirePrincipal(request), request.params.id, auditActor(request)));
  route(app, api.cancelSignup, async (request) => cancelSignup(ctx, requirePrincipal(request), request.params.id, auditActor(request)));
  route(app, api.checkIn, async (request) => checkInOut(ctx, requirePrincipal(request), request.params.id, request.body, 'in', auditActor(request)));
  route(app, api.checkOut, async (request) => checkInOut(ctx, requirePrincipal(request), request.params.id, request.body, 'out', auditActor(request)));
  route(app, api.listMySignups, async (request) => listMySignups(ctx, requirePrincipal(request), request.query));
  route(app, api.getFeed, async (request) => getFeed(ctx, requirePrincipal(request)));
  route(app, api.createFeed, async (request) => createFeed(ctx, requirePrincipal(request), origin(request), auditActor(request)));
  route(app, api.revokeFeed, async (request) => {
    await revokeFeed(ctx, requirePrincipal(request), auditActor(request));
  });
  route(app, api.feedCalendar, async (request, reply) => {
    const ics = await feedCalendar(ctx, request.params.token);
    return reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(ics);
  });

  route(app, api.myHours, async (request) => myHours(ctx, requirePrincipal(request), request.query));
  route(app, api.myQuota, async (request) => myQuota(ctx, requirePrincipal(request), request.query));
  route(app, api.exportVolunteeringHourEntries, async (request, reply) => {
    const q = listQuery<HourEntriesQuery>(request.query);
    return sendExport(ctx, request, reply, { fileName: '服务时长', sheet: '时长', action: 'volunteering.hours.export', filters: q, columns: hourEntryColumns, page: (page, pageSize) => listEntries(ctx, requirePrincipal(request), { ...q, page, pageSize }) });
  });
  route(app, api.exportVolunteeringHourRequests, async (request, reply) => {
    const q = listQuery<HourRequestsQuery>(request.query);
    return sendExport(ctx, request, reply, { fileName: '时长审核', sheet: '时长审核', action: 'volunteering.hour_requests.export', filters: q, columns: hourRequestColumns, page: (page, pageSize) => listRequests(ctx, requirePrincipal(request), { ...q, page, pageSize }) });
  });
  route(app, api.listHourEntries, async (request) => listEntries(ctx, requirePrincipal(request), request.query));
  route(app, api.hourEntryHistory, async (request) => entryHistory(ctx, requirePrincipal(request), request.params.id));
  route(app, api.listHourRequests, async (request) => listRequests(ctx, requirePrincipal(request), request.query));
  route(app, api.createHourRequest, async (request) => createRequest(ctx, requirePrincipal(request), request.body, auditActor(request)));
  route(app, api.decideRequests, async (request) => decideRequests(ctx, requirePrincipal(request), request.body, auditActor(request)));
  route(app, api.approveHourRequest, async (request) => approveRequest(ctx, requirePrincipal(request), request.params.id, request.body.note, auditActor(request)));
  route(app, api.rejectHourRequest, async (request) => rejectRequest(ctx, requirePrincipal(request), request.params.id, request.body.note, auditActor(request)));

  route(app, api.getSettings, async (request) => getSettings(ctx, request.query.year));
  route(app, api.updateSettings, async (request) => updateSettings(ctx, requirePrincipal(request).userId, request.body, auditActor(request)));
  route(app, api.exportVolunteeringQuotaBehind, async (request, reply) => {
    const q = listQuery<BehindQuery>(request.query);
    return sendExport(ctx, request, reply, { fileName: '完成情况', sheet: '完成情况', action: 'volunteering.quota.export', filters: q, columns: behindColumns, page: (page, pageSize) => listBehind(ctx, requirePrincipal(request), { ...q, page, pageSize }) });
  });
  route(app, api.listBehind, async (request) => listBehind(ctx, requirePrincipal(request), request.query));
  route(app, api.quotaSummary, async (request) => quotaSummary(ctx, requirePrincipal(request), request.query));
  route(app, api.remindBehind, async (request) => remindBehind(ctx, { principal: requirePrincipal(request), actor: auditActor(request), force: true }));

  route(app, api.listCertificates, async (request) => listCertificates(ctx, requirePrincipal(request), request.query));
  route(app, api.issueCertificate, async (request) => issueCertificate(ctx, requirePrincipal(request), request.body, auditActor(request), origin(request)));
  route(app, api.getCertificate, async (request) => getCertificate(ctx, requirePrincipal(request), request.params.id, origin(request)));
  route(app, api.verifyCertificate, async (request) => verifyCertificate(ctx, request.params.certNo));
}

export const volunteeringModule = defineModule({
  name: 'volunteering',
  routes,
  tables: ['volunteer_activity', 'volunteer_signup', 'hour_entry', 'hour_request', 'volunteer_setting', 'certificate_counter', 'service_certificate', 'volunteer_calendar_feed'],
  jobs: [{ name: 'remind-volunteering-quota', everyMs: 6 * 3_600_000, run: (ctx) => remindBehind(ctx) }],
  seed: ({ db }) => seedVolunteering(db),
});
