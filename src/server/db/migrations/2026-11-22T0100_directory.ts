/**
 * Directory: region details and history, organisation details and leading groups, members
 * (people, with personal data encrypted and hashed), households with hardship tags, volunteer
 * teams, and import batches. Frozen in time: no imports of application code.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table region add column village boolean not null default false;
    alter table region add column sort_order integer not null default 0;

    create table region_history (
      id bigint generated always as identity,
      region_id uuid not null,
      at timestamptz not null default now(),
      action text not null,
      before jsonb,
      after jsonb,
      actor_user_id uuid,
      constraint region_history_pkey primary key (id),
      constraint region_history_region_id_fkey foreign key (region_id) references region (id) on delete cascade,
      constraint region_history_action_chk check (action in ('create', 'rename', 'move', 'update'))
    );
    create index region_history_region_id_idx on region_history (region_id, at);

    alter table organization add column sector text;
    alter table organization add column strengths text[] not null default '{}';
    alter table organization add column secretary_name text;
    alter table organization add column liaison_name text;
    alter table organization add column contact_phone_encrypted text;
    alter table organization add column contact_phone_masked text;
    alter table organization add column address text;
    alter table organization add column code text;
    alter table organization add constraint organization_sector_chk check (sector is null or sector in
      ('agency', 'institution', 'state_enterprise', 'private_enterprise', 'school', 'hospital', 'social_organization', 'other'));
    create unique index organization_code_uq on organization (code) where code is not null;
    create index organization_name_idx on organization (lower(name) text_pattern_ops);

    create table leading_group_member (
      id uuid not null default gen_random_uuid(),
      organization_id uuid not null,
      name text not null,
      post text not null,
      title text,
      sort_order integer not null default 0,
      constraint leading_group_member_pkey primary key (id),
      constraint leading_group_member_organization_id_fkey foreign key (organization_id) references organization (id) on delete cascade,
      constraint leading_group_member_post_chk check (post in ('leader', 'deputy_leader', 'member', 'office_director', 'liaison'))
    );
    create index leading_group_member_organization_id_idx on leading_group_member (organization_id, sort_order);

    create table member (
      id uuid not null default gen_random_uuid(),
      name text not null,
      name_initials text not null,
      gender text,
      birth_date date,
      phone_encrypted text,
      phone_hash text,
      phone_masked text,
      phone_tail text,
      id_number_encrypted text,
      id_number_hash text,
      id_number_masked text,
      id_tail text,
      is_party_member boolean not null default true,
      party_joined_on date,
      employer_org_id uuid,
      residence_region_id uuid,
      grid_region_id uuid,
      building_region_id uuid,
      household_id uuid,
      skills text[] not null default '{}',
      status text not null default 'active',
      user_id uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint member_pkey primary key (id),
      constraint member_employer_org_id_fkey foreign key (employer_org_id) references organization (id),
      constraint member_residence_region_id_fkey foreign key (residence_region_id) references region (id),
      constraint member_grid_region_id_fkey foreign key (grid_region_id) references region (id),
      constraint member_building_region_id_fkey foreign key (building_region_id) references region (id),
      constraint member_user_id_fkey foreign key (user_id) references app_user (id) on delete set null,
      constraint member_gender_chk check (gender is null or gender in ('male', 'female')),
      constraint member_status_chk check (status in ('active', 'transferred', 'deceased', 'left')),
      constraint member_name_chk check (length(name) between 1 and 50)
    );
    create unique index member_id_number_hash_uq on member (id_number_hash) where id_number_hash is not null;
    create unique index member_user_id_uq on member (user_id) where user_id is not null;
    create index member_phone_hash_idx on member (phone_hash);
    create index member_employer_org_id_idx on member (employer_org_id);
    create index member_residence_region_id_idx on member (residence_region_id);
    create index member_name_initials_idx on member (name_initials text_pattern_ops);
    create index member_name_idx on member (name text_pattern_ops);
    create index member_phone_tail_idx on member (phone_tail);
    create index member_id_tail_idx on member (id_tail);

    create table household (
      id uuid not null default gen_random_uuid(),
      community_id uuid not null,
      grid_id uuid,
      building_id uuid,
      unit_no text,
      room text,
      head_name text not null,
      head_name_initials text not null,
      head_phone_encrypted text,
      head_phone_hash text,
      head_phone_masked text,
      head_phone_tail text,
      head_id_number_encrypted text,
      head_id_number_hash text,
      head_id_number_masked text,
      people_count integer not null default 1,
      is_lead_household boolean not null default false,
      lead_member_id uuid,
      notes text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint household_pkey primary key (id),
      constraint household_community_id_fkey foreign key (community_id) references region (id),
      constraint household_grid_id_fkey foreign key (grid_id) references region (id),
      constraint household_building_id_fkey foreign key (building_id) references region (id),
      constraint household_lead_member_id_fkey foreign key (lead_member_id) references member (id) on delete set null,
      constraint household_people_count_chk check (people_count between 1 and 50),
      constraint household_head_name_chk check (length(head_name) between 1 and 50)
    );
    create unique index household_head_id_number_hash_uq on household (head_id_number_hash) where head_id_number_hash is not null;
    create index household_community_id_idx on household (community_id);
    create index household_head_name_initials_idx on household (head_name_initials text_pattern_ops);
    create index household_head_phone_tail_idx on household (head_phone_tail);
    create index household_head_phone_hash_idx on household (head_phone_hash);

    alter table member add constraint member_household_id_fkey foreign key (household_id) references household (id) on delete set null;

    create table household_tag (
      household_id uuid not null,
      tag text not null,
      verified_on date,
      verified_by uuid,
      constraint household_tag_pkey primary key (household_id, tag),
      constraint household_tag_household_id_fkey foreign key (household_id) references household (id) on delete cascade,
      constraint household_tag_tag_chk check (tag in ('low_income', 'disability', 'elderly_alone', 'member_in_hardship', 'five_guarantees', 'veteran', 'left_behind_child', 'serious_illness'))
    );
    create index household_tag_tag_idx on household_tag (tag);

    create table volunteer_team (
      id uuid not null default gen_random_uuid(),
      name text not null,
      organization_id uuid not null,
      kind text not null default 'volunteer',
      description text,
      created_at timestamptz not null default now(),
      constraint volunteer_team_pkey primary key (id),
      constraint volunteer_team_organization_id_fkey foreign key (organization_id) references organization (id),
      constraint volunteer_team_kind_chk check (kind in ('volunteer', 'emergency', 'professional', 'party_service'))
    );
    create index volunteer_team_organization_id_idx on volunteer_team (organization_id);

    create table volunteer_team_member (
      team_id uuid not null,
      member_id uuid not null,
      is_leader boolean not null default false,
      joined_on date not null default current_date,
      constraint volunteer_team_member_pkey primary key (team_id, member_id),
      constraint volunteer_team_member_team_id_fkey foreign key (team_id) references volunteer_team (id) on delete cascade,
      constraint volunteer_team_member_member_id_fkey foreign key (member_id) references member (id) on delete cascade
    );
    create index volunteer_team_member_member_id_idx on volunteer_team_member (member_id);

    create table import_batch (
      id uuid not null default gen_random_uuid(),
      kind text not null,
      file_name text not null,
      file_hash text not null,
      status text not null default 'validated',
      total_rows integer not null,
      valid_rows integer not null,
      error_rows integer not null,
      errors jsonb not null default '[]',
      rows jsonb not null default '[]',
      result jsonb,
      created_by uuid,
      created_at timestamptz not null default now(),
      committed_at timestamptz,
      constraint import_batch_pkey primary key (id),
      constraint import_batch_kind_chk check (kind in ('members', 'households', 'organizations')),
      constraint import_batch_status_chk check (status in ('validated', 'committed', 'discarded'))
    );
    create index import_batch_created_by_idx on import_batch (created_by, created_at);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table import_batch;
    drop table volunteer_team_member;
    drop table volunteer_team;
    drop table household_tag;
    alter table member drop constraint member_household_id_fkey;
    drop table household;
    drop table member;
    drop table leading_group_member;
    drop index organization_name_idx;
    drop index organization_code_uq;
    alter table organization drop constraint organization_sector_chk;
    alter table organization drop column code, drop column address, drop column contact_phone_masked,
      drop column contact_phone_encrypted, drop column liaison_name, drop column secretary_name,
      drop column strengths, drop column sector;
    drop table region_history;
    alter table region drop column sort_order, drop column village;
  `.execute(db);
}
