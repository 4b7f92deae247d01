// What every medium test starts from: the migrated schema, one system administrator and the demo
// (a slice of 临江市 with one account per role). Built once per run into a template.
import type { Kysely } from 'kysely';
import { loadConfig, type Config } from '../../src/server/config';
import type { DB } from '../../src/server/db/schema';
import { migrateToLatest } from '../../src/server/db/migrate';
import { createAdmin } from '../../src/server/platform/bootstrap';
import { PersonalDataCipher } from '../../src/server/platform/crypto';
import { resolveSecrets } from '../../src/server/platform/secrets';
import { DEMO_PASSWORD, seedDemo } from '../../src/server/seed/demo';

export const TEST_ADMIN = { account: 'admin', password: 'Root-Test-Pass-2026' } as const;
export { DEMO_PASSWORD };

/** One demo account per role (see src/server/seed/demo.ts). */
export const DEMO = {
  supervisor: 'supervisor',
  street_staff: 'street',
  community_staff: 'community',
  unit_admin: 'unit',
  member: 'member',
  resident: 'resident',
} as const;

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ GONGJIAN_ENV: 'test', GONGJIAN_WEB_DIR: '/nonexistent-web-dir' }), ...overrides };
}

export async function prepareTemplate(db: Kysely<DB>): Promise<void> {
  await migrateToLatest(db);
  const config = testConfig();
  await createAdmin(db, config.password, { ...TEST_ADMIN });
  const { secrets } = await resolveSecrets(db, config);
  await seedDemo(db, new PersonalDataCipher(secrets.encryptionKey));
}
