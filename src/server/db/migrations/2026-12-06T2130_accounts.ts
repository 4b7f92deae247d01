/**
 * Accounts for members and residents: one-time activation codes (only a keyed hash is kept), a
 * keyed hash of the ID number's last six characters for self-activation, the household head's
 * account, failed activations counted per person and per address, failed logins found by address,
 * and the `regions` import kind. Frozen in time: no imports of application code.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table member add column id_last6_hash text;
    create index member_phone_hash_name_idx on member (phone_hash, name);

    alter table household add column head_id_last6_hash text;
    alter table household add column user_id uuid;
    alter table household add constraint household_user_id_fkey foreign key (user_id) references app_user (id) on delete set null;
    create unique index household_user_id_uq on household (user_id) where user_id is not null;

    alter table app_user add column activated_at timestamptz;

    create table activation_code (
      id uuid not null default gen_random_uuid(),
      user_id uuid not null,
      code_hash text not null,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_by uuid,
      created_at timestamptz not null default now(),
      constraint activation_code_pkey primary key (id),
      constraint activation_code_user_id_fkey foreign key (user_id) references app_user (id) on delete cascade,
      constraint activation_code_code_hash_uq unique (code_hash)
    );
    create index activation_code_user_id_idx on activation_code (user_id);

    create table activation_failure (
      id bigint generated always as identity,
      key text not null,
      at timestamptz not null default now(),
      constraint activation_failure_pkey primary key (id)
    );
    create index activation_failure_key_idx on activation_failure (key, at);

    create index login_failure_ip_idx on login_failure (ip, at);

    alter table import_batch drop constraint import_batch_kind_chk;
    alter table import_batch add constraint import_batch_kind_chk check (kind in ('members', 'households', 'organizations', 'regions'));
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    alter table import_batch drop constraint import_batch_kind_chk;
    alter table import_batch add constraint import_batch_kind_chk check (kind in ('members', 'households', 'organizations'));
    drop index login_failure_ip_idx;
    drop table activation_failure;
    drop table activation_code;
    alter table app_user drop column activated_at;
    drop index household_user_id_uq;
    alter table household drop constraint household_user_id_fkey;
    alter table household drop column user_id;
    alter table household drop column head_id_last6_hash;
    drop index member_phone_hash_name_idx;
    alter table member drop column id_last6_hash;
  `.execute(db);
}
