/**
 * The matching scorer: how likely a resource answers a need. The text decides (BM25 over words,
 * bigrams and dictionary concepts, rank.ts, normalised by the best candidate of the query); the
 * other signals re-rank without dominating: a candidate's score is text × (1 − SOFT + SOFT × s),
 * where s is the weighted mean of category (any shared category; related ones half), distance
 * (the region tree), availability (the need's time window) and past success (completed
 * projects). With SOFT = 0.25 the signals can move a candidate by at most a quarter of its text
 * score, so a same-category resource with a weak text never beats one that says what is needed.
 * Nothing is rounded before sorting. Each suggestion carries its explanation: the shared words,
 * the synonyms used (which words of each side met in which concept), the shared categories and
 * the distance. The same ranking finds near-duplicate texts (findSimilarTexts, for concerns) and
 * suggests items to a person from their profile text (suggestForProfile, for wishes).
 * Pure and synchronous: services analyse texts and load candidates; this ranks them.
 */
import { buildIndex, search, type Hit, type Index, KIND_WEIGHT, idf } from './rank';
import type { Analysis } from './text';

export type Category =
  | 'environment'
  | 'elderly_care'
  | 'children'
  | 'education'
  | 'legal_aid'
  | 'health'
  | 'disability'
  | 'employment'
  | 'culture'
  | 'safety'
  | 'emergency'
  | 'infrastructure'
  | 'party_building'
  | 'other';

export interface NeedDoc {
  id: string;
  categories: readonly Category[];
  text: Analysis;
  /** Materialised path of the need's community: '/<id>/…/'. */
  communityPath: string;
  startsOn: string | null;
  endsOn: string | null;
}

export interface ResourceDoc {
  id: string;
  unitOrgId: string;
  categories: readonly Category[];
  text: Analysis;
  /** Paths of the communities the unit is actively paired with (may be empty). */
  pairedCommunityPaths: readonly string[];
  /** Path of the unit's own region (fallback when it has no pairing). */
  unitRegionPath: string | null;
  availableFrom: string | null;
  availableUntil: string | null;
  /** Completed projects of the unit (led or claimed). */
  unitCompletedProjects: number;
}

export interface ScoreParts {
  text: number;
  category: number;
  distance: number;
  availability: number;
  pastSuccess: number;
}

/** Why a suggestion came up. */
export interface Explanation {
  /** Words both texts use, the most telling first. */
  sharedWords: string[];
  /** Concepts met through different words: the need's words and the resource's words. */
  synonyms: Array<{ concept: string; needWords: string[]; resourceWords: string[] }>;
  sharedCategories: Category[];
  /** Steps between the need's community and the unit in the region tree (null when unknown). */
  distanceSteps: number | null;
  paired: boolean;
}

export interface Scored {
  score: number;
  parts: ScoreParts;
  explanation: Explanation;
}

/** How far the soft signals can move a score (a share of its text part), and their mix. */
export const SOFT = 0.25;
export const SOFT_WEIGHTS: Readonly<Omit<ScoreParts, 'text'>> = { category: 0.45, distance: 0.25, availability: 0.15, pastSuccess: 0.15 };

/** Categories that often answer each other (symmetric). */
const RELATED: ReadonlyArray<readonly [Category, Category]> = [
  ['elderly_care', 'health'],
  ['elderly_care', 'disability'],
  ['disability', 'health'],
  ['children', 'education'],
  ['children', 'culture'],
  ['children', 'safety'],
  ['education', 'culture'],
  ['education', 'employment'],
  ['employment', 'legal_aid'],
  ['environment', 'infrastructure'],
  ['safety', 'infrastructure'],
  ['safety', 'emergency'],
  ['emergency', 'health'],
  ['emergency', 'infrastructure'],
  ['party_building', 'culture'],
  ['elderly_care', 'culture'],
];

const related = (a: Category, b: Category) => RELATED.some(([x, y]) => (x === a && y === b) || (x === b && y === a));

/** 1 when the two share a category, 0.5 when two are related, 0.3 when one side says 'other'. */
export function categoryScore(a: readonly Category[], b: readonly Category[]): number {
  if (a.some((c) => b.includes(c))) return 1;
  if (a.some((x) => b.some((y) => related(x, y)))) return 0.5;
  if (a.includes('other') || b.includes('other')) return 0.3;
  return 0;
}

/** Steps between two nodes of the region tree given their materialised paths. */
export function treeDistance(a: string, b: string): number {
  const pa = a.split('/').filter(Boolean);
  const pb = b.split('/').filter(Boolean);
  let common = 0;
  while (common < pa.length && common < pb.length && pa[common] === pb[common]) common++;
  return pa.length - common + (pb.length - common);
}

function nearest(needPath: string, resource: Pick<ResourceDoc, 'pairedCommunityPaths' | 'unitRegionPath'>): number | null {
  const paths = resource.pairedCommunityPaths.length ? resource.pairedCommunityPaths : resource.unitRegionPath ? [resource.unitRegionPath] : [];
  if (paths.length === 0) return null;
  return Math.min(...paths.map((p) => treeDistance(needPath, p)));
}

