/** Accounts for members and residents: first-run status, linking, bulk accounts with activation codes, activation and self-activation. */
import Type, { type Static } from 'typebox';
import { Nullable, Timestamp, Uuid } from './common';

export const SetupStatus = Type.Object({
  /** True while there is no region yet: the web app opens the setup page. */
  needsSetup: Type.Boolean(),
  /** Counts for a system administrator; null for everyone else. */
  counts: Nullable(
    Type.Object({
      regions: Type.Integer(),
      organizations: Type.Integer(),
      members: Type.Integer(),
      households: Type.Integer(),
      memberAccounts: Type.Integer(),
      activatedAccounts: Type.Integer(),
    }),
  ),
});
export type SetupStatus = Static<typeof SetupStatus>;

const Account = Type.String({ minLength: 2, maxLength: 64 });
const Password = Type.String({ minLength: 1, maxLength: 256 });

export const LinkAccountBody = Type.Object({ account: Account }, { additionalProperties: false });
export type LinkAccountBody = Static<typeof LinkAccountBody>;

export const MemberAccount = Type.Object({
  memberId: Uuid,
  userId: Nullable(Uuid),
  account: Nullable(Type.String()),
  activated: Type.Boolean(),
});
export type MemberAccount = Static<typeof MemberAccount>;

/** Exactly one way to choose the members: ids, a unit's members, or a community's (optionally only those reported in). */
export const BulkAccountsBody = Type.Object(
  {
    memberIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 10_000, uniqueItems: true })),
    organizationId: Type.Optional(Uuid),
    communityId: Type.Optional(Uuid),
    /** With communityId: only members with a confirmed registration in that community. */
    reportedIn: Type.Optional(Type.Boolean()),
    /** A name filter on top of the chosen set (characters or pinyin initials). */
    q: Type.Optional(Type.String({ maxLength: 50 })),
    /** Days until the codes expire; the configured default (14) when left out. */
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
  },
  { additionalProperties: false },
);
export type BulkAccountsBody = Static<typeof BulkAccountsBody>;

export const IssuedAccount = Type.Object({
  memberId: Uuid,
  name: Type.String(),
  account: Type.String(),
  phoneMasked: Nullable(Type.String()),
  /** The one-time activation code, shown only in this answer. */
  code: Type.String(),
});
export type IssuedAccount = Static<typeof IssuedAccount>;

export const BulkAccountsResult = Type.Object({
  created: Type.Integer(),
  /** Members chosen who already have an activated account (left as they are). */
  skipped: Type.Integer(),
  expiresAt: Timestamp,
  items: Type.Array(IssuedAccount),
});
export type BulkAccountsResult = Static<typeof BulkAccountsResult>;

export const ActivateBody = Type.Object(
  { account: Account, code: Type.String({ minLength: 8, maxLength: 40 }), password: Password },
  { additionalProperties: false },
);
export type ActivateBody = Static<typeof ActivateBody>;

export const SelfActivateBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('member'), Type.Literal('resident')]),
    name: Type.String({ minLength: 1, maxLength: 50 }),
    phone: Type.String({ minLength: 5, maxLength: 20, pattern: '^[+0-9 -]+$' }),
    idLast6: Type.String({ minLength: 6, maxLength: 6, pattern: '^[0-9]{5}[0-9Xx]$' }),
    password: Password,
  },
  { additionalProperties: false },
);
export type SelfActivateBody = Static<typeof SelfActivateBody>;

export const ActivatedAccount = Type.Object({ account: Type.String() });
export type ActivatedAccount = Static<typeof ActivatedAccount>;
