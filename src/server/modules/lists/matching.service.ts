/**
 * The matching tools: the dictionary (showDictionary, addMatchTerm, removeMatchTerm — staff
 * extend the shipped groups; every change is audited and re-analyses the pools) and feedback on
 * suggestions (giveSuggestionFeedback, one judgement per person and pair, changeable;
 * exportFeedback, the judgements on needs of the caller's regions as an evaluation set, with no
 * people and no notes in it).
 */
import { sql } from 'kysely';
import type { FeedbackExport, MatchDictionary, MatchTerm, SuggestionFeedback, SuggestionFeedbackBody } from '../../../contracts/matching';
import { DEFAULT_CONCEPTS } from '../../../domain/lists/dictionary';
import { normalise } from '../../../domain/lists/text';
import { writeAudit, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { actsForCommunity, communityRowVisible, reachOf } from './lists.policy';
import { publishedNeed } from './needs.service';
import { categoriesOf, dictionaryChanged } from './suggestion-pool';

const toTerm = (r: { id: string; concept: string; word: string; created_at: Date }): MatchTerm => ({ id: r.id, concept: r.concept, word: r.word, createdAt: r.created_at.toISOString() });

export async function showDictionary(ctx: AppContext): Promise<MatchDictionary> {
  const rows = await ctx.db.selectFrom('match_term').select(['id', 'concept', 'word', 'created_at']).orderBy('concept').orderBy('word').execute();
  return { defaults: DEFAULT_CONCEPTS.map((c) => ({ concept: c.concept, words: [...c.words] })), staff: rows.map(toTerm) };
}

export async function addMatchTerm(ctx: AppContext, principal: Principal, input: { concept: string; word: string }, actor: AuditActor): Promise<MatchTerm> {
  const concept = normalise(input.concept).trim();
  const word = normalise(input.word).trim();
  if (!concept || !word || /\s/.test(concept) || /\s/.test(word)) throw badRequest('MATCH_TERM_BLANK', 'A concept and a word without spaces are needed', [{ path: 'body/word', message: 'blank or spaced' }]);
  if (DEFAULT_CONCEPTS.some((c) => c.concept === concept && c.words.includes(word))) throw conflict('MATCH_TERM_EXISTS', 'The dictionary already has this word in this concept');
  const row = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('match_term')
      .values({ concept, word, created_by: principal.userId })
      .onConflict((oc) => oc.doNothing())
      .returning(['id', 'concept', 'word', 'created_at'])
      .executeTakeFirst();
    if (!inserted) throw conflict('MATCH_TERM_EXISTS', 'The dictionary already has this word in this concept');
    await writeAudit(trx, actor, { action: 'lists.match_term.add', entityType: 'match_term', entityId: inserted.id, after: { concept, word } });
    return inserted;
  });
  dictionaryChanged();
  return toTerm(row);
}

export async function removeMatchTerm(ctx: AppContext, id: string, actor: AuditActor): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.deleteFrom('match_term').where('id', '=', id).returning(['concept', 'word']).executeTakeFirst();
    if (!row) throw notFound('dictionary entry');
    await writeAudit(trx, actor, { action: 'lists.match_term.remove', entityType: 'match_term', entityId: id, before: row });
  });
  dictionaryChanged();
}

