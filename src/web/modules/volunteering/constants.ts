// The closed lists of the volunteering contract (its unions), in display order, and their colours.
import type { ActivityKind, Eligibility, HourRequestStatus, RecordMethod, SignupStatus } from './types';

export const ACTIVITY_KINDS = [
  'volunteer_service',
  'party_day',
  'lecture',
  'training',
  'legal_aid',
  'health_clinic',
  'civility_patrol',
  'clean_up',
  'emergency_duty',
  'other',
] as const satisfies readonly ActivityKind[];

export const ACTIVITY_KIND_COLORS: Record<ActivityKind, string> = {
  party_day: 'red',
  lecture: 'volcano',
  training: 'orange',
  volunteer_service: 'green',
  legal_aid: 'geekblue',
  health_clinic: 'cyan',
  civility_patrol: 'blue',
  clean_up: 'lime',
  emergency_duty: 'magenta',
  other: 'default',
};

export const ELIGIBILITIES = ['community_members', 'unit_members', 'anyone'] as const satisfies readonly Eligibility[];

export const RECORD_METHODS = ['scan', 'code', 'organiser', 'supplementary'] as const satisfies readonly RecordMethod[];

export const RECORD_METHOD_COLORS: Record<RecordMethod, string> = {
  scan: 'green',
  code: 'cyan',
  organiser: 'blue',
  supplementary: 'orange',
};

export const SIGNUP_STATUS_COLORS: Record<SignupStatus, string> = {
  confirmed: 'green',
  waitlisted: 'gold',
  cancelled: 'default',
};

export const HOUR_REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const satisfies readonly HourRequestStatus[];

export const HOUR_REQUEST_STATUS_COLORS: Record<HourRequestStatus, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
};

/** Tree distances a member can filter by: own community, own street, own district, anywhere. */
export const DISTANCES = [0, 1, 2] as const;

/** The check-in screen reads a new code this often (the server's window is 30 s). */
export const SCREEN_REFRESH_MS = 30_000;
