/** What every service receives: the database, the configuration, secrets and the logger. */
import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { DB } from '../db/schema';
import type { PersonalDataCipher, Secrets } from './crypto';
import type { EventBus } from './events';
import type { LiveBus } from './live';

export interface AppContext {
  config: Config;
  database: Database;
  db: Kysely<DB>;
  secrets: Secrets;
  cipher: PersonalDataCipher;
  log: FastifyBaseLogger;
  events: EventBus;
  /** Live messages to open pages, across server processes on PostgreSQL (platform/live.ts). */
  live: LiveBus;
}
