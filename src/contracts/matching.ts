/**
 * Contract of the matching tools of the three lists: the synonym and concept dictionary (the
 * shipped groups and the staff's entries) and staff feedback on suggestions, exportable as an
 * evaluation set (the format of bench/matching-set.json's judgements). Under /api/v1/lists.
 */
import Type, { type Static } from 'typebox';
import { Nullable, Timestamp, Uuid } from './common';
import { NeedCategory } from './lists';

const Word = Type.String({ minLength: 1, maxLength: 20, pattern: '^\\S+$' });

export const MatchTerm = Type.Object({ id: Uuid, concept: Type.String(), word: Type.String(), createdAt: Timestamp });
export type MatchTerm = Static<typeof MatchTerm>;

export const MatchDictionary = Type.Object({
  /** The groups shipped with the code: head word (the concept) and its words. */
  defaults: Type.Array(Type.Object({ concept: Type.String(), words: Type.Array(Type.String()) })),
  /** What staff added: a word joins an existing concept, or starts a new one. */
  staff: Type.Array(MatchTerm),
});
export type MatchDictionary = Static<typeof MatchDictionary>;

export const AddMatchTermBody = Type.Object({ concept: Word, word: Word }, { additionalProperties: false });
export type AddMatchTermBody = Static<typeof AddMatchTermBody>;

export const FeedbackParams = Type.Object({ id: Uuid, resourceId: Uuid });
export type FeedbackParams = Static<typeof FeedbackParams>;

export const SuggestionFeedbackBody = Type.Object({ useful: Type.Boolean(), note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) }, { additionalProperties: false });
export type SuggestionFeedbackBody = Static<typeof SuggestionFeedbackBody>;

export const SuggestionFeedback = Type.Object({ needId: Uuid, resourceId: Uuid, useful: Type.Boolean(), note: Nullable(Type.String()), updatedAt: Timestamp });
export type SuggestionFeedback = Static<typeof SuggestionFeedback>;

export const MyFeedbackList = Type.Object({ items: Type.Array(SuggestionFeedback) });
export type MyFeedbackList = Static<typeof MyFeedbackList>;

/** The judgements as an evaluation set: no people, no notes; a pair is relevant when most judged it useful. */
export const FeedbackExport = Type.Object({
  about: Type.String(),
  needs: Type.Array(Type.Object({ id: Uuid, categories: Type.Array(NeedCategory), title: Type.String(), description: Type.String() })),
  resources: Type.Array(Type.Object({ id: Uuid, kind: Type.String(), categories: Type.Array(NeedCategory), title: Type.String(), description: Type.String(), skills: Type.Array(Type.String()) })),
  judgements: Type.Array(Type.Object({ need: Uuid, resource: Uuid, relevant: Type.Boolean(), useful: Type.Integer(), notUseful: Type.Integer() })),
});
export type FeedbackExport = Static<typeof FeedbackExport>;
