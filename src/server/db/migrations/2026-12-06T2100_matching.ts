/**
 * Matching that learns: three more categories (education, disability, emergency) and several
 * categories per need and resource (`extra_categories`, besides the main `category`); the staff's
 * entries in the synonym and concept dictionary (`match_term`; the default entries ship with the
 * code); staff feedback on suggestions (`suggestion_feedback`, one judgement per person and pair,
 * exportable as an evaluation set).
 */
import { sql, type Kysely } from 'kysely';

const CATEGORIES = sql.raw(
  `'environment', 'elderly_care', 'children', 'education', 'legal_aid', 'health', 'disability', 'employment', 'culture', 'safety', 'emergency', 'infrastructure', 'party_building', 'other'`,
);
const OLD = sql.raw(`'environment', 'elderly_care', 'children', 'legal_aid', 'health', 'employment', 'culture', 'safety', 'infrastructure', 'party_building', 'other'`);

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table need drop constraint need_category_chk;
    alter table need add constraint need_category_chk check (category in (${CATEGORIES}));
    alter table need add column extra_categories text[] not null default '{}';
    alter table need add constraint need_extra_categories_chk check (extra_categories <@ array[${CATEGORIES}]::text[] and cardinality(extra_categories) <= 4);
    alter table resource drop constraint resource_category_chk;
    alter table resource add constraint resource_category_chk check (category in (${CATEGORIES}));
    alter table resource add column extra_categories text[] not null default '{}';
    alter table resource add constraint resource_extra_categories_chk check (extra_categories <@ array[${CATEGORIES}]::text[] and cardinality(extra_categories) <= 4);

    create table match_term (
      id uuid not null default gen_random_uuid(),
      concept text not null,
      word text not null,
      created_by uuid,
      created_at timestamptz not null default now(),
      constraint match_term_pkey primary key (id),
      constraint match_term_created_by_fkey foreign key (created_by) references app_user (id),
      constraint match_term_concept_chk check (length(concept) between 1 and 20),
      constraint match_term_word_chk check (length(word) between 1 and 20 and position(' ' in word) = 0)
    );
    create unique index match_term_uq on match_term (concept, word);

    create table suggestion_feedback (
      id uuid not null default gen_random_uuid(),
      need_id uuid not null,
      resource_id uuid not null,
      useful boolean not null,
      note text,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint suggestion_feedback_pkey primary key (id),
      constraint suggestion_feedback_need_id_fkey foreign key (need_id) references need (id) on delete cascade,
      constraint suggestion_feedback_resource_id_fkey foreign key (resource_id) references resource (id) on delete cascade,
      constraint suggestion_feedback_created_by_fkey foreign key (created_by) references app_user (id),
      constraint suggestion_feedback_note_chk check (note is null or length(note) <= 500)
    );
    create unique index suggestion_feedback_uq on suggestion_feedback (need_id, resource_id, created_by);
    create index suggestion_feedback_resource_id_idx on suggestion_feedback (resource_id);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table suggestion_feedback;
    drop table match_term;
    alter table resource drop constraint resource_extra_categories_chk;
    alter table resource drop column extra_categories;
    alter table resource drop constraint resource_category_chk;
    alter table resource add constraint resource_category_chk check (category in (${OLD}));
    alter table need drop constraint need_extra_categories_chk;
    alter table need drop column extra_categories;
    alter table need drop constraint need_category_chk;
    alter table need add constraint need_category_chk check (category in (${OLD}));
  `.execute(db);
}
