/**
 * Volunteering module: activities, sign-ups (group-committed), check-in, the hours ledger, quotas,
 * certificates and the calendar feed. Routes (all under /api/v1; contracts in src/contracts/volunteering.ts):
 *
 * METHOD  path                                           permission                       purpose
 * GET     /volunteering/activities                       volunteering.activity.read       browse (ActivitiesQuery: from/to, kind, regionId, joinable, managed, maxDistance) → Page(Activity)
 * POST    /volunteering/activities                       volunteering.activity.manage     publish one activity or a series of shifts → 201 { items: Activity[] }
 * GET     /volunteering/activities/:id                   volunteering.activity.read       one activity → Activity
 * PATCH   /volunteering/activities/:id                   volunteering.activity.manage     change it (capacity not below confirmed; raising promotes the waitlist) → Activity
 * POST    /volunteering/activities/:id/cancel            volunteering.activity.manage     cancel with a reason (sign-ups notified) → Activity
 * GET     /volunteering/activities/:id/roster            volunteering.activity.manage     the roster → Roster
 * GET     /volunteering/activities/:id/roster.xlsx       volunteering.activity.manage     the roster as .xlsx
 * GET     /volunteering/activities/:id/check-code        volunteering.activity.manage     the rotating QR token and 6-char code (30 s) → CheckCode
 * POST    /volunteering/activities/:id/attendance        volunteering.activity.manage     organiser checks a person in/out from the roster → CheckResult
 * POST    /volunteering/activities/:id/signup            volunteering.signup              sign up (confirmed or waitlisted) → 201 Signup
 * POST    /volunteering/activities/:id/signup/cancel     volunteering.signup              cancel own sign-up (until the deadline) → Signup
 * POST    /volunteering/activities/:id/check-in          volunteering.checkin             check in with the scanned token or typed code → CheckResult
 * POST    /volunteering/activities/:id/check-out         volunteering.checkin             check out (writes the ledger entry) → CheckResult
 * GET     /volunteering/me/signups                       volunteering.signup              own sign-ups → Page(Signup)
 * GET     /volunteering/me/hours                         volunteering.hours.read          own ledger, totals, stars, points → MyHours
 * GET     /volunteering/me/quota                         volunteering.hours.read          own quota standing → MyQuota
 * GET     /volunteering/me/calendar                      volunteering.signup              the iCalendar feed's state → CalendarFeed (url null)
 * POST    /volunteering/me/calendar                      volunteering.signup              create or replace the feed URL → CalendarFeed (url shown once)
 * DELETE  /volunteering/me/calendar                      volunteering.signup              revoke the feed → 204
 * GET     /volunteering/hour-entries                     volunteering.hours.verify        the ledger in scope (current versions) → Page(HourEntry)
 * GET     /volunteering/hour-entries/:id/history         volunteering.hours.read          every version of an entry (own, or in scope) → { items: HourEntry[] }
 * GET     /volunteering/hour-requests                    volunteering.hours.read          own requests (mine) or those to decide in scope → Page(HourRequest)
 * POST    /volunteering/hour-requests                    volunteering.signup              ask for supplementary hours or a correction → 201 HourRequest
 * POST    /volunteering/hour-requests/decisions          volunteering.hours.verify        approve or refuse many at once (all or nothing) → { decided, items }
 * POST    /volunteering/hour-requests/:id/approve        volunteering.hours.verify        approve (writes a ledger entry / a new version) → HourRequest
 * POST    /volunteering/hour-requests/:id/reject         volunteering.hours.verify        reject with a note → HourRequest
 * GET     /volunteering/settings                         volunteering.activity.read       the year's rules → VolunteeringSettings
 * PUT     /volunteering/settings                         volunteering.quota.manage        change the year's rules → VolunteeringSettings
 * GET     /volunteering/quota/behind                     volunteering.quota.read          members / units / team members behind, in scope → BehindList
 * GET     /volunteering/quota/summary                    volunteering.quota.read          where a unit or community stands → QuotaSummary
 * POST    /volunteering/quota/reminders                  volunteering.quota.read          remind members behind in scope now (the job does it at 2/3 of a quarter) → { sent }
 * GET     /volunteering/certificates                     volunteering.hours.read          certificates (own, or in scope) → Page(CertificateListItem)
 * POST    /volunteering/certificates                     volunteering.certificate.issue   issue a service certificate → 201 Certificate
 * GET     /volunteering/certificates/:id                 volunteering.hours.read          one certificate, A4 data with QR → Certificate
 * GET     /public/volunteering/certificates/:certNo      public                           what the certificate QR opens → CertificateVerification
 * GET     /public/volunteering/calendar/:token           public                           the member's .ics feed (token in the URL, no cookie)
 *
 * Web addresses the server builds: the check-in QR opens `/volunteering/check-in/:activityId?t=<token>`;
 * a certificate's QR opens `/verify/certificate/:certNo`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { IdParams, Page, errorResponses } from '../../../contracts/common';
import {
  ActivitiesQuery,
  Activity,
  AttendanceBody,
  BehindList,
  BehindQuery,
  CalendarFeed,
  CalendarTokenParams,
  CancelActivityBody,
  Certificate,
  CertificateListItem,
  CertificatesQuery,
  CertificateVerification,
  CertNoParams,
  CheckBody,
  CheckCode,
  CheckResult,
  CreateHourRequestBody,
  BulkHourDecisionBody,
  DecideBody,
  HourEntriesQuery,
  HourEntry,
  HourRequest,
  HourRequestsQuery,
  IssueCertificateBody,
  MyHours,
  MyHoursQuery,
  MyQuota,
  MySignupsQuery,
  PublishActivityBody,
  QuotaQuery,
  QuotaSummary,
  QuotaSummaryQuery,
  RejectHourRequestBody,
  Roster,
  SettingsQuery,
  Signup,
  UpdateActivityBody,
  UpdateSettingsBody,
  VolunteeringSettings,
} from '../../../contracts/volunteering';
import { auditActor, requirePrincipal } from '../../platform/guard';
import { XLSX_MIME } from '../../platform/xlsx';
import { defineModule } from '../module';
import { seedVolunteering } from '../../seed/volunteering';
import { cancelActivity, getActivity, listActivities, publishActivity, updateActivity } from './activities.service';
import { createFeed, feedCalendar, getFeed, revokeFeed } from './calendar.service';
import { getCertificate, issueCertificate, listCertificates, verifyCertificate } from './certificates.service';
import { checkCode, checkInOut, recordAttendance } from './checkin.service';
import { behindColumns, hourEntryColumns, hourRequestColumns } from './exports';
import { exportRoute, listQuery, sendExport } from '../../platform/export';
import { approveRequest, createRequest, decideRequests, entryHistory, listEntries, listRequests, myHours, rejectRequest } from './ledger.service';
import { listBehind, myQuota, quotaSummary, remindBehind } from './quota.service';
import { getSettings, updateSettings } from './settings.service';
import { cancelSignup, exportRoster, getRoster, listMySignups, signUp } from './signups.service';

/** The address people reach the server at (behind a proxy: the forwarded one, with GONGJIAN_TRUST_PROXY). */
const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;
const Binary = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });
const Text = Type.Unsafe<string>({ type: 'string' });

