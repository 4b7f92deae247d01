/** Contract of the directory module: regions, organisations, members, households, volunteer teams, imports. */
import Type, { type Static } from 'typebox';
import { Nullable, PageQuery, Timestamp, Uuid } from './common';

export type RegionKind = Static<typeof RegionKind>;
export const RegionKind = Type.Union([
  Type.Literal('city'),
  Type.Literal('district'),
  Type.Literal('street'),
  Type.Literal('community'),
  Type.Literal('grid'),
  Type.Literal('building'),
]);
export type OrganizationKind = Static<typeof OrganizationKind>;
export const OrganizationKind = Type.Union([
  Type.Literal('supervisor'),
  Type.Literal('street'),
  Type.Literal('community'),
  Type.Literal('grid_branch'),
  Type.Literal('building_group'),
  Type.Literal('unit'),
  Type.Literal('alliance'),
]);
export type Sector = Static<typeof Sector>;
export const Sector = Type.Union([
  Type.Literal('agency'),
  Type.Literal('institution'),
  Type.Literal('state_enterprise'),
  Type.Literal('private_enterprise'),
  Type.Literal('school'),
  Type.Literal('hospital'),
  Type.Literal('social_organization'),
  Type.Literal('other'),
]);
export type MemberStatus = Static<typeof MemberStatus>;
export const MemberStatus = Type.Union([Type.Literal('active'), Type.Literal('transferred'), Type.Literal('deceased'), Type.Literal('left')]);
export type Gender = Static<typeof Gender>;
export const Gender = Type.Union([Type.Literal('male'), Type.Literal('female')]);
export type HouseholdTagName = Static<typeof HouseholdTagName>;
export const HouseholdTagName = Type.Union([
  Type.Literal('low_income'),
  Type.Literal('disability'),
  Type.Literal('elderly_alone'),
  Type.Literal('member_in_hardship'),
  Type.Literal('five_guarantees'),
  Type.Literal('veteran'),
  Type.Literal('left_behind_child'),
  Type.Literal('serious_illness'),
]);
export type LeadingGroupPost = Static<typeof LeadingGroupPost>;
export const LeadingGroupPost = Type.Union([
  Type.Literal('leader'),
  Type.Literal('deputy_leader'),
  Type.Literal('member'),
  Type.Literal('office_director'),
  Type.Literal('liaison'),
]);
export type TeamKind = Static<typeof TeamKind>;
export const TeamKind = Type.Union([Type.Literal('volunteer'), Type.Literal('emergency'), Type.Literal('professional'), Type.Literal('party_service')]);
export type ImportKind = Static<typeof ImportKind>;
export const ImportKind = Type.Union([Type.Literal('members'), Type.Literal('households'), Type.Literal('organizations'), Type.Literal('regions')]);

const DateOnly = Type.String({ format: 'date', maxLength: 10 });
const Phone = Type.String({ minLength: 5, maxLength: 20, pattern: '^[+0-9 -]+$' });
const IdNumber = Type.String({ minLength: 15, maxLength: 18, pattern: '^[0-9]{15}$|^[0-9]{17}[0-9Xx]$' });
const Name = Type.String({ minLength: 1, maxLength: 50 });
const SortOrder = Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')]));

// ---------- regions ----------

export const Region = Type.Object({
  id: Uuid,
  parentId: Nullable(Uuid),
  kind: RegionKind,
  name: Type.String(),
  village: Type.Boolean(),
  pathNames: Type.Array(Type.String()),
  childCount: Type.Integer(),
});
export type Region = Static<typeof Region>;

export const RegionsQuery = Type.Object(
  {
    parentId: Type.Optional(Uuid),
    /** Without parentId: the top of the caller's reach. */
    q: Type.Optional(Type.String({ maxLength: 50 })),
    kind: Type.Optional(RegionKind),
  },
  { additionalProperties: false },
);
export type RegionsQuery = Static<typeof RegionsQuery>;

