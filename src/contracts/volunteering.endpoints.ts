/** The volunteering endpoints (server: modules/volunteering/index.ts). */
import Type from 'typebox';
import { Binary, ExportQuery, IdParams, Page, Text } from './common';
import {
  ActivitiesQuery,
  Activity,
  AttendanceBody,
  BehindList,
  BehindQuery,
  BulkHourDecisionBody,
  CalendarFeed,
  CalendarTokenParams,
  CancelActivityBody,
  CertNoParams,
  Certificate,
  CertificateListItem,
  CertificateVerification,
  CertificatesQuery,
  CheckBody,
  CheckCode,
  CheckResult,
  CreateHourRequestBody,
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
} from './volunteering';
import { endpoint } from './endpoint';

export const listActivities = endpoint({
  method: 'GET',
  path: '/volunteering/activities',
  query: ActivitiesQuery,
  response: Page(Activity),
  permission: 'volunteering.activity.read',
  summary: 'Browse activities (by date, kind, region, tree distance; joinable or managed)',
  tags: ['volunteering: activities'],
});

export const publishActivity = endpoint({
  method: 'POST',
  path: '/volunteering/activities',
  body: PublishActivityBody,
  response: Type.Object({ items: Type.Array(Activity) }),
  status: 201,
  permission: 'volunteering.activity.manage',
  summary: 'Publish an activity, or a recurring one as a series of shifts',
  tags: ['volunteering: activities'],
});

export const getActivity = endpoint({
  method: 'GET',
  path: '/volunteering/activities/:id',
  params: IdParams,
  response: Activity,
  permission: 'volunteering.activity.read',
  summary: 'One activity',
  tags: ['volunteering: activities'],
});

export const updateActivity = endpoint({
  method: 'PATCH',
  path: '/volunteering/activities/:id',
  params: IdParams,
  body: UpdateActivityBody,
  response: Activity,
  permission: 'volunteering.activity.manage',
  summary: 'Change an activity (raising the capacity moves the waitlist up)',
  tags: ['volunteering: activities'],
});

export const cancelActivity = endpoint({
  method: 'POST',
  path: '/volunteering/activities/:id/cancel',
  params: IdParams,
  body: CancelActivityBody,
  response: Activity,
  permission: 'volunteering.activity.manage',
  summary: 'Cancel an activity with a reason (those signed up are told)',
  tags: ['volunteering: activities'],
});

export const getRoster = endpoint({
  method: 'GET',
  path: '/volunteering/activities/:id/roster',
  params: IdParams,
  response: Roster,
  permission: 'volunteering.activity.manage',
  summary: 'The roster (confirmed, waitlist in order, cancelled)',
  tags: ['volunteering: activities'],
});

export const exportRoster = endpoint({
  method: 'GET',
  path: '/volunteering/activities/:id/roster.xlsx',
  params: IdParams,
  response: Binary,
  permission: 'volunteering.activity.manage',
  summary: 'The roster as .xlsx',
  tags: ['volunteering: activities'],
});

export const checkCode = endpoint({
  method: 'GET',
  path: '/volunteering/activities/:id/check-code',
  params: IdParams,
  response: CheckCode,
  permission: 'volunteering.activity.manage',
  summary: 'The rotating QR token and 6-character code for the organiser’s screen (30 s)',
  tags: ['volunteering: activities'],
});

export const recordAttendance = endpoint({
  method: 'POST',
  path: '/volunteering/activities/:id/attendance',
  params: IdParams,
  body: AttendanceBody,
  response: CheckResult,
  permission: 'volunteering.activity.manage',
  summary: 'The organiser checks a person in or out from the roster',
  tags: ['volunteering: activities'],
});

export const signUp = endpoint({
  method: 'POST',
  path: '/volunteering/activities/:id/signup',
  params: IdParams,
  response: Signup,
  status: 201,
  permission: 'volunteering.signup',
  summary: 'Sign up (confirmed while there is room, else waitlisted in order)',
  tags: ['volunteering: sign-up and check-in'],
});

export const cancelSignup = endpoint({
  method: 'POST',
  path: '/volunteering/activities/:id/signup/cancel',
  params: IdParams,
  response: Signup,
  permission: 'volunteering.signup',
  summary: 'Cancel one’s sign-up (until the deadline before the start)',
  tags: ['volunteering: sign-up and check-in'],
});

