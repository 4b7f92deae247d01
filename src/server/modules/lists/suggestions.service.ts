/**
 * Matching suggestions: suggestResourcesForNeed (published resources, and so units, most likely
 * to answer a need) and suggestNeedsForResource (published needs the caller can see that a
 * resource could serve). Terms were computed when the rows were written; the pure scorer
 * (domain/lists/matching) ranks the candidates.
 * The pool of candidate resources is cached (suggestion-pool.ts).
 */
import type { NeedSuggestions, ResourceSuggestions } from '../../../contracts/lists';
import { suggestNeeds, suggestResources, type NeedDoc, type ResourceDoc } from '../../../domain/lists/matching';
import { unpackTerms } from '../../../domain/lists/text';
import type { AppContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { loadPool, pairedPaths, completedByUnit, type Candidate } from './suggestion-pool';
import type { Principal } from '../../platform/principal';
import { localDate } from '../../platform/time';
import { communityRowVisible, reachOf } from './lists.policy';
import { publishedNeed } from './needs.service';
import { loadResource } from './resources.service';

const ms = (start: number) => Math.round((performance.now() - start) * 10) / 10;

export async function suggestResourcesForNeed(ctx: AppContext, principal: Principal, needId: string, limit = 10): Promise<ResourceSuggestions> {
  const start = performance.now();
  const reach = await reachOf(ctx.db, principal, 'lists.need.read');
  const n = await ctx.db
    .selectFrom('need as n')
    .innerJoin('region as c', 'c.id', 'n.community_id')
    .select(['n.id', 'n.category', 'n.tokens', 'n.starts_on', 'n.ends_on', 'c.path'])
    .where('n.id', '=', needId)
    .where(communityRowVisible(reach, publishedNeed))
    .executeTakeFirst();
  if (!n) throw notFound('need');
  const need: NeedDoc = { id: n.id, category: n.category, terms: unpackTerms(n.tokens), communityPath: n.path, startsOn: n.starts_on, endsOn: n.ends_on };
  const pool = await loadPool(ctx.db);
  const ranked = suggestResources(need, pool.candidates, localDate(), limit);
  return {
    items: ranked.map((s) => {
      const r = s.resource as Candidate;
      return { resourceId: r.id, title: r.title, kind: r.kind, category: r.category, unitOrgId: r.unitOrgId, unitName: r.unitName, paired: s.paired, score: s.score, parts: s.parts, sharedTerms: s.sharedTerms };
    }),
    tookMs: ms(start),
  };
}

export async function suggestNeedsForResource(ctx: AppContext, principal: Principal, resourceId: string, limit = 10): Promise<NeedSuggestions> {
  const start = performance.now();
  const r = await loadResource(ctx, principal, resourceId);
  const tokens = await ctx.db.selectFrom('resource').select('tokens').where('id', '=', resourceId).executeTakeFirstOrThrow();
  const reach = await reachOf(ctx.db, principal, 'lists.need.read');
  const [rows, pairs, completed] = await Promise.all([
    ctx.db
      .selectFrom('need as n')
      .innerJoin('region as c', 'c.id', 'n.community_id')
      .select(['n.id', 'n.title', 'n.category', 'n.tokens', 'n.starts_on', 'n.ends_on', 'n.community_id', 'c.name as community_name', 'c.path as community_path'])
      .where('n.status', '=', 'published')
      .where(communityRowVisible(reach, publishedNeed))
      .execute(),
    pairedPaths(ctx.db, r.unit_org_id),
    completedByUnit(ctx.db, r.unit_org_id),
  ]);
  const res: ResourceDoc = {
    id: r.id,
    unitOrgId: r.unit_org_id,
    category: r.category,
    terms: unpackTerms(tokens.tokens),
    pairedCommunityPaths: pairs.get(r.unit_org_id) ?? [],
    unitRegionPath: r.unit_region_path,
    availableFrom: r.available_from,
    availableUntil: r.available_until,
    unitCompletedProjects: completed.get(r.unit_org_id) ?? 0,
  };
  const docs: NeedDoc[] = rows.map((n) => ({ id: n.id, category: n.category, terms: unpackTerms(n.tokens), communityPath: n.community_path, startsOn: n.starts_on, endsOn: n.ends_on }));
  const byId = new Map(rows.map((n) => [n.id, n]));
  const ranked = suggestNeeds(res, docs, localDate(), limit);
  return {
    items: ranked.map((s) => {
      const n = byId.get(s.need.id)!;
      return { needId: n.id, title: n.title, category: n.category, communityId: n.community_id, communityName: n.community_name, paired: s.paired, score: s.score, parts: s.parts, sharedTerms: s.sharedTerms };
    }),
    tookMs: ms(start),
  };
}
