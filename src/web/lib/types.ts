// Shapes of the /api/v1 responses the web client reads.
// When src/contracts exports the same types (TypeBox `Static<>`), import them from there instead.

export const ROLES = [
  'system_admin',
  'supervisor',
  'street_staff',
  'community_staff',
  'unit_admin',
  'member',
  'resident',
] as const;
export type Role = (typeof ROLES)[number];

export const SCOPE_TYPES = ['system', 'region', 'organization'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

export type UserStatus = 'active' | 'disabled';

export interface RoleAssignment {
  id: string;
  userId: string;
  role: Role;
  scopeType: ScopeType;
  scopeId: string | null;
  scopeName: string | null;
  createdAt: string;
}

export interface CurrentUser {
  id: string;
  account: string;
  displayName: string;
  phoneMasked: string | null;
  status: UserStatus;
  mustChangePassword: boolean;
  roles: RoleAssignment[];
  permissions: string[];
}

export interface SessionResponse {
  user: CurrentUser;
  csrfToken: string;
}

export interface User {
  id: string;
  account: string;
  displayName: string;
  phoneMasked: string | null;
  status: UserStatus;
  lastLoginAt: string | null;
  createdAt: string;
  roles: RoleAssignment[];
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export type CreatedApiToken = ApiToken & { token: string };

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEvent {
  id: string;
  at: string;
  actorUserId: string | null;
  actorAccount: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  before: unknown;
  after: unknown;
  outcome: AuditOutcome;
}

export interface RoleDefinition {
  role: Role;
  permissions: string[];
  scopeTypes: ScopeType[];
}

export type ScopeSearchType = Exclude<ScopeType, 'system'>;

export interface ScopeOption {
  type: ScopeSearchType;
  id: string;
  name: string;
  kind: string;
  pathNames: string[];
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface ItemList<T> {
  items: T[];
}
