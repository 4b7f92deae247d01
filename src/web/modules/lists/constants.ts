// The closed lists of the three-lists contract, in display order, and their colours. Kept here as
// plain arrays (the contract's own NEED_CATEGORIES would pull TypeBox into the browser bundle).
import type { ClaimStatus, NeedCategory, NeedStatus, Priority, ProjectStatus, ResourceKind, ResourceStatus, ScoreParts } from './types';

export const NEED_CATEGORIES = [
  'environment',
  'elderly_care',
  'children',
  'education',
  'legal_aid',
  'health',
  'disability',
  'employment',
  'culture',
  'safety',
  'emergency',
  'infrastructure',
  'party_building',
  'other',
] as const satisfies readonly NeedCategory[];

export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const satisfies readonly Priority[];
export const NEED_STATUSES = ['draft', 'published', 'closed'] as const satisfies readonly NeedStatus[];
export const RESOURCE_KINDS = ['people', 'service', 'venue', 'equipment', 'funds'] as const satisfies readonly ResourceKind[];
export const RESOURCE_STATUSES = ['draft', 'published', 'withdrawn'] as const satisfies readonly ResourceStatus[];
export const PROJECT_STATUSES = ['draft', 'open', 'in_progress', 'submitted', 'completed', 'cancelled'] as const satisfies readonly ProjectStatus[];
export const CLAIM_STATUSES = ['pending', 'active', 'declined', 'withdrawn'] as const satisfies readonly ClaimStatus[];

/** The parts of a suggestion's score, in the order the "why" line shows them. */
export const SCORE_PARTS = ['text', 'category', 'distance', 'availability', 'pastSuccess'] as const satisfies readonly (keyof ScoreParts)[];

export const CATEGORY_COLORS: Record<NeedCategory, string> = {
  environment: 'green',
  elderly_care: 'gold',
  children: 'cyan',
  education: 'lime',
  disability: 'pink',
  emergency: 'red',
  legal_aid: 'geekblue',
  health: 'red',
  employment: 'blue',
  culture: 'purple',
  safety: 'volcano',
  infrastructure: 'orange',
  party_building: 'magenta',
  other: 'default',
};

export const PRIORITY_COLORS: Record<Priority, string> = { urgent: 'red', high: 'orange', normal: 'blue', low: 'default' };
export const NEED_STATUS_COLORS: Record<NeedStatus, string> = { draft: 'default', published: 'green', closed: 'default' };
export const RESOURCE_STATUS_COLORS: Record<ResourceStatus, string> = { draft: 'default', published: 'green', withdrawn: 'default' };
export const PROJECT_STATUS_COLORS: Record<ProjectStatus, string> = {
  draft: 'default',
  open: 'blue',
  in_progress: 'processing',
  submitted: 'gold',
  completed: 'green',
  cancelled: 'default',
};
export const CLAIM_STATUS_COLORS: Record<ClaimStatus, string> = { pending: 'gold', active: 'green', declined: 'default', withdrawn: 'default' };

/** Uploads the server takes (it checks the bytes again): photos and PDF, at most 8 MiB. */
export const UPLOAD_ACCEPT = 'image/jpeg,image/png,image/webp,image/gif,application/pdf';
export const UPLOAD_MAX_BYTES = 8 * 1024 * 1024;
export const MAX_ATTACHMENTS = 9;
