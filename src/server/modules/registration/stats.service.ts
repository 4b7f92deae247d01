/**
 * The registration dashboard: units and members reported in against those expected, per street
 * (or per community inside one street), confirmations per week, and the agreements picture.
 * Expected units are the active pairings; expected members the active in-service party members
 * living there. The tree gives every place under the caller (district → street → community) in
 * one call; a unit admin sees its own units' figures in the communities it is linked with.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { AreaStats, RegistrationStats, RegistrationStatsQuery, StatsNode } from '../../../contracts/registration';
import type { AppContext } from '../../platform/context';
import type { Principal } from '../../platform/principal';
import { inReach, reachOf, type Reach } from './registration.policy';
import { localDateIn, ZONE } from '../../platform/time';
import { today } from './registrations.service';

export async function registrationStats(ctx: AppContext, principal: Principal, q: RegistrationStatsQuery): Promise<RegistrationStats> {
  const cycle = q.cycleId
    ? await ctx.db.selectFrom('registration_cycle').selectAll().where('id', '=', q.cycleId).executeTakeFirst()
    : await ctx.db.selectFrom('registration_cycle').selectAll().where('starts_on', '<=', today()).orderBy('starts_on', 'desc').executeTakeFirst();
  const reach = { ...reachOf(principal, 'registration.read'), selfUserId: null };
  const scope = inReach(reach);
  const regionFilter = q.regionId ? sql<SqlBool>`c.path like (select path from region where id = ${q.regionId}) || '%'` : sql<SqlBool>`true`;
  const cycleId = cycle?.id ?? '00000000-0000-0000-0000-000000000000';

  const communities = await communityFigures(ctx, reach, cycleId, regionFilter);
  const streets = new Set(communities.map((c) => c.street_id));
  const byStreet = streets.size > 1;
  const areas = new Map<string, AreaStats>();
  const totals: AreaStats = { regionId: q.regionId ?? '00000000-0000-0000-0000-000000000000', name: '合计', kind: 'total', unitsExpected: 0, unitsReported: 0, membersExpected: 0, membersReported: 0, pending: 0 };
  for (const c of communities) {
    const key = byStreet ? (c.street_id ?? c.id) : c.id;
    const a = areas.get(key) ?? {
      regionId: key,
      name: byStreet ? (c.street_name ?? c.name) : c.name,
      kind: byStreet ? 'street' : 'community',
      unitsExpected: 0,
      unitsReported: 0,
      membersExpected: 0,
      membersReported: 0,
      pending: 0,
    };
    for (const target of [a, totals]) {
      target.unitsExpected += num(c.units_expected);
      target.unitsReported += num(c.units_reported);
      target.membersExpected += num(c.members_expected);
      target.membersReported += num(c.members_reported);
      target.pending += num(c.pending);
    }
    areas.set(key, a);
  }

  const weekly = cycle
    ? await ctx.db
        .selectFrom('registration as r')
        .innerJoin('region as c', 'c.id', 'r.community_id')
        .leftJoin('organization as u', 'u.id', 'r.unit_org_id')
        .select([
          sql<string>`to_char(date_trunc('week', r.decided_at at time zone ${sql.lit(ZONE)}), 'YYYY-MM-DD')`.as('week'),
          sql<number>`count(*) filter (where r.kind = 'unit')`.as('units'),
          sql<number>`count(*) filter (where r.kind = 'member')`.as('members'),
        ])
        .where('r.cycle_id', '=', cycle.id)
        .where('r.status', '=', 'confirmed')
        .where(scope)
        .where(regionFilter)
        .groupBy(sql`date_trunc('week', r.decided_at at time zone ${sql.lit(ZONE)})`)
        .orderBy(sql`date_trunc('week', r.decided_at at time zone ${sql.lit(ZONE)})`)
        .execute()
    : [];

  const t = today();
  const until = localDateIn(30);
  const agreements = await ctx.db
    .selectFrom('pairing as p')
    .innerJoin('region as c', 'c.id', 'p.community_id')
    .innerJoin('organization as u', 'u.id', 'p.unit_org_id')
    .select([
      sql<number>`count(*) filter (where exists (select 1 from agreement a where a.pairing_id = p.id and a.status = 'signed_by_both' and a.term_start <= ${t} and a.term_end >= ${t}))`.as('in_force'),
      sql<number>`count(*) filter (where exists (select 1 from agreement a where a.pairing_id = p.id and a.status = 'signed_by_both' and a.term_end >= ${t} and a.term_end <= ${until}))`.as('expiring'),
      sql<number>`count(*) filter (where not exists (select 1 from agreement a where a.pairing_id = p.id and a.status = 'signed_by_both' and a.term_start <= ${t} and a.term_end >= ${t}))`.as('without'),
    ])
    .where('p.status', '=', 'active')
    .where(scope)
    .where(regionFilter)
    .executeTakeFirstOrThrow();

  return {
    cycle: cycle ? { id: cycle.id, name: cycle.name, startsOn: cycle.starts_on, endsOn: cycle.ends_on, current: cycle.starts_on <= t && t <= cycle.ends_on, createdAt: cycle.created_at.toISOString() } : null,
    totals,
    areas: [...areas.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    weekly: weekly.map((w) => ({ week: w.week, units: num(w.units), members: num(w.members) })),
    agreements: { inForce: num(agreements.in_force), expiringIn30Days: num(agreements.expiring), pairsWithout: num(agreements.without) },
    tree: await statsTree(ctx, reach, q.regionId ?? null, communities),
  };
}

const num = (v: unknown) => Number(v ?? 0);

interface CommunityFigures {
  id: string;
  name: string;
  path: string;
  street_id: string | null;
  street_name: string | null;
  units_expected: number;
  units_reported: number;
  members_expected: number;
  members_reported: number;
  pending: number;
}

/**
 * One row per community in reach, with its street. A community in a region the caller reaches
 * counts everyone; a unit admin's (organisation reach) counts only its units' pairings,
 * registrations and members, in the communities where it has any.
 */
