/**
 * Contract of the three-lists module (三单式服务): community needs (需求清单), unit resources
 * (资源清单), yearly projects (项目清单) with claims, milestones, progress reports, sign-off and
 * ratings; the yearly claim rule; matching suggestions; uploads; the public wall-screen view.
 * All routes live under /api/v1/lists (the wall under /api/v1/public/lists).
 */
import Type, { type Static } from 'typebox';
import { Nullable, PageQuery, Timestamp, Uuid } from './common';

const DateOnly = Type.String({ format: 'date', maxLength: 10 });
const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });

// ---------- shared vocabularies ----------

/** The fixed list of need (and resource) categories. */
export const NEED_CATEGORIES = [
  'environment',
  'elderly_care',
  'children',
  'education',
  'legal_aid',
  'health',
  'disability',
  'employment',
  'culture',
  'safety',
  'emergency',
  'infrastructure',
  'party_building',
  'other',
] as const;
export const NeedCategory = Type.Union([
  Type.Literal('environment'),
  Type.Literal('elderly_care'),
  Type.Literal('children'),
  Type.Literal('education'),
  Type.Literal('legal_aid'),
  Type.Literal('health'),
  Type.Literal('disability'),
  Type.Literal('employment'),
  Type.Literal('culture'),
  Type.Literal('safety'),
  Type.Literal('emergency'),
  Type.Literal('infrastructure'),
  Type.Literal('party_building'),
  Type.Literal('other'),
]);
export type NeedCategory = Static<typeof NeedCategory>;

export const Priority = Type.Union([Type.Literal('low'), Type.Literal('normal'), Type.Literal('high'), Type.Literal('urgent')]);
export type Priority = Static<typeof Priority>;

/** An uploaded file attached to a need or a progress report (photos, documents). */
export const Attachment = Type.Object({
  id: Uuid,
  fileName: Type.String(),
  mime: Type.String(),
  size: Type.Integer(),
  /** GET this (same-origin, with the session cookie) for the file. */
  url: Type.String(),
  /** For images: the thumbnail URL; null for documents. */
  thumbnailUrl: Nullable(Type.String()),
});
export type Attachment = Static<typeof Attachment>;

// ---------- needs (需求清单) ----------

export const NeedStatus = Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('closed')]);
export type NeedStatus = Static<typeof NeedStatus>;

export const Need = Type.Object({
  id: Uuid,
  communityId: Uuid,
  communityName: Type.String(),
  streetName: Nullable(Type.String()),
  title: Type.String(),
  description: Type.String(),
  category: NeedCategory,
  place: Nullable(Type.String()),
  startsOn: Nullable(Type.String()),
  endsOn: Nullable(Type.String()),
  /** Size of the need: people, money (yuan), materials (free text). */
  peopleNeeded: Nullable(Type.Integer()),
  budgetYuan: Nullable(Type.Integer()),
  materials: Nullable(Type.String()),
  priority: Priority,
  /** The households or groups it serves (e.g. 空巢老人 32户). No personal data. */
  beneficiaries: Nullable(Type.String()),
  status: NeedStatus,
  closeReason: Nullable(Type.String()),
  attachments: Type.Array(Attachment),
  /** Projects that answer this need. */
  projectCount: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  publishedAt: Nullable(Timestamp),
  /** May the caller edit / publish / close it. */
  canEdit: Type.Boolean(),
});
export type Need = Static<typeof Need>;