/** 1 in the same community, falling by 0.2 with each step of the region tree. */
export function distanceScore(needPath: string, resource: Pick<ResourceDoc, 'pairedCommunityPaths' | 'unitRegionPath'>): number {
  const d = nearest(needPath, resource);
  return d === null ? 0 : Math.max(0, 1 - d * 0.2);
}

const DAY = 86_400_000;
const dayOf = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY;

/**
 * Share of the need's window the resource is available in (open ends are unbounded). A need
 * without a window asks only that the resource is available on `today`.
 */
export function availabilityScore(need: Pick<NeedDoc, 'startsOn' | 'endsOn'>, res: Pick<ResourceDoc, 'availableFrom' | 'availableUntil'>, today: string): number {
  const rFrom = res.availableFrom ? dayOf(res.availableFrom) : -Infinity;
  const rTo = res.availableUntil ? dayOf(res.availableUntil) : Infinity;
  if (!need.startsOn && !need.endsOn) {
    const t = dayOf(today);
    return t <= rTo && (rFrom <= t || rFrom - t <= 60) ? 1 : 0;
  }
  const nFrom = need.startsOn ? dayOf(need.startsOn) : dayOf(today);
  const nTo = need.endsOn ? dayOf(need.endsOn) : nFrom + 365;
  const overlap = Math.min(nTo, rTo) - Math.max(nFrom, rFrom) + 1;
  if (overlap <= 0) return 0;
  return Math.min(1, overlap / (nTo - nFrom + 1));
}

export function pastSuccessScore(completed: number): number {
  return completed <= 0 ? 0 : 1 - Math.exp(-completed / 2);
}

/** text × (1 − SOFT + SOFT × the weighted soft signals). */
export function combine(parts: ScoreParts): number {
  const soft =
    parts.category * SOFT_WEIGHTS.category + parts.distance * SOFT_WEIGHTS.distance + parts.availability * SOFT_WEIGHTS.availability + parts.pastSuccess * SOFT_WEIGHTS.pastSuccess;
  return parts.text * (1 - SOFT + SOFT * soft);
}

/** The five parts of a pair's score, given its text part. */
function partsOf(need: NeedDoc, res: ResourceDoc, text: number, today: string): { steps: number | null; parts: ScoreParts } {
  const steps = nearest(need.communityPath, res);
  return {
    steps,
    parts: {
      text,
      category: categoryScore(need.categories, res.categories),
      distance: steps === null ? 0 : Math.max(0, 1 - steps * 0.2),
      availability: availabilityScore(need, res, today),
      pastSuccess: pastSuccessScore(res.unitCompletedProjects),
    },
  };
}

/** A ranked corpus: the documents and their BM25 index (build once per pool, reuse per query). */
export interface Corpus<T extends { text: Analysis }> {
  docs: readonly T[];
  index: Index;
}

export function buildCorpus<T extends { text: Analysis }>(docs: readonly T[]): Corpus<T> {
  return { docs, index: buildIndex(docs.map((d) => d.text)) };
}

/** What a query's shared terms say, for the explanation. */
function explainTerms(hit: Hit, query: Analysis, doc: Analysis): Pick<Explanation, 'sharedWords' | 'synonyms'> {
  const sorted = [...hit.matched].sort((a, b) => b.weight - a.weight);
  const sharedWords: string[] = [];
  const synonyms: Explanation['synonyms'] = [];
  for (const { term } of sorted) {
    const label = term.slice(2);
    if (term.startsWith('w:')) {
      if (!sharedWords.some((w) => w.includes(label))) sharedWords.push(label);
    } else if (term.startsWith('c:')) {
      const needWords = query.via.get(label) ?? [];
      const resourceWords = doc.via.get(label) ?? [];
      // A concept met through the same word on both sides is a shared word, not a synonym.
      if (resourceWords.some((w) => !needWords.includes(w))) synonyms.push({ concept: label, needWords: needWords.slice(0, 3), resourceWords: resourceWords.slice(0, 3) });
    }
  }
  if (sharedWords.length === 0) {
    for (const { term } of sorted) if (term.startsWith('b:') && sharedWords.length < 3) sharedWords.push(term.slice(2));
  }
  return { sharedWords: sharedWords.slice(0, 8), synonyms: synonyms.slice(0, 5) };
}

/** The resources most likely to answer a need, best first; at most `perUnit` per unit. */
export function suggestResources(need: NeedDoc, corpus: Corpus<ResourceDoc>, today: string, limit = 10, perUnit = 2): Array<Scored & { resource: ResourceDoc }> {
  const hits = [...search(corpus.index, need.text).values()];
  const best = Math.max(0, ...hits.map((h) => h.score));
  const scored = hits.map((hit) => {
    const resource = corpus.docs[hit.doc]!;
    const { steps, parts } = partsOf(need, resource, best > 0 ? hit.score / best : 0, today);
    const explanation: Explanation = {
      ...explainTerms(hit, need.text, resource.text),
      sharedCategories: need.categories.filter((c) => resource.categories.includes(c)),
      distanceSteps: steps,
      paired: resource.pairedCommunityPaths.includes(need.communityPath),
    };
    return { score: combine(parts), parts, explanation, resource };
  });
  scored.sort((a, b) => b.score - a.score || a.resource.id.localeCompare(b.resource.id));
  const perUnitCount = new Map<string, number>();
  const out: Array<Scored & { resource: ResourceDoc }> = [];
  for (const s of scored) {
    const n = perUnitCount.get(s.resource.unitOrgId) ?? 0;
    if (n >= perUnit) continue;
    perUnitCount.set(s.resource.unitOrgId, n + 1);
    out.push(s);
    if (out.length >= limit) break;
  }
  return out;
}