/** Without parentId: a top region (a city or a district; system scope only). */
export const CreateRegionBody = Type.Object(
  { parentId: Type.Optional(Uuid), kind: RegionKind, name: Name, village: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type CreateRegionBody = Static<typeof CreateRegionBody>;

export const UpdateRegionBody = Type.Object(
  { name: Type.Optional(Name), village: Type.Optional(Type.Boolean()), parentId: Type.Optional(Uuid) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateRegionBody = Static<typeof UpdateRegionBody>;

export const RegionHistoryEntry = Type.Object({
  id: Type.String(),
  at: Timestamp,
  action: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
  actorUserId: Nullable(Type.String()),
});
export type RegionHistoryEntry = Static<typeof RegionHistoryEntry>;

// ---------- organisations ----------

export const LeadingGroupMember = Type.Object({
  name: Name,
  post: LeadingGroupPost,
  title: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
});
export type LeadingGroupMember = Static<typeof LeadingGroupMember>;

export const Organization = Type.Object({
  id: Uuid,
  parentId: Nullable(Uuid),
  parentName: Nullable(Type.String()),
  kind: OrganizationKind,
  name: Type.String(),
  code: Nullable(Type.String()),
  regionId: Nullable(Uuid),
  regionName: Nullable(Type.String()),
  sector: Nullable(Sector),
  strengths: Type.Array(Type.String()),
  secretaryName: Nullable(Type.String()),
  liaisonName: Nullable(Type.String()),
  contactPhoneMasked: Nullable(Type.String()),
  address: Nullable(Type.String()),
  memberCount: Type.Integer(),
});
export type Organization = Static<typeof Organization>;

export const OrganizationDetail = Type.Intersect([
  Organization,
  Type.Object({ leadingGroup: Type.Array(LeadingGroupMember), pathNames: Type.Array(Type.String()) }),
]);
export type OrganizationDetail = Static<typeof OrganizationDetail>;

export const OrganizationsQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 50 })),
    kind: Type.Optional(OrganizationKind),
    sector: Type.Optional(Sector),
    regionId: Type.Optional(Uuid),
    sort: Type.Optional(Type.Union([Type.Literal('name'), Type.Literal('memberCount'), Type.Literal('kind')])),
    order: SortOrder,
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type OrganizationsQuery = Static<typeof OrganizationsQuery>;

const OrganizationFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  code: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
  parentId: Type.Optional(Nullable(Uuid)),
  regionId: Type.Optional(Nullable(Uuid)),
  sector: Type.Optional(Nullable(Sector)),
  strengths: Type.Optional(Type.Array(Type.String({ maxLength: 30 }), { maxItems: 20 })),
  secretaryName: Type.Optional(Nullable(Name)),
  liaisonName: Type.Optional(Nullable(Name)),
  contactPhone: Type.Optional(Nullable(Phone)),
  address: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
};
export const CreateOrganizationBody = Type.Object({ kind: OrganizationKind, ...OrganizationFields }, { additionalProperties: false });
export type CreateOrganizationBody = Static<typeof CreateOrganizationBody>;
export const UpdateOrganizationBody = Type.Object(
  { ...OrganizationFields, name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateOrganizationBody = Static<typeof UpdateOrganizationBody>;
export const LeadingGroupBody = Type.Object({ members: Type.Array(LeadingGroupMember, { maxItems: 50 }) }, { additionalProperties: false });
export type LeadingGroupBody = Static<typeof LeadingGroupBody>;

// ---------- members ----------

export const Member = Type.Object({
  id: Uuid,
  name: Type.String(),
  gender: Nullable(Gender),
  birthDate: Nullable(Type.String()),
  phoneMasked: Nullable(Type.String()),
  idNumberMasked: Nullable(Type.String()),
  isPartyMember: Type.Boolean(),
  partyJoinedOn: Nullable(Type.String()),
  employerOrgId: Nullable(Uuid),
  employerName: Nullable(Type.String()),
  residenceRegionId: Nullable(Uuid),
  residenceName: Nullable(Type.String()),
  gridRegionId: Nullable(Uuid),
  gridName: Nullable(Type.String()),
  buildingRegionId: Nullable(Uuid),
  buildingName: Nullable(Type.String()),
  skills: Type.Array(Type.String()),
  status: MemberStatus,
  hasAccount: Type.Boolean(),
  updatedAt: Timestamp,
});
export type Member = Static<typeof Member>;

export const MembersQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 50, description: 'name (characters or pinyin initials), phone tail or ID tail (4 digits)' })),
    employerOrgId: Type.Optional(Uuid),
    regionId: Type.Optional(Uuid),
    status: Type.Optional(MemberStatus),
    skill: Type.Optional(Type.String({ maxLength: 30 })),
    sort: Type.Optional(Type.Union([Type.Literal('name'), Type.Literal('birthDate'), Type.Literal('partyJoinedOn'), Type.Literal('updatedAt')])),
    order: SortOrder,
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type MembersQuery = Static<typeof MembersQuery>;

