// The start-up path: route schemas compile on first use and all of them compile (warmSchemas, run
// right after listening), and a current schema is recognised without running the migrator.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrateToLatest, schemaIsCurrent } from '../src/server/db/migrate';
import { MIGRATIONS } from '../src/server/db/migrations';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app';
import type { Database } from '../src/server/db/database';
import { TEST_ADMIN, createTestApp, describeStores, openTestDatabase, type TestApp } from './support/harness';

describeStores('start-up', (store) => {
  let t: TestApp;
  let lazy: FastifyInstance;
  let lazyDb: Database;
  beforeAll(async () => {
    t = await createTestApp(store);
    // The way startServer builds it: schemas compile on first use.
    lazyDb = await openTestDatabase(store);
    lazy = await buildApp(t.config, lazyDb, { logger: false, lazySchemas: true });
    await lazy.ready();
  });
  afterAll(async () => {
    await lazy?.close();
    await lazyDb?.close();
    await t?.close();
  });

  it('with lazy schemas, compiles every route schema and answers as with eager ones', async () => {
    const login = await lazy.inject({ method: 'POST', url: '/api/v1/auth/login', payload: TEST_ADMIN });
    expect(login.statusCode, login.body).toBe(200);
    const cookie = `gj_session=${login.cookies.find((c) => c.name === 'gj_session')!.value}`;
    const get = (app: FastifyInstance, url: string, headers: Record<string, string>) => app.inject({ method: 'GET', url, headers });
    const eager = await t.login(TEST_ADMIN.account);
    const eagerHeaders = { cookie: eager.cookie! };
    // Before warming, these compile on first use; the answers match the eagerly compiled app's.
    for (const url of ['/api/v1/members?pageSize=abc', '/api/v1/members?pageSize=2', '/api/v1/regions/not-a-uuid', '/api/v1/auth/me']) {
      const a = await get(lazy, url, { cookie });
      const b = await get(t.app, url, eagerHeaders);
      expect(a.statusCode, url).toBe(b.statusCode);
      if (!url.endsWith('/me')) expect(a.json(), url).toEqual(b.json());
    }
    const compiled = await lazy.warmSchemas();
    expect(compiled).toBeGreaterThan(100);
    expect(await lazy.warmSchemas()).toBe(0);
    expect(await t.app.warmSchemas()).toBe(0); // eager: nothing was left
    expect((await get(lazy, '/api/v1/members?pageSize=abc', { cookie })).statusCode).toBe(400);
  });

  it('recognises a current schema with one query and migrates nothing', async () => {
    expect(await schemaIsCurrent(t.database.db)).toBe(true);
    expect(await migrateToLatest(t.database.db)).toEqual([]);
    const names = Object.keys(MIGRATIONS);
    const last = names[names.length - 1]!;
    await sql`delete from kysely_migration where name = ${last}`.execute(t.database.db);
    try {
      expect(await schemaIsCurrent(t.database.db)).toBe(false);
    } finally {
      await sql`insert into kysely_migration (name, timestamp) values (${last}, ${new Date().toISOString()})`.execute(t.database.db);
    }
    expect(await schemaIsCurrent(t.database.db)).toBe(true);
  });
});