function sendXlsx(reply: FastifyReply, fileName: string, data: Buffer) {
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', `attachment; filename="roster.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(data);
}

async function routes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;

  let tags = ['volunteering: activities'];
  app.get('/volunteering/activities', { schema: { tags, summary: 'Browse activities (by date, kind, region, tree distance; joinable or managed)', querystring: ActivitiesQuery, response: { 200: Page(Activity), ...errorResponses } }, config: { permission: 'volunteering.activity.read' } }, async (request) =>
    listActivities(ctx, requirePrincipal(request), request.query),
  );
  app.post('/volunteering/activities', { schema: { tags, summary: 'Publish an activity, or a recurring one as a series of shifts', body: PublishActivityBody, response: { 201: Type.Object({ items: Type.Array(Activity) }), ...errorResponses } }, config: { permission: 'volunteering.activity.manage' } }, async (request, reply) =>
    reply.status(201).send({ items: await publishActivity(ctx, requirePrincipal(request), request.body, auditActor(request)) }),
  );
  app.get('/volunteering/activities/:id', { schema: { tags, summary: 'One activity', params: IdParams, response: { 200: Activity, ...errorResponses } }, config: { permission: 'volunteering.activity.read' } }, async (request) =>
    getActivity(ctx, requirePrincipal(request), request.params.id),
  );
  app.patch('/volunteering/activities/:id', { schema: { tags, summary: 'Change an activity (raising the capacity moves the waitlist up)', params: IdParams, body: UpdateActivityBody, response: { 200: Activity, ...errorResponses } }, config: { permission: 'volunteering.activity.manage' } }, async (request) =>
    updateActivity(ctx, requirePrincipal(request), request.params.id, request.body, auditActor(request)),
  );
  app.post('/volunteering/activities/:id/cancel', { schema: { tags, summary: 'Cancel an activity with a reason (those signed up are told)', params: IdParams, body: CancelActivityBody, response: { 200: Activity, ...errorResponses } }, config: { permission: 'volunteering.activity.manage' } }, async (request) =>
    cancelActivity(ctx, requirePrincipal(request), request.params.id, request.body, auditActor(request)),
  );
  app.get('/volunteering/activities/:id/roster', { schema: { tags, summary: 'The roster (confirmed, waitlist in order, cancelled)', params: IdParams, response: { 200: Roster, ...errorResponses } }, config: { permission: 'volunteering.activity.manage' } }, async (request) =>
    getRoster(ctx, requirePrincipal(request), request.params.id),
  );
  app.get('/volunteering/activities/:id/roster.xlsx', { schema: { tags, summary: 'The roster as .xlsx', params: IdParams, response: { 200: Binary, ...errorResponses } }, config: { permission: 'volunteering.activity.manage' } }, async (request, reply) => {
    const { fileName, data } = await exportRoster(ctx, requirePrincipal(request), request.params.id, auditActor(request));
    return sendXlsx(reply, fileName, data);
  });
  app.get('/volunteering/activities/:id/check-code', { schema: { tags, summary: 'The rotating QR token and 6-character code for the organiser’s screen (30 s)', params: IdParams, response: { 200: CheckCode, ...errorResponses } }, config: { permission: 'volunteering.activity.manage' } }, async (request, reply) => {
    void reply.header('cache-control', 'no-store');
    return checkCode(ctx, requirePrincipal(request), request.params.id, origin(request));
  });
  app.post('/volunteering/activities/:id/attendance', { schema: { tags, summary: 'The organiser checks a person in or out from the roster', params: IdParams, body: AttendanceBody, response: { 200: CheckResult, ...errorResponses } }, config: { permission: 'volunteering.activity.manage' } }, async (request) =>
    recordAttendance(ctx, requirePrincipal(request), request.params.id, request.body, auditActor(request)),
  );

  tags = ['volunteering: sign-up and check-in'];
  app.post('/volunteering/activities/:id/signup', { schema: { tags, summary: 'Sign up (confirmed while there is room, else waitlisted in order)', params: IdParams, response: { 201: Signup, ...errorResponses } }, config: { permission: 'volunteering.signup' } }, async (request, reply) =>
    reply.status(201).send(await signUp(ctx, requirePrincipal(request), request.params.id, auditActor(request))),
  );
  app.post('/volunteering/activities/:id/signup/cancel', { schema: { tags, summary: 'Cancel one’s sign-up (until the deadline before the start)', params: IdParams, response: { 200: Signup, ...errorResponses } }, config: { permission: 'volunteering.signup' } }, async (request) =>
    cancelSignup(ctx, requirePrincipal(request), request.params.id, auditActor(request)),
  );
  app.post('/volunteering/activities/:id/check-in', { schema: { tags, summary: 'Check in with the scanned token or the typed code', params: IdParams, body: CheckBody, response: { 200: CheckResult, ...errorResponses } }, config: { permission: 'volunteering.checkin' } }, async (request) =>
    checkInOut(ctx, requirePrincipal(request), request.params.id, request.body, 'in', auditActor(request)),
  );
  app.post('/volunteering/activities/:id/check-out', { schema: { tags, summary: 'Check out (the hours go into the ledger)', params: IdParams, body: CheckBody, response: { 200: CheckResult, ...errorResponses } }, config: { permission: 'volunteering.checkin' } }, async (request) =>
    checkInOut(ctx, requirePrincipal(request), request.params.id, request.body, 'out', auditActor(request)),
  );
  app.get('/volunteering/me/signups', { schema: { tags, summary: 'My sign-ups', querystring: MySignupsQuery, response: { 200: Page(Signup), ...errorResponses } }, config: { permission: 'volunteering.signup' } }, async (request) =>
    listMySignups(ctx, requirePrincipal(request), request.query),
  );
  app.get('/volunteering/me/calendar', { schema: { tags, summary: 'My calendar feed (whether one is active)', response: { 200: CalendarFeed, ...errorResponses } }, config: { permission: 'volunteering.signup' } }, async (request) =>
    getFeed(ctx, requirePrincipal(request)),
  );
  app.post('/volunteering/me/calendar', { schema: { tags, summary: 'Create or replace my calendar feed URL (shown once)', response: { 200: CalendarFeed, ...errorResponses } }, config: { permission: 'volunteering.signup' } }, async (request) =>
    createFeed(ctx, requirePrincipal(request), origin(request), auditActor(request)),
  );
  app.delete('/volunteering/me/calendar', { schema: { tags, summary: 'Revoke my calendar feed', response: { 204: Type.Null(), ...errorResponses } }, config: { permission: 'volunteering.signup' } }, async (request, reply) => {
    await revokeFeed(ctx, requirePrincipal(request), auditActor(request));
    return reply.status(204).send(null);
  });
  app.get('/public/volunteering/calendar/:token', { schema: { tags, summary: 'A member’s sign-ups as iCalendar (the secret URL calendar apps subscribe to; no login)', params: CalendarTokenParams, response: { 200: Text, ...errorResponses } }, config: { permission: 'public' } }, async (request, reply) => {
    const ics = await feedCalendar(ctx, request.params.token);
    return reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(ics);
  });

  tags = ['volunteering: hours'];
  app.get('/volunteering/me/hours', { schema: { tags, summary: 'My hours: totals, stars, points and the ledger', querystring: MyHoursQuery, response: { 200: MyHours, ...errorResponses } }, config: { permission: 'volunteering.hours.read' } }, async (request) =>
    myHours(ctx, requirePrincipal(request), request.query),
  );
  app.get('/volunteering/me/quota', { schema: { tags, summary: 'Where I stand on this quarter’s quota', querystring: QuotaQuery, response: { 200: MyQuota, ...errorResponses } }, config: { permission: 'volunteering.hours.read' } }, async (request) =>
    myQuota(ctx, requirePrincipal(request), request.query),
  );
  app.get('/volunteering/hour-entries/export', exportRoute(HourEntriesQuery, 'volunteering.hours.verify', 'The ledger as filtered, as .xlsx', tags), async (request, reply) => {
    const q = listQuery<HourEntriesQuery>(request.query);
    return sendExport(ctx, request, reply, { fileName: '服务时长', sheet: '时长', action: 'volunteering.hours.export', filters: q, columns: hourEntryColumns, page: (page, pageSize) => listEntries(ctx, requirePrincipal(request), { ...q, page, pageSize }) });
  });
  app.get('/volunteering/hour-requests/export', exportRoute(HourRequestsQuery, 'volunteering.hours.verify', 'The hour requests as filtered, as .xlsx', tags), async (request, reply) => {
    const q = listQuery<HourRequestsQuery>(request.query);
    return sendExport(ctx, request, reply, { fileName: '时长审核', sheet: '时长审核', action: 'volunteering.hour_requests.export', filters: q, columns: hourRequestColumns, page: (page, pageSize) => listRequests(ctx, requirePrincipal(request), { ...q, page, pageSize }) });
  });
  app.get('/volunteering/hour-entries', { schema: { tags, summary: 'The ledger in the caller’s scope (versions in force)', querystring: HourEntriesQuery, response: { 200: Page(HourEntry), ...errorResponses } }, config: { permission: 'volunteering.hours.verify' } }, async (request) =>
    listEntries(ctx, requirePrincipal(request), request.query),
  );
  app.get('/volunteering/hour-entries/:id/history', { schema: { tags, summary: 'Every version of a ledger entry', params: IdParams, response: { 200: Type.Object({ items: Type.Array(HourEntry) }), ...errorResponses } }, config: { permission: 'volunteering.hours.read' } }, async (request) =>
    entryHistory(ctx, requirePrincipal(request), request.params.id),
  );
  app.get('/volunteering/hour-requests', { schema: { tags, summary: 'Supplementary and correction requests (mine, or to decide in scope)', querystring: HourRequestsQuery, response: { 200: Page(HourRequest), ...errorResponses } }, config: { permission: 'volunteering.hours.read' } }, async (request) =>
    listRequests(ctx, requirePrincipal(request), request.query),
  );
  app.post('/volunteering/hour-requests', { schema: { tags, summary: 'Ask for supplementary hours (forgot to scan) or a correction', body: CreateHourRequestBody, response: { 201: HourRequest, ...errorResponses } }, config: { permission: 'volunteering.signup' } }, async (request, reply) =>
    reply.status(201).send(await createRequest(ctx, requirePrincipal(request), request.body, auditActor(request))),
  );
  app.post('/volunteering/hour-requests/decisions', { schema: { tags, summary: 'Approve or refuse many requests: all or nothing, a report per refused row', body: BulkHourDecisionBody, response: { 200: Type.Object({ decided: Type.Integer(), items: Type.Array(HourRequest) }), ...errorResponses } }, config: { permission: 'volunteering.hours.verify' } }, async (request) =>
    decideRequests(ctx, requirePrincipal(request), request.body, auditActor(request)),
  );
  app.post('/volunteering/hour-requests/:id/approve', { schema: { tags, summary: 'Approve (adds the entry, or a new version of it)', params: IdParams, body: DecideBody, response: { 200: HourRequest, ...errorResponses } }, config: { permission: 'volunteering.hours.verify' } }, async (request) =>
    approveRequest(ctx, requirePrincipal(request), request.params.id, request.body.note, auditActor(request)),
  );
  app.post('/volunteering/hour-requests/:id/reject', { schema: { tags, summary: 'Reject with a note', params: IdParams, body: RejectHourRequestBody, response: { 200: HourRequest, ...errorResponses } }, config: { permission: 'volunteering.hours.verify' } }, async (request) =>
    rejectRequest(ctx, requirePrincipal(request), request.params.id, request.body.note, auditActor(request)),
  );

  tags = ['volunteering: quotas'];
  app.get('/volunteering/settings', { schema: { tags, summary: 'The year’s rules (quotas, rounding, points, stars)', querystring: SettingsQuery, response: { 200: VolunteeringSettings, ...errorResponses } }, config: { permission: 'volunteering.activity.read' } }, async (request) =>
    getSettings(ctx, request.query.year),
  );
  app.put('/volunteering/settings', { schema: { tags, summary: 'Change the year’s rules', body: UpdateSettingsBody, response: { 200: VolunteeringSettings, ...errorResponses } }, config: { permission: 'volunteering.quota.manage' } }, async (request) =>
    updateSettings(ctx, requirePrincipal(request).userId, request.body, auditActor(request)),
  );
  app.get('/volunteering/quota/behind/export', exportRoute(BehindQuery, 'volunteering.quota.read', 'Who is behind, as filtered, as .xlsx', tags), async (request, reply) => {
    const q = listQuery<BehindQuery>(request.query);
    return sendExport(ctx, request, reply, { fileName: '完成情况', sheet: '完成情况', action: 'volunteering.quota.export', filters: q, columns: behindColumns, page: (page, pageSize) => listBehind(ctx, requirePrincipal(request), { ...q, page, pageSize }) });
  });
  app.get('/volunteering/quota/behind', { schema: { tags, summary: 'Who is behind (members on hours, team members on days, units on activities)', querystring: BehindQuery, response: { 200: BehindList, ...errorResponses } }, config: { permission: 'volunteering.quota.read' } }, async (request) =>
    listBehind(ctx, requirePrincipal(request), request.query),
  );
  app.get('/volunteering/quota/summary', { schema: { tags, summary: 'Where a unit or a community stands this quarter', querystring: QuotaSummaryQuery, response: { 200: QuotaSummary, ...errorResponses } }, config: { permission: 'volunteering.quota.read' } }, async (request) =>
    quotaSummary(ctx, requirePrincipal(request), request.query),
  );
  app.post('/volunteering/quota/reminders', { schema: { tags, summary: 'Remind the members behind in my scope now (once per quarter each)', response: { 200: Type.Object({ sent: Type.Integer() }), ...errorResponses } }, config: { permission: 'volunteering.quota.read' } }, async (request) =>
    remindBehind(ctx, { principal: requirePrincipal(request), actor: auditActor(request), force: true }),
  );

  tags = ['volunteering: certificates'];
  app.get('/volunteering/certificates', { schema: { tags, summary: 'Service certificates (mine, or in scope)', querystring: CertificatesQuery, response: { 200: Page(CertificateListItem), ...errorResponses } }, config: { permission: 'volunteering.hours.read' } }, async (request) =>
    listCertificates(ctx, requirePrincipal(request), request.query),
  );
  app.post('/volunteering/certificates', { schema: { tags, summary: 'Issue a service certificate (志愿服务证明) for a period', body: IssueCertificateBody, response: { 201: Certificate, ...errorResponses } }, config: { permission: 'volunteering.certificate.issue' } }, async (request, reply) =>
    reply.status(201).send(await issueCertificate(ctx, requirePrincipal(request), request.body, auditActor(request), origin(request))),
  );
  app.get('/volunteering/certificates/:id', { schema: { tags, summary: 'One certificate, ready for an A4 page, with its QR code', params: IdParams, response: { 200: Certificate, ...errorResponses } }, config: { permission: 'volunteering.hours.read' } }, async (request) =>
    getCertificate(ctx, requirePrincipal(request), request.params.id, origin(request)),
  );
  app.get('/public/volunteering/certificates/:certNo', { schema: { tags, summary: 'Check a certificate (what its QR code opens; no login)', params: CertNoParams, response: { 200: CertificateVerification, ...errorResponses } }, config: { permission: 'public' } }, async (request) =>
    verifyCertificate(ctx, request.params.certNo),
  );
}

export const volunteeringModule = defineModule({
  name: 'volunteering',
  routes,
  tables: ['volunteer_activity', 'volunteer_signup', 'hour_entry', 'hour_request', 'volunteer_setting', 'certificate_counter', 'service_certificate', 'volunteer_calendar_feed'],
  jobs: [{ name: 'remind-volunteering-quota', everyMs: 6 * 3_600_000, run: (ctx) => remindBehind(ctx) }],
  seed: ({ db }) => seedVolunteering(db),
});