const MemberFields = {
  name: Name,
  gender: Type.Optional(Nullable(Gender)),
  birthDate: Type.Optional(Nullable(DateOnly)),
  phone: Type.Optional(Nullable(Phone)),
  idNumber: Type.Optional(Nullable(IdNumber)),
  isPartyMember: Type.Optional(Type.Boolean()),
  partyJoinedOn: Type.Optional(Nullable(DateOnly)),
  employerOrgId: Type.Optional(Nullable(Uuid)),
  residenceRegionId: Type.Optional(Nullable(Uuid)),
  gridRegionId: Type.Optional(Nullable(Uuid)),
  buildingRegionId: Type.Optional(Nullable(Uuid)),
  skills: Type.Optional(Type.Array(Type.String({ maxLength: 30 }), { maxItems: 20 })),
  status: Type.Optional(MemberStatus),
};
export const CreateMemberBody = Type.Object(MemberFields, { additionalProperties: false });
export type CreateMemberBody = Static<typeof CreateMemberBody>;
export const UpdateMemberBody = Type.Object({ ...MemberFields, name: Type.Optional(Name) }, { additionalProperties: false, minProperties: 1 });
export type UpdateMemberBody = Static<typeof UpdateMemberBody>;

export const RevealBody = Type.Object(
  { field: Type.Union([Type.Literal('phone'), Type.Literal('idNumber')]), reason: Type.String({ minLength: 2, maxLength: 200 }) },
  { additionalProperties: false },
);
export type RevealBody = Static<typeof RevealBody>;
export const EraseBody = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false });
export type EraseBody = Static<typeof EraseBody>;
export const Revealed = Type.Object({ field: Type.String(), value: Nullable(Type.String()) });
export type Revealed = Static<typeof Revealed>;

// ---------- households ----------

export const HouseholdTag = Type.Object({ tag: HouseholdTagName, verifiedOn: Nullable(Type.String()) });
export type HouseholdTag = Static<typeof HouseholdTag>;

export const Household = Type.Object({
  id: Uuid,
  communityId: Uuid,
  communityName: Type.String(),
  gridId: Nullable(Uuid),
  gridName: Nullable(Type.String()),
  buildingId: Nullable(Uuid),
  buildingName: Nullable(Type.String()),
  unitNo: Nullable(Type.String()),
  room: Nullable(Type.String()),
  address: Type.String(),
  headName: Type.String(),
  headPhoneMasked: Nullable(Type.String()),
  headIdNumberMasked: Nullable(Type.String()),
  peopleCount: Type.Integer(),
  isLeadHousehold: Type.Boolean(),
  tags: Type.Array(HouseholdTag),
  notes: Nullable(Type.String()),
  updatedAt: Timestamp,
});
export type Household = Static<typeof Household>;

export const HouseholdsQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 50, description: 'head name (characters or pinyin initials), phone tail, room' })),
    regionId: Type.Optional(Uuid),
    tag: Type.Optional(HouseholdTagName),
    lead: Type.Optional(Type.Boolean()),
    sort: Type.Optional(Type.Union([Type.Literal('address'), Type.Literal('headName'), Type.Literal('peopleCount'), Type.Literal('updatedAt')])),
    order: SortOrder,
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type HouseholdsQuery = Static<typeof HouseholdsQuery>;

