/**
 * Contract of the volunteering module: activities (志愿服务岗位/活动), sign-ups and the waitlist,
 * QR / code check-in and check-out, the hours ledger (服务时长) with supplementary entries and
 * corrections, quotas, star levels and points, service certificates (志愿服务证明) and the
 * member's iCalendar feed. Times are ISO instants; programme dates are Asia/Shanghai dates.
 */
import Type, { type Static } from 'typebox';
import { BulkIds, Nullable, PageQuery, Timestamp, Uuid } from './common';

const DateOnly = Type.String({ format: 'date', maxLength: 10 });
const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });

// ---------- activities ----------

export const ActivityKind = Type.Union([
  Type.Literal('party_day'),
  Type.Literal('lecture'),
  Type.Literal('training'),
  Type.Literal('volunteer_service'),
  Type.Literal('legal_aid'),
  Type.Literal('health_clinic'),
  Type.Literal('civility_patrol'),
  Type.Literal('clean_up'),
  Type.Literal('emergency_duty'),
  Type.Literal('other'),
]);
export type ActivityKind = Static<typeof ActivityKind>;

/** Who may sign up: members reported in to (or living in) the activity's region, the owner unit's members, or any member. */
export const Eligibility = Type.Union([Type.Literal('community_members'), Type.Literal('unit_members'), Type.Literal('anyone')]);
export type Eligibility = Static<typeof Eligibility>;

export const ActivityStatus = Type.Union([Type.Literal('published'), Type.Literal('cancelled')]);
export type ActivityStatus = Static<typeof ActivityStatus>;

export const SignupStatus = Type.Union([Type.Literal('confirmed'), Type.Literal('waitlisted'), Type.Literal('cancelled')]);
export type SignupStatus = Static<typeof SignupStatus>;

/** How an hours entry was recorded. */
export const RecordMethod = Type.Union([Type.Literal('scan'), Type.Literal('code'), Type.Literal('organiser'), Type.Literal('supplementary')]);
export type RecordMethod = Static<typeof RecordMethod>;

