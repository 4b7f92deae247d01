/**
 * matching: the three lists' suggestions (bench/run.ts imports `matchingBench(opts)`;
 * `npx tsx bench/matching.ts` runs it alone on a fresh county store).
 *
 *   matching-precision-at-5   on bench/matching-eval.json (25 needs, 32 resources, 106 pairs judged
 *                             by reading): the share of each need's top 5 that is relevant, out of
 *                             min(5, relevant resources) — the normalised P@5 (raw P@5 and two
 *                             baselines, category only and text only, are extra fields)
 *   matching-suggest-median   GET /api/v1/lists/needs/:id/suggestions through the app (guard,
 *   matching-suggest-p95      scope, three queries, scoring) for published needs of the demo city
 *                             (county scale: its pairings and three lists seeded), target < 50 ms
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { scorePair, suggestResources, type NeedDoc, type ResourceDoc } from '../src/domain/lists/matching';
import { needTerms } from '../src/server/modules/lists/needs.service';
import { resourceTerms } from '../src/server/modules/lists/resources.service';
import { buildApp } from '../src/server/app';
import { seedLists } from '../src/server/seed/lists';
import { seedRegistration } from '../src/server/seed/registration';
import { percentile, type BenchEntry, type BenchOptions } from './lib';

const here = path.dirname(fileURLToPath(import.meta.url));
const TARGET_MS = 50;
const SAMPLE = 60;

interface Eval {
  resources: Array<{ id: string; kind: string; category: ResourceDoc['category']; title: string; description: string; skills: string[] }>;
  needs: Array<{ id: string; category: NeedDoc['category']; title: string; description: string }>;
  judgements: Array<{ need: string; resource: string; relevant: boolean }>;
}

export interface Precision {
  normalised: number;
  raw: number;
  needs: number;
  pairs: number;
}

type Ranker = (need: NeedDoc, resources: ResourceDoc[]) => string[];

const TODAY = '2026-06-01';
const scorer: Ranker = (need, resources) => suggestResources(need, resources, TODAY, 5, 5).map((s) => s.resource.id);
const byPart =
  (part: 'category' | 'text'): Ranker =>
  (need, resources) =>
    resources
      .map((r) => ({ id: r.id, v: scorePair(need, r, TODAY).parts[part] }))
      .filter((x) => x.v > 0)
      .sort((a, b) => b.v - a.v || a.id.localeCompare(b.id))
      .slice(0, 5)
      .map((x) => x.id);

/** P@5 over the evaluation set for a ranking function. */
export function precisionAt5(data: Eval, rank: Ranker = scorer): Precision {
  const resources: ResourceDoc[] = data.resources.map((r) => ({
    id: r.id,
    unitOrgId: `unit-${r.id}`,
    category: r.category,
    terms: resourceTerms({ title: r.title, description: r.description, skills: r.skills }),
    pairedCommunityPaths: [],
    unitRegionPath: '/city/',
    availableFrom: null,
    availableUntil: null,
    unitCompletedProjects: 0,
  }));
  let normalised = 0;
  let raw = 0;
  for (const n of data.needs) {
    const relevant = new Set(data.judgements.filter((j) => j.need === n.id && j.relevant).map((j) => j.resource));
    const need: NeedDoc = { id: n.id, category: n.category, terms: needTerms({ title: n.title, description: n.description }), communityPath: '/city/d/s/c/', startsOn: null, endsOn: null };
    const top = rank(need, resources);
    const hits = top.filter((id) => relevant.has(id)).length;
    raw += hits / 5;
    normalised += hits / Math.min(5, relevant.size);
  }
  const k = data.needs.length;
  return { normalised: normalised / k, raw: raw / k, needs: k, pairs: data.judgements.length };
}

export function loadEval(): Eval {
  return JSON.parse(fs.readFileSync(path.join(here, 'matching-eval.json'), 'utf8')) as Eval;
}

export async function matchingBench(opts: BenchOptions): Promise<BenchEntry[]> {
  const data = loadEval();
  const p = precisionAt5(data);
  const categoryOnly = precisionAt5(data, byPart('category'));
  const textOnly = precisionAt5(data, byPart('text'));
  opts.log(`precision@5 ${p.normalised.toFixed(3)} (raw ${p.raw.toFixed(3)}; category only ${categoryOnly.normalised.toFixed(3)}, text only ${textOnly.normalised.toFixed(3)})`);

  const handle = await opts.seededStore();
  const db = await handle.open();
  const entries: BenchEntry[] = [];
  try {
    await seedRegistration(db.db);
    const seeded = await seedLists(db.db);
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
        opts.entry(opts.store, 'matching-precision-at-5', [p.normalised], 'P@5 (normalised)', { name: 'fixed target', value: 0.7 }, (v) => v / 0.7, `normalised P@5 ≥ 0.7 on ${p.pairs} judged pairs`, {
          raw_precision_at_5: Number(p.raw.toFixed(3)),
          category_only: Number(categoryOnly.normalised.toFixed(3)),
          text_only: Number(textOnly.normalised.toFixed(3)),
          needs: p.needs,
          judged_pairs: p.pairs,
        }),
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

// Run alone: `npx tsx bench/matching.ts [--precision-only]`.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const data = loadEval();
  const show = (label: string, r: Precision) => console.log(`${label}: P@5 normalised ${r.normalised.toFixed(3)}, raw ${r.raw.toFixed(3)} (${r.needs} needs, ${r.pairs} judged pairs)`);
  show('scorer', precisionAt5(data));
  show('category only', precisionAt5(data, byPart('category')));
  show('text only', precisionAt5(data, byPart('text')));
}
