/** The database as Kysely sees it: one interface per table, named as in the migrations. */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type RegionKind = 'city' | 'district' | 'street' | 'community' | 'grid' | 'building';
export type OrganizationKind = 'supervisor' | 'street' | 'community' | 'grid_branch' | 'building_group' | 'unit' | 'alliance';
export type ScopeType = 'system' | 'region' | 'organization';
export type UserStatus = 'active' | 'disabled';
export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface RegionTable {
  id: Generated<string>;
  parent_id: string | null;
  kind: RegionKind;
  name: string;
  code: string | null;
  path: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface OrganizationTable {
  id: Generated<string>;
  parent_id: string | null;
  kind: OrganizationKind;
  name: string;
  region_id: string | null;
  path: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface AppUserTable {
  id: Generated<string>;
  account: string;
  display_name: string;
  phone_hash: string | null;
  phone_encrypted: string | null;
  phone_masked: string | null;
  password_hash: string;
  password_changed_at: Timestamp;
  must_change_password: Generated<boolean>;
  status: Generated<UserStatus>;
  last_login_at: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface PasswordHistoryTable {
  id: Generated<number>;
  user_id: string;
  password_hash: string;
  changed_at: Timestamp;
}

export interface RoleAssignmentTable {
  id: Generated<string>;
  user_id: string;
  role: string;
  scope_type: ScopeType;
  region_id: string | null;
  organization_id: string | null;
  created_at: CreatedAt;
  created_by: string | null;
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginFailureTable {
  id: Generated<number>;
  account_key: string;
  ip: string | null;
  at: Timestamp;
}

export interface LoginLockTable {
  account_key: string;
  locked_until: Date;
}

export interface ApiTokenTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  scopes: string[];
  created_at: CreatedAt;
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: CreatedAt;
  actor_user_id: string | null;
  actor_account: string | null;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  outcome: AuditOutcome;
}

export interface AppSettingTable {
  key: string;
  value: unknown;
  updated_at: Timestamp;
}

export interface DB {
  region: RegionTable;
  organization: OrganizationTable;
  app_user: AppUserTable;
  password_history: PasswordHistoryTable;
  role_assignment: RoleAssignmentTable;
  session: SessionTable;
  login_failure: LoginFailureTable;
  login_lock: LoginLockTable;
  api_token: ApiTokenTable;
  audit_event: AuditEventTable;
  app_setting: AppSettingTable;
}

export type Region = Selectable<RegionTable>;
export type NewRegion = Insertable<RegionTable>;
export type Organization = Selectable<OrganizationTable>;
export type AppUser = Selectable<AppUserTable>;
export type AppUserUpdate = Updateable<AppUserTable>;
export type RoleAssignmentRow = Selectable<RoleAssignmentTable>;