const HouseholdFields = {
  communityId: Uuid,
  gridId: Type.Optional(Nullable(Uuid)),
  buildingId: Type.Optional(Nullable(Uuid)),
  unitNo: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
  room: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
  headName: Name,
  headPhone: Type.Optional(Nullable(Phone)),
  headIdNumber: Type.Optional(Nullable(IdNumber)),
  peopleCount: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  isLeadHousehold: Type.Optional(Type.Boolean()),
  tags: Type.Optional(Type.Array(Type.Object({ tag: HouseholdTagName, verifiedOn: Type.Optional(Nullable(DateOnly)) }), { maxItems: 8 })),
  notes: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
};
export const CreateHouseholdBody = Type.Object(HouseholdFields, { additionalProperties: false });
export type CreateHouseholdBody = Static<typeof CreateHouseholdBody>;
export const UpdateHouseholdBody = Type.Object(
  { ...HouseholdFields, communityId: Type.Optional(Uuid), headName: Type.Optional(Name) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateHouseholdBody = Static<typeof UpdateHouseholdBody>;

// ---------- volunteer teams ----------

export const VolunteerTeam = Type.Object({
  id: Uuid,
  name: Type.String(),
  organizationId: Uuid,
  organizationName: Type.String(),
  kind: TeamKind,
  description: Nullable(Type.String()),
  memberCount: Type.Integer(),
});
export type VolunteerTeam = Static<typeof VolunteerTeam>;
export const TeamMember = Type.Object({ memberId: Uuid, name: Type.String(), phoneMasked: Nullable(Type.String()), isLeader: Type.Boolean() });
export type TeamMember = Static<typeof TeamMember>;
export const VolunteerTeamDetail = Type.Intersect([VolunteerTeam, Type.Object({ members: Type.Array(TeamMember) })]);
export type VolunteerTeamDetail = Static<typeof VolunteerTeamDetail>;
export const TeamsQuery = Type.Object({ organizationId: Type.Optional(Uuid), q: Type.Optional(Type.String({ maxLength: 50 })), ...PageQuery }, { additionalProperties: false });
export type TeamsQuery = Static<typeof TeamsQuery>;
export const CreateTeamBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100 }), organizationId: Uuid, kind: Type.Optional(TeamKind), description: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) },
  { additionalProperties: false },
);
export type CreateTeamBody = Static<typeof CreateTeamBody>;
export const TeamMembersBody = Type.Object(
  { members: Type.Array(Type.Object({ memberId: Uuid, isLeader: Type.Optional(Type.Boolean()) }), { maxItems: 500 }) },
  { additionalProperties: false },
);
export type TeamMembersBody = Static<typeof TeamMembersBody>;

// ---------- import ----------

export const ImportError = Type.Object({
  row: Type.Integer({ description: 'spreadsheet row number (the header is row 1)' }),
  column: Nullable(Type.String({ description: 'the column header' })),
  code: Type.String(),
  message: Type.String(),
});
export type ImportError = Static<typeof ImportError>;

export const ImportReport = Type.Object({
  batchId: Uuid,
  kind: ImportKind,
  fileName: Type.String(),
  status: Type.Union([Type.Literal('validated'), Type.Literal('committed'), Type.Literal('discarded')]),
  totalRows: Type.Integer(),
  validRows: Type.Integer(),
  errorRows: Type.Integer(),
  /** Of the valid rows: how many are new, how many change an existing record, how many match one exactly. */
  toCreate: Type.Integer(),
  toUpdate: Type.Integer(),
  unchanged: Type.Integer(),
  errors: Type.Array(ImportError),
  preview: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  createdAt: Timestamp,
  committedAt: Nullable(Timestamp),
});
export type ImportReport = Static<typeof ImportReport>;

export const ImportKindParams = Type.Object({ kind: ImportKind });
export const ImportUploadQuery = Type.Object({ fileName: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false });
export const ExportQuery = Type.Object({ full: Type.Optional(Type.Boolean({ description: 'unmasked personal data (needs the reveal permission; audited)' })) });
