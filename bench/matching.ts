/**
 * matching: the three lists' suggestions (bench/run.ts imports `matchingBench(opts)`;
 * `npx tsx bench/matching-quality.ts` prints the quality figures alone).
 *
 *   matching-precision-at-5   normalised P@5 on bench/matching-set.json (100 needs, 150 resources,
 *                             judged exhaustively; bench/matching-quality.ts), against the
 *                             character-bigram TF-IDF baseline computed in the same run; P@5,
 *                             nDCG@10 and MRR of both, and the same on the older
 *                             bench/matching-eval.json, are extra fields
 *   matching-ndcg-at-10       nDCG@10 on the same set, against the same baseline
 *   matching-suggest-median   GET /api/v1/lists/needs/:id/suggestions through the app (guard,
 *   matching-suggest-p95      scope, queries, BM25 over the pool, explanations) for published needs
 *                             of the demo city topped up to 10,000 published resources, target < 50 ms
 */
import { sql } from 'kysely';
import { buildApp } from '../src/server/app';
import { seedLists } from '../src/server/seed/lists';
import { seedRegistration } from '../src/server/seed/registration';
import { percentile, type BenchEntry, type BenchOptions } from './lib';
import { loadSet, rankBaseline, rankOurs, score, SET_FILES, type Metrics } from './matching-quality';

const TARGET_MS = 50;
const SAMPLE = 60;
const RESOURCES = 10_000;

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const figures = (m: Metrics) => ({ normalised_p_at_5: r3(m.normalisedPrecisionAt5), p_at_5: r3(m.precisionAt5), ndcg_at_10: r3(m.ndcgAt10), mrr: r3(m.mrr), missed: m.missed });

/** Tops the published resources up to `total` with variants of the evaluation set's resources, spread over the units. */
async function topUpResources(db: import('kysely').Kysely<import('../src/server/db/schema').DB>, total: number): Promise<void> {
  const have = Number((await db.selectFrom('resource').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'published').executeTakeFirstOrThrow()).n);
  const units = (await db.selectFrom('organization').select('id').where('kind', '=', 'unit').orderBy('id').execute()).map((u) => u.id);
  const set = loadSet(SET_FILES[0]!);
  const rows: Array<Record<string, unknown>> = [];
  for (let i = 0; i < total - have; i++) {
    const r = set.resources[i % set.resources.length]!;
    const n = Math.floor(i / set.resources.length);
    rows.push({
      unit_org_id: units[i % units.length],
      kind: 'service',
      title: n ? `${r.title}（第${n}批）` : r.title,
      description: r.description,
      category: r.categories[0],
      extra_categories: r.categories.slice(1),
      skills: r.skills,
      status: 'published',
    });
  }
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('resource').values(rows.slice(i, i + 500) as never).execute();
}

export async function matchingBench(opts: BenchOptions): Promise<BenchEntry[]> {
  const set = loadSet(SET_FILES[0]!);
  const old = loadSet(SET_FILES[1]!);
  const ours = score(set, rankOurs(set));
  const base = score(set, rankBaseline(set));
  const oldOurs = score(old, rankOurs(old));
  const oldBase = score(old, rankBaseline(old));
  opts.log(`${set.name}: ours nP@5 ${ours.normalisedPrecisionAt5.toFixed(3)} nDCG@10 ${ours.ndcgAt10.toFixed(3)}; TF-IDF nP@5 ${base.normalisedPrecisionAt5.toFixed(3)} nDCG@10 ${base.ndcgAt10.toFixed(3)}`);
  opts.log(`${old.name}: ours nP@5 ${oldOurs.normalisedPrecisionAt5.toFixed(3)}; TF-IDF ${oldBase.normalisedPrecisionAt5.toFixed(3)}`);
  const quality = { set: set.name, needs: ours.needs, relevant_pairs: ours.relevantPairs, ours: figures(ours), tfidf_baseline: figures(base), old_set: { set: old.name, ours: figures(oldOurs), tfidf_baseline: figures(oldBase) } };

  const handle = await opts.seededStore();
  const db = await handle.open();
  const entries: BenchEntry[] = [];
  try {
    await seedRegistration(db.db);
    const seeded = await seedLists(db.db);
    await topUpResources(db.db, RESOURCES);
    if (opts.store === 'postgres') await sql`analyze`.execute(db.db);
    const app = await buildApp(handle.config, db, { logger: false });
    await app.ready();
    try {
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: opts.admin });
      if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode}`);
      const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const needs = await db.db.selectFrom('need').select('id').where('status', '=', 'published').orderBy('id').limit(SAMPLE).execute();
      const resources = await db.db.selectFrom('resource').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'published').executeTakeFirstOrThrow();
      const ask = async (id: string) => {
        const t = performance.now();
        const res = await app.inject({ method: 'GET', url: `/api/v1/lists/needs/${id}/suggestions`, headers: { cookie } });
        const ms = performance.now() - t;
        if (res.statusCode !== 200) throw new Error(`suggestions answered ${res.statusCode}`);
        return ms;
      };
      for (const n of needs.slice(0, 5)) await ask(n.id); // warm up
      const medians: number[] = [];
      const p95s: number[] = [];
      for (let run = 0; run < opts.runs; run++) {
        const times: number[] = [];
        for (const n of needs) times.push(await ask(n.id));
        medians.push(percentile(times, 50));
        p95s.push(percentile(times, 95));
      }
      const extra = { needs_sampled: needs.length, published_resources: Number(resources.n), seeded: seeded.counts };
      entries.push(
        opts.entry(opts.store, 'matching-precision-at-5', [ours.normalisedPrecisionAt5], 'P@5 (normalised)', { name: 'TF-IDF baseline', value: r3(base.normalisedPrecisionAt5) }, (v) => v / base.normalisedPrecisionAt5, `normalised P@5 above the character-bigram TF-IDF of the same run on ${ours.relevantPairs} relevant pairs`, quality),
        opts.entry(opts.store, 'matching-ndcg-at-10', [ours.ndcgAt10], 'nDCG@10', { name: 'TF-IDF baseline', value: r3(base.ndcgAt10) }, (v) => v / base.ndcgAt10, 'nDCG@10 above the TF-IDF baseline of the same run', quality),
        opts.entry(opts.store, 'matching-suggest-median', medians, 'ms', { name: 'target', value: TARGET_MS }, (v) => TARGET_MS / v, `median < ${TARGET_MS} ms per need`, extra),
        opts.entry(opts.store, 'matching-suggest-p95', p95s, 'ms', { name: 'target', value: TARGET_MS }, (v) => TARGET_MS / v, `p95 < ${TARGET_MS} ms per need`, extra),
      );
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
    await handle.dispose();
  }
  return entries;
}
