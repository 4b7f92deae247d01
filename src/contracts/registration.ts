/** Contract of the registration module: 双报到 (reporting in), cycles, pairings and agreements. */
import Type, { type Static } from 'typebox';
import { BulkIds, CursorQuery, Nullable, PageQuery, Timestamp, Uuid } from './common';

const DateOnly = Type.String({ format: 'date', maxLength: 10 });
const Text = (max: number) => Type.String({ maxLength: max });

// ---------- cycles ----------

export const RegistrationCycle = Type.Object({
  id: Uuid,
  name: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  current: Type.Boolean(),
  createdAt: Timestamp,
});
export type RegistrationCycle = Static<typeof RegistrationCycle>;

export const CreateCycleBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 50 }), startsOn: DateOnly, endsOn: DateOnly },
  { additionalProperties: false },
);
export type CreateCycleBody = Static<typeof CreateCycleBody>;

// ---------- registrations ----------

export const RegistrationKind = Type.Union([Type.Literal('unit'), Type.Literal('member')]);
export type RegistrationKind = Static<typeof RegistrationKind>;
export const RegistrationStatus = Type.Union([Type.Literal('pending'), Type.Literal('confirmed'), Type.Literal('rejected'), Type.Literal('ended')]);
export type RegistrationStatus = Static<typeof RegistrationStatus>;

export const Registration = Type.Object({
  id: Uuid,
  kind: RegistrationKind,
  status: RegistrationStatus,
  cycleId: Uuid,
  cycleName: Type.String(),
  communityId: Uuid,
  communityName: Type.String(),
  streetName: Nullable(Type.String()),
  unitOrgId: Nullable(Uuid),
  unitName: Nullable(Type.String()),
  memberId: Nullable(Uuid),
  memberName: Nullable(Type.String()),
  memberPhoneMasked: Nullable(Type.String()),
  /** The member asked to correct the residence in the directory to this community. */
  residenceCorrection: Type.Boolean(),
  appliedAt: Timestamp,
  decidedAt: Nullable(Timestamp),
  rejectReason: Nullable(Type.String()),
  cardNo: Nullable(Type.String()),
  endedAt: Nullable(Timestamp),
  endReason: Nullable(Type.String()),
});
export type Registration = Static<typeof Registration>;

export const RegistrationsQuery = Type.Object(
  {
    kind: Type.Optional(RegistrationKind),
    status: Type.Optional(RegistrationStatus),
    cycleId: Type.Optional(Uuid),
    communityId: Type.Optional(Uuid),
    unitOrgId: Type.Optional(Uuid),
    q: Type.Optional(Type.String({ maxLength: 50 })),
    mine: Type.Optional(Type.Boolean({ description: 'only the caller’s own (member) registrations' })),
    ...PageQuery,
    ...CursorQuery,
  },
  { additionalProperties: false },
);
export type RegistrationsQuery = Static<typeof RegistrationsQuery>;

/** A member reports in where he or she lives; a unit reports in to a paired community. */
export const ReportInBody = Type.Object(
  {
    kind: RegistrationKind,
    /** For a unit: the paired community. For a member: omit to use the residence in the directory, or name another community to ask for a correction. */
    communityId: Type.Optional(Uuid),
    /** For a unit: which unit (a unit admin of several). For a member: omitted (the caller). */
    unitOrgId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type ReportInBody = Static<typeof ReportInBody>;

export const RejectBody = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false });
export type RejectBody = Static<typeof RejectBody>;

/** The filters of the registration queue that a bulk decision can take instead of ids (only pending rows in the caller's reach). */
export const RegistrationFilter = Type.Object(
  {
    kind: Type.Optional(RegistrationKind),
    cycleId: Type.Optional(Uuid),
    communityId: Type.Optional(Uuid),
    unitOrgId: Type.Optional(Uuid),
    q: Type.Optional(Type.String({ maxLength: 50 })),
  },
  { additionalProperties: false },
);
export type RegistrationFilter = Static<typeof RegistrationFilter>;

/** Confirm or reject many registrations at once: the chosen ids, or every pending one the filter matches. All or nothing. */
export const BulkRegistrationDecisionBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('confirm'), Type.Literal('reject')]),
    ids: Type.Optional(BulkIds),
    filter: Type.Optional(RegistrationFilter),
    /** One reason for every rejection (required to reject). */
    reason: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type BulkRegistrationDecisionBody = Static<typeof BulkRegistrationDecisionBody>;

/** What a bulk decision did, row by row. */
export const BulkRegistrationDecision = Type.Object({
  decided: Type.Integer(),
  items: Type.Array(Type.Object({ id: Uuid, status: RegistrationStatus, cardNo: Nullable(Type.String()) })),
});
export type BulkRegistrationDecision = Static<typeof BulkRegistrationDecision>;

