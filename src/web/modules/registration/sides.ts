// Which side of a pairing or an agreement the signed-in user stands on, from the user's role
// assignments (as the server's registration.policy.ts: community staff and unit admins speak for
// their side; street staff, supervisors and the system admin supervise both). Only to choose which
// buttons to show: the server checks every action again, with the whole scope tree.
import type { CurrentUser } from '../../lib/types';
import type { AgreementSide, Pairing, PairingSide } from './types';

/** The sides of `pairing` the user acts for: its unit's admin, its community's staff, the supervisor. */
export function pairingSides(user: CurrentUser, pairing: Pick<Pairing, 'unitOrgId' | 'communityId'>): Set<PairingSide> {
  const sides = new Set<PairingSide>();
  for (const r of user.roles) {
    if (r.role === 'unit_admin' && r.scopeType === 'organization' && r.scopeId === pairing.unitOrgId) sides.add('unit');
    if (r.role === 'community_staff' && r.scopeType === 'region' && r.scopeId === pairing.communityId) sides.add('community');
    if (r.role === 'supervisor' || r.role === 'street_staff' || r.role === 'system_admin') sides.add('supervisor');
  }
  return sides;
}

/** The agreement sides the user may sign: community staff sign 甲方 (a), unit admins 乙方 (b); nobody else. */
export function agreementSignSides(user: CurrentUser): Set<AgreementSide> {
  const sides = new Set<AgreementSide>();
  for (const r of user.roles) {
    if (r.role === 'community_staff') sides.add('a');
    if (r.role === 'unit_admin') sides.add('b');
  }
  return sides;
}