export const NeedsQuery = Type.Object(
  {
    communityId: Type.Optional(Uuid),
    /** A street (or district): needs of its communities. */
    regionId: Type.Optional(Uuid),
    status: Type.Optional(NeedStatus),
    category: Type.Optional(NeedCategory),
    q: Type.Optional(Type.String({ maxLength: 50 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type NeedsQuery = Static<typeof NeedsQuery>;

const NeedFields = {
  title: Text(100, 2),
  description: Text(2000),
  category: NeedCategory,
  place: Type.Optional(Nullable(Text(200))),
  startsOn: Type.Optional(Nullable(DateOnly)),
  endsOn: Type.Optional(Nullable(DateOnly)),
  peopleNeeded: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100_000 }))),
  budgetYuan: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000_000 }))),
  materials: Type.Optional(Nullable(Text(500))),
  priority: Type.Optional(Priority),
  beneficiaries: Type.Optional(Nullable(Text(200))),
  /** Upload ids (from POST /lists/uploads by the caller). */
  attachmentIds: Type.Optional(Type.Array(Uuid, { maxItems: 9 })),
};
/** A community (its staff, or the street above it) drafts a need. */
export const CreateNeedBody = Type.Object({ communityId: Uuid, ...NeedFields }, { additionalProperties: false });
export type CreateNeedBody = Static<typeof CreateNeedBody>;
/** Change a draft or published need (not a closed one). */
export const UpdateNeedBody = Type.Object(
  {
    ...NeedFields,
    title: Type.Optional(NeedFields.title),
    description: Type.Optional(NeedFields.description),
    category: Type.Optional(NeedCategory),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateNeedBody = Static<typeof UpdateNeedBody>;

export const ReasonBody = Type.Object({ reason: Text(200, 2) }, { additionalProperties: false });
export type ReasonBody = Static<typeof ReasonBody>;

// ---------- resources (资源清单) ----------

export const ResourceKind = Type.Union([
  Type.Literal('people'),
  Type.Literal('service'),
  Type.Literal('venue'),
  Type.Literal('equipment'),
  Type.Literal('funds'),
]);
export type ResourceKind = Static<typeof ResourceKind>;
export const ResourceStatus = Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('withdrawn')]);
export type ResourceStatus = Static<typeof ResourceStatus>;

export const Resource = Type.Object({
  id: Uuid,
  unitOrgId: Uuid,
  unitName: Type.String(),
  kind: ResourceKind,
  title: Type.String(),
  description: Type.String(),
  /** The category it serves best (used by matching). */
  category: NeedCategory,
  /** Skills offered (people/service), e.g. ['法律咨询', '税务']. */
  skills: Type.Array(Type.String()),
  /** How much: people available, or yuan for funds. */
  quantity: Nullable(Type.Integer()),
  /** When it is available (dates, inclusive; null = open-ended) and a free-text note (e.g. 每周六上午). */
  availableFrom: Nullable(Type.String()),
  availableUntil: Nullable(Type.String()),
  availabilityNote: Nullable(Type.String()),
  status: ResourceStatus,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  canEdit: Type.Boolean(),
});
export type Resource = Static<typeof Resource>;

