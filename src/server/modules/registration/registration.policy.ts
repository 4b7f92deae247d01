/**
 * Who acts for which side. A pairing has a community side (region grants that reach the
 * community: community staff, and above them street and supervisor) and a unit side (organisation
 * grants that reach the unit). Community staff and unit admins speak for their side; street staff
 * and supervisors (and the system admin) act over both as the supervising side.
 */
import type { Expression, SqlBool } from 'kysely';
import { scopeCovers, type Permission } from '../../../domain/access/roles';
import { grantsFor, type Principal } from '../../platform/principal';
import { inReach as reachCondition, isSelfRole, reachOf, type Reach } from '../../platform/scope';

export type Side = 'community' | 'unit' | 'supervisor';

const SUPERVISING = new Set(['system_admin', 'supervisor', 'street_staff']);

export interface PairPlaces {
  communityPath: string;
  unitPath: string;
  unitRegionPath: string | null;
}

/** The sides the principal may act for on this pair, with this permission. */
export function sidesOf(principal: Principal, permission: Permission, pair: PairPlaces): Set<Side> {
  const sides = new Set<Side>();
  for (const g of grantsFor(principal, permission)) {
    if (isSelfRole(g.role)) continue;
    const reachesCommunity = scopeCovers(g.scope, { regionPath: pair.communityPath });
    const reachesUnit = scopeCovers(g.scope, { orgPath: pair.unitPath, regionPath: pair.unitRegionPath });
    if (SUPERVISING.has(g.role) && reachesCommunity) sides.add('supervisor');
    else if (g.role === 'community_staff' && reachesCommunity) sides.add('community');
    else if (g.role === 'unit_admin' && reachesUnit) sides.add('unit');
  }
  return sides;
}

export type { Reach };

/** The reach of a registration permission (see platform/scope.ts). */
export { reachOf };

/**
 * A row is in reach when its community (alias `c`) is in a region reached, or its unit (alias `u`)
 * in an organisation reached, or (for members) it is the principal's own (alias `m`).
 */
export function inReach(reach: Reach, opts: { member?: boolean } = {}): Expression<SqlBool> {
  return reachCondition(reach, { region: 'c.path', org: 'u.path', self: opts.member ? 'm.user_id' : undefined });
}