async function communityFigures(ctx: AppContext, reach: Reach, cycleId: string, regionFilter: Expression<SqlBool>): Promise<CommunityFigures[]> {
  const regionRows = await ctx.db
    .selectFrom('region as c')
    .leftJoin('region as st', 'st.id', 'c.parent_id')
    .select(['c.id', 'c.name', 'c.path', 'st.id as street_id', 'st.name as street_name'])
    .select(sql<number>`(select count(*) from pairing p where p.community_id = c.id and p.status = 'active')`.as('units_expected'))
    .select(sql<number>`(select count(*) from registration r where r.community_id = c.id and r.cycle_id = ${cycleId} and r.kind = 'unit' and r.status = 'confirmed')`.as('units_reported'))
    .select(
      sql<number>`(select count(*) from member m where m.residence_region_id = c.id and m.status = 'active' and m.is_party_member and m.employer_org_id is not null)`.as('members_expected'),
    )
    .select(sql<number>`(select count(*) from registration r where r.community_id = c.id and r.cycle_id = ${cycleId} and r.kind = 'member' and r.status = 'confirmed')`.as('members_reported'))
    .select(sql<number>`(select count(*) from registration r where r.community_id = c.id and r.cycle_id = ${cycleId} and r.status = 'pending')`.as('pending'))
    .where('c.kind', '=', 'community')
    .where(inReach({ ...reach, orgPaths: [] }))
    .where(regionFilter)
    .execute();
  if (reach.all || reach.orgPaths.length === 0) return regionRows;

  const ours = sql<SqlBool>`(${sql.join(
    reach.orgPaths.map((p) => sql<SqlBool>`u.path like ${`${p}%`}`),
    sql` or `,
  )})`;
  const unitRows = await ctx.db
    .selectFrom('region as c')
    .leftJoin('region as st', 'st.id', 'c.parent_id')
    .select(['c.id', 'c.name', 'c.path', 'st.id as street_id', 'st.name as street_name'])
    .select(sql<number>`(select count(*) from pairing p join organization u on u.id = p.unit_org_id where p.community_id = c.id and p.status = 'active' and ${ours})`.as('units_expected'))
    .select(
      sql<number>`(select count(*) from registration r join organization u on u.id = r.unit_org_id where r.community_id = c.id and r.cycle_id = ${cycleId} and r.kind = 'unit' and r.status = 'confirmed' and ${ours})`.as(
        'units_reported',
      ),
    )
    .select(
      sql<number>`(select count(*) from member m join organization u on u.id = m.employer_org_id where m.residence_region_id = c.id and m.status = 'active' and m.is_party_member and ${ours})`.as(
        'members_expected',
      ),
    )
    .select(
      sql<number>`(select count(*) from registration r join organization u on u.id = r.unit_org_id where r.community_id = c.id and r.cycle_id = ${cycleId} and r.kind = 'member' and r.status = 'confirmed' and ${ours})`.as(
        'members_reported',
      ),
    )
    .select(sql<number>`(select count(*) from registration r join organization u on u.id = r.unit_org_id where r.community_id = c.id and r.cycle_id = ${cycleId} and r.status = 'pending' and ${ours})`.as('pending'))
    .where('c.kind', '=', 'community')
    .where((eb) => eb.not(inReach({ ...reach, orgPaths: [] })))
    .where(regionFilter)
    .execute();
  const linked = unitRows.filter((c) => num(c.units_expected) + num(c.members_expected) + num(c.units_reported) + num(c.members_reported) + num(c.pending) > 0);
  return [...regionRows, ...linked];
}

