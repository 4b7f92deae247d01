/** Contract of the admin module: users, role assignments, roles, scopes and the audit log. */
import Type, { type Static } from 'typebox';
import { Nullable, PageQuery, Timestamp, Uuid } from './common';
import { RoleAssignment, RoleName, ScopeTypeName } from './auth';

export const User = Type.Object({
  id: Uuid,
  account: Type.String(),
  displayName: Type.String(),
  phoneMasked: Nullable(Type.String()),
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
  lastLoginAt: Nullable(Timestamp),
  createdAt: Timestamp,
  roles: Type.Array(RoleAssignment),
});
export type User = Static<typeof User>;

export const AccountName = Type.String({ minLength: 2, maxLength: 64, pattern: '^[A-Za-z0-9_.@-]+$' });
export const Phone = Type.String({ minLength: 5, maxLength: 20, pattern: '^[+0-9 -]+$' });
export const DisplayName = Type.String({ minLength: 1, maxLength: 64 });

export const ListUsersQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 64 })),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
    role: Type.Optional(RoleName),
    sort: Type.Optional(Type.Union([Type.Literal('account'), Type.Literal('displayName'), Type.Literal('createdAt')])),
    order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ListUsersQuery = Static<typeof ListUsersQuery>;

export const AssignmentTarget = {
  role: RoleName,
  scopeType: ScopeTypeName,
  scopeId: Type.Optional(Nullable(Uuid)),
};

export const CreateUserBody = Type.Object(
  {
    account: AccountName,
    displayName: DisplayName,
    phone: Type.Optional(Nullable(Phone)),
    password: Type.String({ minLength: 1, maxLength: 256 }),
    ...AssignmentTarget,
  },
  { additionalProperties: false },
);
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(DisplayName),
    phone: Type.Optional(Nullable(Phone)),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const ResetPasswordBody = Type.Object({ newPassword: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false });
export type ResetPasswordBody = Static<typeof ResetPasswordBody>;

export const CreateAssignmentBody = Type.Object({ userId: Uuid, ...AssignmentTarget }, { additionalProperties: false });
export type CreateAssignmentBody = Static<typeof CreateAssignmentBody>;

export const RoleInfo = Type.Object({
  role: RoleName,
  permissions: Type.Array(Type.String()),
  scopeTypes: Type.Array(ScopeTypeName),
  /** Kinds of region / organisation the role may be held at (empty: any of that type). */
  regionKinds: Type.Array(Type.String()),
  organizationKinds: Type.Array(Type.String()),
});

export const ScopesQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 64 })),
    type: Type.Optional(Type.Union([Type.Literal('region'), Type.Literal('organization')])),
    role: Type.Optional(RoleName),
  },
  { additionalProperties: false },
);
export type ScopesQuery = Static<typeof ScopesQuery>;

export const ScopeOption = Type.Object({
  type: Type.Union([Type.Literal('region'), Type.Literal('organization')]),
  id: Uuid,
  name: Type.String(),
  kind: Type.String(),
  pathNames: Type.Array(Type.String()),
});
export type ScopeOption = Static<typeof ScopeOption>;

export const AuditEvent = Type.Object({
  id: Type.String(),
  at: Timestamp,
  actorUserId: Nullable(Type.String()),
  actorAccount: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  userAgent: Nullable(Type.String()),
  requestId: Nullable(Type.String()),
  action: Type.String(),
  entityType: Nullable(Type.String()),
  entityId: Nullable(Type.String()),
  before: Type.Unknown(),
  after: Type.Unknown(),
  outcome: Type.Union([Type.Literal('success'), Type.Literal('failure'), Type.Literal('denied')]),
});
export type AuditEvent = Static<typeof AuditEvent>;

export const ListAuditQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    actor: Type.Optional(Type.String({ maxLength: 64 })),
    action: Type.Optional(Type.String({ maxLength: 100 })),
    entityType: Type.Optional(Type.String({ maxLength: 64 })),
    entityId: Type.Optional(Type.String({ maxLength: 100 })),
    outcome: Type.Optional(Type.Union([Type.Literal('success'), Type.Literal('failure'), Type.Literal('denied')])),
    from: Type.Optional(Type.String({ maxLength: 40, description: 'ISO date or date-time, inclusive' })),
    to: Type.Optional(Type.String({ maxLength: 40, description: 'ISO date or date-time, exclusive' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type ListAuditQuery = Static<typeof ListAuditQuery>;
