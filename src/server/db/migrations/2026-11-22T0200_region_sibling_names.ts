/** Place names are unique among siblings: imports and people find places by name. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create unique index region_parent_name_uq on region (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), name)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index region_parent_name_uq`.execute(db);
}
