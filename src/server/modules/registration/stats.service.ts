/**
 * The registration dashboard: units and members reported in against those expected, per street
 * (or per community inside one street), confirmations per week, and the agreements picture.
 * Expected units are the active pairings; expected members the active in-service party members
 * living there.
 */
import { sql, type SqlBool } from 'kysely';
import type { AreaStats, RegistrationStats, RegistrationStatsQuery } from '../../../contracts/registration';
import type { AppContext } from '../../platform/context';
import type { Principal } from '../../platform/principal';
import { inReach, reachOf } from './registration.policy';
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

  // One row per community in reach, with its street.
  const communities = await ctx.db
    .selectFrom('region as c')
    .leftJoin('region as st', 'st.id', 'c.parent_id')
    .select(['c.id', 'c.name', 'st.id as street_id', 'st.name as street_name'])
    .select(sql<number>`(select count(*) from pairing p where p.community_id = c.id and p.status = 'active')`.as('units_expected'))
    .select(sql<number>`(select count(*) from registration r where r.community_id = c.id and r.cycle_id = ${cycleId} and r.kind = 'unit' and r.status = 'confirmed')`.as('units_reported'))
    .select(
      sql<number>`(select count(*) from member m where m.residence_region_id = c.id and m.status = 'active' and m.is_party_member and m.employer_org_id is not null)`.as('members_expected'),
    )
    .select(sql<number>`(select count(*) from registration r where r.community_id = c.id and r.cycle_id = ${cycleId} and r.kind = 'member' and r.status = 'confirmed')`.as('members_reported'))
    .select(sql<number>`(select count(*) from registration r where r.community_id = c.id and r.cycle_id = ${cycleId} and r.status = 'pending')`.as('pending'))
    .where('c.kind', '=', 'community')
    // Rows here are communities: only region reach counts (organisation-scoped callers see none).
    .where(inReach({ ...reach, orgPaths: [] }))
    .where(regionFilter)
    .execute();

  const num = (v: unknown) => Number(v ?? 0);
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
  };
}