export const checkIn = endpoint({
  method: 'POST',
  path: '/volunteering/activities/:id/check-in',
  params: IdParams,
  body: CheckBody,
  response: CheckResult,
  permission: 'volunteering.checkin',
  summary: 'Check in with the scanned token or the typed code',
  tags: ['volunteering: sign-up and check-in'],
});

export const checkOut = endpoint({
  method: 'POST',
  path: '/volunteering/activities/:id/check-out',
  params: IdParams,
  body: CheckBody,
  response: CheckResult,
  permission: 'volunteering.checkin',
  summary: 'Check out (the hours go into the ledger)',
  tags: ['volunteering: sign-up and check-in'],
});

export const listMySignups = endpoint({
  method: 'GET',
  path: '/volunteering/me/signups',
  query: MySignupsQuery,
  response: Page(Signup),
  permission: 'volunteering.signup',
  summary: 'My sign-ups',
  tags: ['volunteering: sign-up and check-in'],
});

export const getFeed = endpoint({
  method: 'GET',
  path: '/volunteering/me/calendar',
  response: CalendarFeed,
  permission: 'volunteering.signup',
  summary: 'My calendar feed (whether one is active)',
  tags: ['volunteering: sign-up and check-in'],
});

export const createFeed = endpoint({
  method: 'POST',
  path: '/volunteering/me/calendar',
  response: CalendarFeed,
  permission: 'volunteering.signup',
  summary: 'Create or replace my calendar feed URL (shown once)',
  tags: ['volunteering: sign-up and check-in'],
});

export const revokeFeed = endpoint({
  method: 'DELETE',
  path: '/volunteering/me/calendar',
  permission: 'volunteering.signup',
  summary: 'Revoke my calendar feed',
  tags: ['volunteering: sign-up and check-in'],
});

export const feedCalendar = endpoint({
  method: 'GET',
  path: '/public/volunteering/calendar/:token',
  params: CalendarTokenParams,
  response: Text,
  permission: 'public',
  summary: 'A member’s sign-ups as iCalendar (the secret URL calendar apps subscribe to; no login)',
  tags: ['volunteering: sign-up and check-in'],
});

export const myHours = endpoint({
  method: 'GET',
  path: '/volunteering/me/hours',
  query: MyHoursQuery,
  response: MyHours,
  permission: 'volunteering.hours.read',
  summary: 'My hours: totals, stars, points and the ledger',
  tags: ['volunteering: hours'],
});

export const myQuota = endpoint({
  method: 'GET',
  path: '/volunteering/me/quota',
  query: QuotaQuery,
  response: MyQuota,
  permission: 'volunteering.hours.read',
  summary: 'Where I stand on this quarter’s quota',
  tags: ['volunteering: hours'],
});

export const exportVolunteeringHourEntries = endpoint({
  method: 'GET',
  path: '/volunteering/hour-entries/export',
  query: ExportQuery(HourEntriesQuery),
  response: Binary,
  permission: 'volunteering.hours.verify',
  summary: 'The ledger as filtered, as .xlsx',
  tags: ['volunteering: hours'],
});

export const exportVolunteeringHourRequests = endpoint({
  method: 'GET',
  path: '/volunteering/hour-requests/export',
  query: ExportQuery(HourRequestsQuery),
  response: Binary,
  permission: 'volunteering.hours.verify',
  summary: 'The hour requests as filtered, as .xlsx',
  tags: ['volunteering: hours'],
});

export const listHourEntries = endpoint({
  method: 'GET',
  path: '/volunteering/hour-entries',
  query: HourEntriesQuery,
  response: Page(HourEntry),
  permission: 'volunteering.hours.verify',
  summary: 'The ledger in the caller’s scope (versions in force)',
  tags: ['volunteering: hours'],
});

export const hourEntryHistory = endpoint({
  method: 'GET',
  path: '/volunteering/hour-entries/:id/history',
  params: IdParams,
  response: Type.Object({ items: Type.Array(HourEntry) }),
  permission: 'volunteering.hours.read',
  summary: 'Every version of a ledger entry',
  tags: ['volunteering: hours'],
});

export const listHourRequests = endpoint({
  method: 'GET',
  path: '/volunteering/hour-requests',
  query: HourRequestsQuery,
  response: Page(HourRequest),
  permission: 'volunteering.hours.read',
  summary: 'Supplementary and correction requests (mine, or to decide in scope)',
  tags: ['volunteering: hours'],
});