export const ResourcesQuery = Type.Object(
  {
    unitOrgId: Type.Optional(Uuid),
    kind: Type.Optional(ResourceKind),
    category: Type.Optional(NeedCategory),
    status: Type.Optional(ResourceStatus),
    q: Type.Optional(Type.String({ maxLength: 50 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ResourcesQuery = Static<typeof ResourcesQuery>;

const ResourceFields = {
  kind: ResourceKind,
  title: Text(100, 2),
  description: Text(2000),
  category: NeedCategory,
  skills: Type.Optional(Type.Array(Text(20, 1), { maxItems: 20 })),
  quantity: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000_000 }))),
  availableFrom: Type.Optional(Nullable(DateOnly)),
  availableUntil: Type.Optional(Nullable(DateOnly)),
  availabilityNote: Type.Optional(Nullable(Text(200))),
};
/** A unit (its admin) drafts a resource it can give. */
export const CreateResourceBody = Type.Object({ unitOrgId: Uuid, ...ResourceFields }, { additionalProperties: false });
export type CreateResourceBody = Static<typeof CreateResourceBody>;
export const UpdateResourceBody = Type.Object(
  {
    ...ResourceFields,
    kind: Type.Optional(ResourceKind),
    title: Type.Optional(ResourceFields.title),
    description: Type.Optional(ResourceFields.description),
    category: Type.Optional(NeedCategory),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateResourceBody = Static<typeof UpdateResourceBody>;

// ---------- matching suggestions ----------

/**
 * Why a suggestion scored as it did, each part in [0, 1]: text (BM25 against the best candidate),
 * category, distance, availability, past success; score = text × (0.75 + 0.25 × the soft parts).
 */
export const ScoreParts = Type.Object({
  text: Type.Number(),
  category: Type.Number(),
  distance: Type.Number(),
  availability: Type.Number(),
  pastSuccess: Type.Number(),
});
export type ScoreParts = Static<typeof ScoreParts>;

/** The reasons of a suggestion, read from the need's side: the UI words them. */
export const SuggestionExplanation = Type.Object({
  /** Words both texts use, the most telling first. */
  sharedWords: Type.Array(Type.String()),
  /** Dictionary concepts met through different words (the need's words, the resource's words). */
  synonyms: Type.Array(Type.Object({ concept: Type.String(), needWords: Type.Array(Type.String()), resourceWords: Type.Array(Type.String()) })),
  sharedCategories: Type.Array(NeedCategory),
  /** Steps in the region tree between the need's community and the unit (null: unknown). */
  distanceSteps: Nullable(Type.Integer()),
});
export type SuggestionExplanation = Static<typeof SuggestionExplanation>;

export const ResourceSuggestion = Type.Object({
  resourceId: Uuid,
  title: Type.String(),
  kind: ResourceKind,
  category: NeedCategory,
  unitOrgId: Uuid,
  unitName: Type.String(),
  /** The unit is actively paired with the need's community. */
  paired: Type.Boolean(),
  score: Type.Number(),
  parts: ScoreParts,
  /** Words the two texts share (for the "why" line). */
  sharedTerms: Type.Array(Type.String()),
  explanation: SuggestionExplanation,
});
export type ResourceSuggestion = Static<typeof ResourceSuggestion>;

export const NeedSuggestion = Type.Object({
  needId: Uuid,
  title: Type.String(),
  category: NeedCategory,
  communityId: Uuid,
  communityName: Type.String(),
  paired: Type.Boolean(),
  score: Type.Number(),
  parts: ScoreParts,
  sharedTerms: Type.Array(Type.String()),
  explanation: SuggestionExplanation,
});
export type NeedSuggestion = Static<typeof NeedSuggestion>;

export const SuggestionsQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })) }, { additionalProperties: false });
export type SuggestionsQuery = Static<typeof SuggestionsQuery>;

export const ResourceSuggestions = Type.Object({ items: Type.Array(ResourceSuggestion), tookMs: Type.Number() });
export type ResourceSuggestions = Static<typeof ResourceSuggestions>;
export const NeedSuggestions = Type.Object({ items: Type.Array(NeedSuggestion), tookMs: Type.Number() });
export type NeedSuggestions = Static<typeof NeedSuggestions>;

// ---------- projects (项目清单) ----------

/**
 * draft → open (published, claimable) → in_progress (first claim active) → submitted (the lead
 * claimant asks for sign-off) → completed (the community signs off) | back to in_progress (sent
 * back with a reason). draft/open/in_progress → cancelled.
 */
export const ProjectStatus = Type.Union([
  Type.Literal('draft'),
  Type.Literal('open'),
  Type.Literal('in_progress'),
  Type.Literal('submitted'),
  Type.Literal('completed'),
  Type.Literal('cancelled'),
]);
export type ProjectStatus = Static<typeof ProjectStatus>;

/** self: a unit or member took it; assigned: the community/supervisor assigned it (pending until accepted). */
export const ClaimKind = Type.Union([Type.Literal('self'), Type.Literal('assigned')]);
export type ClaimKind = Static<typeof ClaimKind>;
/** pending (assigned, awaiting the assignee) → active | declined; active → withdrawn. A pending or active claim holds a slot. */
export const ClaimStatus = Type.Union([Type.Literal('pending'), Type.Literal('active'), Type.Literal('declined'), Type.Literal('withdrawn')]);
export type ClaimStatus = Static<typeof ClaimStatus>;

