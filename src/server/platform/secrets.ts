/**
 * Resolves the session secret and the encryption key. Production must configure both (config.ts
 * refuses to start otherwise); development and test generate them once and keep them in the
 * app_setting table so that sessions and encrypted fields survive a restart.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { DB } from '../db/schema';
import { parseKey, randomToken, type Secrets } from './crypto';

interface StoredSecrets {
  sessionSecret: string;
  encryptionKey: string;
}

export async function resolveSecrets(db: Kysely<DB>, config: Config): Promise<{ secrets: Secrets; generated: boolean }> {
  if (config.sessionSecret && config.encryptionKey) {
    return { secrets: { sessionSecret: config.sessionSecret, encryptionKey: parseKey(config.encryptionKey) }, generated: false };
  }
  const fresh: StoredSecrets = { sessionSecret: randomToken(48), encryptionKey: randomBytes(32).toString('hex') };
  await db
    .insertInto('app_setting')
    .values({ key: 'development_secrets', value: JSON.stringify(fresh) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('app_setting').select('value').where('key', '=', 'development_secrets').executeTakeFirstOrThrow();
  const stored = row.value as StoredSecrets;
  return {
    secrets: {
      sessionSecret: config.sessionSecret ?? stored.sessionSecret,
      encryptionKey: parseKey(config.encryptionKey ?? stored.encryptionKey),
    },
    generated: true,
  };
}
