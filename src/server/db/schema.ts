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
  /** When the account's owner first set a password (bulk accounts start without one). */
  activated_at: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ActivationCodeTable {
  id: Generated<string>;
  user_id: string;
  /** HMAC-SHA-256 of the code under the personal-data hash key; the code itself is never stored. */
  code_hash: string;
  expires_at: Timestamp;
  used_at: Date | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface ActivationFailureTable {
  id: Generated<number>;
  key: string;
  at: CreatedAt;
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
export type ImportKind = 'members' | 'households' | 'organizations' | 'regions';

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
  /** Keyed hash of the ID number's last six characters (self-activation). */
  id_last6_hash: string | null;
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
  head_id_last6_hash: string | null;
  /** The head's account (a resident), when linked. */
  user_id: Generated<string | null>;
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
  /** jsonb: the kind's parameters (src/contracts/notifications.ts); written as JSON text. */
  params: ColumnType<unknown, string | undefined, string>;
  link: string | null;
  dedupe_key: string | null;
  created_at: CreatedAt;
  read_at: Date | null;
}

// ---------- three lists (三单式服务) ----------

export type ListCategory =
  | 'environment'
  | 'elderly_care'
  | 'children'
  | 'education'
  | 'legal_aid'
  | 'health'
  | 'disability'
  | 'employment'
  | 'culture'
  | 'safety'
  | 'emergency'
  | 'infrastructure'
  | 'party_building'
  | 'other';

export interface UploadTable {
  id: Generated<string>;
  sha256: string;
  mime: string;
  size: number;
  file_name: string;
  has_thumbnail: Generated<boolean>;
  uploaded_by: string | null;
  created_at: CreatedAt;
}

export interface NeedTable {
  id: Generated<string>;
  community_id: string;
  title: string;
  description: Generated<string>;
  category: ListCategory;
  /** Further categories besides the main one (matching counts any shared one). */
  extra_categories: Generated<ListCategory[]>;
  place: string | null;
  starts_on: string | null;
  ends_on: string | null;
  people_needed: number | null;
  budget_yuan: number | null;
  materials: string | null;
  priority: Generated<'low' | 'normal' | 'high' | 'urgent'>;
  beneficiaries: string | null;
  status: Generated<'draft' | 'published' | 'closed'>;
  close_reason: string | null;
  /** Matching terms, space-separated (domain/lists/text.ts), computed on write. */
  tokens: Generated<string>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  published_at: Date | null;
}

export interface NeedAttachmentTable {
  need_id: string;
  upload_id: string;
}

export interface ResourceTable {
  id: Generated<string>;
  unit_org_id: string;
  kind: 'people' | 'service' | 'venue' | 'equipment' | 'funds';
  title: string;
  description: Generated<string>;
  category: ListCategory;
  /** Further categories besides the main one (matching counts any shared one). */
  extra_categories: Generated<ListCategory[]>;
  skills: Generated<string[]>;
  quantity: number | null;
  available_from: string | null;
  available_until: string | null;
  availability_note: string | null;
  status: Generated<'draft' | 'published' | 'withdrawn'>;
  /** Matching terms, space-separated (domain/lists/text.ts), computed on write. */
  tokens: Generated<string>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** A staff entry of the matching dictionary (domain/lists/dictionary.ts holds the defaults). */
export interface MatchTermTable {
  id: Generated<string>;
  concept: string;
  word: string;
  created_by: string | null;
  created_at: CreatedAt;
}

/** Staff judgement of one suggestion (need, resource): useful or not. */
export interface SuggestionFeedbackTable {
  id: Generated<string>;
  need_id: string;
  resource_id: string;
  useful: boolean;
  note: string | null;
  created_by: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export type ProjectStatusValue = 'draft' | 'open' | 'in_progress' | 'submitted' | 'completed' | 'cancelled';

export interface ProjectTable {
  id: Generated<string>;
  year: number;
  community_id: string;
  title: string;
  goal: Generated<string>;
  lead_unit_org_id: string | null;
  budget_yuan: number | null;
  claim_slots: Generated<number>;
  slots_taken: Generated<number>;
  status: Generated<ProjectStatusValue>;
  cancel_reason: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  completed_at: Date | null;
}

export interface ProjectNeedTable {
  project_id: string;
  need_id: string;
}

export interface ProjectResourceTable {
  project_id: string;
  resource_id: string;
}

export interface ProjectMilestoneTable {
  id: Generated<string>;
  project_id: string;
  title: string;
  due_on: string;
  done_at: Date | null;
  sort_order: Generated<number>;
}

export interface ProjectClaimTable {
  id: Generated<string>;
  project_id: string;
  kind: 'self' | 'assigned';
  status: 'pending' | 'active' | 'declined' | 'withdrawn';
  unit_org_id: string | null;
  member_id: string | null;
  note: string | null;
  decline_reason: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  decided_by: string | null;
  decided_at: Date | null;
}

export interface ProgressReportTable {
  id: Generated<string>;
  project_id: string;
  milestone_id: string;
  claim_id: string | null;
  note: string;
  done: Generated<boolean>;
  reported_by: string | null;
  reporter_name: string;
  created_at: CreatedAt;
}

export interface ProgressReportAttachmentTable {
  report_id: string;
  upload_id: string;
}

export interface ProjectSignOffTable {
  id: Generated<string>;
  project_id: string;
  decision: 'approved' | 'sent_back';
  reason: string | null;
  decided_by: string | null;
  decider_name: string;
  created_at: CreatedAt;
}

export interface ProjectRatingTable {
  id: Generated<string>;
  project_id: string;
  user_id: string;
  stars: number;
  comment: string | null;
  rater_name: string;
  created_at: CreatedAt;
}

export interface ClaimRuleTable {
  year: number;
  min_projects: number;
  updated_by: string | null;
  updated_at: Timestamp;
}

// ---------- volunteering ----------

export type ActivityKind = 'party_day' | 'lecture' | 'training' | 'volunteer_service' | 'legal_aid' | 'health_clinic' | 'civility_patrol' | 'clean_up' | 'emergency_duty' | 'other';
export type Eligibility = 'community_members' | 'unit_members' | 'anyone';
export type SignupStatus = 'confirmed' | 'waitlisted' | 'cancelled';
export type RecordMethod = 'scan' | 'code' | 'organiser' | 'supplementary';

export interface VolunteerActivityTable {
  id: Generated<string>;
  series_id: string | null;
  kind: ActivityKind;
  title: string;
  description: Generated<string>;
  place: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  region_id: string;
  owner_org_id: string | null;
  team_id: string | null;
  capacity: number;
  confirmed_count: Generated<number>;
  waitlist_count: Generated<number>;
  last_seq: Generated<number>;
  eligibility: Eligibility;
  skills: Generated<string[]>;
  organiser_user_id: string | null;
  organiser_name: string;
  contact: string;
  concentrated: Generated<boolean>;
  cancel_deadline_hours: Generated<number>;
  status: Generated<'published' | 'cancelled'>;
  cancel_reason: string | null;
  checkin_secret: string;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface VolunteerSignupTable {
  id: Generated<string>;
  activity_id: string;
  member_id: string;
  status: SignupStatus;
  seq: number;
  created_at: CreatedAt;
  promoted_at: Date | null;
  cancelled_at: Date | null;
  checked_in_at: Date | null;
  check_in_method: RecordMethod | null;
  checked_out_at: Date | null;
  check_out_method: RecordMethod | null;
}

export interface HourEntryTable {
  id: Generated<string>;
  entry_group_id: string;
  version: Generated<number>;
  supersedes_id: string | null;
  superseded_by: string | null;
  member_id: string;
  activity_id: string | null;
  region_id: string | null;
  owner_org_id: string | null;
  content: string;
  service_date: string;
  started_at: Timestamp;
  ended_at: Timestamp;
  minutes: number;
  method: RecordMethod;
  recorded_by: string | null;
  verified_by: string | null;
  verified_at: Date | null;
  request_id: string | null;
  note: string | null;
  created_at: CreatedAt;
}

export interface HourRequestTable {
  id: Generated<string>;
  kind: 'supplementary' | 'correction';
  status: Generated<'pending' | 'approved' | 'rejected'>;
  member_id: string;
  activity_id: string | null;
  entry_id: string | null;
  started_at: Timestamp;
  ended_at: Timestamp;
  minutes: number;
  reason: string;
  requested_by: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  result_entry_id: string | null;
  created_at: CreatedAt;
}

export interface VolunteerSettingTable {
  year: number;
  member_hours_per_quarter: string | number;
  team_days_per_year: number;
  unit_activities_per_quarter: number;
  rounding_minutes: number;
  points_per_hour: string | number;
  star_thresholds: Array<string | number>;
  cancel_deadline_hours: number;
  reminder_at: string | number;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface CertificateCounterTable {
  year: number;
  last_seq: Generated<number>;
}

export interface ServiceCertificateTable {
  id: Generated<string>;
  cert_no: string;
  year: number;
  seq: number;
  member_id: string;
  period_from: string;
  period_to: string;
  minutes: number;
  content: string;
  issuer_org_id: string | null;
  issuer_name: string;
  person_in_charge: string;
  handler: string;
  contact: string;
  issued_on: string;
  issued_by: string | null;
  created_at: CreatedAt;
}

export interface VolunteerCalendarFeedTable {
  user_id: string;
  token_hash: string;
  created_at: Timestamp;
}

export interface DB {
  volunteer_activity: VolunteerActivityTable;
  volunteer_signup: VolunteerSignupTable;
  hour_entry: HourEntryTable;
  hour_request: HourRequestTable;
  volunteer_setting: VolunteerSettingTable;
  certificate_counter: CertificateCounterTable;
  service_certificate: ServiceCertificateTable;
  volunteer_calendar_feed: VolunteerCalendarFeedTable;
  upload: UploadTable;
  need: NeedTable;
  need_attachment: NeedAttachmentTable;
  resource: ResourceTable;
  match_term: MatchTermTable;
  suggestion_feedback: SuggestionFeedbackTable;
  project: ProjectTable;
  project_need: ProjectNeedTable;
  project_resource: ProjectResourceTable;
  project_milestone: ProjectMilestoneTable;
  project_claim: ProjectClaimTable;
  progress_report: ProgressReportTable;
  progress_report_attachment: ProgressReportAttachmentTable;
  project_sign_off: ProjectSignOffTable;
  project_rating: ProjectRatingTable;
  claim_rule: ClaimRuleTable;
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
  activation_code: ActivationCodeTable;
  activation_failure: ActivationFailureTable;
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
