/** Runs the migrations listed in ./migrations/index.ts (named by ISO timestamp) in order, on either store. */
import { Migrator, sql, type Kysely, type MigrationResultSet } from 'kysely';
import { MIGRATIONS } from './migrations';

export function createMigrator(db: Kysely<any>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: 'kysely_migration',
    migrationLockTableName: 'kysely_migration_lock',
  });
}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly results: MigrationResultSet['results'],
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

/**
 * True when the database has run exactly the listed migrations: one query, no lock and no DDL,
 * so that a start on a current schema costs a few milliseconds instead of the migrator's checks.
 */
export async function schemaIsCurrent(db: Kysely<any>): Promise<boolean> {
  const names = Object.keys(MIGRATIONS);
  try {
    const { rows } = await sql<{ n: number; listed: number }>`
      select count(*)::int as n, count(*) filter (where name = any(${names}::text[]))::int as listed
      from kysely_migration`.execute(db);
    const row = rows[0];
    return row !== undefined && row.n === names.length && row.listed === names.length;
  } catch {
    return false; // no migration table yet: the migrator creates it
  }
}

/** Migrates to the latest version; returns the names of the migrations that ran. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  if (await schemaIsCurrent(db)) return [];
  const { error, results } = await createMigrator(db).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    const cause = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration ${failed?.migrationName ?? ''} failed: ${cause}`, results);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