export const createHourRequest = endpoint({
  method: 'POST',
  path: '/volunteering/hour-requests',
  body: CreateHourRequestBody,
  response: HourRequest,
  status: 201,
  permission: 'volunteering.signup',
  summary: 'Ask for supplementary hours (forgot to scan) or a correction',
  tags: ['volunteering: hours'],
});

export const decideRequests = endpoint({
  method: 'POST',
  path: '/volunteering/hour-requests/decisions',
  body: BulkHourDecisionBody,
  response: Type.Object({ decided: Type.Integer(), items: Type.Array(HourRequest) }),
  permission: 'volunteering.hours.verify',
  summary: 'Approve or refuse many requests: all or nothing, a report per refused row',
  tags: ['volunteering: hours'],
});

export const approveHourRequest = endpoint({
  method: 'POST',
  path: '/volunteering/hour-requests/:id/approve',
  params: IdParams,
  body: DecideBody,
  response: HourRequest,
  permission: 'volunteering.hours.verify',
  summary: 'Approve (adds the entry, or a new version of it)',
  tags: ['volunteering: hours'],
});

export const rejectHourRequest = endpoint({
  method: 'POST',
  path: '/volunteering/hour-requests/:id/reject',
  params: IdParams,
  body: RejectHourRequestBody,
  response: HourRequest,
  permission: 'volunteering.hours.verify',
  summary: 'Reject with a note',
  tags: ['volunteering: hours'],
});

export const getSettings = endpoint({
  method: 'GET',
  path: '/volunteering/settings',
  query: SettingsQuery,
  response: VolunteeringSettings,
  permission: 'volunteering.activity.read',
  summary: 'The year’s rules (quotas, rounding, points, stars)',
  tags: ['volunteering: quotas'],
});

export const updateSettings = endpoint({
  method: 'PUT',
  path: '/volunteering/settings',
  body: UpdateSettingsBody,
  response: VolunteeringSettings,
  permission: 'volunteering.quota.manage',
  summary: 'Change the year’s rules',
  tags: ['volunteering: quotas'],
});

export const exportVolunteeringQuotaBehind = endpoint({
  method: 'GET',
  path: '/volunteering/quota/behind/export',
  query: ExportQuery(BehindQuery),
  response: Binary,
  permission: 'volunteering.quota.read',
  summary: 'Who is behind, as filtered, as .xlsx',
  tags: ['volunteering: quotas'],
});

export const listBehind = endpoint({
  method: 'GET',
  path: '/volunteering/quota/behind',
  query: BehindQuery,
  response: BehindList,
  permission: 'volunteering.quota.read',
  summary: 'Who is behind (members on hours, team members on days, units on activities)',
  tags: ['volunteering: quotas'],
});

export const quotaSummary = endpoint({
  method: 'GET',
  path: '/volunteering/quota/summary',
  query: QuotaSummaryQuery,
  response: QuotaSummary,
  permission: 'volunteering.quota.read',
  summary: 'Where a unit or a community stands this quarter',
  tags: ['volunteering: quotas'],
});

export const remindBehind = endpoint({
  method: 'POST',
  path: '/volunteering/quota/reminders',
  response: Type.Object({ sent: Type.Integer() }),
  permission: 'volunteering.quota.read',
  summary: 'Remind the members behind in my scope now (once per quarter each)',
  tags: ['volunteering: quotas'],
});

export const listCertificates = endpoint({
  method: 'GET',
  path: '/volunteering/certificates',
  query: CertificatesQuery,
  response: Page(CertificateListItem),
  permission: 'volunteering.hours.read',
  summary: 'Service certificates (mine, or in scope)',
  tags: ['volunteering: certificates'],
});

export const issueCertificate = endpoint({
  method: 'POST',
  path: '/volunteering/certificates',
  body: IssueCertificateBody,
  response: Certificate,
  status: 201,
  permission: 'volunteering.certificate.issue',
  summary: 'Issue a service certificate (志愿服务证明) for a period',
  tags: ['volunteering: certificates'],
});

export const getCertificate = endpoint({
  method: 'GET',
  path: '/volunteering/certificates/:id',
  params: IdParams,
  response: Certificate,
  permission: 'volunteering.hours.read',
  summary: 'One certificate, ready for an A4 page, with its QR code',
  tags: ['volunteering: certificates'],
});

export const verifyCertificate = endpoint({
  method: 'GET',
  path: '/public/volunteering/certificates/:certNo',
  params: CertNoParams,
  response: CertificateVerification,
  permission: 'public',
  summary: 'Check a certificate (what its QR code opens; no login)',
  tags: ['volunteering: certificates'],
});