export const Claim = Type.Object({
  id: Uuid,
  projectId: Uuid,
  projectTitle: Type.String(),
  kind: ClaimKind,
  status: ClaimStatus,
  /** Exactly one of unit / member is set. */
  unitOrgId: Nullable(Uuid),
  unitName: Nullable(Type.String()),
  memberId: Nullable(Uuid),
  memberName: Nullable(Type.String()),
  note: Nullable(Type.String()),
  declineReason: Nullable(Type.String()),
  createdAt: Timestamp,
  decidedAt: Nullable(Timestamp),
  /** May the caller accept/decline (pending) or withdraw (active) it. */
  canRespond: Type.Boolean(),
});
export type Claim = Static<typeof Claim>;

export const Milestone = Type.Object({
  id: Uuid,
  title: Type.String(),
  dueOn: Type.String(),
  doneAt: Nullable(Timestamp),
  /** Due date passed and not done. */
  overdue: Type.Boolean(),
});
export type Milestone = Static<typeof Milestone>;

export const ProgressReport = Type.Object({
  id: Uuid,
  milestoneId: Uuid,
  milestoneTitle: Type.String(),
  note: Type.String(),
  /** This report marks the milestone done. */
  done: Type.Boolean(),
  reportedBy: Type.String(),
  unitName: Nullable(Type.String()),
  attachments: Type.Array(Attachment),
  createdAt: Timestamp,
});
export type ProgressReport = Static<typeof ProgressReport>;

export const SignOff = Type.Object({
  id: Uuid,
  decision: Type.Union([Type.Literal('approved'), Type.Literal('sent_back')]),
  reason: Nullable(Type.String()),
  decidedBy: Type.String(),
  createdAt: Timestamp,
});
export type SignOff = Static<typeof SignOff>;

export const Rating = Type.Object({
  stars: Type.Integer({ minimum: 1, maximum: 5 }),
  comment: Nullable(Type.String()),
  /** Masked (张*). */
  raterName: Type.String(),
  createdAt: Timestamp,
});
export type Rating = Static<typeof Rating>;