export const Activity = Type.Object({
  id: Uuid,
  /** Shifts of one recurring activity share a series id (null for a one-off). */
  seriesId: Nullable(Uuid),
  kind: ActivityKind,
  title: Type.String(),
  description: Type.String(),
  place: Type.String(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  /** The community or street where it happens. */
  regionId: Uuid,
  regionName: Type.String(),
  /** The organisation that publishes it (community, unit, street, team's organisation). */
  ownerOrgId: Nullable(Uuid),
  ownerOrgName: Nullable(Type.String()),
  /** The volunteer team running it, if any. */
  teamId: Nullable(Uuid),
  capacity: Type.Integer(),
  confirmedCount: Type.Integer(),
  waitlistCount: Type.Integer(),
  eligibility: Eligibility,
  skills: Type.Array(Type.String()),
  organiserName: Type.String(),
  contact: Type.String(),
  /** A unit's concentrated activity (集中活动): counts towards the unit's quarterly quota. */
  concentrated: Type.Boolean(),
  /** Sign-ups may be cancelled until this many hours before the start. */
  cancelDeadlineHours: Type.Integer(),
  status: ActivityStatus,
  cancelReason: Nullable(Type.String()),
  /** Tree distance from the caller's residence community (0 same community, 1 same street, …); null when unknown. */
  distance: Nullable(Type.Integer()),
  /** The caller's own sign-up on it, if any (with the waitlist position when waitlisted). */
  mySignup: Nullable(
    Type.Object({ id: Uuid, status: SignupStatus, position: Nullable(Type.Integer()), checkedInAt: Nullable(Timestamp), checkedOutAt: Nullable(Timestamp) }),
  ),
  /** The caller may manage it (roster, check-in code, edit, cancel). */
  canManage: Type.Boolean(),
  /** The caller may sign up for it (eligible, open, not full-and-closed). */
  canSignUp: Type.Boolean(),
  createdAt: Timestamp,
});
export type Activity = Static<typeof Activity>;

export const ActivitiesQuery = Type.Object(
  {
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
    kind: Type.Optional(ActivityKind),
    /** Only activities in this region's subtree. */
    regionId: Type.Optional(Uuid),
    /** Only those the caller may join (eligible, open, not ended), nearest first. */
    joinable: Type.Optional(Type.Boolean()),
    /** Only those the caller may manage. */
    managed: Type.Optional(Type.Boolean()),
    /** At most this tree distance from the caller's residence (0 = own community). */
    maxDistance: Type.Optional(Type.Integer({ minimum: 0, maximum: 5 })),
    status: Type.Optional(ActivityStatus),
    seriesId: Type.Optional(Uuid),
    q: Type.Optional(Type.String({ maxLength: 50 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ActivitiesQuery = Static<typeof ActivitiesQuery>;

export const Shift = Type.Object({ startsAt: Timestamp, endsAt: Timestamp }, { additionalProperties: false });
export type Shift = Static<typeof Shift>;

/** Publish one activity, or a recurring one as several shifts (one activity per shift, one series). */
export const PublishActivityBody = Type.Object(
  {
    kind: ActivityKind,
    title: Text(100, 2),
    description: Type.Optional(Text(4000)),
    place: Text(200, 1),
    /** One or more shifts; more than one makes a series. */
    shifts: Type.Array(Shift, { minItems: 1, maxItems: 60 }),
    /** Community or street where it happens (must be in the caller's scope unless ownerOrgId is). */
    regionId: Uuid,
    /** Publishing organisation; default: the caller's organisation. */
    ownerOrgId: Type.Optional(Nullable(Uuid)),
    teamId: Type.Optional(Nullable(Uuid)),
    capacity: Type.Integer({ minimum: 1, maximum: 100_000 }),
    eligibility: Eligibility,
    skills: Type.Optional(Type.Array(Text(30, 1), { maxItems: 20 })),
    organiserName: Type.Optional(Text(50)),
    contact: Text(50, 1),
    concentrated: Type.Optional(Type.Boolean()),
    /** Default from the settings (2 h). */
    cancelDeadlineHours: Type.Optional(Type.Integer({ minimum: 0, maximum: 720 })),
  },
  { additionalProperties: false },
);
export type PublishActivityBody = Static<typeof PublishActivityBody>;

/** Change a published activity; capacity may not go below the confirmed count (raising it promotes the waitlist). */
export const UpdateActivityBody = Type.Object(
  {
    kind: Type.Optional(ActivityKind),
    title: Type.Optional(Text(100, 2)),
    description: Type.Optional(Text(4000)),
    place: Type.Optional(Text(200, 1)),
    startsAt: Type.Optional(Timestamp),
    endsAt: Type.Optional(Timestamp),
    capacity: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    eligibility: Type.Optional(Eligibility),
    skills: Type.Optional(Type.Array(Text(30, 1), { maxItems: 20 })),
    organiserName: Type.Optional(Text(50)),
    contact: Type.Optional(Text(50, 1)),
    concentrated: Type.Optional(Type.Boolean()),
    cancelDeadlineHours: Type.Optional(Type.Integer({ minimum: 0, maximum: 720 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateActivityBody = Static<typeof UpdateActivityBody>;

export const CancelActivityBody = Type.Object({ reason: Text(200, 2) }, { additionalProperties: false });
export type CancelActivityBody = Static<typeof CancelActivityBody>;

// ---------- sign-ups ----------

export const Signup = Type.Object({
  id: Uuid,
  activityId: Uuid,
  activityTitle: Type.String(),
  startsAt: Timestamp,
  endsAt: Timestamp,
  place: Type.String(),
  status: SignupStatus,
  /** Arrival order on the activity (1 = first to sign up). */
  seq: Type.Integer(),
  /** Place on the waitlist (1 = next to move up), when waitlisted. */
  position: Nullable(Type.Integer()),
  createdAt: Timestamp,
  cancelledAt: Nullable(Timestamp),
  checkedInAt: Nullable(Timestamp),
  checkedOutAt: Nullable(Timestamp),
});
export type Signup = Static<typeof Signup>;

export const MySignupsQuery = Type.Object(
  { status: Type.Optional(SignupStatus), upcoming: Type.Optional(Type.Boolean()), ...PageQuery },
  { additionalProperties: false },
);
export type MySignupsQuery = Static<typeof MySignupsQuery>;

/** One line of an organiser's roster. */
export const RosterEntry = Type.Object({
  signupId: Uuid,
  memberId: Uuid,
  memberName: Type.String(),
  memberPhoneMasked: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  status: SignupStatus,
  seq: Type.Integer(),
  position: Nullable(Type.Integer()),
  createdAt: Timestamp,
  checkedInAt: Nullable(Timestamp),
  checkedOutAt: Nullable(Timestamp),
  checkInMethod: Nullable(RecordMethod),
  /** Hours recorded for this activity (current ledger version), if any. */
  hours: Nullable(Type.Number()),
});
export type RosterEntry = Static<typeof RosterEntry>;

export const Roster = Type.Object({ activity: Activity, items: Type.Array(RosterEntry) });
export type Roster = Static<typeof Roster>;

// ---------- check-in ----------

/** What the organiser's screen shows: the rotating QR (token) and the 6-character code. */
export const CheckCode = Type.Object({
  activityId: Uuid,
  /** 6 characters from A–Z (no I, O) and 2–9; valid in this 30-second window and the next. */
  code: Type.String(),
  /** The opaque token inside the QR code. */
  token: Type.String(),
  /** The address the QR code opens (the member's check-in page with the token). */
  qrUrl: Type.String(),
  qrSvg: Type.String(),
  windowSeconds: Type.Integer(),
  /** When the screen should refresh (the end of this window). */
  refreshAt: Timestamp,
});
export type CheckCode = Static<typeof CheckCode>;

/** A member checks in or out with the scanned token or the typed code (exactly one). */
export const CheckBody = Type.Object(
  {
    token: Type.Optional(Type.String({ minLength: 8, maxLength: 80, pattern: '^[0-9]+\\.[A-Za-z0-9_-]+$' })),
    code: Type.Optional(Type.String({ minLength: 6, maxLength: 6, pattern: '^[A-Za-z0-9]{6}$' })),
  },
  { additionalProperties: false },
);
export type CheckBody = Static<typeof CheckBody>;

/** The organiser checks a person in or out from the roster. */
export const AttendanceBody = Type.Object({ memberId: Uuid, action: Type.Union([Type.Literal('in'), Type.Literal('out')]) }, { additionalProperties: false });
export type AttendanceBody = Static<typeof AttendanceBody>;

export const CheckResult = Type.Object({
  signup: Signup,
  /** On check-out: the ledger entry written. */
  entry: Nullable(Type.Object({ id: Uuid, hours: Type.Number(), method: RecordMethod })),
});
export type CheckResult = Static<typeof CheckResult>;

// ---------- the hours ledger ----------

export const HourEntry = Type.Object({
  id: Uuid,
  /** All versions of one entry share it. */
  entryGroupId: Uuid,
  version: Type.Integer(),
  /** True for the version in force (not superseded by a correction). */
  current: Type.Boolean(),
  memberId: Uuid,
  memberName: Type.String(),
  activityId: Nullable(Uuid),
  activityTitle: Nullable(Type.String()),
  /** What the service was (the activity title or the supplementary description). */
  content: Type.String(),
  serviceDate: Type.String(),
  startedAt: Timestamp,
  endedAt: Timestamp,
  /** Counted hours: actual time, capped by the scheduled length, rounded down to the unit. */
  hours: Type.Number(),
  method: RecordMethod,
  recordedByName: Nullable(Type.String()),
  verifiedByName: Nullable(Type.String()),
  verifiedAt: Nullable(Timestamp),
  /** Why this version exists (the correction's reason), if it is a correction. */
  note: Nullable(Type.String()),
  createdAt: Timestamp,
});
export type HourEntry = Static<typeof HourEntry>;

export const HourEntriesQuery = Type.Object(
  {
    memberId: Type.Optional(Uuid),
    activityId: Type.Optional(Uuid),
    from: Type.Optional(DateOnly),
    to: Type.Optional(DateOnly),
    method: Type.Optional(RecordMethod),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type HourEntriesQuery = Static<typeof HourEntriesQuery>;

export const StarLevel = Type.Object({
  stars: Type.Integer({ minimum: 0, maximum: 5 }),
  /** Hours needed for the next star (null at five stars). */
  nextAt: Nullable(Type.Number()),
});

/** The member's own page: totals, stars, points and the ledger (current versions, newest first). */
export const MyHours = Type.Object({
  memberId: Uuid,
  memberName: Type.String(),
  /** Verified hours in the ledger (all time), supplementary ones included once approved. */
  totalHours: Type.Number(),
  /** Of which recorded by scan / code / organiser. */
  verifiedHours: Type.Number(),
  /** Of which approved supplementary entries (shown apart). */
  supplementaryHours: Type.Number(),
  /** Requested and still waiting for the organiser. */
  pendingHours: Type.Number(),
  yearHours: Type.Number(),
  quarterHours: Type.Number(),
  points: Type.Integer(),
  star: StarLevel,
  entries: Type.Array(HourEntry),
  entriesTotal: Type.Integer(),
});
export type MyHours = Static<typeof MyHours>;

export const MyHoursQuery = Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })), ...PageQuery }, { additionalProperties: false });
export type MyHoursQuery = Static<typeof MyHoursQuery>;

// ---------- supplementary entries and corrections ----------

export const HourRequestKind = Type.Union([Type.Literal('supplementary'), Type.Literal('correction')]);
export type HourRequestKind = Static<typeof HourRequestKind>;
export const HourRequestStatus = Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')]);
export type HourRequestStatus = Static<typeof HourRequestStatus>;

/** Supplementary: forgot to scan at an activity one signed up for. Correction: the times of an existing entry are wrong. */
export const CreateHourRequestBody = Type.Object(
  {
    kind: HourRequestKind,
    /** For a supplementary entry: the activity. */
    activityId: Type.Optional(Uuid),
    /** For a correction: the ledger entry (any version of it). */
    entryId: Type.Optional(Uuid),
    startedAt: Timestamp,
    endedAt: Timestamp,
    reason: Text(500, 2),
  },
  { additionalProperties: false },
);
export type CreateHourRequestBody = Static<typeof CreateHourRequestBody>;

export const HourRequest = Type.Object({
  id: Uuid,
  kind: HourRequestKind,
  status: HourRequestStatus,
  memberId: Uuid,
  memberName: Type.String(),
  activityId: Nullable(Uuid),
  activityTitle: Nullable(Type.String()),
  entryId: Nullable(Uuid),
  startedAt: Timestamp,
  endedAt: Timestamp,
  /** The hours the request would count (after capping and rounding). */
  hours: Type.Number(),
  /** For a correction: the hours in force now. */
  currentHours: Nullable(Type.Number()),
  reason: Type.String(),
  decidedByName: Nullable(Type.String()),
  decidedAt: Nullable(Timestamp),
  decisionNote: Nullable(Type.String()),
  /** The ledger entry written on approval. */
  resultEntryId: Nullable(Uuid),
  createdAt: Timestamp,
});
export type HourRequest = Static<typeof HourRequest>;

export const HourRequestsQuery = Type.Object(
  {
    status: Type.Optional(HourRequestStatus),
    kind: Type.Optional(HourRequestKind),
    activityId: Type.Optional(Uuid),
    /** Only the caller's own requests. */
    mine: Type.Optional(Type.Boolean()),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type HourRequestsQuery = Static<typeof HourRequestsQuery>;

export const DecideBody = Type.Object({ note: Type.Optional(Text(200)) }, { additionalProperties: false });
export type DecideBody = Static<typeof DecideBody>;
export const RejectHourRequestBody = Type.Object({ note: Text(200, 2) }, { additionalProperties: false });
export type RejectHourRequestBody = Static<typeof RejectHourRequestBody>;

/** Approve or refuse many requests at once (all or nothing); a refusal needs a note. */
export const BulkHourDecisionBody = Type.Object(
  { decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]), ids: BulkIds, note: Type.Optional(Text(200)) },
  { additionalProperties: false },
);
export type BulkHourDecisionBody = Static<typeof BulkHourDecisionBody>;

// ---------- settings and quotas ----------

/** The year's rules (the supervisor's; defaults from the sources). */
export const VolunteeringSettings = Type.Object({
  year: Type.Integer(),
  /** Each member: at least this many hours per quarter (10). */
  memberHoursPerQuarter: Type.Number({ minimum: 0, maximum: 500 }),
  /** Each volunteer-team member: at least this many days a year (15). */
  teamDaysPerYear: Type.Integer({ minimum: 0, maximum: 366 }),
  /** Each unit: at least this many concentrated activities per quarter (1). */
  unitActivitiesPerQuarter: Type.Integer({ minimum: 0, maximum: 100 }),
  /** Counted time is rounded down to this many minutes (30). */
  roundingMinutes: Type.Integer({ minimum: 1, maximum: 240 }),
  /** Points earned per verified hour (10). */
  pointsPerHour: Type.Number({ minimum: 0, maximum: 1000 }),
  /** Total verified hours for 1–5 stars (100/300/600/1000/1500), ascending. */
  starThresholds: Type.Array(Type.Number({ minimum: 0, maximum: 100_000 }), { minItems: 5, maxItems: 5 }),
  /** Default cancellation deadline for new activities, in hours before start (2). */
  cancelDeadlineHours: Type.Integer({ minimum: 0, maximum: 720 }),
  /** Reminders go out when this share of a quarter has passed (2/3). */
  reminderAt: Type.Number({ minimum: 0, maximum: 1 }),
});
export type VolunteeringSettings = Static<typeof VolunteeringSettings>;

export const SettingsQuery = Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }, { additionalProperties: false });
export type SettingsQuery = Static<typeof SettingsQuery>;

export const UpdateSettingsBody = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    memberHoursPerQuarter: Type.Optional(Type.Number({ minimum: 0, maximum: 500 })),
    teamDaysPerYear: Type.Optional(Type.Integer({ minimum: 0, maximum: 366 })),
    unitActivitiesPerQuarter: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    roundingMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 240 })),
    pointsPerHour: Type.Optional(Type.Number({ minimum: 0, maximum: 1000 })),
    starThresholds: Type.Optional(Type.Array(Type.Number({ minimum: 0, maximum: 100_000 }), { minItems: 5, maxItems: 5 })),
    cancelDeadlineHours: Type.Optional(Type.Integer({ minimum: 0, maximum: 720 })),
    reminderAt: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  },
  { additionalProperties: false },
);
export type UpdateSettingsBody = Static<typeof UpdateSettingsBody>;

export const QuarterInfo = Type.Object({
  year: Type.Integer(),
  quarter: Type.Integer({ minimum: 1, maximum: 4 }),
  /** First and last day (Asia/Shanghai dates). */
  from: Type.String(),
  to: Type.String(),
  /** Days left including today (0 once over). */
  daysRemaining: Type.Integer(),
  /** Share of the quarter gone, 0–1. */
  elapsed: Type.Number(),
});
export type QuarterInfo = Static<typeof QuarterInfo>;

export const QuotaStanding = Type.Object({
  done: Type.Number(),
  required: Type.Number(),
  left: Type.Number(),
  met: Type.Boolean(),
});
export type QuotaStanding = Static<typeof QuotaStanding>;

/** The member's own standing: hours this quarter; days this year when in a volunteer team. */
export const MyQuota = Type.Object({
  quarter: QuarterInfo,
  hours: QuotaStanding,
  /** Null when the member is in no volunteer team. */
  teamDays: Nullable(Type.Intersect([QuotaStanding, Type.Object({ daysRemainingInYear: Type.Integer() })])),
  star: StarLevel,
  points: Type.Integer(),
});
export type MyQuota = Static<typeof MyQuota>;

export const QuotaQuery = Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })), quarter: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })) }, { additionalProperties: false });
export type QuotaQuery = Static<typeof QuotaQuery>;

