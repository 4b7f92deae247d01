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
  village: Generated<boolean>;
  sort_order: Generated<number>;
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
  sector: Sector | null;
  strengths: Generated<string[]>;
  secretary_name: string | null;
  liaison_name: string | null;
  contact_phone_encrypted: string | null;
  contact_phone_masked: string | null;
  address: string | null;
  code: string | null;
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

export type Sector = 'agency' | 'institution' | 'state_enterprise' | 'private_enterprise' | 'school' | 'hospital' | 'social_organization' | 'other';
export type MemberStatus = 'active' | 'transferred' | 'deceased' | 'left';
export type Gender = 'male' | 'female';
export type HouseholdTagName =
  | 'low_income'
  | 'disability'
  | 'elderly_alone'
  | 'member_in_hardship'
  | 'five_guarantees'
  | 'veteran'
  | 'left_behind_child'
  | 'serious_illness';
export type LeadingGroupPost = 'leader' | 'deputy_leader' | 'member' | 'office_director' | 'liaison';
export type TeamKind = 'volunteer' | 'emergency' | 'professional' | 'party_service';
export type ImportKind = 'members' | 'households' | 'organizations';

export interface RegionHistoryTable {
  id: Generated<number>;
  region_id: string;
  at: CreatedAt;
  action: 'create' | 'rename' | 'move' | 'update';
  before: unknown;
  after: unknown;
  actor_user_id: string | null;
}

export interface LeadingGroupMemberTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  post: LeadingGroupPost;
  title: string | null;
  sort_order: Generated<number>;
}

export interface MemberTable {
  id: Generated<string>;
  name: string;
  name_initials: string;
  gender: Gender | null;
  birth_date: string | null;
  phone_encrypted: string | null;
  phone_hash: string | null;
  phone_masked: string | null;
  phone_tail: string | null;
  id_number_encrypted: string | null;
  id_number_hash: string | null;
  id_number_masked: string | null;
  id_tail: string | null;
  is_party_member: Generated<boolean>;
  party_joined_on: string | null;
  employer_org_id: string | null;
  residence_region_id: string | null;
  grid_region_id: string | null;
  building_region_id: string | null;
  household_id: string | null;
  skills: Generated<string[]>;
  status: Generated<MemberStatus>;
  user_id: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface HouseholdTable {
  id: Generated<string>;
  community_id: string;
  grid_id: string | null;
  building_id: string | null;
  unit_no: string | null;
  room: string | null;
  head_name: string;
  head_name_initials: string;
  head_phone_encrypted: string | null;
  head_phone_hash: string | null;
  head_phone_masked: string | null;
  head_phone_tail: string | null;
  head_id_number_encrypted: string | null;
  head_id_number_hash: string | null;
  head_id_number_masked: string | null;
  people_count: Generated<number>;
  is_lead_household: Generated<boolean>;
  lead_member_id: string | null;
  notes: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface HouseholdTagTable {
  household_id: string;
  tag: HouseholdTagName;
  verified_on: string | null;
  verified_by: string | null;
}

export interface VolunteerTeamTable {
  id: Generated<string>;
  name: string;
  organization_id: string;
  kind: Generated<TeamKind>;
  description: string | null;
  created_at: CreatedAt;
}

export interface VolunteerTeamMemberTable {
  team_id: string;
  member_id: string;
  is_leader: Generated<boolean>;
  joined_on: Generated<string>;
}

export interface ImportBatchTable {
  id: Generated<string>;
  kind: ImportKind;
  file_name: string;
  file_hash: string;
  status: Generated<'validated' | 'committed' | 'discarded'>;
  total_rows: number;
  valid_rows: number;
  error_rows: number;
  errors: unknown;
  rows: unknown;
  result: unknown;
  created_by: string | null;
  created_at: CreatedAt;
  committed_at: Date | null;
}

export interface RegistrationCycleTable {
  id: Generated<string>;
  name: string;
  starts_on: string;
  ends_on: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface PairingTable {
  id: Generated<string>;
  unit_org_id: string;
  community_id: string;
  status: 'proposed' | 'active' | 'declined' | 'ended';
  proposed_by_side: 'unit' | 'community' | 'supervisor';
  proposed_by: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  ended_at: Date | null;
  end_reason: string | null;
  note: string | null;
  created_at: CreatedAt;
}

export interface RegistrationTable {
  id: Generated<string>;
  kind: 'unit' | 'member';
  cycle_id: string;
  unit_org_id: string | null;
  member_id: string | null;
  community_id: string;
  status: Generated<'pending' | 'confirmed' | 'rejected' | 'ended'>;
  residence_correction: Generated<boolean>;
  applied_by: string | null;
  applied_at: CreatedAt;
  decided_by: string | null;
  decided_at: Date | null;
  reject_reason: string | null;
  card_no: string | null;
  ended_at: Date | null;
  end_reason: string | null;
}

export interface AgreementTable {
  id: Generated<string>;
  pairing_id: string;
  title: string;
  party_a: string;
  party_b: string;
  term_start: string;
  term_end: string;
  goals: Generated<string>;
  principles: Generated<string>;
  filed_with: string | null;
  end_condition: string | null;
  status: Generated<'draft' | 'signed_by_one' | 'signed_by_both' | 'ended'>;
  signatory_a: string | null;
  signed_a_at: Date | null;
  signed_a_by: string | null;
  signatory_b: string | null;
  signed_b_at: Date | null;
  signed_b_by: string | null;
  ended_at: Date | null;
  end_reason: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface AgreementTaskTable {
  id: Generated<string>;
  agreement_id: string;
  side: 'a' | 'b';
  description: string;
  owner: string | null;
  due_on: string | null;
  sort_order: Generated<number>;
}

export interface NotificationTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  title: string;
  body: Generated<string>;
  link: string | null;
  dedupe_key: string | null;
  created_at: CreatedAt;
  read_at: Date | null;
}

export interface DB {
  registration_cycle: RegistrationCycleTable;
  pairing: PairingTable;
  registration: RegistrationTable;
  agreement: AgreementTable;
  agreement_task: AgreementTaskTable;
  notification: NotificationTable;
  region_history: RegionHistoryTable;
  leading_group_member: LeadingGroupMemberTable;
  member: MemberTable;
  household: HouseholdTable;
  household_tag: HouseholdTagTable;
  volunteer_team: VolunteerTeamTable;
  volunteer_team_member: VolunteerTeamMemberTable;
  import_batch: ImportBatchTable;
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
