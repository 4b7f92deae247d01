/**
 * Matching suggestions: suggestResourcesForNeed (published resources, and so units, most likely
 * to answer a need) and suggestNeedsForResource (published needs the caller can see that a
 * resource could serve). Texts are analysed with the dictionary in force (defaults plus staff
 * entries) and kept per row (suggestion-pool.ts); the pure scorer (domain/lists/matching) ranks
 * the candidates and says why.
 */
import type { NeedSuggestions, ResourceSuggestions, SuggestionExplanation } from '../../../contracts/lists';
import { buildCorpus, suggestNeeds, suggestResources, type Explanation, type NeedDoc, type ResourceDoc } from '../../../domain/lists/matching';
import { needText, resourceText } from '../../../domain/lists/text';
import type { AppContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { analysedText, categoriesOf, completedByUnit, loadDictionary, loadPool, pairedPaths, type Candidate } from './suggestion-pool';
import type { Principal } from '../../platform/principal';
import { localDate } from '../../platform/time';
import { communityRowVisible, reachOf } from './lists.policy';
import { publishedNeed } from './needs.service';
import { loadResource } from './resources.service';

const ms = (start: number) => Math.round((performance.now() - start) * 10) / 10;

const explain = (e: Explanation): SuggestionExplanation => ({ sharedWords: e.sharedWords, synonyms: e.synonyms, sharedCategories: e.sharedCategories, distanceSteps: e.distanceSteps });
/** The "why" words of the older contract field: shared words, then the concepts met. */
const sharedTerms = (e: Explanation) => [...e.sharedWords, ...e.synonyms.map((s) => s.concept)].slice(0, 8);

export async function suggestResourcesForNeed(ctx: AppContext, principal: Principal, needId: string, limit = 10): Promise<ResourceSuggestions> {
  const start = performance.now();
  const reach = await reachOf(ctx, principal, 'lists.need.read');
  const n = await ctx.db
    .selectFrom('need as n')
    .innerJoin('region as c', 'c.id', 'n.community_id')
    .select(['n.id', 'n.title', 'n.description', 'n.beneficiaries', 'n.materials', 'n.category', 'n.extra_categories', 'n.starts_on', 'n.ends_on', 'n.updated_at', 'c.path'])
    .where('n.id', '=', needId)
    .where(communityRowVisible(reach, publishedNeed))
    .executeTakeFirst();
  if (!n) throw notFound('need');
  const [pool, dictionary] = await Promise.all([loadPool(ctx.db), loadDictionary(ctx.db)]);
  const need: NeedDoc = {
    id: n.id,
    categories: categoriesOf(n),
    text: analysedText(ctx.db, dictionary, `need:${n.id}`, n.updated_at, () => needText(n)),
    communityPath: n.path,
    startsOn: n.starts_on,
    endsOn: n.ends_on,
  };
  const ranked = suggestResources(need, pool.corpus, localDate(), limit);
  return {
    items: ranked.map((s) => {
      const r = s.resource as Candidate;
      return {
        resourceId: r.id,
        title: r.title,
        kind: r.kind,
        category: r.categories[0]!,
        unitOrgId: r.unitOrgId,
        unitName: r.unitName,
        paired: s.explanation.paired,
        score: s.score,
        parts: s.parts,
        sharedTerms: sharedTerms(s.explanation),
        explanation: explain(s.explanation),
      };
    }),
    tookMs: ms(start),
  };
}

export async function suggestNeedsForResource(ctx: AppContext, principal: Principal, resourceId: string, limit = 10): Promise<NeedSuggestions> {
  const start = performance.now();
  const r = await loadResource(ctx, principal, resourceId);
  const reach = await reachOf(ctx, principal, 'lists.need.read');
  const [rows, pairs, completed, dictionary, extra] = await Promise.all([
    ctx.db
      .selectFrom('need as n')
      .innerJoin('region as c', 'c.id', 'n.community_id')
      .select(['n.id', 'n.title', 'n.description', 'n.beneficiaries', 'n.materials', 'n.category', 'n.extra_categories', 'n.starts_on', 'n.ends_on', 'n.updated_at', 'n.community_id', 'c.name as community_name', 'c.path as community_path'])
      .where('n.status', '=', 'published')
      .where(communityRowVisible(reach, publishedNeed))
      .execute(),
    pairedPaths(ctx.db, r.unit_org_id),
    completedByUnit(ctx.db, r.unit_org_id),
    loadDictionary(ctx.db),
    ctx.db.selectFrom('resource').select(['extra_categories', 'updated_at']).where('id', '=', resourceId).executeTakeFirstOrThrow(),
  ]);
  const res: ResourceDoc = {
    id: r.id,
    unitOrgId: r.unit_org_id,
    categories: categoriesOf({ category: r.category, extra_categories: extra.extra_categories }),
    text: analysedText(ctx.db, dictionary, `resource:${r.id}`, extra.updated_at, () => resourceText({ title: r.title, description: r.description, skills: r.skills, availabilityNote: r.availability_note })),
    pairedCommunityPaths: pairs.get(r.unit_org_id) ?? [],
    unitRegionPath: r.unit_region_path,
    availableFrom: r.available_from,
    availableUntil: r.available_until,
    unitCompletedProjects: completed.get(r.unit_org_id) ?? 0,
  };
  const docs: NeedDoc[] = rows.map((n) => ({
    id: n.id,
    categories: categoriesOf(n),
    text: analysedText(ctx.db, dictionary, `need:${n.id}`, n.updated_at, () => needText(n)),
    communityPath: n.community_path,
    startsOn: n.starts_on,
    endsOn: n.ends_on,
  }));
  const byId = new Map(rows.map((n) => [n.id, n]));
  const ranked = suggestNeeds(res, buildCorpus(docs), localDate(), limit);
  return {
    items: ranked.map((s) => {
      const n = byId.get(s.need.id)!;
      return {
        needId: n.id,
        title: n.title,
        category: n.category,
        communityId: n.community_id,
        communityName: n.community_name,
        paired: s.explanation.paired,
        score: s.score,
        parts: s.parts,
        sharedTerms: sharedTerms(s.explanation),
        explanation: explain(s.explanation),
      };
    }),
    tookMs: ms(start),
  };
}
