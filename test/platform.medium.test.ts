// The platform's promises: one error shape, security headers, request ids, the OpenAPI document,
// probes and metrics, rate limits, and an audit log that the application cannot change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { purgeAudit } from '../src/server/platform/audit';
import { TEST_ADMIN, createTestApp, describeStores, type TestApp } from './support/harness';

describeStores('platform', (store) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(store, { loginRateLimitPerMinute: 1000 });
  });
  afterAll(async () => t?.close());

  describe('errors', () => {
    it('answers invalid input with 400 and the field paths', async () => {
      const admin = await t.login(TEST_ADMIN.account, TEST_ADMIN.password);
      const res = await admin.post('/api/v1/users', { account: 'a b', displayName: '', password: 'x', role: 'nonsense', scopeType: 'system', extra: 1 });
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(Array.isArray(body.error.details)).toBe(true);
      expect(body.error.details[0].path).toMatch(/^body\//);
      const q = await admin.get('/api/v1/users?pageSize=100000');
      expect(q.statusCode).toBe(400);
      expect(q.json().error.details[0].path).toBe('querystring/pageSize');
      const id = await admin.get('/api/v1/users/not-a-uuid');
      expect(id.json().error.details[0].path).toBe('params/id');
    });

    it('answers unknown routes with 404, bad JSON with 400, big bodies with 413 and other media with 415', async () => {
      const anon = t.client();
      const nf = await anon.get('/api/v1/no-such-thing');
      expect(nf.statusCode).toBe(404);
      expect(nf.json().error.code).toBe('NOT_FOUND');
      const bad = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"account": ' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('INVALID_JSON');
      const big = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ account: 'x'.repeat(2_000_000), password: 'y' }) });
      expect(big.statusCode).toBe(413);
      expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
      const media = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/x-yaml' }, payload: 'a: 1' });
      expect(media.statusCode).toBe(415);
      expect(media.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it('rate-limits logins per address with 429 and Retry-After', async () => {
      const limited = await createTestApp(store, { loginRateLimitPerMinute: 3 });
      let last = null;
      for (let i = 0; i < 5; i++) {
        last = await limited.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.9.8.7', payload: { account: `rate-${i}`, password: 'x' } });
      }
      expect(last!.statusCode).toBe(429);
      expect(last!.json().error.code).toBe('RATE_LIMITED');
      expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
      // Another address is not held back.
      const other = await limited.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '10.9.8.6', payload: { account: 'rate-x', password: 'x' } });
      expect(other.statusCode).toBe(401);
      await limited.close();
    });

    it('never shows internals on a 5xx', async () => {
      const admin = await t.login(TEST_ADMIN.account, TEST_ADMIN.password);
      // Break the audit table's insert for a moment: the write fails inside the database.
      await sql`alter table audit_event add constraint audit_event_probe_chk check (action <> 'user.update') not valid`.execute(t.database.db);
      try {
        const me = (await admin.get('/api/v1/auth/me')).json().user;
        const res = await admin.patch(`/api/v1/users/${me.id}`, { displayName: '管理员' });
        expect(res.statusCode).toBe(500);
        expect(res.json().error.code).toBe('INTERNAL');
        expect(res.body).not.toMatch(/audit_event|constraint|stack|at /);
        expect(res.json().error.details.requestId).toBe(res.headers['x-request-id']);
        // Nothing was half-written: the user row kept its name.
        const row = await t.database.db.selectFrom('app_user').select('display_name').where('id', '=', me.id).executeTakeFirstOrThrow();
        expect(row.display_name).not.toBe('管理员');
      } finally {
        await sql`alter table audit_event drop constraint audit_event_probe_chk`.execute(t.database.db);
      }
    });
  });

  describe('http', () => {
    it('sends security headers and a request id on every response', async () => {
      for (const url of ['/api/v1/auth/me', '/healthz', '/', '/api/v1/openapi.json']) {
        const res = await t.app.inject({ method: 'GET', url, headers: { 'x-request-id': 'probe-req-0001' } });
        expect(res.headers['x-content-type-options'], url).toBe('nosniff');
        expect(res.headers['content-security-policy'], url).toContain("default-src 'self'");
        expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
        expect(res.headers['referrer-policy'], url).toBe('no-referrer');
        expect(res.headers['x-request-id'], url).toBe('probe-req-0001');
      }
    });

    it('publishes an OpenAPI 3 document with every API route', async () => {
      const res = await t.client().get('/api/v1/openapi.json');
      expect(res.statusCode).toBe(200);
      const doc = res.json();
      expect(doc.openapi).toMatch(/^3\./);
      const documented = new Set(Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)));
      for (const r of t.app.declaredRoutes.filter((x) => !x.url.startsWith('/api/v1/docs') && x.url !== '/api/v1/openapi.json')) {
        expect(documented.has(`${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`), `${r.method} ${r.url}`).toBe(true);
      }
      const page = await t.app.inject({ method: 'GET', url: '/api/v1/docs/' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
    });

    it('answers the probes and exposes metrics by route', async () => {
      expect((await t.client().get('/healthz')).json()).toEqual({ status: 'ok' });
      expect((await t.client().get('/readyz')).json()).toEqual({ status: 'ready' });
      await t.client().get('/api/v1/auth/me');
      const m = await t.client().get('/metrics');
      expect(m.statusCode).toBe(200);
      expect(m.body).toContain('gongjian_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/v1/auth/me",status="401"}');
      expect(m.body).toContain(`gongjian_db_pool_connections{state="total",store="${store}"}`);
      expect(m.body).toContain('nodejs_eventloop_lag_seconds');
    });
  });

  describe('audit log', () => {
    it('cannot be changed or emptied, except by the retention purge of old rows', async () => {
      const db = t.database.db;
      await expect(db.updateTable('audit_event').set({ action: 'tampered' }).execute()).rejects.toThrow(/cannot be changed/);
      await expect(db.deleteFrom('audit_event').execute()).rejects.toThrow(/cannot be changed/);
      await expect(sql`truncate audit_event`.execute(db)).rejects.toThrow(/cannot be changed/);

      const { n: before } = await db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      // An old row, as if written 200 days ago.
      await db.insertInto('audit_event').values({ action: 'probe.old', at: new Date(Date.now() - 200 * 86_400_000), outcome: 'success' } as never).execute();
      expect(await purgeAudit(db, 180)).toBe(1);
      const { n: after } = await db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(after)).toBe(Number(before));
      // The purge switch does not stay on after the purge.
      await expect(db.deleteFrom('audit_event').execute()).rejects.toThrow(/cannot be changed/);
    });
  });
});