export async function giveSuggestionFeedback(ctx: AppContext, principal: Principal, needId: string, resourceId: string, input: SuggestionFeedbackBody, actor: AuditActor): Promise<SuggestionFeedback> {
  const reach = await reachOf(ctx, principal, 'lists.need.read');
  const need = await ctx.db
    .selectFrom('need as n')
    .innerJoin('region as c', 'c.id', 'n.community_id')
    .select(['n.id', 'c.path'])
    .where('n.id', '=', needId)
    .where(communityRowVisible(reach, publishedNeed))
    .executeTakeFirst();
  if (!need) throw notFound('need');
  if (!actsForCommunity(principal, 'lists.need.write', need.path)) throw forbidden('Only the staff of the need’s community judge its suggestions');
  const res = await ctx.db.selectFrom('resource').select('id').where('id', '=', resourceId).where('status', '=', 'published').executeTakeFirst();
  if (!res) throw notFound('resource');
  const note = input.note?.trim() || null;
  const row = await ctx.db.transaction().execute(async (trx) => {
    const saved = await trx
      .insertInto('suggestion_feedback')
      .values({ need_id: needId, resource_id: resourceId, useful: input.useful, note, created_by: principal.userId, updated_at: new Date() })
      .onConflict((oc) => oc.columns(['need_id', 'resource_id', 'created_by']).doUpdateSet({ useful: input.useful, note, updated_at: new Date() }))
      .returning(['id', 'need_id', 'resource_id', 'useful', 'note', 'updated_at'])
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'lists.suggestion.feedback', entityType: 'need', entityId: needId, after: { resourceId, useful: input.useful, note } });
    return saved;
  });
  return { needId: row.need_id, resourceId: row.resource_id, useful: row.useful, note: row.note, updatedAt: row.updated_at.toISOString() };
}

/** The caller's own judgements on a need's suggestions (to show which are marked). */
export async function myFeedback(ctx: AppContext, principal: Principal, needId: string): Promise<{ items: SuggestionFeedback[] }> {
  const rows = await ctx.db
    .selectFrom('suggestion_feedback')
    .select(['need_id', 'resource_id', 'useful', 'note', 'updated_at'])
    .where('need_id', '=', needId)
    .where('created_by', '=', principal.userId)
    .execute();
  return { items: rows.map((r) => ({ needId: r.need_id, resourceId: r.resource_id, useful: r.useful, note: r.note, updatedAt: r.updated_at.toISOString() })) };
}

export async function exportFeedback(ctx: AppContext, principal: Principal): Promise<FeedbackExport> {
  const reach = await reachOf(ctx, principal, 'lists.match.manage');
  const votes = await ctx.db
    .selectFrom('suggestion_feedback as f')
    .innerJoin('need as n', 'n.id', 'f.need_id')
    .innerJoin('region as c', 'c.id', 'n.community_id')
    .select(['f.need_id', 'f.resource_id', sql<number>`count(*) filter (where f.useful)::int`.as('yes'), sql<number>`count(*) filter (where not f.useful)::int`.as('no')])
    .where(communityRowVisible(reach, sql`false`))
    .groupBy(['f.need_id', 'f.resource_id'])
    .orderBy('f.need_id')
    .orderBy('f.resource_id')
    .execute();
  const needIds = [...new Set(votes.map((v) => v.need_id))];
  const resourceIds = [...new Set(votes.map((v) => v.resource_id))];
  const [needs, resources] = await Promise.all([
    needIds.length ? ctx.db.selectFrom('need').select(['id', 'category', 'extra_categories', 'title', 'description']).where('id', 'in', needIds).orderBy('id').execute() : [],
    resourceIds.length ? ctx.db.selectFrom('resource').select(['id', 'kind', 'category', 'extra_categories', 'title', 'description', 'skills']).where('id', 'in', resourceIds).orderBy('id').execute() : [],
  ]);
  return {
    about: 'Staff judgements of matching suggestions: a pair is relevant when more staff judged it useful than not. Only judged pairs are listed (not exhaustive).',
    needs: needs.map((n) => ({ id: n.id, categories: categoriesOf(n), title: n.title, description: n.description })),
    resources: resources.map((r) => ({ id: r.id, kind: r.kind, categories: categoriesOf(r), title: r.title, description: r.description, skills: r.skills })),
    judgements: votes.map((v) => ({ need: v.need_id, resource: v.resource_id, relevant: Number(v.yes) > Number(v.no), useful: Number(v.yes), notUseful: Number(v.no) })),
  };
}
