// The principal cache (platform/principal-cache.ts): a resolved session or API token is reused for
// a few seconds, and every change to who may do what made through this process applies at once —
// logout, logout everywhere, a role assignment added or removed, a password change, a disabled
// user, a revoked token. A change made behind the process's back (another server on the same
// PostgreSQL) applies once the cache time has passed. List totals (platform/count-cache.ts) follow
// the same rule.
import { afterAll, beforeAll, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'kysely';
import { stableId } from '../src/server/seed/demo';
import { DEMO, DEMO_PASSWORD, TEST_ADMIN, createTestApp, describeStores, type Client, type TestApp, type TestStore } from './support/harness';
import { TEST_DATABASE_URL, withDatabase } from './support/stores';

const XINGFU = stableId(`region:${stableId(`region:${stableId(`region:${stableId('region::临江市')}:江滨区`)}:东城街道`)}:幸福社区`);

/** A client that sends the given session cookie (the harness client forgets it on logout). */
function withCookie(t: TestApp, cookie: string): Client {
  const c = t.client();
  c.cookie = cookie;
  return c;
}

/** Runs an UPDATE outside this app's database handle, as another server process would. */
async function writeBehindTheBack(t: TestApp, store: TestStore, text: string, params: unknown[]): Promise<void> {
  if (store === 'pglite') {
    await t.database.pglite!.query(text, params);
    return;
  }
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(t.database.db);
  const client = new pg.Client({ connectionString: withDatabase(TEST_DATABASE_URL!, rows[0]!.name) });
  await client.connect();
  try {
    await client.query(text, params);
  } finally {
    await client.end();
  }
}

describeStores('principal cache', (store) => {
  let t: TestApp;
  beforeAll(async () => {
    // A long cache time, so that only the invalidation can explain a change seen at once.
    t = await createTestApp(store, { loginRateLimitPerMinute: 1000, principalCacheSeconds: 600 });
  });
  afterAll(async () => t?.close());

  const me = async (c: Client) => c.get('/api/v1/auth/me');

  it('reuses a resolved session: a change made behind the process’s back shows only after the cache time', async () => {
    const c = await t.login(DEMO.community_staff);
    expect((await me(c)).json().user.displayName).not.toBe('缓存探针');
    await writeBehindTheBack(t, store, `update app_user set display_name = $1 where account = $2`, ['缓存探针', DEMO.community_staff]);
    // Cached: the other process's change is not seen yet (this is the staleness README.md documents).
    expect((await me(c)).json().user.displayName).not.toBe('缓存探针');
    t.config.principalCacheSeconds = 1;
    try {
      await new Promise((r) => setTimeout(r, 1100));
      expect((await me(c)).json().user.displayName).toBe('缓存探针');
    } finally {
      t.config.principalCacheSeconds = 600;
    }
  });

  it('uses no cache when the cache time is 0', async () => {
    t.config.principalCacheSeconds = 0;
    try {
      const c = await t.login(DEMO.community_staff);
      await me(c);
      await writeBehindTheBack(t, store, `update app_user set display_name = $1 where account = $2`, ['不缓存', DEMO.community_staff]);
      expect((await me(c)).json().user.displayName).toBe('不缓存');
    } finally {
      t.config.principalCacheSeconds = 600;
    }
  });

  it('ends a logged-out session at once', async () => {
    const c = await t.login(DEMO.member);
    const cookie = c.cookie!;
    expect((await me(c)).statusCode).toBe(200);
    expect((await me(c)).statusCode).toBe(200);
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await me(withCookie(t, cookie))).statusCode).toBe(401);
  });

  it('ends every session of the user at once on logout everywhere', async () => {
    const a = await t.login(DEMO.unit_admin);
    const b = await t.login(DEMO.unit_admin);
    const bCookie = b.cookie!;
    expect((await me(a)).statusCode).toBe(200);
    expect((await me(b)).statusCode).toBe(200);
    expect((await a.post('/api/v1/auth/logout-all')).statusCode).toBe(204);
    expect((await me(withCookie(t, bCookie))).statusCode).toBe(401);
  });

  it('applies a role assignment added or removed at once', async () => {
    const admin = await t.login(TEST_ADMIN.account);
    const member = await t.login(DEMO.member);
    expect((await member.get('/api/v1/users')).statusCode).toBe(403);
    const memberId = (await me(member)).json().user.id as string;

    const granted = await admin.post('/api/v1/role-assignments', { userId: memberId, role: 'community_staff', scopeType: 'region', scopeId: XINGFU });
    expect(granted.statusCode, granted.body).toBe(201);
    expect((await member.get('/api/v1/users')).statusCode).toBe(200);
    expect((await me(member)).json().user.permissions).toContain('admin.user.read');

    expect((await admin.delete(`/api/v1/role-assignments/${granted.json().id}`)).statusCode).toBe(204);
    expect((await member.get('/api/v1/users')).statusCode).toBe(403);
    expect((await me(member)).json().user.permissions).not.toContain('admin.user.read');
  });

  it('ends the other sessions at once when the password changes', async () => {
    const here = await t.login(DEMO.supervisor);
    const there = await t.login(DEMO.supervisor);
    const thereCookie = there.cookie!;
    expect((await me(there)).statusCode).toBe(200);
    const changed = await here.post('/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Cache-Probe-Pass-2031' });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await me(withCookie(t, thereCookie))).statusCode).toBe(401);
    expect((await me(here)).statusCode).toBe(200);
  });

  it('shuts out a disabled user at once, and lets them back in when enabled', async () => {
    const admin = await t.login(TEST_ADMIN.account);
    const resident = await t.login(DEMO.resident);
    const cookie = resident.cookie!;
    const id = (await me(resident)).json().user.id as string;
    expect((await me(resident)).statusCode).toBe(200);
    expect((await admin.patch(`/api/v1/users/${id}`, { status: 'disabled' })).statusCode).toBe(200);
    expect((await me(withCookie(t, cookie))).statusCode).toBe(401);
    expect((await admin.patch(`/api/v1/users/${id}`, { status: 'active' })).statusCode).toBe(200);
    expect((await me(await t.login(DEMO.resident))).statusCode).toBe(200);
  });

  it('refuses a revoked API token at once', async () => {
    const admin = await t.login(TEST_ADMIN.account);
    const created = await admin.post('/api/v1/auth/tokens', { name: 'cache-probe', scopes: ['admin.user.read'], expiresInDays: 30 });
    expect(created.statusCode, created.body).toBe(201);
    const api = t.withToken(created.json().token);
    expect((await api.get('/api/v1/users')).statusCode).toBe(200);
    expect((await api.get('/api/v1/users')).statusCode).toBe(200);
    expect((await admin.delete(`/api/v1/auth/tokens/${created.json().id}`)).statusCode).toBe(204);
    expect((await api.get('/api/v1/users')).statusCode).toBe(401);
  });

  it('does not keep a principal read while a transaction changing access was open', async () => {
    // A write inside a transaction moves the generation at commit, not before: a principal cached
    // from a read that began before the commit is dropped.
    const c = await t.login(DEMO.street_staff);
    await me(c);
    const before = t.database.accessGeneration();
    await t.database.db.transaction().execute(async (trx) => {
      await trx.updateTable('app_user').set({ display_name: '事务探针' }).where('account', '=', DEMO.street_staff).execute();
      expect(t.database.accessGeneration()).toBe(before);
    });
    expect(t.database.accessGeneration()).toBe(before + 1);
    expect((await me(c)).json().user.displayName).toBe('事务探针');
  });

  it('keeps list totals right after a write in this process, and behind its back within the cache time', async () => {
    const staff = await t.login(DEMO.community_staff);
    for (const name of ['缓存甲', '缓存乙', '缓存丙']) {
      const created = await staff.post('/api/v1/members', { name, residenceRegionId: XINGFU });
      expect(created.statusCode, created.body).toBe(201);
    }
    // pageSize=1: a full page, so the total is counted (a short page's total comes from its rows).
    const total = async () => (await staff.get('/api/v1/members?pageSize=1&status=active')).json().total as number;
    const before = await total();
    expect(before).toBeGreaterThanOrEqual(3);
    expect(await total()).toBe(before);
    const victim = await t.database.db.selectFrom('member').select('id').where('status', '=', 'active').orderBy('id').limit(1).executeTakeFirstOrThrow();
    await t.database.db.updateTable('member').set({ status: 'left' }).where('id', '=', victim.id).execute();
    expect(await total()).toBe(before - 1);
    // Another process's write shows once the count's few seconds have passed (platform/count-cache.ts).
    await writeBehindTheBack(t, store, `update member set status = 'active' where id = $1`, [victim.id]);
    expect(await total()).toBe(before - 1);
    await new Promise((r) => setTimeout(r, 5100));
    expect(await total()).toBe(before);
  });

  it('is not moved by the session touch or the last-login stamp', async () => {
    const before = t.database.accessGeneration();
    const c = await t.login(DEMO.street_staff); // stamps last_login_at and inserts a session
    await t.database.db.updateTable('session').set({ last_seen_at: sql<Date>`now()` }).where('id_hash', '=', 'no-such-session').execute();
    expect(t.database.accessGeneration()).toBe(before);
    expect((await me(c)).statusCode).toBe(200);
  });
});
