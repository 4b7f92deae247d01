// The medium-test harness: a fresh database per test file (a copy of the run's template), the app
// built on it, and a small HTTP client over app.inject that keeps the session cookie and CSRF token.
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, inject, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app';
import type { Config } from '../../src/server/config';
import { openPglite, openPostgres, type Database } from '../../src/server/db/database';
import { DEMO_PASSWORD, TEST_ADMIN, testConfig } from './fixtures';
import { POSTGRES_SKIP_REASON, TEST_DATABASE_URL, availableStores, withDatabase, type TestStore } from './stores';

export { DEMO, DEMO_PASSWORD, TEST_ADMIN, testConfig } from './fixtures';
export type { TestStore } from './stores';

/** Runs the suite once per available store; announces the PostgreSQL skip when it is not available. */
export function describeStores(name: string, suite: (store: TestStore) => void): void {
  for (const store of availableStores()) describe(`${name} [${store}]`, () => suite(store));
  if (!TEST_DATABASE_URL) {
    describe.skip(`${name} [postgres] — ${POSTGRES_SKIP_REASON}`, () => {
      it('runs on PostgreSQL', () => undefined);
    });
  }
}

/** A database of this test file's own, copied from the run's template. */
export async function openTestDatabase(store: TestStore): Promise<Database> {
  if (store === 'pglite') {
    const dump = fs.readFileSync(inject('pgliteTemplate'));
    return openPglite({ loadDataDir: new Blob([dump]) });
  }
  const template = inject('postgresTemplate');
  if (!TEST_DATABASE_URL || !template) throw new Error('PostgreSQL is not available for this run');
  const name = `gongjian_t_${inject('runId')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const database = await openPostgres(withDatabase(TEST_DATABASE_URL, name), 5);
  const close = database.close.bind(database);
  return {
    ...database,
    async close() {
      await close();
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL! });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface Client {
  csrf: string | null;
  cookie: string | null;
  token: string | null;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  /** An anonymous client. */
  client(): Client;
  /** A client logged in with the account; throws if the login fails. */
  login(account: string, password?: string): Promise<Client>;
  /** A client that sends a personal API token. */
  withToken(token: string): Client;
  close(): Promise<void>;
}

function makeClient(app: FastifyInstance): Client {
  const client: Client = {
    csrf: null,
    cookie: null,
    token: null,
    async request(method, url, body, headers = {}) {
      const h: Record<string, string> = { ...headers };
      if (client.cookie) h.cookie = client.cookie;
      if (client.csrf && !('x-csrf-token' in h)) h['x-csrf-token'] = client.csrf;
      if (client.token) h.authorization = `Bearer ${client.token}`;
      const res = await app.inject({
        method: method as 'GET',
        url,
        headers: h,
        ...(body === undefined ? {} : { payload: body as object }),
      });
      const set = res.cookies.find((c) => c.name === 'gj_session');
      if (set) client.cookie = set.value ? `gj_session=${set.value}` : null;
      return res;
    },
    get: (url) => client.request('GET', url),
    post: (url, body) => client.request('POST', url, body ?? {}),
    patch: (url, body) => client.request('PATCH', url, body ?? {}),
    delete: (url) => client.request('DELETE', url),
  };
  return client;
}

export async function createTestApp(store: TestStore, overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await openTestDatabase(store);
  const config = testConfig(overrides);
  const app = await buildApp(config, database, { logger: false });
  await app.ready();
  return {
    app,
    database,
    config,
    client: () => makeClient(app),
    async login(account, password) {
      const c = makeClient(app);
      const pw = password ?? (account === TEST_ADMIN.account ? TEST_ADMIN.password : DEMO_PASSWORD);
      const res = await c.post('/api/v1/auth/login', { account, password: pw });
      if (res.statusCode !== 200) throw new Error(`login ${account} failed: ${res.statusCode} ${res.body}`);
      c.csrf = res.json<{ csrfToken: string }>().csrfToken;
      return c;
    },
    withToken(token) {
      const c = makeClient(app);
      c.token = token;
      return c;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
