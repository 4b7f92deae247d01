/**
 * Who sees and changes what in the directory. A region scope reaches the people living there and
 * the households there; an organisation scope reaches the people employed there (and its
 * descendants); a member-role grant reaches only the member's own record. A member belongs to both
 * sides: the employer changes who employs the member, the community the
 * residence, grid and building; identity, party facts, skills and status either side.
 */
import type { Expression, SqlBool } from 'kysely';
import { scopeCovers, type Permission } from '../../../domain/access/roles';
import { forbidden } from '../../platform/errors';
import { grantsFor, type Principal } from '../../platform/principal';
import { inReach, isSelfRole, reachCovers, reachOf, type Reach } from '../../platform/scope';

export type DirectoryReach = Reach;

/** The reach of a directory permission (see platform/scope.ts). */
export const directoryReach = reachOf;

/** SQL condition over aliases `rr` (residence region), `eo` (employer org) and `m` (member). */
export function memberInReach(reach: DirectoryReach): Expression<SqlBool> {
  return inReach(reach, { region: 'rr.path', org: 'eo.path', self: 'm.user_id' });
}

/** SQL condition over alias `hc` (the household's community region). */
export function householdInReach(reach: DirectoryReach): Expression<SqlBool> {
  return inReach(reach, { region: 'hc.path' });
}

/** SQL condition over alias `s` (a region) for regions inside the reach, and their ancestors. */
export function regionInReach(reach: DirectoryReach, column = 's.path'): Expression<SqlBool> {
  return inReach(reach, { region: column });
}

export interface MemberPlace {
  userId: string | null;
  residencePath: string | null;
  employerPath: string | null;
}

export function memberVisible(reach: DirectoryReach, m: MemberPlace): boolean {
  return reachCovers(reach, { regionPaths: [m.residencePath], orgPaths: [m.employerPath], userId: m.userId });
}

export type MemberSide = 'employer' | 'residence';

/** Which sides of a member the principal may change (by directory.member.write). */
export function writableSides(principal: Principal, m: { residencePath: string | null; employerPath: string | null }): Set<MemberSide> {
  const sides = new Set<MemberSide>();
  for (const g of grantsFor(principal, 'directory.member.write')) {
    if (isSelfRole(g.role)) continue;
    if (g.scope.type === 'system') return new Set<MemberSide>(['employer', 'residence']);
    if (m.employerPath && scopeCovers(g.scope, { orgPath: m.employerPath })) sides.add('employer');
    if (m.residencePath && scopeCovers(g.scope, { regionPath: m.residencePath })) sides.add('residence');
  }
  return sides;
}

/** Throws unless a region (by path) is inside the principal's reach for the permission. */
export function assertRegionInReach(principal: Principal, permission: Permission, regionPath: string): void {
  const ok = grantsFor(principal, permission).some((g) => !isSelfRole(g.role) && scopeCovers(g.scope, { regionPath }));
  if (!ok) throw forbidden('This place is outside your scope', { permission });
}

export function assertOrgInReach(principal: Principal, permission: Permission, target: { orgPath: string; regionPath: string | null }): void {
  const ok = grantsFor(principal, permission).some((g) => !isSelfRole(g.role) && scopeCovers(g.scope, target));
  if (!ok) throw forbidden('This organisation is outside your scope', { permission });
}