/** The needs a resource could serve, best first (the same scorer, the other way round). */
export function suggestNeeds(res: ResourceDoc, corpus: Corpus<NeedDoc>, today: string, limit = 10): Array<Scored & { need: NeedDoc }> {
  const hits = [...search(corpus.index, res.text).values()];
  const best = Math.max(0, ...hits.map((h) => h.score));
  const scored = hits.map((hit) => {
    const need = corpus.docs[hit.doc]!;
    const { steps, parts } = partsOf(need, res, best > 0 ? hit.score / best : 0, today);
    // The explanation always reads from the need's side.
    const terms = explainTerms(hit, res.text, need.text);
    const explanation: Explanation = {
      sharedWords: terms.sharedWords,
      synonyms: terms.synonyms.map((s) => ({ concept: s.concept, needWords: s.resourceWords, resourceWords: s.needWords })),
      sharedCategories: need.categories.filter((c) => res.categories.includes(c)),
      distanceSteps: steps,
      paired: res.pairedCommunityPaths.includes(need.communityPath),
    };
    return { score: combine(parts), parts, explanation, need };
  });
  scored.sort((a, b) => b.score - a.score || a.need.id.localeCompare(b.need.id));
  return scored.slice(0, limit);
}

/** BM25 of a text against itself in the corpus's statistics (the most any document can score). */
function selfScore(index: Index, a: Analysis): number {
  let s = 0;
  for (const [term, tf] of a.tf) {
    const kind = term[0] as 'w' | 'b' | 'c';
    const w = idf(index, term) * (KIND_WEIGHT[kind] ?? 1) * (tf > 1 ? 1.3 : 1);
    s += (w * (tf * 2.2)) / (tf + 1.2 * (0.25 + (0.75 * a.length) / (index.avgLength || 1)));
  }
  return s;
}

export interface SimilarText {
  id: string;
  /** Similarity in [0, 1]: the BM25 of the pair over the larger of the two texts' own scores. */
  similarity: number;
  sharedWords: string[];
}

/**
 * Texts of a corpus that say nearly the same as `query` (duplicate concerns): similarity ≥
 * `threshold`, most similar first. `excludeId` leaves the query's own document out.
 */
export function findSimilarTexts<T extends { id: string; text: Analysis }>(query: Analysis, corpus: Corpus<T>, opts: { threshold?: number; limit?: number; excludeId?: string } = {}): SimilarText[] {
  const { threshold = 0.45, limit = 5, excludeId } = opts;
  const qSelf = selfScore(corpus.index, query);
  const out: SimilarText[] = [];
  for (const hit of search(corpus.index, query, excludeId ? (i) => corpus.docs[i]!.id === excludeId : undefined).values()) {
    const doc = corpus.docs[hit.doc]!;
    const similarity = Math.min(1, hit.score / Math.max(qSelf, selfScore(corpus.index, doc.text)));
    if (similarity >= threshold) out.push({ id: doc.id, similarity, sharedWords: explainTerms(hit, query, doc.text).sharedWords });
  }
  out.sort((a, b) => b.similarity - a.similarity || a.id.localeCompare(b.id));
  return out.slice(0, limit);
}

/**
 * Items (wishes) a person is likely to take up, from a profile text (skills, interests,
 * employer's trade) and where they live: the text decides, nearness re-ranks.
 */
export function suggestForProfile<T extends { id: string; text: Analysis; communityPath: string }>(
  profile: { text: Analysis; communityPath: string | null },
  corpus: Corpus<T>,
  limit = 10,
): Array<{ item: T; score: number; explanation: Pick<Explanation, 'sharedWords' | 'synonyms' | 'distanceSteps'> }> {
  const hits = [...search(corpus.index, profile.text).values()];
  const best = Math.max(0, ...hits.map((h) => h.score));
  return hits
    .map((hit) => {
      const item = corpus.docs[hit.doc]!;
      const steps = profile.communityPath ? treeDistance(profile.communityPath, item.communityPath) : null;
      const near = steps === null ? 0 : Math.max(0, 1 - steps * 0.2);
      return { item, score: (hit.score / best) * (1 - SOFT + SOFT * near), explanation: { ...explainTerms(hit, profile.text, item.text), distanceSteps: steps } };
    })
    .sort((a, b) => b.score - a.score || a.item.id.localeCompare(b.item.id))
    .slice(0, limit);
}