export const RegistrationCard = Type.Object({
  cardNo: Type.String(),
  kind: RegistrationKind,
  holderName: Type.String(),
  unitName: Nullable(Type.String()),
  communityName: Type.String(),
  streetName: Nullable(Type.String()),
  cycleName: Type.String(),
  confirmedAt: Timestamp,
  status: RegistrationStatus,
  /** The public page anyone can open (scan) to check the card. */
  verifyUrl: Type.String(),
  /** The QR code of verifyUrl as an SVG document. */
  qrSvg: Type.String(),
});
export type RegistrationCard = Static<typeof RegistrationCard>;

export const CardVerification = Type.Object({
  valid: Type.Boolean(),
  cardNo: Type.String(),
  kind: Nullable(RegistrationKind),
  /** Masked (张**) for members. */
  holderName: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  communityName: Nullable(Type.String()),
  cycleName: Nullable(Type.String()),
  confirmedAt: Nullable(Timestamp),
  status: Nullable(RegistrationStatus),
});
export type CardVerification = Static<typeof CardVerification>;
export const CardNoParams = Type.Object({ cardNo: Type.String({ minLength: 6, maxLength: 40, pattern: '^[A-Z0-9-]+$' }) });

export const MissingQuery = Type.Object(
  {
    kind: RegistrationKind,
    cycleId: Type.Optional(Uuid),
    /** A street, community (or the city): who is missing there. */
    regionId: Type.Optional(Uuid),
    unitOrgId: Type.Optional(Uuid),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type MissingQuery = Static<typeof MissingQuery>;

export const MissingEntry = Type.Object({
  kind: RegistrationKind,
  memberId: Nullable(Uuid),
  memberName: Nullable(Type.String()),
  memberPhoneMasked: Nullable(Type.String()),
  unitOrgId: Nullable(Uuid),
  unitName: Nullable(Type.String()),
  communityId: Nullable(Uuid),
  communityName: Nullable(Type.String()),
  streetName: Nullable(Type.String()),
});
export type MissingEntry = Static<typeof MissingEntry>;

export const ReminderBody = Type.Object({ kind: RegistrationKind, cycleId: Type.Optional(Uuid), regionId: Type.Optional(Uuid), unitOrgId: Type.Optional(Uuid) }, { additionalProperties: false });
export type ReminderBody = Static<typeof ReminderBody>;

// ---------- pairings ----------

export const LeadingGroupEntry = Type.Object({ name: Type.String(), post: Type.String(), title: Nullable(Type.String()) });
export type LeadingGroupEntry = Static<typeof LeadingGroupEntry>;

export const PairingStatus = Type.Union([Type.Literal('proposed'), Type.Literal('active'), Type.Literal('declined'), Type.Literal('ended')]);
export type PairingStatus = Static<typeof PairingStatus>;
export const PairingSide = Type.Union([Type.Literal('unit'), Type.Literal('community'), Type.Literal('supervisor')]);
export type PairingSide = Static<typeof PairingSide>;

export const Pairing = Type.Object({
  id: Uuid,
  unitOrgId: Uuid,
  unitName: Type.String(),
  communityId: Uuid,
  communityName: Type.String(),
  /** The community's party organisation (甲方 of an agreement), when the directory has it. */
  communityOrgName: Nullable(Type.String()),
  village: Type.Boolean(),
  streetName: Nullable(Type.String()),
  status: PairingStatus,
  proposedBySide: PairingSide,
  note: Nullable(Type.String()),
  createdAt: Timestamp,
  decidedAt: Nullable(Timestamp),
  endedAt: Nullable(Timestamp),
  endReason: Nullable(Type.String()),
  /** The agreement in force (or the latest), if any. */
  agreementId: Nullable(Uuid),
  agreementStatus: Nullable(Type.String()),
  /** The leading groups and liaisons of both sides, visible to both. */
  unitLiaison: Nullable(Type.String()),
  unitSecretary: Nullable(Type.String()),
  communityLiaison: Nullable(Type.String()),
  communitySecretary: Nullable(Type.String()),
  /** Both sides' leading groups (领导小组), visible to both. */
  unitLeadingGroup: Type.Array(LeadingGroupEntry),
  communityLeadingGroup: Type.Array(LeadingGroupEntry),
});
export type Pairing = Static<typeof Pairing>;

export const PairingsQuery = Type.Object(
  {
    status: Type.Optional(PairingStatus),
    unitOrgId: Type.Optional(Uuid),
    communityId: Type.Optional(Uuid),
    regionId: Type.Optional(Uuid),
    withoutAgreement: Type.Optional(Type.Boolean({ description: 'active pairs with no agreement in force' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type PairingsQuery = Static<typeof PairingsQuery>;

export const ProposePairingBody = Type.Object(
  { unitOrgId: Uuid, communityId: Uuid, note: Type.Optional(Nullable(Text(500))) },
  { additionalProperties: false },
);
export type ProposePairingBody = Static<typeof ProposePairingBody>;
export const EndBody = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false });
export type EndBody = Static<typeof EndBody>;

// ---------- agreements ----------

export const AgreementStatus = Type.Union([
  Type.Literal('draft'),
  Type.Literal('signed_by_one'),
  Type.Literal('signed_by_both'),
  Type.Literal('in_force'),
  Type.Literal('expired'),
  Type.Literal('ended'),
]);
export type AgreementStatus = Static<typeof AgreementStatus>;
/** Side a (甲方) is the community, side b (乙方) the unit. */
export const AgreementSide = Type.Union([Type.Literal('a'), Type.Literal('b')]);
export type AgreementSide = Static<typeof AgreementSide>;

export const AgreementTask = Type.Object({
  side: AgreementSide,
  description: Type.String({ minLength: 1, maxLength: 500 }),
  owner: Type.Optional(Nullable(Text(50))),
  dueOn: Type.Optional(Nullable(DateOnly)),
});
export type AgreementTask = Static<typeof AgreementTask>;

export const Agreement = Type.Object({
  id: Uuid,
  pairingId: Uuid,
  title: Type.String(),
  partyA: Type.String(),
  partyB: Type.String(),
  termStart: Type.String(),
  termEnd: Type.String(),
  goals: Type.String(),
  principles: Type.String(),
  tasks: Type.Array(AgreementTask),
  filedWith: Nullable(Type.String()),
  endCondition: Nullable(Type.String()),
  status: AgreementStatus,
  signatoryA: Nullable(Type.String()),
  signedAAt: Nullable(Timestamp),
  signatoryB: Nullable(Type.String()),
  signedBAt: Nullable(Timestamp),
  endedAt: Nullable(Timestamp),
  endReason: Nullable(Type.String()),
  /** Days until termEnd while in force (for reminders). */
  daysLeft: Nullable(Type.Integer()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Agreement = Static<typeof Agreement>;

export const AgreementsQuery = Type.Object(
  {
    status: Type.Optional(AgreementStatus),
    pairingId: Type.Optional(Uuid),
    expiringWithinDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type AgreementsQuery = Static<typeof AgreementsQuery>;

const AgreementFields = {
  title: Type.String({ minLength: 1, maxLength: 100 }),
  termStart: DateOnly,
  termEnd: DateOnly,
  goals: Type.Optional(Text(4000)),
  principles: Type.Optional(Text(4000)),
  tasks: Type.Optional(Type.Array(AgreementTask, { maxItems: 50 })),
  filedWith: Type.Optional(Nullable(Text(100))),
  endCondition: Type.Optional(Nullable(Text(500))),
};
export const CreateAgreementBody = Type.Object({ pairingId: Uuid, ...AgreementFields }, { additionalProperties: false });
export type CreateAgreementBody = Static<typeof CreateAgreementBody>;
export const UpdateAgreementBody = Type.Object(
  { ...AgreementFields, title: Type.Optional(AgreementFields.title), termStart: Type.Optional(DateOnly), termEnd: Type.Optional(DateOnly) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateAgreementBody = Static<typeof UpdateAgreementBody>;
export const SignBody = Type.Object({ side: AgreementSide, signatory: Type.String({ minLength: 1, maxLength: 50 }) }, { additionalProperties: false });
export type SignBody = Static<typeof SignBody>;

// ---------- dashboard ----------

export const RegistrationStatsQuery = Type.Object({ cycleId: Type.Optional(Uuid), regionId: Type.Optional(Uuid) }, { additionalProperties: false });
export type RegistrationStatsQuery = Static<typeof RegistrationStatsQuery>;

export const AreaStats = Type.Object({
  regionId: Uuid,
  name: Type.String(),
  kind: Type.String(),
  unitsExpected: Type.Integer(),
  unitsReported: Type.Integer(),
  membersExpected: Type.Integer(),
  membersReported: Type.Integer(),
  pending: Type.Integer(),
});
export type AreaStats = Static<typeof AreaStats>;

/** One place of the statistics tree: the figures of every community under it. */
export const StatsNode = Type.Object({ ...AreaStats.properties, parentId: Nullable(Uuid) });
export type StatsNode = Static<typeof StatsNode>;

export const RegistrationStats = Type.Object({
  cycle: Nullable(RegistrationCycle),
  totals: AreaStats,
  /** One row per street (or per community when the caller reaches one street or less). */
  areas: Type.Array(AreaStats),
  /**
   * The whole tree under the caller (district → street → community), parents before children,
   * each place with the sums of its communities. A unit admin's tree holds the communities its
   * units are paired with or its members live in, counting only its own units and members.
   */
  tree: Type.Array(StatsNode),
  /** Confirmations per week of the cycle. */
  weekly: Type.Array(Type.Object({ week: Type.String(), units: Type.Integer(), members: Type.Integer() })),
  agreements: Type.Object({ inForce: Type.Integer(), expiringIn30Days: Type.Integer(), pairsWithout: Type.Integer() }),
});
export type RegistrationStats = Static<typeof RegistrationStats>;