export const ProjectSummary = Type.Object({
  id: Uuid,
  year: Year,
  title: Type.String(),
  goal: Type.String(),
  communityId: Uuid,
  communityName: Type.String(),
  leadUnitOrgId: Nullable(Uuid),
  leadUnitName: Nullable(Type.String()),
  budgetYuan: Nullable(Type.Integer()),
  status: ProjectStatus,
  claimSlots: Type.Integer(),
  /** Pending + active claims holding a slot. */
  slotsTaken: Type.Integer(),
  milestonesDone: Type.Integer(),
  milestonesTotal: Type.Integer(),
  nextDueOn: Nullable(Type.String()),
  ratingAverage: Nullable(Type.Number()),
  ratingCount: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ProjectSummary = Static<typeof ProjectSummary>;

export const ProjectDetail = Type.Object({
  ...ProjectSummary.properties,
  needs: Type.Array(Type.Object({ id: Uuid, title: Type.String(), category: NeedCategory })),
  resources: Type.Array(Type.Object({ id: Uuid, title: Type.String(), unitName: Type.String() })),
  milestones: Type.Array(Milestone),
  claims: Type.Array(Claim),
  reports: Type.Array(ProgressReport),
  signOffs: Type.Array(SignOff),
  ratings: Type.Array(Rating),
  /** What the caller may do now (for buttons). */
  actions: Type.Object({
    edit: Type.Boolean(),
    publish: Type.Boolean(),
    cancel: Type.Boolean(),
    claim: Type.Boolean(),
    assign: Type.Boolean(),
    report: Type.Boolean(),
    submit: Type.Boolean(),
    signOff: Type.Boolean(),
    rate: Type.Boolean(),
  }),
});
export type ProjectDetail = Static<typeof ProjectDetail>;

export const ProjectsQuery = Type.Object(
  {
    year: Type.Optional(Year),
    communityId: Type.Optional(Uuid),
    regionId: Type.Optional(Uuid),
    /** Projects this unit claimed (pending or active) or leads. */
    unitOrgId: Type.Optional(Uuid),
    status: Type.Optional(ProjectStatus),
    /** Only open projects with a free slot the caller could claim. */
    claimable: Type.Optional(Type.Boolean()),
    /** Only projects the caller (unit admin or member) has a pending or active claim on. */
    mine: Type.Optional(Type.Boolean()),
    q: Type.Optional(Type.String({ maxLength: 50 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ProjectsQuery = Static<typeof ProjectsQuery>;

const MilestoneInput = Type.Object({ title: Text(100, 1), dueOn: DateOnly }, { additionalProperties: false });
const ProjectFields = {
  title: Text(100, 2),
  goal: Text(2000),
  year: Year,
  needIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
  resourceIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
  leadUnitOrgId: Type.Optional(Nullable(Uuid)),
  budgetYuan: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000_000 }))),
  claimSlots: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 1 })),
  milestones: Type.Optional(Type.Array(MilestoneInput, { maxItems: 20 })),
};
/** The community (or street / supervisor above it) drafts a project for the year. */
export const CreateProjectBody = Type.Object({ communityId: Uuid, ...ProjectFields }, { additionalProperties: false });
export type CreateProjectBody = Static<typeof CreateProjectBody>;
/** Change a draft (or an open project with no claim yet); milestones given replace the list. */
export const UpdateProjectBody = Type.Object(
  { ...ProjectFields, title: Type.Optional(ProjectFields.title), goal: Type.Optional(ProjectFields.goal), year: Type.Optional(Year) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateProjectBody = Static<typeof UpdateProjectBody>;

/** Self-claim: a unit admin names the unit; a member omits unitOrgId (claims as himself or herself). */
export const SelfClaimBody = Type.Object({ unitOrgId: Type.Optional(Uuid), note: Type.Optional(Nullable(Text(200))) }, { additionalProperties: false });
export type SelfClaimBody = Static<typeof SelfClaimBody>;
/** Assigned claim: name a unit or a member (exactly one). */
export const AssignClaimBody = Type.Object(
  { unitOrgId: Type.Optional(Uuid), memberId: Type.Optional(Uuid), note: Type.Optional(Nullable(Text(200))) },
  { additionalProperties: false },
);
export type AssignClaimBody = Static<typeof AssignClaimBody>;

export const ClaimsQuery = Type.Object(
  { status: Type.Optional(ClaimStatus), unitOrgId: Type.Optional(Uuid), mine: Type.Optional(Type.Boolean()), ...PageQuery },
  { additionalProperties: false },
);
export type ClaimsQuery = Static<typeof ClaimsQuery>;

export const MilestoneParams = Type.Object({ id: Uuid, milestoneId: Uuid });
export type MilestoneParams = Static<typeof MilestoneParams>;
/** A claimant reports progress on a milestone: a note, photos (upload ids), and whether it is done. */
export const ReportProgressBody = Type.Object(
  { note: Text(2000, 1), done: Type.Optional(Type.Boolean()), attachmentIds: Type.Optional(Type.Array(Uuid, { maxItems: 9 })) },
  { additionalProperties: false },
);
export type ReportProgressBody = Static<typeof ReportProgressBody>;

/** The community signs off (approve) or sends back (with a reason, required). */
export const SignOffBody = Type.Object(
  { decision: Type.Union([Type.Literal('approve'), Type.Literal('send_back')]), reason: Type.Optional(Nullable(Text(200))) },
  { additionalProperties: false },
);
export type SignOffBody = Static<typeof SignOffBody>;

/** A resident (or member) of the community rates a completed project, once (a second rating replaces the first). */
export const RateBody = Type.Object({ stars: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Nullable(Text(200))) }, { additionalProperties: false });
export type RateBody = Static<typeof RateBody>;

// ---------- the yearly claim rule (每个单位每年至少认领 N 个项目) ----------

export const ClaimRuleQuery = Type.Object({ year: Type.Optional(Year), regionId: Type.Optional(Uuid), ...PageQuery }, { additionalProperties: false });
export type ClaimRuleQuery = Static<typeof ClaimRuleQuery>;

export const UnitClaimProgress = Type.Object({
  unitOrgId: Uuid,
  unitName: Type.String(),
  /** Projects of the year with an active claim by the unit (or led by it), not cancelled. */
  claimed: Type.Integer(),
  completed: Type.Integer(),
  met: Type.Boolean(),
});
export type UnitClaimProgress = Static<typeof UnitClaimProgress>;

export const ClaimRuleProgress = Type.Object({
  year: Year,
  minProjects: Type.Integer(),
  unitsTotal: Type.Integer(),
  unitsMet: Type.Integer(),
  /** Units the caller may see, fewest claims first (paged). */
  items: Type.Array(UnitClaimProgress),
  total: Type.Integer(),
});
export type ClaimRuleProgress = Static<typeof ClaimRuleProgress>;

/** The supervisor sets the yearly minimum (default 2). */
export const SetClaimRuleBody = Type.Object({ year: Year, minProjects: Type.Integer({ minimum: 0, maximum: 50 }) }, { additionalProperties: false });
export type SetClaimRuleBody = Static<typeof SetClaimRuleBody>;

// ---------- uploads ----------

/**
 * Upload a file as base64 in JSON (max 8 MiB decoded). The type is read from the bytes (JPEG,
 * PNG, WebP, GIF, PDF); a mismatching or unknown type is refused (UPLOAD_TYPE). Identical bytes
 * are stored once (sha-256). Returns the upload to attach to a need or a progress report.
 */
export const UploadBody = Type.Object(
  { fileName: Text(200, 1), contentBase64: Type.String({ minLength: 4, maxLength: 11_200_000 }) },
  { additionalProperties: false },
);
export type UploadBody = Static<typeof UploadBody>;
export const Upload = Type.Object({ ...Attachment.properties, sha256: Type.String(), createdAt: Timestamp });
export type Upload = Static<typeof Upload>;

// ---------- the public wall screen ----------

/** What a community's wall screen shows: published needs and its year's projects; names of units only, no personal data. */
export const WallParams = Type.Object({ communityId: Uuid });
export type WallParams = Static<typeof WallParams>;
export const WallQuery = Type.Object({ year: Type.Optional(Year) }, { additionalProperties: false });
export type WallQuery = Static<typeof WallQuery>;
export const Wall = Type.Object({
  communityId: Uuid,
  communityName: Type.String(),
  streetName: Nullable(Type.String()),
  year: Year,
  needs: Type.Array(
    Type.Object({ id: Uuid, title: Type.String(), category: NeedCategory, priority: Priority, beneficiaries: Nullable(Type.String()), publishedAt: Nullable(Timestamp) }),
  ),
  projects: Type.Array(
    Type.Object({
      id: Uuid,
      title: Type.String(),
      status: ProjectStatus,
      leadUnitName: Nullable(Type.String()),
      claimedBy: Type.Array(Type.String()),
      milestonesDone: Type.Integer(),
      milestonesTotal: Type.Integer(),
      ratingAverage: Nullable(Type.Number()),
    }),
  ),
  /** Resources published by the units paired with this community. */
  resources: Type.Array(Type.Object({ id: Uuid, title: Type.String(), kind: ResourceKind, unitName: Type.String() })),
  counts: Type.Object({ needsPublished: Type.Integer(), projectsOpen: Type.Integer(), projectsInProgress: Type.Integer(), projectsCompleted: Type.Integer() }),
  generatedAt: Timestamp,
});
export type Wall = Static<typeof Wall>;
