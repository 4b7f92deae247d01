/**
 * Three lists (三单式服务): needs of communities, resources of units, yearly projects with their
 * needs, resources, milestones, claims (slots taken with a conditional update, CHECK backstop),
 * progress reports, sign-offs and ratings; the yearly claim rule; uploads (files live on disk,
 * addressed by sha-256; rows hold the metadata). Frozen in time: no imports of application code.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table upload (
      id uuid not null default gen_random_uuid(),
      sha256 text not null,
      mime text not null,
      size integer not null,
      file_name text not null,
      has_thumbnail boolean not null default false,
      uploaded_by uuid,
      created_at timestamptz not null default now(),
      constraint upload_pkey primary key (id),
      constraint upload_uploaded_by_fkey foreign key (uploaded_by) references app_user (id) on delete set null,
      constraint upload_sha256_chk check (sha256 ~ '^[0-9a-f]{64}$'),
      constraint upload_size_chk check (size > 0)
    );
    create index upload_sha256_idx on upload (sha256);

    create table need (
      id uuid not null default gen_random_uuid(),
      community_id uuid not null,
      title text not null,
      description text not null default '',
      category text not null,
      place text,
      starts_on date,
      ends_on date,
      people_needed integer,
      budget_yuan integer,
      materials text,
      priority text not null default 'normal',
      beneficiaries text,
      status text not null default 'draft',
      close_reason text,
      tokens text not null default '',
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      published_at timestamptz,
      constraint need_pkey primary key (id),
      constraint need_community_id_fkey foreign key (community_id) references region (id),
      constraint need_category_chk check (category in ('environment', 'elderly_care', 'children', 'legal_aid', 'health', 'employment', 'culture', 'safety', 'infrastructure', 'party_building', 'other')),
      constraint need_priority_chk check (priority in ('low', 'normal', 'high', 'urgent')),
      constraint need_status_chk check (status in ('draft', 'published', 'closed')),
      constraint need_dates_chk check (ends_on is null or starts_on is null or ends_on >= starts_on)
    );
    create index need_community_id_idx on need (community_id, status);
    create index need_status_idx on need (status, created_at desc);

    create table need_attachment (
      need_id uuid not null,
      upload_id uuid not null,
      constraint need_attachment_pkey primary key (need_id, upload_id),
      constraint need_attachment_need_id_fkey foreign key (need_id) references need (id) on delete cascade,
      constraint need_attachment_upload_id_fkey foreign key (upload_id) references upload (id)
    );
    create index need_attachment_upload_id_idx on need_attachment (upload_id);

    create table resource (
      id uuid not null default gen_random_uuid(),
      unit_org_id uuid not null,
      kind text not null,
      title text not null,
      description text not null default '',
      category text not null,
      skills text[] not null default '{}',
      quantity integer,
      available_from date,
      available_until date,
      availability_note text,
      status text not null default 'draft',
      tokens text not null default '',
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint resource_pkey primary key (id),
      constraint resource_unit_org_id_fkey foreign key (unit_org_id) references organization (id),
      constraint resource_kind_chk check (kind in ('people', 'service', 'venue', 'equipment', 'funds')),
      constraint resource_category_chk check (category in ('environment', 'elderly_care', 'children', 'legal_aid', 'health', 'employment', 'culture', 'safety', 'infrastructure', 'party_building', 'other')),
      constraint resource_status_chk check (status in ('draft', 'published', 'withdrawn')),
      constraint resource_dates_chk check (available_until is null or available_from is null or available_until >= available_from)
    );
    create index resource_unit_org_id_idx on resource (unit_org_id, status);
    create index resource_status_idx on resource (status, created_at desc);

    create table project (
      id uuid not null default gen_random_uuid(),
      year integer not null,
      community_id uuid not null,
      title text not null,
      goal text not null default '',
      lead_unit_org_id uuid,
      budget_yuan integer,
      claim_slots integer not null default 1,
      slots_taken integer not null default 0,
      status text not null default 'draft',
      cancel_reason text,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      completed_at timestamptz,
      constraint project_pkey primary key (id),
      constraint project_community_id_fkey foreign key (community_id) references region (id),
      constraint project_lead_unit_org_id_fkey foreign key (lead_unit_org_id) references organization (id),
      constraint project_status_chk check (status in ('draft', 'open', 'in_progress', 'submitted', 'completed', 'cancelled')),
      constraint project_slots_chk check (claim_slots >= 1 and slots_taken >= 0 and slots_taken <= claim_slots),
      constraint project_year_chk check (year between 2000 and 2100)
    );
    create index project_community_id_idx on project (community_id, year, status);
    create index project_year_idx on project (year, status);
    create index project_lead_unit_org_id_idx on project (lead_unit_org_id);

    create table project_need (
      project_id uuid not null,
      need_id uuid not null,
      constraint project_need_pkey primary key (project_id, need_id),
      constraint project_need_project_id_fkey foreign key (project_id) references project (id) on delete cascade,
      constraint project_need_need_id_fkey foreign key (need_id) references need (id)
    );
    create index project_need_need_id_idx on project_need (need_id);

    create table project_resource (
      project_id uuid not null,
      resource_id uuid not null,
      constraint project_resource_pkey primary key (project_id, resource_id),
      constraint project_resource_project_id_fkey foreign key (project_id) references project (id) on delete cascade,
      constraint project_resource_resource_id_fkey foreign key (resource_id) references resource (id)
    );
    create index project_resource_resource_id_idx on project_resource (resource_id);

    create table project_milestone (
      id uuid not null default gen_random_uuid(),
      project_id uuid not null,
      title text not null,
      due_on date not null,
      done_at timestamptz,
      sort_order integer not null default 0,
      constraint project_milestone_pkey primary key (id),
      constraint project_milestone_project_id_fkey foreign key (project_id) references project (id) on delete cascade
    );
    create index project_milestone_project_id_idx on project_milestone (project_id, sort_order);

    create table project_claim (
      id uuid not null default gen_random_uuid(),
      project_id uuid not null,
      kind text not null,
      status text not null,
      unit_org_id uuid,
      member_id uuid,
      note text,
      decline_reason text,
      created_by uuid,
      created_at timestamptz not null default now(),
      decided_by uuid,
      decided_at timestamptz,
      constraint project_claim_pkey primary key (id),
      constraint project_claim_project_id_fkey foreign key (project_id) references project (id) on delete cascade,
      constraint project_claim_unit_org_id_fkey foreign key (unit_org_id) references organization (id),
      constraint project_claim_member_id_fkey foreign key (member_id) references member (id),
      constraint project_claim_kind_chk check (kind in ('self', 'assigned')),
      constraint project_claim_status_chk check (status in ('pending', 'active', 'declined', 'withdrawn')),
      constraint project_claim_party_chk check ((unit_org_id is null) <> (member_id is null))
    );
    create unique index project_claim_unit_open_uq on project_claim (project_id, unit_org_id) where unit_org_id is not null and status in ('pending', 'active');
    create unique index project_claim_member_open_uq on project_claim (project_id, member_id) where member_id is not null and status in ('pending', 'active');
    create index project_claim_unit_org_id_idx on project_claim (unit_org_id, status);
    create index project_claim_member_id_idx on project_claim (member_id, status);

    create table progress_report (
      id uuid not null default gen_random_uuid(),
      project_id uuid not null,
      milestone_id uuid not null,
      claim_id uuid,
      note text not null,
      done boolean not null default false,
      reported_by uuid,
      reporter_name text not null,
      created_at timestamptz not null default now(),
      constraint progress_report_pkey primary key (id),
      constraint progress_report_project_id_fkey foreign key (project_id) references project (id) on delete cascade,
      constraint progress_report_milestone_id_fkey foreign key (milestone_id) references project_milestone (id) on delete cascade,
      constraint progress_report_claim_id_fkey foreign key (claim_id) references project_claim (id)
    );
    create index progress_report_project_id_idx on progress_report (project_id, created_at);

    create table progress_report_attachment (
      report_id uuid not null,
      upload_id uuid not null,
      constraint progress_report_attachment_pkey primary key (report_id, upload_id),
      constraint progress_report_attachment_report_id_fkey foreign key (report_id) references progress_report (id) on delete cascade,
      constraint progress_report_attachment_upload_id_fkey foreign key (upload_id) references upload (id)
    );
    create index progress_report_attachment_upload_id_idx on progress_report_attachment (upload_id);

    create table project_sign_off (
      id uuid not null default gen_random_uuid(),
      project_id uuid not null,
      decision text not null,
      reason text,
      decided_by uuid,
      decider_name text not null,
      created_at timestamptz not null default now(),
      constraint project_sign_off_pkey primary key (id),
      constraint project_sign_off_project_id_fkey foreign key (project_id) references project (id) on delete cascade,
      constraint project_sign_off_decision_chk check (decision in ('approved', 'sent_back')),
      constraint project_sign_off_reason_chk check (decision = 'approved' or reason is not null)
    );
    create index project_sign_off_project_id_idx on project_sign_off (project_id, created_at);

    create table project_rating (
      id uuid not null default gen_random_uuid(),
      project_id uuid not null,
      user_id uuid not null,
      stars integer not null,
      comment text,
      rater_name text not null,
      created_at timestamptz not null default now(),
      constraint project_rating_pkey primary key (id),
      constraint project_rating_project_id_fkey foreign key (project_id) references project (id) on delete cascade,
      constraint project_rating_user_id_fkey foreign key (user_id) references app_user (id) on delete cascade,
      constraint project_rating_stars_chk check (stars between 1 and 5),
      constraint project_rating_uq unique (project_id, user_id)
    );

    create table claim_rule (
      year integer not null,
      min_projects integer not null,
      updated_by uuid,
      updated_at timestamptz not null default now(),
      constraint claim_rule_pkey primary key (year),
      constraint claim_rule_min_chk check (min_projects between 0 and 50)
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table claim_rule;
    drop table project_rating;
    drop table project_sign_off;
    drop table progress_report_attachment;
    drop table progress_report;
    drop table project_claim;
    drop table project_milestone;
    drop table project_resource;
    drop table project_need;
    drop table project;
    drop table resource;
    drop table need_attachment;
    drop table need;
    drop table upload;
  `.execute(db);
}
