/**
 * Notifications become a kind and its parameters (jsonb); the web app words them in the reader's
 * language, so the Chinese title and body texts go (there is no released data to carry over).
 * An index for the unread count and the unread list. Frozen in time: no imports of application code.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table notification drop column title, drop column body, add column params jsonb not null default '{}'::jsonb;
    alter table notification add constraint notification_params_chk check (jsonb_typeof(params) = 'object');
    create index notification_user_id_unread_idx on notification (user_id, created_at desc) where read_at is null;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index notification_user_id_unread_idx;
    alter table notification drop constraint notification_params_chk, drop column params, add column title text not null default '', add column body text not null default '';
  `.execute(db);
}
