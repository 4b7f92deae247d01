/**
 * Foundation: the region and organisation trees (minimal; the Directory grows them), accounts,
 * role assignments, sessions, login throttling, API tokens, the audit log and settings.
 * Frozen in time: no imports of application code.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table region (
      id uuid not null default gen_random_uuid(),
      parent_id uuid,
      kind text not null,
      name text not null,
      code text,
      path text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint region_pkey primary key (id),
      constraint region_parent_id_fkey foreign key (parent_id) references region (id),
      constraint region_kind_chk check (kind in ('city', 'district', 'street', 'community', 'grid', 'building')),
      constraint region_name_chk check (length(name) between 1 and 100)
    );
    create index region_path_idx on region (path text_pattern_ops);
    create index region_parent_id_idx on region (parent_id);

    create table organization (
      id uuid not null default gen_random_uuid(),
      parent_id uuid,
      kind text not null,
      name text not null,
      region_id uuid,
      path text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint organization_pkey primary key (id),
      constraint organization_parent_id_fkey foreign key (parent_id) references organization (id),
      constraint organization_region_id_fkey foreign key (region_id) references region (id),
      constraint organization_kind_chk check (kind in ('supervisor', 'street', 'community', 'grid_branch', 'building_group', 'unit', 'alliance')),
      constraint organization_name_chk check (length(name) between 1 and 200)
    );
    create index organization_path_idx on organization (path text_pattern_ops);
    create index organization_region_id_idx on organization (region_id);

    create table app_user (
      id uuid not null default gen_random_uuid(),
      account text not null,
      display_name text not null,
      phone_hash text,
      phone_encrypted text,
      phone_masked text,
      password_hash text not null,
      password_changed_at timestamptz not null default now(),
      must_change_password boolean not null default false,
      status text not null default 'active',
      last_login_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint app_user_pkey primary key (id),
      constraint app_user_status_chk check (status in ('active', 'disabled')),
      constraint app_user_account_chk check (length(account) between 2 and 64)
    );
    create unique index app_user_account_uq on app_user (lower(account));
    create unique index app_user_phone_hash_uq on app_user (phone_hash);

    create table password_history (
      id bigint generated always as identity,
      user_id uuid not null,
      password_hash text not null,
      changed_at timestamptz not null default now(),
      constraint password_history_pkey primary key (id),
      constraint password_history_user_id_fkey foreign key (user_id) references app_user (id) on delete cascade
    );
    create index password_history_user_id_idx on password_history (user_id, changed_at desc);

    create table role_assignment (
      id uuid not null default gen_random_uuid(),
      user_id uuid not null,
      role text not null,
      scope_type text not null,
      region_id uuid,
      organization_id uuid,
      created_at timestamptz not null default now(),
      created_by uuid,
      constraint role_assignment_pkey primary key (id),
      constraint role_assignment_user_id_fkey foreign key (user_id) references app_user (id) on delete cascade,
      constraint role_assignment_region_id_fkey foreign key (region_id) references region (id),
      constraint role_assignment_organization_id_fkey foreign key (organization_id) references organization (id),
      constraint role_assignment_role_chk check (role in ('system_admin', 'supervisor', 'street_staff', 'community_staff', 'unit_admin', 'member', 'resident')),
      constraint role_assignment_scope_chk check (
        (scope_type = 'system' and region_id is null and organization_id is null) or
        (scope_type = 'region' and region_id is not null and organization_id is null) or
        (scope_type = 'organization' and organization_id is not null and region_id is null))
    );
    create unique index role_assignment_uq on role_assignment (user_id, role, scope_type, coalesce(region_id, organization_id, '00000000-0000-0000-0000-000000000000'::uuid));
    create index role_assignment_region_id_idx on role_assignment (region_id);
    create index role_assignment_organization_id_idx on role_assignment (organization_id);

    create table session (
      id_hash text not null,
      user_id uuid not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ip text,
      user_agent text,
      constraint session_pkey primary key (id_hash),
      constraint session_user_id_fkey foreign key (user_id) references app_user (id) on delete cascade
    );
    create index session_user_id_idx on session (user_id);
    create index session_expires_at_idx on session (expires_at);

    create table login_failure (
      id bigint generated always as identity,
      account_key text not null,
      ip text,
      at timestamptz not null default now(),
      constraint login_failure_pkey primary key (id)
    );
    create index login_failure_account_key_idx on login_failure (account_key, at);

    create table login_lock (
      account_key text not null,
      locked_until timestamptz not null,
      constraint login_lock_pkey primary key (account_key)
    );

    create table api_token (
      id uuid not null default gen_random_uuid(),
      user_id uuid not null,
      name text not null,
      prefix text not null,
      token_hash text not null,
      scopes text[] not null,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      expires_at timestamptz,
      revoked_at timestamptz,
      constraint api_token_pkey primary key (id),
      constraint api_token_user_id_fkey foreign key (user_id) references app_user (id) on delete cascade,
      constraint api_token_token_hash_uq unique (token_hash),
      constraint api_token_name_chk check (length(name) between 1 and 100)
    );
    create index api_token_user_id_idx on api_token (user_id);

    create table audit_event (
      id bigint generated always as identity,
      at timestamptz not null default now(),
      actor_user_id uuid,
      actor_account text,
      ip text,
      user_agent text,
      request_id text,
      action text not null,
      entity_type text,
      entity_id text,
      before jsonb,
      after jsonb,
      outcome text not null default 'success',
      constraint audit_event_pkey primary key (id),
      constraint audit_event_outcome_chk check (outcome in ('success', 'failure', 'denied'))
    );
    create index audit_event_at_idx on audit_event (at);
    create index audit_event_actor_idx on audit_event (actor_user_id, at);
    create index audit_event_entity_idx on audit_event (entity_type, entity_id);
    create index audit_event_action_idx on audit_event (action, at);

    create function audit_event_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and current_setting('gongjian.audit_purge', true) = 'on' then
        return old;
      end if;
      raise exception 'audit events cannot be changed' using errcode = 'insufficient_privilege';
    end;
    $$;
    create trigger audit_event_guard_trg before update or delete on audit_event
      for each row execute function audit_event_guard();
    create function audit_event_truncate_guard() returns trigger language plpgsql as $$
    begin
      raise exception 'audit events cannot be changed' using errcode = 'insufficient_privilege';
    end;
    $$;
    create trigger audit_event_truncate_trg before truncate on audit_event
      for each statement execute function audit_event_truncate_guard();

    create table app_setting (
      key text not null,
      value jsonb not null,
      updated_at timestamptz not null default now(),
      constraint app_setting_pkey primary key (key)
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table app_setting;
    drop trigger audit_event_truncate_trg on audit_event;
    drop trigger audit_event_guard_trg on audit_event;
    drop table audit_event;
    drop function audit_event_truncate_guard();
    drop function audit_event_guard();
    drop table api_token;
    drop table login_lock;
    drop table login_failure;
    drop table session;
    drop table role_assignment;
    drop table password_history;
    drop table app_user;
    drop table organization;
    drop table region;
  `.execute(db);
}