/**
 * The places above the communities, summed, from the caller's own region (or the one asked for)
 * down; parents before children, siblings by name.
 */
async function statsTree(ctx: AppContext, reach: Reach, regionId: string | null, communities: CommunityFigures[]): Promise<StatsNode[]> {
  const ids = new Set(communities.flatMap((c) => c.path.split('/').filter(Boolean)));
  if (ids.size === 0) return [];
  const places = await ctx.db.selectFrom('region').select(['id', 'parent_id', 'name', 'kind', 'path']).where('id', 'in', [...ids]).execute();
  const top = regionId ? places.find((p) => p.id === regionId) : undefined;
  const under = (path: string) => {
    if (top) return path.startsWith(top.path);
    if (reach.all || reach.regionPaths.length === 0) return true;
    return reach.regionPaths.some((p) => path.startsWith(p));
  };
  const nodes = new Map<string, StatsNode & { path: string }>();
  for (const p of places) {
    if (!under(p.path)) continue;
    nodes.set(p.id, { regionId: p.id, parentId: p.parent_id, name: p.name, kind: p.kind, path: p.path, unitsExpected: 0, unitsReported: 0, membersExpected: 0, membersReported: 0, pending: 0 });
  }
  for (const c of communities) {
    for (const id of c.path.split('/').filter(Boolean)) {
      const n = nodes.get(id);
      if (!n) continue;
      n.unitsExpected += num(c.units_expected);
      n.unitsReported += num(c.units_reported);
      n.membersExpected += num(c.members_expected);
      n.membersReported += num(c.members_reported);
      n.pending += num(c.pending);
    }
  }
  const children = new Map<string | null, Array<StatsNode & { path: string }>>();
  for (const n of nodes.values()) {
    const parent = n.parentId && nodes.has(n.parentId) ? n.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), n]);
  }
  const out: StatsNode[] = [];
  const walk = (parent: string | null) => {
    for (const n of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))) {
      const { path: _path, ...node } = n;
      out.push({ ...node, parentId: parent });
      walk(n.regionId);
    }
  };
  walk(null);
  return out;
}
