/** Contract of the auth module: login, the current user, sessions, passwords, API tokens. */
import Type, { type Static } from 'typebox';
import { Nullable, Timestamp, Uuid } from './common';

export const RoleName = Type.Union([
  Type.Literal('system_admin'),
  Type.Literal('supervisor'),
  Type.Literal('street_staff'),
  Type.Literal('community_staff'),
  Type.Literal('unit_admin'),
  Type.Literal('member'),
  Type.Literal('resident'),
]);
export const ScopeTypeName = Type.Union([Type.Literal('system'), Type.Literal('region'), Type.Literal('organization')]);

export const RoleAssignment = Type.Object({
  id: Uuid,
  userId: Uuid,
  role: RoleName,
  scopeType: ScopeTypeName,
  scopeId: Nullable(Uuid),
  scopeName: Nullable(Type.String()),
  createdAt: Timestamp,
});
export type RoleAssignment = Static<typeof RoleAssignment>;

export const CurrentUser = Type.Object({
  id: Uuid,
  account: Type.String(),
  displayName: Type.String(),
  phoneMasked: Nullable(Type.String()),
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
  mustChangePassword: Type.Boolean(),
  roles: Type.Array(RoleAssignment),
  permissions: Type.Array(Type.String()),
});
export type CurrentUser = Static<typeof CurrentUser>;

export const LoginBody = Type.Object(
  {
    account: Type.String({ minLength: 1, maxLength: 64, description: 'Account name or mobile phone number' }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const SessionResponse = Type.Object({ user: CurrentUser, csrfToken: Type.String() });
export type SessionResponse = Static<typeof SessionResponse>;

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
    newPassword: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

export const ApiToken = Type.Object({
  id: Uuid,
  name: Type.String(),
  prefix: Type.String(),
  scopes: Type.Array(Type.String()),
  createdAt: Timestamp,
  lastUsedAt: Nullable(Timestamp),
  expiresAt: Nullable(Timestamp),
  revokedAt: Nullable(Timestamp),
});
export type ApiToken = Static<typeof ApiToken>;

export const CreateTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    scopes: Type.Array(Type.String({ maxLength: 100 }), { minItems: 1, maxItems: 50 }),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  },
  { additionalProperties: false },
);
export type CreateTokenBody = Static<typeof CreateTokenBody>;

export const CreatedToken = Type.Intersect([ApiToken, Type.Object({ token: Type.String() })]);
