/**
 * Registration (双报到): cycles, registrations of units and members with their cards, pairings of
 * units with communities, agreements with their tasks, and in-app notifications (reminders).
 * Frozen in time: no imports of application code.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table registration_cycle (
      id uuid not null default gen_random_uuid(),
      name text not null,
      starts_on date not null,
      ends_on date not null,
      created_by uuid,
      created_at timestamptz not null default now(),
      constraint registration_cycle_pkey primary key (id),
      constraint registration_cycle_dates_chk check (ends_on >= starts_on),
      constraint registration_cycle_name_uq unique (name)
    );

    create table pairing (
      id uuid not null default gen_random_uuid(),
      unit_org_id uuid not null,
      community_id uuid not null,
      status text not null,
      proposed_by_side text not null,
      proposed_by uuid,
      decided_by uuid,
      decided_at timestamptz,
      ended_at timestamptz,
      end_reason text,
      note text,
      created_at timestamptz not null default now(),
      constraint pairing_pkey primary key (id),
      constraint pairing_unit_org_id_fkey foreign key (unit_org_id) references organization (id),
      constraint pairing_community_id_fkey foreign key (community_id) references region (id),
      constraint pairing_status_chk check (status in ('proposed', 'active', 'declined', 'ended')),
      constraint pairing_side_chk check (proposed_by_side in ('unit', 'community', 'supervisor'))
    );
    create unique index pairing_open_uq on pairing (unit_org_id, community_id) where status in ('proposed', 'active');
    create index pairing_community_id_idx on pairing (community_id);

    create sequence registration_card_seq;

    create table registration (
      id uuid not null default gen_random_uuid(),
      kind text not null,
      cycle_id uuid not null,
      unit_org_id uuid,
      member_id uuid,
      community_id uuid not null,
      status text not null default 'pending',
      residence_correction boolean not null default false,
      applied_by uuid,
      applied_at timestamptz not null default now(),
      decided_by uuid,
      decided_at timestamptz,
      reject_reason text,
      card_no text,
      ended_at timestamptz,
      end_reason text,
      constraint registration_pkey primary key (id),
      constraint registration_cycle_id_fkey foreign key (cycle_id) references registration_cycle (id),
      constraint registration_unit_org_id_fkey foreign key (unit_org_id) references organization (id),
      constraint registration_member_id_fkey foreign key (member_id) references member (id),
      constraint registration_community_id_fkey foreign key (community_id) references region (id),
      constraint registration_kind_chk check ((kind = 'unit' and unit_org_id is not null and member_id is null) or (kind = 'member' and member_id is not null)),
      constraint registration_status_chk check (status in ('pending', 'confirmed', 'rejected', 'ended')),
      constraint registration_card_no_uq unique (card_no),
      constraint registration_card_chk check ((status in ('confirmed', 'ended')) = (card_no is not null) or status = 'ended')
    );
    create unique index registration_member_open_uq on registration (member_id, cycle_id) where kind = 'member' and status in ('pending', 'confirmed');
    create unique index registration_unit_open_uq on registration (unit_org_id, community_id, cycle_id) where kind = 'unit' and status in ('pending', 'confirmed');
    create index registration_community_id_idx on registration (community_id, cycle_id, status);
    create index registration_member_id_idx on registration (member_id);

    create table agreement (
      id uuid not null default gen_random_uuid(),
      pairing_id uuid not null,
      title text not null,
      party_a text not null,
      party_b text not null,
      term_start date not null,
      term_end date not null,
      goals text not null default '',
      principles text not null default '',
      filed_with text,
      end_condition text,
      status text not null default 'draft',
      signatory_a text,
      signed_a_at timestamptz,
      signed_a_by uuid,
      signatory_b text,
      signed_b_at timestamptz,
      signed_b_by uuid,
      ended_at timestamptz,
      end_reason text,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint agreement_pkey primary key (id),
      constraint agreement_pairing_id_fkey foreign key (pairing_id) references pairing (id),
      constraint agreement_status_chk check (status in ('draft', 'signed_by_one', 'signed_by_both', 'ended')),
      constraint agreement_term_chk check (term_end >= term_start)
    );
    create index agreement_pairing_id_idx on agreement (pairing_id);

    create table agreement_task (
      id uuid not null default gen_random_uuid(),
      agreement_id uuid not null,
      side text not null,
      description text not null,
      owner text,
      due_on date,
      sort_order integer not null default 0,
      constraint agreement_task_pkey primary key (id),
      constraint agreement_task_agreement_id_fkey foreign key (agreement_id) references agreement (id) on delete cascade,
      constraint agreement_task_side_chk check (side in ('a', 'b'))
    );
    create index agreement_task_agreement_id_idx on agreement_task (agreement_id, sort_order);

    create table notification (
      id uuid not null default gen_random_uuid(),
      user_id uuid not null,
      kind text not null,
      title text not null,
      body text not null default '',
      link text,
      dedupe_key text,
      created_at timestamptz not null default now(),
      read_at timestamptz,
      constraint notification_pkey primary key (id),
      constraint notification_user_id_fkey foreign key (user_id) references app_user (id) on delete cascade
    );
    create index notification_user_id_idx on notification (user_id, created_at desc);
    create unique index notification_dedupe_uq on notification (user_id, dedupe_key) where dedupe_key is not null;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop table notification;
    drop table agreement_task;
    drop table agreement;
    drop table registration;
    drop sequence registration_card_seq;
    drop table pairing;
    drop table registration_cycle;
  `.execute(db);
}
