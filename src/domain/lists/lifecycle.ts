/**
 * The lifecycles of the three lists, as pure state machines: needs, resources, projects and
 * claims. Each `next…` function returns the state an event leads to, or null when the event is
 * not allowed in that state (the service answers 409 with the state in the message).
 */

export type NeedStatus = 'draft' | 'published' | 'closed';
export type NeedEvent = 'edit' | 'publish' | 'close' | 'reopen';

export function nextNeedStatus(status: NeedStatus, event: NeedEvent): NeedStatus | null {
  switch (event) {
    case 'edit':
      return status === 'closed' ? null : status;
    case 'publish':
      return status === 'draft' ? 'published' : null;
    case 'close':
      return status === 'closed' ? null : 'closed';
    case 'reopen':
      return status === 'closed' ? 'published' : null;
  }
}

export type ResourceStatus = 'draft' | 'published' | 'withdrawn';
export type ResourceEvent = 'edit' | 'publish' | 'withdraw';

export function nextResourceStatus(status: ResourceStatus, event: ResourceEvent): ResourceStatus | null {
  switch (event) {
    case 'edit':
      return status === 'withdrawn' ? null : status;
    case 'publish':
      return status === 'published' ? null : 'published';
    case 'withdraw':
      return status === 'published' ? 'withdrawn' : null;
  }
}

export type ProjectStatus = 'draft' | 'open' | 'in_progress' | 'submitted' | 'completed' | 'cancelled';
/**
 * start: the first claim became active; release: the last active or pending claim went away
 * (back to open); submit: the lead claimant asks for sign-off; approve / send_back: the
 * community's decision.
 */
export type ProjectEvent = 'edit' | 'publish' | 'start' | 'release' | 'submit' | 'approve' | 'send_back' | 'cancel';

export function nextProjectStatus(status: ProjectStatus, event: ProjectEvent): ProjectStatus | null {
  switch (event) {
    case 'edit':
      return status === 'draft' || status === 'open' ? status : null;
    case 'publish':
      return status === 'draft' ? 'open' : null;
    case 'start':
      return status === 'open' ? 'in_progress' : status === 'in_progress' ? 'in_progress' : null;
    case 'release':
      return status === 'in_progress' ? 'open' : status === 'open' ? 'open' : null;
    case 'submit':
      return status === 'in_progress' ? 'submitted' : null;
    case 'approve':
      return status === 'submitted' ? 'completed' : null;
    case 'send_back':
      return status === 'submitted' ? 'in_progress' : null;
    case 'cancel':
      return status === 'draft' || status === 'open' || status === 'in_progress' ? 'cancelled' : null;
  }
}

/** Claims may be taken (self or assigned) while the project is open or under way. */
export function projectTakesClaims(status: ProjectStatus): boolean {
  return status === 'open' || status === 'in_progress';
}

export type ClaimStatus = 'pending' | 'active' | 'declined' | 'withdrawn';
export type ClaimKind = 'self' | 'assigned';
export type ClaimEvent = 'accept' | 'decline' | 'withdraw';

/** A self-claim starts active; an assigned claim starts pending until the assignee answers. */
export function initialClaimStatus(kind: ClaimKind): ClaimStatus {
  return kind === 'self' ? 'active' : 'pending';
}

export function nextClaimStatus(status: ClaimStatus, event: ClaimEvent): ClaimStatus | null {
  switch (event) {
    case 'accept':
      return status === 'pending' ? 'active' : null;
    case 'decline':
      return status === 'pending' ? 'declined' : null;
    case 'withdraw':
      return status === 'active' || status === 'pending' ? 'withdrawn' : null;
  }
}

/** Pending and active claims hold a slot of the project. */
export function holdsSlot(status: ClaimStatus): boolean {
  return status === 'pending' || status === 'active';
}

/** A send-back needs a reason; an approval may carry one. */
export function signOffReasonMissing(decision: 'approve' | 'send_back', reason: string | null | undefined): boolean {
  return decision === 'send_back' && (reason ?? '').trim().length < 2;
}

/** The default of the yearly rule "each unit claims at least N projects" (sources 000, 002). */
export const DEFAULT_MIN_PROJECTS = 2;

/** Progress of one unit against the yearly minimum, in [0, 1] for the progress bar. */
export function claimRuleProgress(claimed: number, minProjects: number): { met: boolean; ratio: number } {
  if (minProjects <= 0) return { met: true, ratio: 1 };
  return { met: claimed >= minProjects, ratio: Math.min(1, claimed / minProjects) };
}
