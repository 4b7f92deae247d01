/**
 * Who sees and does what in the three lists.
 *
 * The community side: staff grants (community, street, supervisor, system admin) reach the
 * communities under their region (an organisation grant reaches its organisation's region) and
 * see everything there. Lists are public inside the alliance: community staff also see the
 * published needs and the projects of the other communities of their street.
 * The unit side: a unit admin acts for the units under its organisation; units (and their
 * members) see the published needs and the projects of the communities they are actively paired
 * with and of those communities' streets (the street's alliance). A member also sees those of
 * the community he or she lives in; a resident, the projects of his or her community.
 */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Permission } from '../../../domain/access/roles';
import type { DB } from '../../db/schema';
import { grantsFor, type Principal } from '../../platform/principal';
import { anyOf, pathsUnder } from '../../platform/scope';
import type { AppContext } from '../../platform/context';
import { callerMember } from '../directory';

const STAFF = new Set(['system_admin', 'supervisor', 'street_staff', 'community_staff']);
const SUPERVISING = new Set(['system_admin', 'supervisor', 'street_staff']);

export interface ListsReach {
  all: boolean;
  /** Region paths whose rows the caller sees in full (community side). */
  regionPaths: string[];
  /** Street paths whose published rows the caller sees (the alliance of a community). */
  alliancePaths: string[];
  /** Units the caller acts for (unit admin) or works at (member). */
  unitIds: string[];
  /** Community paths the caller lives in (member residence, resident grant). */
  homePaths: string[];
}

const parentPath = (p: string) => p.replace(/[^/]+\/$/, '');

export interface Me {
  memberId: string | null;
  employerOrgId: string | null;
  residencePath: string | null;
}

/** The caller's own member record, if active (for member claims and residence): the directory's, read once per request. */
export async function loadMe(ctx: AppContext, principal: Principal): Promise<Me> {
  const m = await callerMember(ctx, principal);
  const active = m?.status === 'active' ? m : null;
  return { memberId: active?.id ?? null, employerOrgId: active?.employerOrgId ?? null, residencePath: active?.residencePath ?? null };
}

/** Units under the organisation paths (a unit admin's units). */
export async function unitsUnder(db: Kysely<DB>, orgPaths: string[]): Promise<string[]> {
  if (orgPaths.length === 0) return [];
  const rows = await db
    .selectFrom('organization')
    .select('id')
    .where('kind', '=', 'unit')
    .where((eb) => eb.or(orgPaths.map((p) => eb('path', 'like', `${p}%`))))
    .limit(1000)
    .execute();
  return rows.map((r) => r.id);
}

export async function reachOf(ctx: AppContext, principal: Principal, permission: Permission): Promise<ListsReach> {
  const r: ListsReach = { all: false, regionPaths: [], alliancePaths: [], unitIds: [], homePaths: [] };
  const unitOrgPaths: string[] = [];
  let self = false;
  for (const g of grantsFor(principal, permission)) {
    if (STAFF.has(g.role)) {
      if (g.scope.type === 'system') r.all = true;
      else if (g.scope.regionPath) {
        r.regionPaths.push(g.scope.regionPath);
        if (g.role === 'community_staff') r.alliancePaths.push(parentPath(g.scope.regionPath));
      }
    } else if (g.role === 'unit_admin' && g.scope.orgPath) unitOrgPaths.push(g.scope.orgPath);
    else if (g.role === 'member') self = true;
    else if (g.role === 'resident' && g.scope.regionPath) r.homePaths.push(g.scope.regionPath);
  }
  r.unitIds = await unitsUnder(ctx.db, unitOrgPaths);
  if (self) {
    const me = await loadMe(ctx, principal);
    if (me.employerOrgId) r.unitIds.push(me.employerOrgId);
    if (me.residencePath) r.homePaths.push(me.residencePath);
  }
  return r;
}

/** Communities (alias `c`) the caller's units are actively paired with, or in the same street as one. */
function pairedOrAlliance(unitIds: string[]): Expression<SqlBool> {
  return sql<SqlBool>`exists (select 1 from pairing pp join region pc on pc.id = pp.community_id
    where pp.status = 'active' and pp.unit_org_id in (${sql.join(unitIds)}) and (pc.id = c.id or pc.parent_id = c.parent_id))`;
}

/**
 * Rows of a community (alias `c` = the community region) the caller sees. `publicRow` is the
 * condition for a row others may see (a published need; a project past draft).
 */
export function communityRowVisible(reach: ListsReach, publicRow: Expression<SqlBool>): Expression<SqlBool> {
  if (reach.all) return sql<SqlBool>`true`;
  const full = pathsUnder('c.path', reach.regionPaths);
  const shared: Expression<SqlBool>[] = [...pathsUnder('c.path', reach.alliancePaths)];
  if (reach.unitIds.length) shared.push(pairedOrAlliance(reach.unitIds));
  // A home path may be a grid or building below the community: the community is its ancestor.
  for (const h of reach.homePaths) shared.push(sql<SqlBool>`${h} like c.path || '%'`);
  const ors = [...full];
  if (shared.length) ors.push(sql<SqlBool>`(${publicRow} and (${sql.join(shared, sql` or `)}))`);
  return anyOf(ors);
}

/** Does the caller speak for the community side at this community (with this permission)? */
export function actsForCommunity(principal: Principal, permission: Permission, communityPath: string, roles: ReadonlySet<string> = STAFF): boolean {
  return grantsFor(principal, permission).some(
    (g) => roles.has(g.role) && (g.scope.type === 'system' || (g.scope.regionPath !== null && communityPath.startsWith(g.scope.regionPath))),
  );
}

export const COMMUNITY_ONLY: ReadonlySet<string> = new Set(['system_admin', 'community_staff']);
export const SUPERVISING_ROLES: ReadonlySet<string> = SUPERVISING;

/** Units the caller may act for as unit admin (with this permission). */
export async function actingUnits(db: Kysely<DB>, principal: Principal, permission: Permission): Promise<string[]> {
  const grants = grantsFor(principal, permission);
  if (grants.some((g) => g.role === 'system_admin')) return ['*'];
  return unitsUnder(
    db,
    grants.filter((g) => g.role === 'unit_admin' && g.scope.orgPath).map((g) => g.scope.orgPath as string),
  );
}

export function mayActForUnit(units: string[], unitOrgId: string): boolean {
  return units.includes('*') || units.includes(unitOrgId);
}

/** Is the unit actively paired with the community? */
export async function isPaired(db: Kysely<DB>, unitOrgId: string, communityId: string): Promise<boolean> {
  const row = await db
    .selectFrom('pairing')
    .select('id')
    .where('unit_org_id', '=', unitOrgId)
    .where('community_id', '=', communityId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row !== undefined;
}

/** A name shown to others: the family name and a star (赵*). */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(Math.min(2, chars.length - 1))}`;
}
