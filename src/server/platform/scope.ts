/**
 * The one scope rule. A principal and a permission give a reach: everything (a system grant),
 * region paths (region grants, and the region of an organisation grant where asked), organisation
 * paths (organisation grants) and self (member and resident grants reach only the caller's own
 * records). `inReach` turns a reach into a SQL condition over the columns a query names for each
 * side; a side the query does not name adds nothing. The modules' policies are declarations of
 * those columns.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Permission } from '../../domain/access/roles';
import { grantsFor, type Principal } from './principal';

export interface Reach {
  all: boolean;
  regionPaths: string[];
  orgPaths: string[];
  /** The caller's user id when a member or resident grant holds the permission. */
  selfUserId: string | null;
}

const SELF_ROLES: ReadonlySet<string> = new Set(['member', 'resident']);

export function isSelfRole(role: string): boolean {
  return SELF_ROLES.has(role);
}

export const NO_REACH: Reach = Object.freeze({ all: false, regionPaths: [], orgPaths: [], selfUserId: null }) as Reach;

/**
 * The reach of a permission. By default member and resident grants reach only the caller (self);
 * with `selfAsScope` they count as the scope they are held at, like any other grant.
 */
export function reachOf(principal: Principal, permission: Permission, opts: { selfAsScope?: boolean } = {}): Reach {
  const r: Reach = { all: false, regionPaths: [], orgPaths: [], selfUserId: null };
  for (const g of grantsFor(principal, permission)) {
    if (!opts.selfAsScope && isSelfRole(g.role)) r.selfUserId = principal.userId;
    else if (g.scope.type === 'system') r.all = true;
    else if (g.scope.type === 'region' && g.scope.regionPath) r.regionPaths.push(g.scope.regionPath);
    else if (g.scope.type === 'organization' && g.scope.orgPath) r.orgPaths.push(g.scope.orgPath);
  }
  return r;
}

/** The reach of the staff grants alone (self grants left out). */
export function staffReach(principal: Principal, permission: Permission): Reach {
  return { ...reachOf(principal, permission), selfUserId: null };
}

/** Does the reach name anything besides self? */
export function reachesPlaces(reach: Reach): boolean {
  return reach.all || reach.regionPaths.length > 0 || reach.orgPaths.length > 0;
}

/** Is a path under one of the prefixes (materialised paths end in '/')? */
export function pathUnder(path: string | null | undefined, prefixes: readonly string[]): boolean {
  return path != null && prefixes.some((p) => path.startsWith(p));
}

/** `column like 'prefix%'` for each prefix. */
export function pathsUnder(column: string, prefixes: readonly string[]): Expression<SqlBool>[] {
  return prefixes.map((p) => sql<SqlBool>`${sql.ref(column)} like ${`${p}%`}`);
}

/** The disjunction of the conditions: false when there are none. */
export function anyOf(conditions: readonly Expression<SqlBool>[]): Expression<SqlBool> {
  return conditions.length ? sql<SqlBool>`(${sql.join(conditions, sql` or `)})` : sql<SqlBool>`false`;
}

/** Which columns a query offers for each side of a reach. */
export interface ReachColumns {
  /** Region path column(s) matched against the region paths. */
  region?: string | readonly string[];
  /** Organisation path column(s) matched against the organisation paths. */
  org?: string | readonly string[];
  /** The user id column matched against self. */
  self?: string;
}

const list = (c: string | readonly string[] | undefined): readonly string[] => (c === undefined ? [] : typeof c === 'string' ? [c] : c);

/** The SQL condition of a reach over the columns named. */
export function inReach(reach: Reach, columns: ReachColumns): Expression<SqlBool> {
  if (reach.all) return sql<SqlBool>`true`;
  const ors = [...list(columns.region).flatMap((c) => pathsUnder(c, reach.regionPaths)), ...list(columns.org).flatMap((c) => pathsUnder(c, reach.orgPaths))];
  if (reach.selfUserId && columns.self) ors.push(sql<SqlBool>`${sql.ref(columns.self)} = ${reach.selfUserId}`);
  return anyOf(ors);
}

/** The same rule for a row already read: its paths and its user. */
export function reachCovers(reach: Reach, row: { regionPaths?: readonly (string | null)[]; orgPaths?: readonly (string | null)[]; userId?: string | null }): boolean {
  if (reach.all) return true;
  if (reach.selfUserId && row.userId === reach.selfUserId) return true;
  return (row.regionPaths ?? []).some((p) => pathUnder(p, reach.regionPaths)) || (row.orgPaths ?? []).some((p) => pathUnder(p, reach.orgPaths));
}

/**
 * A value kept for one principal while nothing is written: the caller's member record is read
 * once per request however many checks ask for it. The principal object lives for a request (or a
 * few seconds in the principal cache); any committed write in this process drops the value.
 */
const perPrincipal = new WeakMap<Principal, Map<string, { generation: number; value: Promise<unknown> }>>();

export function cachedForPrincipal<T>(principal: Principal, key: string, generation: number, load: () => Promise<T>): Promise<T> {
  let entries = perPrincipal.get(principal);
  if (!entries) perPrincipal.set(principal, (entries = new Map()));
  const hit = entries.get(key);
  if (hit && hit.generation === generation) return hit.value as Promise<T>;
  const value = load();
  entries.set(key, { generation, value });
  value.catch(() => entries.delete(key));
  return value;
}
