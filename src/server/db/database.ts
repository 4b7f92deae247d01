/**
 * Opens the database: the embedded PGlite store (default, data in a locked directory) or
 * PostgreSQL through a pg pool (DATABASE_URL). Both speak the same SQL and run the same migrations;
 * both return int8 as a number when it is safe, numeric as a string and date as 'YYYY-MM-DD'.
 */
import path from 'node:path';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config';
import { acquireDataDirLock, type DataDirLock } from './lock';
import { PGliteDialect } from './pglite-dialect';
import type { DB } from './schema';
import { WriteWatch, watchWrites } from './write-watch';

export type Store = 'pglite' | 'postgres';

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface Database {
  db: Kysely<DB>;
  store: Store;
  /** The PGlite instance, for dumps and backups; null on PostgreSQL. */
  pglite: PGlite | null;
  /** The PostgreSQL connection string, for connections of their own (platform/live.ts listens on one); null on PGlite. */
  url: string | null;
  /** Moves on every committed write to users, sessions, tokens, role assignments or places (db/write-watch.ts). */
  accessGeneration(): number;
  /** Moves on every committed write of any kind (db/write-watch.ts). */
  writeGeneration(): number;
  poolStats(): PoolStats;
  close(): Promise<void>;
}

const INT8 = 20;
const DATE = 1082;

function parseInt8(value: string): number | string {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
}

export interface PgliteOptions {
  /** Directory of the store; omit for an in-memory store. */
  dir?: string;
  /** A dump (from dumpDataDir) to start from. */
  loadDataDir?: Blob | File;
  /** Lock file directory; the lock is taken before the store is opened. */
  lockDir?: string;
}

export async function openPglite(options: PgliteOptions = {}): Promise<Database> {
  let lock: DataDirLock | null = null;
  if (options.lockDir) lock = acquireDataDirLock(options.lockDir);
  try {
    if (options.dir) fs.mkdirSync(options.dir, { recursive: true });
    const pglite = await PGlite.create({
      ...(options.dir ? { dataDir: options.dir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      parsers: { [INT8]: parseInt8, [DATE]: (v: string) => v },
    });
    const watch = new WriteWatch();
    const db = new Kysely<DB>({ dialect: watchWrites(new PGliteDialect(pglite), watch) });
    let closed = false;
    return {
      db,
      store: 'pglite',
      pglite,
      url: null,
      accessGeneration: () => watch.generation,
      writeGeneration: () => watch.writes,
      poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
      async close() {
        if (closed) return;
        closed = true;
        await db.destroy();
        await pglite.close();
        lock?.release();
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

export async function openPostgres(url: string, poolMax = 10): Promise<Database> {
  const types = new pg.TypeOverrides();
  types.setTypeParser(INT8, parseInt8);
  types.setTypeParser(DATE, (v: string) => v);
  const pool = new pg.Pool({
    connectionString: url,
    max: poolMax,
    types,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'gongjian',
  });
  // A connection that drops while idle must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  // Nor one that drops while checked out between two queries (inside a transaction, say): the
  // pool listens only to idle clients, and an 'error' event nobody listens to ends the process.
  // The query in progress or the next one fails (503 DATABASE_UNAVAILABLE) and the pool discards
  // the client. Found by test/faults/connection-cut.faults.test.ts.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const watch = new WriteWatch();
  const db = new Kysely<DB>({ dialect: watchWrites(new PostgresDialect({ pool }), watch) });
  let closed = false;
  return {
    db,
    store: 'postgres',
    pglite: null,
    url,
    accessGeneration: () => watch.generation,
    writeGeneration: () => watch.writes,
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

/** The embedded store lives in <dataDir>/pgdata; the lock and other local state beside it. */
export function pgliteDir(dataDir: string): string {
  return path.join(dataDir, 'pgdata');
}

export async function openDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.databasePoolMax);
  return openPglite({ dir: pgliteDir(config.dataDir), lockDir: config.dataDir });
}
