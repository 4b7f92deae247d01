// The closed lists of the directory (the contract's unions), in display order, and their colours.
import type {
  Gender,
  HouseholdTagName,
  ImportKind,
  LeadingGroupPost,
  MemberStatus,
  OrganizationKind,
  RegionKind,
  Sector,
  TeamKind,
} from './types';

/** From the top of the tree down: each kind's children are of the next kind. */
export const REGION_KINDS = ['city', 'district', 'street', 'community', 'grid', 'building'] as const satisfies readonly RegionKind[];

export const ORGANIZATION_KINDS = [
  'supervisor',
  'street',
  'community',
  'grid_branch',
  'building_group',
  'unit',
  'alliance',
] as const satisfies readonly OrganizationKind[];

export const SECTORS = [
  'agency',
  'institution',
  'state_enterprise',
  'private_enterprise',
  'school',
  'hospital',
  'social_organization',
  'other',
] as const satisfies readonly Sector[];

export const MEMBER_STATUSES = ['active', 'transferred', 'deceased', 'left'] as const satisfies readonly MemberStatus[];

export const GENDERS = ['male', 'female'] as const satisfies readonly Gender[];

export const HOUSEHOLD_TAGS = [
  'low_income',
  'disability',
  'elderly_alone',
  'member_in_hardship',
  'five_guarantees',
  'veteran',
  'left_behind_child',
  'serious_illness',
] as const satisfies readonly HouseholdTagName[];

export const LEADING_GROUP_POSTS = [
  'leader',
  'deputy_leader',
  'member',
  'office_director',
  'liaison',
] as const satisfies readonly LeadingGroupPost[];

export const TEAM_KINDS = ['volunteer', 'emergency', 'professional', 'party_service'] as const satisfies readonly TeamKind[];

export const IMPORT_KINDS = ['members', 'households', 'organizations', 'regions'] as const satisfies readonly ImportKind[];

/** One antd colour per hardship tag, the same in every list and card. */
export const HOUSEHOLD_TAG_COLORS: Record<HouseholdTagName, string> = {
  low_income: 'orange',
  disability: 'purple',
  elderly_alone: 'gold',
  member_in_hardship: 'red',
  five_guarantees: 'volcano',
  veteran: 'green',
  left_behind_child: 'cyan',
  serious_illness: 'magenta',
};

export const MEMBER_STATUS_COLORS: Record<MemberStatus, string> = {
  active: 'green',
  transferred: 'blue',
  deceased: 'default',
  left: 'default',
};