export const BehindQuery = Type.Object(
  {
    /** members: behind on hours this quarter; units: behind on concentrated activities; team_members: behind on days this year. */
    kind: Type.Union([Type.Literal('members'), Type.Literal('units'), Type.Literal('team_members')]),
    regionId: Type.Optional(Uuid),
    unitOrgId: Type.Optional(Uuid),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    quarter: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type BehindQuery = Static<typeof BehindQuery>;

export const BehindEntry = Type.Object({
  kind: Type.Union([Type.Literal('member'), Type.Literal('unit')]),
  id: Uuid,
  name: Type.String(),
  unitName: Nullable(Type.String()),
  communityName: Nullable(Type.String()),
  done: Type.Number(),
  required: Type.Number(),
  left: Type.Number(),
});
export type BehindEntry = Static<typeof BehindEntry>;

export const BehindList = Type.Object({ quarter: QuarterInfo, items: Type.Array(BehindEntry), total: Type.Integer() });
export type BehindList = Static<typeof BehindList>;

/** Where a unit or a community stands this quarter. */
export const QuotaSummaryQuery = Type.Object(
  { unitOrgId: Type.Optional(Uuid), regionId: Type.Optional(Uuid), year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })), quarter: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })) },
  { additionalProperties: false },
);
export type QuotaSummaryQuery = Static<typeof QuotaSummaryQuery>;

