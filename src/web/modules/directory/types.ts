// Shapes of the directory API, from its contract (src/contracts/directory.ts). Type imports only:
// nothing of TypeBox reaches the browser bundle.
import type { Static } from 'typebox';
import type {
  Gender as GenderSchema,
  HouseholdTagName as HouseholdTagNameSchema,
  ImportKind as ImportKindSchema,
  LeadingGroupPost as LeadingGroupPostSchema,
  MemberStatus as MemberStatusSchema,
  OrganizationKind as OrganizationKindSchema,
  RegionHistoryEntry as RegionHistoryEntrySchema,
  RegionKind as RegionKindSchema,
  Revealed as RevealedSchema,
  Sector as SectorSchema,
  TeamKind as TeamKindSchema,
  TeamMember as TeamMemberSchema,
  VolunteerTeamDetail as VolunteerTeamDetailSchema,
} from '../../../contracts/directory';

export type {
  CreateHouseholdBody,
  CreateMemberBody,
  CreateOrganizationBody,
  CreateRegionBody,
  CreateTeamBody,
  Household,
  HouseholdTag,
  ImportError,
  ImportReport,
  LeadingGroupMember,
  Member,
  Organization,
  OrganizationDetail,
  Region,
  RevealBody,
  UpdateHouseholdBody,
  UpdateMemberBody,
  UpdateOrganizationBody,
  UpdateRegionBody,
  VolunteerTeam,
} from '../../../contracts/directory';

export type RegionKind = Static<typeof RegionKindSchema>;
export type OrganizationKind = Static<typeof OrganizationKindSchema>;
export type Sector = Static<typeof SectorSchema>;
export type MemberStatus = Static<typeof MemberStatusSchema>;
export type Gender = Static<typeof GenderSchema>;
export type HouseholdTagName = Static<typeof HouseholdTagNameSchema>;
export type LeadingGroupPost = Static<typeof LeadingGroupPostSchema>;
export type TeamKind = Static<typeof TeamKindSchema>;
export type ImportKind = Static<typeof ImportKindSchema>;
export type RegionHistoryEntry = Static<typeof RegionHistoryEntrySchema>;
export type Revealed = Static<typeof RevealedSchema>;
export type TeamMember = Static<typeof TeamMemberSchema>;
export type VolunteerTeamDetail = Static<typeof VolunteerTeamDetailSchema>;

/** The fields that can be revealed in full (audited). */
export type RevealField = 'phone' | 'idNumber';
