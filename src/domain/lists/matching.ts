/**
 * The matching scorer: how likely a resource answers a need. Five parts, each in [0, 1]:
 * text (weighted overlap of the stored terms, see text.ts), category (same, related, other),
 * distance (between the need's community and the unit's nearest paired community in the region
 * tree, by materialised paths), availability (how much of the need's time window the resource
 * covers) and past success (projects the unit completed). The score is their weighted sum.
 * Pure and synchronous: the service loads the candidates, this ranks them.
 */
import { termLabel, termWeight } from './text';

export type Category =
  | 'environment'
  | 'elderly_care'
  | 'children'
  | 'legal_aid'
  | 'health'
  | 'employment'
  | 'culture'
  | 'safety'
  | 'infrastructure'
  | 'party_building'
  | 'other';

export interface NeedDoc {
  id: string;
  category: Category;
  terms: readonly string[];
  /** Materialised path of the need's community: '/<id>/…/'. */
  communityPath: string;
  startsOn: string | null;
  endsOn: string | null;
}

export interface ResourceDoc {
  id: string;
  unitOrgId: string;
  category: Category;
  terms: readonly string[];
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

export interface Scored {
  score: number;
  parts: ScoreParts;
  sharedTerms: string[];
  paired: boolean;
}

export const WEIGHTS: Readonly<ScoreParts> = { text: 0.5, category: 0.22, distance: 0.12, availability: 0.06, pastSuccess: 0.1 };

/** Categories that often answer each other (symmetric). */
const RELATED: ReadonlyArray<readonly [Category, Category]> = [
  ['elderly_care', 'health'],
  ['children', 'culture'],
  ['children', 'safety'],
  ['employment', 'legal_aid'],
  ['environment', 'infrastructure'],
  ['safety', 'infrastructure'],
  ['party_building', 'culture'],
  ['elderly_care', 'culture'],
];

export function categoryScore(a: Category, b: Category): number {
  if (a === b) return 1;
  if (a === 'other' || b === 'other') return 0.3;
  return RELATED.some(([x, y]) => (x === a && y === b) || (x === b && y === a)) ? 0.5 : 0;
}

/** Steps between two nodes of the region tree given their materialised paths. */
export function treeDistance(a: string, b: string): number {
  const pa = a.split('/').filter(Boolean);
  const pb = b.split('/').filter(Boolean);
  let common = 0;
  while (common < pa.length && common < pb.length && pa[common] === pb[common]) common++;
  return pa.length - common + (pb.length - common);
}

/** 1 in the same community, 0.6 in a sibling community (same street), falling with each step. */
export function distanceScore(needPath: string, resource: Pick<ResourceDoc, 'pairedCommunityPaths' | 'unitRegionPath'>): number {
  const paths = resource.pairedCommunityPaths.length ? resource.pairedCommunityPaths : resource.unitRegionPath ? [resource.unitRegionPath] : [];
  if (paths.length === 0) return 0;
  const d = Math.min(...paths.map((p) => treeDistance(needPath, p)));
  return d === 0 ? 1 : Math.max(0, 1 - d * 0.2);
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

/** Weighted overlap of two term lists (cosine of weighted binary vectors); returns the shared terms too. */
export function textScore(a: readonly string[], b: readonly string[]): { score: number; shared: string[] } {
  if (a.length === 0 || b.length === 0) return { score: 0, shared: [] };
  const inB = new Set(b);
  let dot = 0;
  let na = 0;
  let nb = 0;
  const shared: string[] = [];
  for (const t of a) {
    const w = termWeight(t);
    na += w * w;
    if (inB.has(t)) {
      dot += w * w;
      shared.push(t);
    }
  }
  for (const t of b) {
    const w = termWeight(t);
    nb += w * w;
  }
  return { score: dot / Math.sqrt(na * nb), shared };
}

function combine(parts: ScoreParts): number {
  return (
    parts.text * WEIGHTS.text +
    parts.category * WEIGHTS.category +
    parts.distance * WEIGHTS.distance +
    parts.availability * WEIGHTS.availability +
    parts.pastSuccess * WEIGHTS.pastSuccess
  );
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function scorePair(need: NeedDoc, res: ResourceDoc, today: string): Scored {
  const text = textScore(need.terms, res.terms);
  const parts: ScoreParts = {
    text: text.score,
    category: categoryScore(need.category, res.category),
    distance: distanceScore(need.communityPath, res),
    availability: availabilityScore(need, res, today),
    pastSuccess: pastSuccessScore(res.unitCompletedProjects),
  };
  const shownParts = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, round(v)])) as unknown as ScoreParts;
  // Shared words for the "why" line: concepts and words first, bigrams only if nothing else.
  const readable = text.shared.filter((t) => !t.startsWith('b:'));
  const sharedTerms = (readable.length ? readable : text.shared).slice(0, 6).map(termLabel);
  return { score: round(combine(parts)), parts: shownParts, sharedTerms, paired: res.pairedCommunityPaths.includes(need.communityPath) };
}

/** A suggestion must share something with the need: text or at least the category. */
function worthShowing(s: Scored): boolean {
  return s.parts.text > 0 || s.parts.category >= 0.5;
}

/** The resources most likely to answer a need, best first; at most one per unit unless `perUnit` allows more. */
export function suggestResources(need: NeedDoc, resources: readonly ResourceDoc[], today: string, limit = 10, perUnit = 2): Array<Scored & { resource: ResourceDoc }> {
  const scored = resources.map((resource) => ({ ...scorePair(need, resource, today), resource })).filter(worthShowing);
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

/** The needs a resource could serve, best first. */
export function suggestNeeds(res: ResourceDoc, needs: readonly NeedDoc[], today: string, limit = 10): Array<Scored & { need: NeedDoc }> {
  const scored = needs.map((need) => ({ ...scorePair(need, res, today), need })).filter(worthShowing);
  scored.sort((a, b) => b.score - a.score || a.need.id.localeCompare(b.need.id));
  return scored.slice(0, limit);
}
