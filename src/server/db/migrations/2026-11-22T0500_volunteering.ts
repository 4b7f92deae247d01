/**
 * Volunteering: activities (a recurring one is a series of activities), sign-ups with arrival order,
 * the hours ledger (append-only: a correction is a new version that supersedes the old), requests
 * for supplementary hours and corrections, the year's rules, service certificates with a yearly
 * sequence, and members' calendar-feed tokens. Frozen in time: no imports of application code.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table volunteer_activity (
      id uuid not null default gen_random_uuid(),
      series_id uuid,
      kind text not null,
      title text not null,
      description text not null default '',
      place text not null,
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      region_id uuid not null,
      owner_org_id uuid,
      team_id uuid,
      capacity integer not null,
      confirmed_count integer not null default 0,
      waitlist_count integer not null default 0,
      last_seq integer not null default 0,
      eligibility text not null,
      skills text[] not null default '{}',
      organiser_user_id uuid,
      organiser_name text not null,
      contact text not null,
      concentrated boolean not null default false,
      cancel_deadline_hours integer not null default 2,
      status text not null default 'published',
      cancel_reason text,
      checkin_secret text not null,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint volunteer_activity_pkey primary key (id),
      constraint volunteer_activity_region_id_fkey foreign key (region_id) references region (id),
      constraint volunteer_activity_owner_org_id_fkey foreign key (owner_org_id) references organization (id),
      constraint volunteer_activity_team_id_fkey foreign key (team_id) references volunteer_team (id),
      constraint volunteer_activity_times_chk check (ends_at > starts_at),
      constraint volunteer_activity_capacity_chk check (capacity > 0 and confirmed_count >= 0 and confirmed_count <= capacity and waitlist_count >= 0),
      constraint volunteer_activity_status_chk check (status in ('published', 'cancelled')),
      constraint volunteer_activity_eligibility_chk check (eligibility in ('community_members', 'unit_members', 'anyone')),
      constraint volunteer_activity_kind_chk check (kind in ('party_day', 'lecture', 'training', 'volunteer_service', 'legal_aid', 'health_clinic', 'civility_patrol', 'clean_up', 'emergency_duty', 'other'))
    );
    create index volunteer_activity_starts_at_idx on volunteer_activity (starts_at);
    create index volunteer_activity_region_id_idx on volunteer_activity (region_id, starts_at);
    create index volunteer_activity_owner_org_id_idx on volunteer_activity (owner_org_id, starts_at);
    create index volunteer_activity_series_id_idx on volunteer_activity (series_id) where series_id is not null;

    create table volunteer_signup (
      id uuid not null default gen_random_uuid(),
      activity_id uuid not null,
      member_id uuid not null,
      status text not null,
      seq integer not null,
      created_at timestamptz not null default now(),
      promoted_at timestamptz,
      cancelled_at timestamptz,
      checked_in_at timestamptz,
      check_in_method text,
      checked_out_at timestamptz,
      check_out_method text,
      constraint volunteer_signup_pkey primary key (id),
      constraint volunteer_signup_activity_id_fkey foreign key (activity_id) references volunteer_activity (id),
      constraint volunteer_signup_member_id_fkey foreign key (member_id) references member (id),
      constraint volunteer_signup_status_chk check (status in ('confirmed', 'waitlisted', 'cancelled')),
      constraint volunteer_signup_check_chk check (checked_out_at is null or checked_in_at is not null),
      constraint volunteer_signup_seq_uq unique (activity_id, seq)
    );
    create unique index volunteer_signup_open_uq on volunteer_signup (activity_id, member_id) where status <> 'cancelled';
    create index volunteer_signup_member_id_idx on volunteer_signup (member_id, created_at desc);
    create index volunteer_signup_waitlist_idx on volunteer_signup (activity_id, seq) where status = 'waitlisted';

    create table hour_entry (
      id uuid not null default gen_random_uuid(),
      entry_group_id uuid not null,
      version integer not null default 1,
      supersedes_id uuid,
      superseded_by uuid,
      member_id uuid not null,
      activity_id uuid,
      region_id uuid,
      owner_org_id uuid,
      content text not null,
      service_date date not null,
      started_at timestamptz not null,
      ended_at timestamptz not null,
      minutes integer not null,
      method text not null,
      recorded_by uuid,
      verified_by uuid,
      verified_at timestamptz,
      request_id uuid,
      note text,
      created_at timestamptz not null default now(),
      constraint hour_entry_pkey primary key (id),
      constraint hour_entry_member_id_fkey foreign key (member_id) references member (id),
      constraint hour_entry_activity_id_fkey foreign key (activity_id) references volunteer_activity (id),
      constraint hour_entry_supersedes_id_fkey foreign key (supersedes_id) references hour_entry (id),
      constraint hour_entry_method_chk check (method in ('scan', 'code', 'organiser', 'supplementary')),
      constraint hour_entry_minutes_chk check (minutes >= 0),
      constraint hour_entry_times_chk check (ended_at >= started_at),
      constraint hour_entry_version_uq unique (entry_group_id, version)
    );
    create index hour_entry_member_current_idx on hour_entry (member_id, service_date) include (minutes, method) where superseded_by is null;
    create index hour_entry_activity_id_idx on hour_entry (activity_id) where activity_id is not null;
    create index hour_entry_region_idx on hour_entry (region_id, service_date) where superseded_by is null;
    create unique index hour_entry_one_per_signup_uq on hour_entry (member_id, activity_id) where superseded_by is null and activity_id is not null;

    -- The ledger is append-only: rows are never deleted, and the only change allowed is marking a
    -- row superseded (once) when a correction adds the next version.
    create function hour_entry_append_only() returns trigger language plpgsql as $fn$
    begin
      if tg_op = 'DELETE' then
        raise exception 'hour_entry rows are never deleted';
      end if;
      if old.superseded_by is not null or new.superseded_by is null
         or (to_jsonb(new) - 'superseded_by') <> (to_jsonb(old) - 'superseded_by') then
        raise exception 'hour_entry rows are never edited; add a new version';
      end if;
      return new;
    end
    $fn$;
    create trigger hour_entry_append_only before update or delete on hour_entry
      for each row execute function hour_entry_append_only();

    create table hour_request (
      id uuid not null default gen_random_uuid(),
      kind text not null,
      status text not null default 'pending',
      member_id uuid not null,
      activity_id uuid,
      entry_id uuid,
      started_at timestamptz not null,
      ended_at timestamptz not null,
      minutes integer not null,
      reason text not null,
      requested_by uuid,
      decided_by uuid,
      decided_at timestamptz,
      decision_note text,
      result_entry_id uuid,
      created_at timestamptz not null default now(),
      constraint hour_request_pkey primary key (id),
      constraint hour_request_member_id_fkey foreign key (member_id) references member (id),
      constraint hour_request_activity_id_fkey foreign key (activity_id) references volunteer_activity (id),
      constraint hour_request_entry_id_fkey foreign key (entry_id) references hour_entry (id),
      constraint hour_request_kind_chk check ((kind = 'supplementary' and activity_id is not null) or (kind = 'correction' and entry_id is not null)),
      constraint hour_request_status_chk check (status in ('pending', 'approved', 'rejected')),
      constraint hour_request_times_chk check (ended_at > started_at)
    );
    create index hour_request_member_id_idx on hour_request (member_id, created_at desc);
    create index hour_request_activity_id_idx on hour_request (activity_id, status);
    create index hour_request_pending_idx on hour_request (created_at) where status = 'pending';
    create unique index hour_request_open_uq on hour_request (member_id, coalesce(entry_id, activity_id)) where status = 'pending';

    create table volunteer_setting (
      year integer not null,
      member_hours_per_quarter numeric(8, 2) not null,
      team_days_per_year integer not null,
      unit_activities_per_quarter integer not null,
      rounding_minutes integer not null,
      points_per_hour numeric(8, 2) not null,
      star_thresholds numeric(10, 2)[] not null,
      cancel_deadline_hours integer not null,
      reminder_at numeric(4, 3) not null,
      updated_by uuid,
      updated_at timestamptz not null default now(),
      constraint volunteer_setting_pkey primary key (year),
      constraint volunteer_setting_rounding_chk check (rounding_minutes > 0)
    );

    create table certificate_counter (
      year integer not null,
      last_seq integer not null default 0,
      constraint certificate_counter_pkey primary key (year)
    );

    create table service_certificate (
      id uuid not null default gen_random_uuid(),
      cert_no text not null,
      year integer not null,
      seq integer not null,
      member_id uuid not null,
      period_from date not null,
      period_to date not null,
      minutes integer not null,
      content text not null,
      issuer_org_id uuid,
      issuer_name text not null,
      person_in_charge text not null,
      handler text not null,
      contact text not null,
      issued_on date not null,
      issued_by uuid,
      created_at timestamptz not null default now(),
      constraint service_certificate_pkey primary key (id),
      constraint service_certificate_cert_no_uq unique (cert_no),
      constraint service_certificate_seq_uq unique (year, seq),
      constraint service_certificate_member_id_fkey foreign key (member_id) references member (id),
      constraint service_certificate_issuer_org_id_fkey foreign key (issuer_org_id) references organization (id),
      constraint service_certificate_period_chk check (period_to >= period_from)
    );
    create index service_certificate_member_id_idx on service_certificate (member_id, issued_on desc);

    create table volunteer_calendar_feed (
      user_id uuid not null,
      token_hash text not null,
      created_at timestamptz not null default now(),
      constraint volunteer_calendar_feed_pkey primary key (user_id),
      constraint volunteer_calendar_feed_user_id_fkey foreign key (user_id) references app_user (id) on delete cascade,
      constraint volunteer_calendar_feed_token_hash_uq unique (token_hash)
    );
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table volunteer_calendar_feed;
    drop table service_certificate;
    drop table certificate_counter;
    drop table volunteer_setting;
    drop table hour_request;
    drop trigger hour_entry_append_only on hour_entry;
    drop function hour_entry_append_only();
    drop table hour_entry;
    drop table volunteer_signup;
    drop table volunteer_activity;
  `.execute(db);
}
