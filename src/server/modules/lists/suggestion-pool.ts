/**
 * The pools of candidates for matching suggestions, kept in memory per database:
 *   - the dictionary (defaults plus the staff's `match_term` entries), compiled;
 *   - every published resource with its unit's active pairings and completed projects, analysed
 *     (domain/lists/text.ts) and indexed for BM25 (domain/lists/rank.ts).
 * Loading takes three queries; analysing a text takes a fraction of a millisecond and is kept per
 * row (id, updated_at, dictionary generation), so a rebuild re-analyses only what changed. A pool
 * is rebuilt when this process changes a resource, a claim, a project's completion (poolChanged)
 * or the dictionary (dictionaryChanged), and at the latest after POOL_TTL_MS — the delay within
 * which changes made by other app instances, or new pairings, reach the suggestions (they are
 * advice, not records).
 */
import { sql, type Kysely } from 'kysely';
import { compileDictionary, type ConceptEntry, type Dictionary } from '../../../domain/lists/dictionary';
import { buildCorpus, type Category, type Corpus, type ResourceDoc } from '../../../domain/lists/matching';
import { analyse, resourceText, type Analysis } from '../../../domain/lists/text';
import type { DB } from '../../db/schema';

export interface Candidate extends ResourceDoc {
  title: string;
  kind: 'people' | 'service' | 'venue' | 'equipment' | 'funds';
  unitName: string;
}

interface Pool {
  generation: number;
  builtAt: number;
  corpus: Corpus<Candidate>;
}

interface LoadedDictionary {
  generation: number;
  builtAt: number;
  dict: Dictionary;
  /** Which generation of staff entries the analyses were made with (part of each cache key). */
  key: string;
}

/** How long a pool serves before it is rebuilt (changes made by other app instances show within it). */
export const POOL_TTL_MS = 30_000;
const pools = new WeakMap<Kysely<DB>, Pool>();
const dictionaries = new WeakMap<Kysely<DB>, LoadedDictionary>();
const analyses = new WeakMap<Kysely<DB>, Map<string, { stamp: string; text: Analysis }>>();
let generation = 0;
let dictionaryGeneration = 0;

/** Called by every write in this process that changes the pool (resources, claims, completions). */
export function poolChanged(): void {
  generation++;
}

/** Called when the staff change the dictionary: every text is analysed again. */
export function dictionaryChanged(): void {
  dictionaryGeneration++;
  generation++;
}

/** The staff's dictionary entries grouped by concept. */
export async function staffEntries(db: Kysely<DB>): Promise<ConceptEntry[]> {
  const rows = await db.selectFrom('match_term').select(['concept', 'word']).orderBy('concept').orderBy('word').execute();
  const by = new Map<string, string[]>();
  for (const r of rows) by.set(r.concept, [...(by.get(r.concept) ?? []), r.word]);
  return [...by].map(([concept, words]) => ({ concept, words }));
}

export async function loadDictionary(db: Kysely<DB>): Promise<LoadedDictionary> {
  const cached = dictionaries.get(db);
  if (cached && cached.generation === dictionaryGeneration && performance.now() - cached.builtAt < POOL_TTL_MS) return cached;
  const gen = dictionaryGeneration;
  const builtAt = performance.now();
  const entries = await staffEntries(db);
  const key = `${entries.length}:${entries.map((e) => `${e.concept}=${e.words.join(',')}`).join(';')}`;
  const loaded = { generation: gen, builtAt, dict: compileDictionary(entries), key };
  dictionaries.set(db, loaded);
  return loaded;
}

/** A row's analysed text, reused while the row and the dictionary are unchanged. */
export function analysedText(db: Kysely<DB>, dictionary: LoadedDictionary, key: string, updatedAt: Date | string, text: () => string): Analysis {
  let cache = analyses.get(db);
  if (!cache) analyses.set(db, (cache = new Map()));
  const stamp = `${new Date(updatedAt).getTime()}|${dictionary.key}`;
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) return hit.text;
  const analysed = analyse(text(), dictionary.dict);
  cache.set(key, { stamp, text: analysed });
  return analysed;
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

/** The main category first, then the extra ones. */
export const categoriesOf = (r: { category: Category; extra_categories: readonly Category[] }): Category[] => [r.category, ...r.extra_categories.filter((c) => c !== r.category)];

export async function loadPool(db: Kysely<DB>): Promise<Pool> {
  const cached = pools.get(db);
  if (cached && cached.generation === generation && performance.now() - cached.builtAt < POOL_TTL_MS) return cached;
  const gen = generation;
  const builtAt = performance.now();
  const [rows, pairs, completed, dictionary] = await Promise.all([
    db
      .selectFrom('resource as r')
      .innerJoin('organization as u', 'u.id', 'r.unit_org_id')
      .leftJoin('region as ur', 'ur.id', 'u.region_id')
      .select([
        'r.id',
        'r.unit_org_id',
        'u.name as unit_name',
        'ur.path as unit_region_path',
        'r.title',
        'r.description',
        'r.skills',
        'r.availability_note',
        'r.kind',
        'r.category',
        'r.extra_categories',
        'r.available_from',
        'r.available_until',
        'r.updated_at',
      ])
      .where('r.status', '=', 'published')
      .execute(),
    pairedPaths(db),
    completedByUnit(db),
    loadDictionary(db),
  ]);
  const candidates: Candidate[] = rows.map((r) => ({
    id: r.id,
    unitOrgId: r.unit_org_id,
    unitName: r.unit_name,
    title: r.title,
    kind: r.kind,
    categories: categoriesOf(r),
    text: analysedText(db, dictionary, `resource:${r.id}`, r.updated_at, () => resourceText({ title: r.title, description: r.description, skills: r.skills, availabilityNote: r.availability_note })),
    pairedCommunityPaths: pairs.get(r.unit_org_id) ?? [],
    unitRegionPath: r.unit_region_path,
    availableFrom: r.available_from,
    availableUntil: r.available_until,
    unitCompletedProjects: completed.get(r.unit_org_id) ?? 0,
  }));
  const pool: Pool = { generation: gen, builtAt, corpus: buildCorpus(candidates) };
  pools.set(db, pool);
  return pool;
}