export const QuotaSummary = Type.Object({
  quarter: QuarterInfo,
  name: Type.String(),
  members: Type.Integer(),
  membersMet: Type.Integer(),
  membersBehind: Type.Integer(),
  totalHours: Type.Number(),
  /** For a unit: its concentrated activities this quarter against the quota. */
  unitActivities: Nullable(QuotaStanding),
});
export type QuotaSummary = Static<typeof QuotaSummary>;

// ---------- certificates ----------

export const IssueCertificateBody = Type.Object(
  {
    memberId: Uuid,
    periodFrom: DateOnly,
    periodTo: DateOnly,
    /** The issuing organisation; default: the caller's. */
    issuerOrgId: Type.Optional(Uuid),
    personInCharge: Text(50, 1),
    handler: Text(50, 1),
    contact: Text(50, 1),
  },
  { additionalProperties: false },
);
export type IssueCertificateBody = Static<typeof IssueCertificateBody>;

/** 志愿服务证明 with the fields of 民发〔2015〕149号, ready for an A4 page. */
export const Certificate = Type.Object({
  id: Uuid,
  certNo: Type.String(),
  memberId: Uuid,
  name: Type.String(),
  idType: Type.String(),
  idNumberMasked: Nullable(Type.String()),
  /** The volunteer number (the member's number in the platform). */
  volunteerNo: Type.String(),
  periodFrom: Type.String(),
  periodTo: Type.String(),
  hours: Type.Number(),
  /** What the service was: activity kinds and titles in the period, summarised. */
  content: Type.String(),
  issuerName: Type.String(),
  personInCharge: Type.String(),
  handler: Type.String(),
  contact: Type.String(),
  issuedOn: Type.String(),
  verifyUrl: Type.String(),
  qrSvg: Type.String(),
});
export type Certificate = Static<typeof Certificate>;

