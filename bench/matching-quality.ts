/**
 * How good the suggestions are on a judged evaluation set, next to the TF-IDF baseline of the same
 * run: P@5, normalised P@5 (hits ÷ min(5, relevant)), nDCG@10 (binary gains), MRR, and the needs
 * with nothing relevant in the top 5. Reads both set formats: bench/matching-set.json (`relevant`
 * lists, several categories) and the older bench/matching-eval.json (`judgements`, one category).
 * `npx tsx bench/matching-quality.ts [FILE…]` prints the figures for each file (default: both sets).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileDictionary, type ConceptEntry } from '../src/domain/lists/dictionary';
import { buildCorpus, suggestResources, type Category, type NeedDoc, type ResourceDoc } from '../src/domain/lists/matching';
import { analyse, needText, resourceText } from '../src/domain/lists/text';
import { tfidfBaseline } from './tfidf-baseline';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SET_FILES = [path.join(here, 'matching-set.json'), path.join(here, 'matching-eval.json')];

interface RawSet {
  resources: Array<{ id: string; category?: Category; categories?: Category[]; title: string; description: string; skills?: string[] }>;
  needs: Array<{ id: string; category?: Category; categories?: Category[]; title: string; description: string }>;
  relevant?: Record<string, string[]>;
  judgements?: Array<{ need: string; resource: string; relevant: boolean }>;
}

export interface EvalSet {
  name: string;
  resources: Array<{ id: string; categories: Category[]; title: string; description: string; skills: string[] }>;
  needs: Array<{ id: string; categories: Category[]; title: string; description: string }>;
  relevant: Map<string, Set<string>>;
}

export function loadSet(file: string): EvalSet {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as RawSet;
  const cats = (x: { category?: Category; categories?: Category[] }): Category[] => x.categories ?? (x.category ? [x.category] : []);
  const relevant = new Map<string, Set<string>>(raw.needs.map((n) => [n.id, new Set<string>()]));
  if (raw.relevant) for (const [n, rs] of Object.entries(raw.relevant)) for (const r of rs) relevant.get(n)?.add(r);
  for (const j of raw.judgements ?? []) if (j.relevant) relevant.get(j.need)?.add(j.resource);
  return {
    name: path.basename(file),
    resources: raw.resources.map((r) => ({ id: r.id, categories: cats(r), title: r.title, description: r.description, skills: r.skills ?? [] })),
    needs: raw.needs.map((n) => ({ id: n.id, categories: cats(n), title: n.title, description: n.description })),
    relevant,
  };
}

export interface Metrics {
  precisionAt5: number;
  normalisedPrecisionAt5: number;
  ndcgAt10: number;
  mrr: number;
  /** Needs with nothing relevant in their top 5. */
  missed: number;
  needs: number;
  relevantPairs: number;
}

export function score(set: EvalSet, rankings: Map<string, string[]>): Metrics {
  let p5 = 0;
  let np5 = 0;
  let ndcg = 0;
  let mrr = 0;
  let missed = 0;
  let judged = 0;
  let pairs = 0;
  for (const n of set.needs) {
    const rel = set.relevant.get(n.id)!;
    if (rel.size === 0) continue;
    judged++;
    pairs += rel.size;
    const top = rankings.get(n.id) ?? [];
    const hits5 = top.slice(0, 5).filter((id) => rel.has(id)).length;
    p5 += hits5 / 5;
    np5 += hits5 / Math.min(5, rel.size);
    if (hits5 === 0) missed++;
    let dcg = 0;
    top.slice(0, 10).forEach((id, i) => {
      if (rel.has(id)) dcg += 1 / Math.log2(i + 2);
    });
    let ideal = 0;
    for (let i = 0; i < Math.min(10, rel.size); i++) ideal += 1 / Math.log2(i + 2);
    ndcg += dcg / ideal;
    const first = top.findIndex((id) => rel.has(id));
    mrr += first < 0 ? 0 : 1 / (first + 1);
  }
  const k = judged || 1;
  return { precisionAt5: p5 / k, normalisedPrecisionAt5: np5 / k, ndcgAt10: ndcg / k, mrr: mrr / k, missed, needs: judged, relevantPairs: pairs };
}

const TODAY = '2026-06-01';

/** Our suggestions' top 10 for each need (each resource its own unit; no distance or dates in the set). */
export function rankOurs(set: EvalSet, extra: readonly ConceptEntry[] = []): Map<string, string[]> {
  const dict = compileDictionary(extra);
  const docs: ResourceDoc[] = set.resources.map((r) => ({
    id: r.id,
    unitOrgId: `unit-${r.id}`,
    categories: r.categories,
    text: analyse(resourceText(r), dict),
    pairedCommunityPaths: [],
    unitRegionPath: '/city/',
    availableFrom: null,
    availableUntil: null,
    unitCompletedProjects: 0,
  }));
  const corpus = buildCorpus(docs);
  const out = new Map<string, string[]>();
  for (const n of set.needs) {
    const need: NeedDoc = { id: n.id, categories: n.categories, text: analyse(needText(n), dict), communityPath: '/city/d/s/c/', startsOn: null, endsOn: null };
    out.set(
      n.id,
      suggestResources(need, corpus, TODAY, 10, 10).map((s) => s.resource.id),
    );
  }
  return out;
}

/** The character-bigram TF-IDF baseline's top 10 for each need. */
export function rankBaseline(set: EvalSet): Map<string, string[]> {
  const b = tfidfBaseline(set.resources.map((r) => ({ id: r.id, text: resourceText(r) })));
  return new Map(set.needs.map((n) => [n.id, b.rank(needText(n), 10)]));
}

const f = (x: number) => x.toFixed(3);
export const describe = (m: Metrics) => `nP@5 ${f(m.normalisedPrecisionAt5)}  P@5 ${f(m.precisionAt5)}  nDCG@10 ${f(m.ndcgAt10)}  MRR ${f(m.mrr)}  missed ${m.missed}/${m.needs}`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const verbose = process.argv.includes('--misses');
  for (const file of files.length ? files : SET_FILES) {
    const set = loadSet(file);
    const ours = rankOurs(set);
    console.log(`${set.name} (${set.needs.length} needs, ${set.resources.length} resources)`);
    console.log(`  ours     ${describe(score(set, ours))}`);
    console.log(`  baseline ${describe(score(set, rankBaseline(set)))}`);
    if (verbose) {
      const title = new Map(set.resources.map((r) => [r.id, r.title]));
      for (const n of set.needs) {
        const rel = set.relevant.get(n.id)!;
        const top = (ours.get(n.id) ?? []).slice(0, 5);
        const hits = top.filter((id) => rel.has(id)).length;
        if (hits < Math.min(5, rel.size)) console.log(`  ${n.id} ${n.title} [${hits}/${Math.min(5, rel.size)}] want ${[...rel].map((r) => title.get(r)).join('、')} | got ${top.map((r) => (rel.has(r) ? '✓' : '') + title.get(r)).join('、')}`);
      }
    }
  }
}
