/**
 * Who may do what in volunteering. Staff (community, street, unit, supervisor) act on activities
 * in their scope: the activity's region (for region grants) or its publishing organisation (for
 * organisation grants). A member organises only the activities he or she organises or whose
 * volunteer team he or she leads. Members see their own sign-ups, hours and certificates.
 */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { scopeCovers, type Permission } from '../../../domain/access/roles';
import type { DB } from '../../db/schema';
import type { AppContext } from '../../platform/context';
import { AppError, forbidden } from '../../platform/errors';
import { grantsFor, type Principal } from '../../platform/principal';
import { inReach, isSelfRole, reachOf, type Reach } from '../../platform/scope';
import { memberOfUser } from '../directory';
import { confirmedCommunityPaths } from '../registration';

export interface ActivityPlace {
  regionPath: string;
  ownerOrgPath: string | null;
  ownerOrgRegionPath: string | null;
  organiserUserId: string | null;
  teamId: string | null;
}

/** Staff grants with this permission that reach the place (self roles excluded). */
export function staffCovers(principal: Principal, permission: Permission, place: { regionPath: string | null; orgPath: string | null; orgRegionPath?: string | null }): boolean {
  return grantsFor(principal, permission).some((g) => {
    if (isSelfRole(g.role)) return false;
    if (g.scope.type === 'organization') return place.orgPath !== null && scopeCovers(g.scope, { orgPath: place.orgPath });
    return scopeCovers(g.scope, { regionPath: place.regionPath });
  });
}

/**
 * A unit serves only where it is linked: may it publish in this region? Yes when the region lies in
 * a community that the unit (or an organisation above it) has an active pairing or a confirmed
 * registration with; other kinds of organisation are bound by their staff's region scope instead.
 */
export async function unitServesIn(db: Kysely<DB>, orgId: string, regionPath: string): Promise<boolean> {
  const org = await db.selectFrom('organization').select(['kind', 'path']).where('id', '=', orgId).executeTakeFirst();
  if (!org || org.kind !== 'unit') return true;
  const orgIds = org.path.split('/').filter(Boolean);
  const linked = await db
    .selectFrom('region as c')
    .select('c.id')
    .where('c.kind', '=', 'community')
    .where(sql<SqlBool>`starts_with(${regionPath}, c.path)`)
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('pairing as p').select('p.id').whereRef('p.community_id', '=', 'c.id').where('p.unit_org_id', 'in', orgIds).where('p.status', '=', 'active')),
        eb.exists(
          eb
            .selectFrom('registration as r')
            .select('r.id')
            .whereRef('r.community_id', '=', 'c.id')
            .where('r.kind', '=', 'unit')
            .where('r.unit_org_id', 'in', orgIds)
            .where('r.status', '=', 'confirmed'),
        ),
      ]),
    )
    .executeTakeFirst();
  return linked !== undefined;
}

export async function leadsTeam(db: Kysely<DB>, userId: string, teamId: string): Promise<boolean> {
  const row = await db
    .selectFrom('volunteer_team_member as tm')
    .innerJoin('member as m', 'm.id', 'tm.member_id')
    .select('tm.team_id')
    .where('tm.team_id', '=', teamId)
    .where('tm.is_leader', '=', true)
    .where('m.user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** May the principal manage (roster, code, edit, cancel, decide hours of) this activity? */
export async function canManage(db: Kysely<DB>, principal: Principal, a: ActivityPlace, permission: Permission = 'volunteering.activity.manage'): Promise<boolean> {
  if (staffCovers(principal, permission, { regionPath: a.regionPath, orgPath: a.ownerOrgPath })) return true;
  if (!principal.permissions.has('volunteering.activity.manage')) return false;
  if (a.organiserUserId === principal.userId) return true;
  return a.teamId !== null && (await leadsTeam(db, principal.userId, a.teamId));
}

export async function assertManage(db: Kysely<DB>, principal: Principal, a: ActivityPlace, permission: Permission = 'volunteering.activity.manage'): Promise<void> {
  if (!(await canManage(db, principal, a, permission))) throw forbidden('Only the organisers of this activity may do this', { permission });
}

export interface MemberSelf {
  id: string;
  name: string;
  status: string;
  residencePath: string | null;
  employerPath: string | null;
  /** Communities the member lives in or has a confirmed registration with. */
  communityPaths: string[];
}

const memberCache = new WeakMap<AppContext, Map<string, { at: number; value: MemberSelf | null }>>();
const MEMBER_TTL_MS = 60_000;

async function loadMemberOf(db: Kysely<DB>, userId: string): Promise<MemberSelf | null> {
  const m = await memberOfUser(db, userId);
  if (!m) return null;
  const communityPaths = [...new Set([...(m.residencePath ? [m.residencePath] : []), ...(await confirmedCommunityPaths(db, m.id))])];
  return { id: m.id, name: m.name, status: m.status, residencePath: m.residencePath, employerPath: m.employerPath, communityPaths };
}

/** The caller's member record (cached for a minute: the sign-up rush reads it on every request; eligibility may lag a move by that long). */
export async function memberOf(ctx: AppContext, userId: string, fresh = false): Promise<MemberSelf | null> {
  let cache = memberCache.get(ctx);
  if (!cache) memberCache.set(ctx, (cache = new Map()));
  const hit = cache.get(userId);
  if (!fresh && hit && Date.now() - hit.at < MEMBER_TTL_MS) return hit.value;
  const value = await loadMemberOf(ctx.db, userId);
  if (cache.size > 50_000) cache.clear();
  cache.set(userId, { at: Date.now(), value });
  return value;
}

export async function requireMember(ctx: AppContext, principal: Principal): Promise<MemberSelf> {
  const m = await memberOf(ctx, principal.userId);
  if (!m) throw new AppError('NOT_A_MEMBER', 409, 'Your account is not linked to a member record; ask your community to link it');
  if (m.status !== 'active') throw new AppError('MEMBER_NOT_ACTIVE', 409, 'Only active members take part');
  return m;
}

export type { Reach };
export { reachOf };

/**
 * Rows about a member in reach: the member's residence community (alias `c`), employer (alias `u`),
 * or the caller's own (alias `m`, with selfUserId).
 */
export function memberInReach(reach: Reach, opts: { self?: boolean } = {}): Expression<SqlBool> {
  return inReach(reach, { region: 'c.path', org: 'u.path', self: opts.self === false ? undefined : 'm.user_id' });
}

/** Activities in reach of staff grants: region (alias `ar`) or owner organisation (alias `ao`). */
export function activityInReach(reach: Reach): Expression<SqlBool> {
  return inReach(reach, { region: 'ar.path', org: 'ao.path' });
}
