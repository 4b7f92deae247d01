/**
 * The principal: who is calling (a user through a session or a personal API token), with the
 * role assignments resolved to scopes, and the checks services use: can(), covers(), assertCovers().
 */
import type { Kysely } from 'kysely';
import {
  ROLE_PERMISSIONS,
  isRole,
  scopeCovers,
  type Grant,
  type Permission,
  type ResolvedScope,
  type Role,
  type ScopeType,
  type Target,
} from '../../domain/access/roles';
import type { DB, UserStatus } from '../db/schema';
import { forbidden } from './errors';

export interface ResolvedAssignment extends Grant {
  id: string;
  userId: string;
  scopeType: ScopeType;
  scopeId: string | null;
  scopeName: string | null;
  scopeKind: string | null;
  createdAt: Date;
}

export interface Principal {
  userId: string;
  account: string;
  displayName: string;
  phoneMasked: string | null;
  status: UserStatus;
  mustChangePassword: boolean;
  via: 'session' | 'token';
  sessionHash: string | null;
  tokenId: string | null;
  assignments: ResolvedAssignment[];
  permissions: ReadonlySet<Permission>;
}

export async function loadAssignments(db: Kysely<DB>, userIds: readonly string[]): Promise<ResolvedAssignment[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('role_assignment as ra')
    .leftJoin('region as r', 'r.id', 'ra.region_id')
    .leftJoin('organization as o', 'o.id', 'ra.organization_id')
    .leftJoin('region as orr', 'orr.id', 'o.region_id')
    .select([
      'ra.id',
      'ra.user_id',
      'ra.role',
      'ra.scope_type',
      'ra.region_id',
      'ra.organization_id',
      'ra.created_at',
      'r.path as region_path',
      'r.name as region_name',
      'r.kind as region_kind',
      'o.path as org_path',
      'o.name as org_name',
      'o.kind as org_kind',
      'orr.path as org_region_path',
    ])
    .where('ra.user_id', 'in', userIds)
    .orderBy('ra.created_at')
    .execute();
  return rows
    .filter((r) => isRole(r.role))
    .map((r) => {
      const scope: ResolvedScope =
        r.scope_type === 'region'
          ? { type: 'region', id: r.region_id, regionPath: r.region_path, orgPath: null }
          : r.scope_type === 'organization'
            ? { type: 'organization', id: r.organization_id, regionPath: r.org_region_path, orgPath: r.org_path }
            : { type: 'system', id: null, regionPath: null, orgPath: null };
      return {
        id: r.id,
        userId: r.user_id,
        role: r.role as Role,
        scope,
        scopeType: r.scope_type,
        scopeId: r.region_id ?? r.organization_id,
        scopeName: r.region_name ?? r.org_name,
        scopeKind: r.region_kind ?? r.org_kind,
        createdAt: r.created_at,
      };
    });
}

export function permissionsOf(assignments: readonly Grant[], tokenScopes: readonly string[] | null): Set<Permission> {
  const set = new Set<Permission>();
  for (const a of assignments) for (const p of ROLE_PERMISSIONS[a.role]) set.add(p);
  if (tokenScopes) for (const p of [...set]) if (!tokenScopes.includes(p)) set.delete(p);
  return set;
}

export function can(principal: Principal, permission: Permission): boolean {
  return principal.permissions.has(permission);
}

/** The assignments through which the principal holds a permission. */
export function grantsFor(principal: Principal, permission: Permission): ResolvedAssignment[] {
  if (!principal.permissions.has(permission)) return [];
  return principal.assignments.filter((a) => ROLE_PERMISSIONS[a.role].includes(permission));
}

export function hasSystemScope(principal: Principal, permission: Permission): boolean {
  return grantsFor(principal, permission).some((g) => g.scope.type === 'system');
}

export function covers(principal: Principal, permission: Permission, target: Target): boolean {
  return grantsFor(principal, permission).some((g) => scopeCovers(g.scope, target));
}

export function assertCovers(principal: Principal, permission: Permission, target: Target): void {
  if (!covers(principal, permission, target)) throw forbidden('This is outside your scope', { permission });
}
