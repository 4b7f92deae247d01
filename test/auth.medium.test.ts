// Accounts and sessions: login, lockout, session expiry, logout (everywhere), CSRF, API tokens,
// password policy and the must-change flow — against a real database.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DEMO, DEMO_PASSWORD, TEST_ADMIN, createTestApp, describeStores, type TestApp } from './support/harness';

describeStores('auth', (store) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(store, { loginRateLimitPerMinute: 1000 });
  });
  afterAll(async () => t?.close());

  it('logs in with account or phone, sets an httpOnly SameSite session cookie and returns the user', async () => {
    const c = t.client();
    const res = await c.post('/api/v1/auth/login', { account: 'Community', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((k) => k.name === 'gj_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const body = res.json();
    expect(body.user.account).toBe('community');
    expect(body.user.roles[0]).toMatchObject({ role: 'community_staff', scopeType: 'region', scopeName: '幸福社区' });
    expect(body.user.phoneMasked).toBe('139****0003');
    expect(body.csrfToken).toMatch(/^[0-9a-f]{64}$/);

    const byPhone = await t.client().post('/api/v1/auth/login', { account: '+86 139-0000-0003', password: DEMO_PASSWORD });
    expect(byPhone.statusCode).toBe(200);
    expect(byPhone.json().user.account).toBe('community');

    const me = await c.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.permissions).toContain('admin.user.read');
  });

  it('gives every login a new session id', async () => {
    const a = await t.login(DEMO.member);
    const b = await t.login(DEMO.member);
    expect(a.cookie).not.toBeNull();
    expect(a.cookie).not.toBe(b.cookie);
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await b.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown account the same way', async () => {
    const wrong = await t.client().post('/api/v1/auth/login', { account: DEMO.resident, password: 'not-the-password' });
    const unknown = await t.client().post('/api/v1/auth/login', { account: 'nobody-here', password: 'not-the-password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('locks an account name after 5 failures in the window, known or not, and refuses even the right password', async () => {
    for (const account of [DEMO.unit_admin, 'ghost-account']) {
      for (let i = 0; i < 5; i++) {
        const r = await t.client().post('/api/v1/auth/login', { account, password: `wrong-${i}` });
        expect(r.statusCode, r.body).toBe(401);
      }
      const locked = await t.client().post('/api/v1/auth/login', { account, password: DEMO_PASSWORD });
      expect(locked.statusCode).toBe(429);
      expect(locked.json().error.code).toBe('AUTH_LOCKED');
      const retry = Number(locked.headers['retry-after']);
      expect(retry).toBeGreaterThan(14 * 60);
      expect(retry).toBeLessThanOrEqual(15 * 60);
    }
    // When the lock has run out, the right password works again.
    await t.database.db.updateTable('login_lock').set({ locked_until: new Date(Date.now() - 1000) }).execute();
    expect((await t.client().post('/api/v1/auth/login', { account: DEMO.unit_admin, password: DEMO_PASSWORD })).statusCode).toBe(200);
  });

  it('ends a session after the idle timeout and after the absolute lifetime', async () => {
    const idle = await t.login(DEMO.street_staff);
    const absolute = await t.login(DEMO.street_staff);
    const hashes = await t.database.db.selectFrom('session').select(['id_hash', 'created_at']).orderBy('created_at', 'desc').limit(2).execute();
    expect(hashes).toHaveLength(2);
    // The older of the two is `idle`, the newer `absolute`.
    await t.database.db.updateTable('session').set({ last_seen_at: sql<Date>`now() - interval '31 minutes'` }).where('id_hash', '=', hashes[1]!.id_hash).execute();
    await t.database.db.updateTable('session').set({ expires_at: new Date(Date.now() - 1000) }).where('id_hash', '=', hashes[0]!.id_hash).execute();
    expect((await idle.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await absolute.get('/api/v1/auth/me')).statusCode).toBe(401);
    // A session that is used stays alive.
    const active = await t.login(DEMO.street_staff);
    expect((await active.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('logs out one session, or every session of the user', async () => {
    const a = await t.login(DEMO.supervisor);
    const b = await t.login(DEMO.supervisor);
    const c = await t.login(DEMO.supervisor);
    expect((await a.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await b.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await b.post('/api/v1/auth/logout-all')).statusCode).toBe(204);
    expect((await b.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('refuses cookie-authenticated writes without the right CSRF token', async () => {
    const c = await t.login(DEMO.supervisor);
    const token = c.csrf!;
    c.csrf = null;
    const missing = await c.post('/api/v1/auth/logout');
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('CSRF_FAILED');
    const wrong = await c.request('POST', '/api/v1/auth/logout', {}, { 'x-csrf-token': 'f'.repeat(64) });
    expect(wrong.json().error.code).toBe('CSRF_FAILED');
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200); // reads need no token
    c.csrf = token;
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(204);
  });

  it('issues scoped, revocable personal API tokens stored only as hashes', async () => {
    const admin = await t.login(TEST_ADMIN.account);
    const created = await admin.post('/api/v1/auth/tokens', { name: 'reporting', scopes: ['admin.user.read'], expiresInDays: 30 });
    expect(created.statusCode).toBe(201);
    const { token, id, prefix } = created.json();
    expect(token).toMatch(/^gj_/);
    expect(token.startsWith(prefix)).toBe(true);
    const stored = await t.database.db.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);

    const api = t.withToken(token);
    expect((await api.get('/api/v1/users')).statusCode).toBe(200);
    // The token carries only its scopes, even though the user holds more; and it needs no CSRF token.
    const write = await api.post('/api/v1/users', {});
    expect(write.statusCode).toBe(403);
    expect((await api.get('/api/v1/audit-events')).statusCode).toBe(403);
    // A token cannot mint tokens.
    expect((await api.post('/api/v1/auth/tokens', { name: 'x', scopes: ['admin.user.read'] })).json().error.code).toBe('SESSION_REQUIRED');

    const list = await admin.get('/api/v1/auth/tokens');
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(id);
    expect(JSON.stringify(list.json())).not.toContain(token);

    expect((await admin.delete(`/api/v1/auth/tokens/${id}`)).statusCode).toBe(204);
    const after = await api.get('/api/v1/users');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('AUTH_INVALID_TOKEN');
  });

  it('refuses token scopes the user does not hold', async () => {
    const c = await t.login(DEMO.community_staff);
    const res = await c.post('/api/v1/auth/tokens', { name: 'too much', scopes: ['audit.read', 'no.such.permission'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'TOKEN_SCOPE_INVALID', details: { unknown: ['no.such.permission'], notHeld: ['audit.read'] } });
  });

  it('applies the password policy and keeps other sessions out after a change', async () => {
    const c = await t.login(DEMO.resident);
    const other = await t.login(DEMO.resident);
    const short = await c.post('/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details.reasons).toContain('too_short');
    const common = await c.post('/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'woaini1314' });
    expect(common.json().error.details.reasons).toContain('too_common');
    const wrongCurrent = await c.post('/api/v1/auth/password', { currentPassword: 'nope', newPassword: 'Another-Good-Pass-1' });
    expect(wrongCurrent.json().error.code).toBe('AUTH_WRONG_PASSWORD');

    expect((await c.post('/api/v1/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Another-Good-Pass-1' })).statusCode).toBe(204);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await other.get('/api/v1/auth/me')).statusCode).toBe(401);
    // The previous password is in the history and cannot come back.
    const back = await c.post('/api/v1/auth/password', { currentPassword: 'Another-Good-Pass-1', newPassword: DEMO_PASSWORD });
    expect(back.json().error.details.reasons).toEqual(['reused']);
    expect((await t.client().post('/api/v1/auth/login', { account: DEMO.resident, password: 'Another-Good-Pass-1' })).statusCode).toBe(200);
  });

  it('makes a user whose password was reset change it before anything else', async () => {
    const admin = await t.login(TEST_ADMIN.account);
    const users = await admin.get('/api/v1/users?q=member');
    const member = users.json().items.find((u: { account: string }) => u.account === DEMO.member);
    const memberSession = await t.login(DEMO.member);
    expect((await admin.post(`/api/v1/users/${member.id}/password-reset`, { newPassword: 'Reset-By-Admin-77' })).statusCode).toBe(204);
    // The reset ends the member's sessions.
    expect((await memberSession.get('/api/v1/auth/me')).statusCode).toBe(401);

    const c = await t.login(DEMO.member, 'Reset-By-Admin-77');
    expect((await c.get('/api/v1/auth/me')).json().user.mustChangePassword).toBe(true);
    const blocked = await c.get('/api/v1/auth/tokens');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await c.post('/api/v1/auth/password', { currentPassword: 'Reset-By-Admin-77', newPassword: 'Own-Choice-Pass-88' })).statusCode).toBe(204);
    expect((await c.get('/api/v1/auth/me')).json().user.mustChangePassword).toBe(false);
  });

  it('ends the sessions of a user who is disabled, and refuses the login afterwards', async () => {
    const admin = await t.login(TEST_ADMIN.account);
    const target = await t.login(DEMO.unit_admin);
    const id = (await target.get('/api/v1/auth/me')).json().user.id;
    const res = await admin.patch(`/api/v1/users/${id}`, { status: 'disabled' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('disabled');
    expect((await target.get('/api/v1/auth/me')).statusCode).toBe(401);
    const again = await t.client().post('/api/v1/auth/login', { account: DEMO.unit_admin, password: DEMO_PASSWORD });
    expect(again.statusCode).toBe(401);
    expect((await admin.patch(`/api/v1/users/${id}`, { status: 'active' })).statusCode).toBe(200);
  });

  it('records every authentication event in the audit log', async () => {
    const before = await t.database.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await t.client().post('/api/v1/auth/login', { account: DEMO.community_staff, password: 'bad-password' });
    const c = await t.login(DEMO.community_staff);
    await c.post('/api/v1/auth/logout');
    const rows = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'outcome', 'actor_account', 'ip', 'user_agent'])
      .orderBy('id', 'desc')
      .limit(3)
      .execute();
    expect(rows.map((r) => `${r.action}:${r.outcome}`).reverse()).toEqual(['auth.login:failure', 'auth.login:success', 'auth.logout:success']);
    expect(rows.every((r) => r.ip !== null)).toBe(true);
    const after = await t.database.db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBe(3);
  });
});
