// Which database stores the medium tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL
// is set. Under CI=true a missing PostgreSQL is a failure, not a skip.
export type TestStore = 'pglite' | 'postgres';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || null;
export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

export function availableStores(): TestStore[] {
  return TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export const POSTGRES_SKIP_REASON = 'skipped: set TEST_DATABASE_URL=postgres://… to run the PostgreSQL suites';

/** Replaces the database name in a PostgreSQL URL. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
