/**
 * The pool of candidates for matching suggestions: every published resource with its unit's
 * active pairings and completed projects, as scorer documents. Loading it takes three queries
 * (tens of milliseconds on PGlite at county scale), so it is kept in memory per database and
 * rebuilt when this process changes a resource, a claim or a project's completion (poolChanged),
 * and at the latest after POOL_TTL_MS — the delay within which changes made by other app
 * instances, or new pairings, reach the suggestions (they are advice, not records).
 */
import { sql, type Kysely } from 'kysely';
import type { ResourceDoc } from '../../../domain/lists/matching';
import { unpackTerms } from '../../../domain/lists/text';
import type { DB } from '../../db/schema';

export interface Candidate extends ResourceDoc {
  title: string;
  kind: 'people' | 'service' | 'venue' | 'equipment' | 'funds';
  unitName: string;
}

interface Pool {
  generation: number;
  builtAt: number;
  candidates: Candidate[];
}

/** How long a pool serves before it is rebuilt (changes made by other app instances show within it). */
export const POOL_TTL_MS = 30_000;
const pools = new WeakMap<Kysely<DB>, Pool>();
let generation = 0;

/** Called by every write in this process that changes the pool (resources, claims, completions). */
export function poolChanged(): void {
  generation++;
}

/** Active pairings: unit → community paths. */
export async function pairedPaths(db: Kysely<DB>, unitOrgId?: string): Promise<Map<string, string[]>> {
  let q = db.selectFrom('pairing as p').innerJoin('region as c', 'c.id', 'p.community_id').select(['p.unit_org_id', 'c.path']).where('p.status', '=', 'active');
  if (unitOrgId) q = q.where('p.unit_org_id', '=', unitOrgId);
  const out = new Map<string, string[]>();
  for (const r of await q.execute()) out.set(r.unit_org_id, [...(out.get(r.unit_org_id) ?? []), r.path]);
  return out;
}

/** Completed projects per unit (led, or claimed and active). */
export async function completedByUnit(db: Kysely<DB>, unitOrgId?: string): Promise<Map<string, number>> {
  const rows = await sql<{ unit_org_id: string; n: number }>`
    select unit_org_id, count(distinct project_id)::int as n from (
      select k.unit_org_id, k.project_id from project_claim k join project p on p.id = k.project_id
        where p.status = 'completed' and k.status = 'active' and k.unit_org_id is not null
      union all
      select p.lead_unit_org_id, p.id from project p where p.status = 'completed' and p.lead_unit_org_id is not null
    ) t ${unitOrgId ? sql`where unit_org_id = ${unitOrgId}` : sql``} group by unit_org_id`.execute(db);
  return new Map(rows.rows.map((r) => [r.unit_org_id, Number(r.n)]));
}

export async function loadPool(db: Kysely<DB>): Promise<Pool> {
  const cached = pools.get(db);
  if (cached && cached.generation === generation && performance.now() - cached.builtAt < POOL_TTL_MS) return cached;
  const gen = generation;
  const builtAt = performance.now();
  const [rows, pairs, completed] = await Promise.all([
    db
      .selectFrom('resource as r')
      .innerJoin('organization as u', 'u.id', 'r.unit_org_id')
      .leftJoin('region as ur', 'ur.id', 'u.region_id')
      .select(['r.id', 'r.unit_org_id', 'u.name as unit_name', 'ur.path as unit_region_path', 'r.title', 'r.kind', 'r.category', 'r.tokens', 'r.available_from', 'r.available_until'])
      .where('r.status', '=', 'published')
      .execute(),
    pairedPaths(db),
    completedByUnit(db),
  ]);
  const pool: Pool = {
    generation: gen,
    builtAt,
    candidates: rows.map((r) => ({
      id: r.id,
      unitOrgId: r.unit_org_id,
      unitName: r.unit_name,
      title: r.title,
      kind: r.kind,
      category: r.category,
      terms: unpackTerms(r.tokens),
      pairedCommunityPaths: pairs.get(r.unit_org_id) ?? [],
      unitRegionPath: r.unit_region_path,
      availableFrom: r.available_from,
      availableUntil: r.available_until,
      unitCompletedProjects: completed.get(r.unit_org_id) ?? 0,
    })),
  };
  pools.set(db, pool);
  return pool;
}