export const CertificateListItem = Type.Object({ id: Uuid, certNo: Type.String(), memberId: Uuid, name: Type.String(), periodFrom: Type.String(), periodTo: Type.String(), hours: Type.Number(), issuerName: Type.String(), issuedOn: Type.String() });
export type CertificateListItem = Static<typeof CertificateListItem>;

export const CertificatesQuery = Type.Object({ memberId: Type.Optional(Uuid), mine: Type.Optional(Type.Boolean()), ...PageQuery }, { additionalProperties: false });
export type CertificatesQuery = Static<typeof CertificatesQuery>;

export const CertNoParams = Type.Object({ certNo: Type.String({ minLength: 6, maxLength: 40, pattern: '^[A-Z0-9-]+$' }) });

/** What a certificate's QR code opens: valid or not, name masked. */
export const CertificateVerification = Type.Object({
  valid: Type.Boolean(),
  certNo: Type.String(),
  name: Nullable(Type.String()),
  hours: Nullable(Type.Number()),
  periodFrom: Nullable(Type.String()),
  periodTo: Nullable(Type.String()),
  issuerName: Nullable(Type.String()),
  issuedOn: Nullable(Type.String()),
});
export type CertificateVerification = Static<typeof CertificateVerification>;

// ---------- the calendar feed ----------

/** The member's iCalendar feed of own sign-ups. The URL (with its secret token) is shown only when created. */
export const CalendarFeed = Type.Object({
  active: Type.Boolean(),
  createdAt: Nullable(Timestamp),
  /** Present only in the answer that creates (or replaces) the feed. */
  url: Nullable(Type.String()),
});
export type CalendarFeed = Static<typeof CalendarFeed>;

export const CalendarTokenParams = Type.Object({ token: Type.String({ minLength: 20, maxLength: 90, pattern: '^[A-Za-z0-9_-]+(\\.ics)?$' }) });
