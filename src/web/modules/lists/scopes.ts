// Where the signed-in user stands in the three lists, from the role assignments: the communities
// whose needs and projects he or she runs (community staff), the units whose resources and claims
// he or she answers for (unit admins). Only to pre-fill forms and choose buttons: the server checks
// every action again with the whole scope tree.
import type { CurrentUser } from '../../lib/types';

export interface Place {
  id: string;
  name: string;
}

function places(user: CurrentUser, role: string, scopeType: string): Place[] {
  const seen = new Map<string, Place>();
  for (const r of user.roles) {
    if (r.role === role && r.scopeType === scopeType && r.scopeId) seen.set(r.scopeId, { id: r.scopeId, name: r.scopeName ?? r.scopeId });
  }
  return [...seen.values()];
}

/** The communities the user works for as community staff. */
export function ownCommunities(user: CurrentUser): Place[] {
  return places(user, 'community_staff', 'region');
}

/** The units the user administers. */
export function ownUnits(user: CurrentUser): Place[] {
  return places(user, 'unit_admin', 'organization');
}

/** Supervisor, street staff or system admin: sees and acts above single communities. */
export function isOverseer(user: CurrentUser): boolean {
  return user.roles.some((r) => r.role === 'supervisor' || r.role === 'street_staff' || r.role === 'system_admin');
}

/** The year (Asia/Shanghai) of today: the project lists are kept per year. */
export function thisYear(): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
}
