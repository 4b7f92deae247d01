// Administration of accounts: the permission matrix of every declared route × every role, the
// object-level scope rules (a community sees its community, a street its street), the rules on
// ranks and last administrators, and an audit row for every write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS, isPermission, type Role } from '../src/domain/access/roles';
import { stableId } from '../src/server/seed/demo';
import { DEMO, TEST_ADMIN, createTestApp, describeStores, type Client, type TestApp } from './support/harness';

const XINGFU = stableId(`region:${stableId(`region:${stableId(`region:${stableId('region::临江市')}:江滨区`)}:东城街道`)}:幸福社区`);
const CUIHU = stableId(`region:${stableId(`region:${stableId(`region:${stableId('region::临江市')}:江滨区`)}:西湖街道`)}:翠湖社区`);
const RANDOM_ID = '0b9c5a3e-1f7d-4c1e-9a55-3d2f4e6a7b8c';

const ACCOUNTS: Array<{ role: Role; account: string }> = [
  { role: 'system_admin', account: TEST_ADMIN.account },
  ...Object.entries(DEMO).map(([role, account]) => ({ role: role as Role, account })),
];

describeStores('admin', (store) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(store, { loginRateLimitPerMinute: 10_000 });
  });
  afterAll(async () => t?.close());

  describe('permission matrix', () => {
    it('declares a permission on every API route', () => {
      expect(t.app.declaredRoutes.length).toBeGreaterThan(15);
      for (const r of t.app.declaredRoutes) {
        expect(r.permission === 'public' || r.permission === 'authenticated' || isPermission(r.permission), `${r.method} ${r.url}`).toBe(true);
      }
    });

    it('allows or refuses every route for every role exactly as declared', async () => {
      // The live stream answers by never ending (it is for every logged-in user; notifications.medium.test.ts covers it).
      const routes = t.app.declaredRoutes.filter(
        (r) => !r.url.startsWith('/api/v1/docs') && r.url !== '/api/v1/auth/login' && !r.url.endsWith('/notifications/stream'),
      );
      const failures: string[] = [];
      for (const { role, account } of ACCOUNTS) {
        let c: Client = await t.login(account);
        for (const r of routes) {
          const url = r.url.replace(':id', RANDOM_ID);
          // Empty bodies and unknown ids: an allowed call ends in 400/404 and changes nothing.
          const res = await c.request(r.method, url, r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
          const refused = res.statusCode === 403 && res.json().error.code === 'FORBIDDEN';
          const expectedAllowed =
            r.permission === 'public' || r.permission === 'authenticated' || ROLE_PERMISSIONS[role].includes(r.permission);
          if (refused === expectedAllowed || res.statusCode === 401 || res.statusCode >= 500) {
            failures.push(`${role} ${r.method} ${r.url}: ${res.statusCode} (expected ${expectedAllowed ? 'allowed' : 'refused'})`);
          }
          if (r.url.includes('/auth/logout')) c = await t.login(account);
        }
      }
      expect(failures).toEqual([]);
    });

    it('refuses every non-public route to anonymous callers with 401', async () => {
      const anon = t.client();
      for (const r of t.app.declaredRoutes.filter((x) => x.permission !== 'public')) {
        const res = await anon.request(r.method, r.url.replace(':id', RANDOM_ID), r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
        expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
        expect(res.json().error.code).toBe('AUTH_REQUIRED');
      }
    });

    it('logs and audits each denial with a stable code', async () => {
      const c = await t.login(DEMO.member);
      const res = await c.get('/api/v1/users');
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'admin.user.read' } });
      const row = await t.database.db.selectFrom('audit_event').selectAll().where('action', '=', 'access.denied').orderBy('id', 'desc').executeTakeFirstOrThrow();
      expect(row).toMatchObject({ outcome: 'denied', actor_account: DEMO.member, entity_id: 'GET /api/v1/users' });
    });
  });

  describe('scopes', () => {
    const accountsSeenBy = async (account: string) => {
      const c = await t.login(account);
      const res = await c.get('/api/v1/users?pageSize=200');
      expect(res.statusCode).toBe(200);
      return (res.json().items as Array<{ account: string }>).map((u) => u.account).sort();
    };

    it('shows a community only the accounts of its community', async () => {
      expect(await accountsSeenBy(DEMO.community_staff)).toEqual(['community', 'resident']);
    });

    it('shows a street the accounts of its communities', async () => {
      expect(await accountsSeenBy(DEMO.street_staff)).toEqual(['community', 'resident', 'street']);
    });

    it('shows the city supervisor every account held in the city, and the admin everything', async () => {
      expect(await accountsSeenBy(DEMO.supervisor)).toEqual(['community', 'member', 'resident', 'street', 'supervisor', 'unit']);
      const all = await accountsSeenBy(TEST_ADMIN.account);
      expect(all).toEqual(expect.arrayContaining(['admin', 'community', 'member', 'resident', 'street', 'supervisor', 'unit']));
    });

    it('answers 404 for a user outside the reader’s scope', async () => {
      const admin = await t.login(TEST_ADMIN.account);
      const sup = (await admin.get('/api/v1/users?q=supervisor')).json().items[0];
      const community = await t.login(DEMO.community_staff);
      expect((await community.get(`/api/v1/users/${sup.id}`)).statusCode).toBe(404);
      expect((await admin.get(`/api/v1/users/${sup.id}`)).statusCode).toBe(200);
    });

    it('lets a street create accounts below its rank inside the street only', async () => {
      const street = await t.login(DEMO.street_staff);
      const base = { displayName: '孙卫东', password: 'Street-Made-Pass-1', scopeType: 'region' as const };
      const ok = await street.post('/api/v1/users', { ...base, account: 'sun.weidong', phone: '13800138000', role: 'community_staff', scopeId: XINGFU });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json()).toMatchObject({ account: 'sun.weidong', phoneMasked: '138****8000', roles: [{ role: 'community_staff', scopeName: '幸福社区' }] });
      const otherStreet = await street.post('/api/v1/users', { ...base, account: 'x.cuihu', role: 'community_staff', scopeId: CUIHU });
      expect(otherStreet.statusCode).toBe(403);
      const above = await street.post('/api/v1/users', { ...base, account: 'x.super', role: 'supervisor', scopeType: 'system' });
      expect(above.statusCode).toBe(403);
      const misfit = await street.post('/api/v1/users', { ...base, account: 'x.misfit', role: 'unit_admin', scopeId: XINGFU });
      expect(misfit.statusCode).toBe(400);
      expect(misfit.json().error.code).toBe('ROLE_SCOPE_MISMATCH');
      const taken = await street.post('/api/v1/users', { ...base, account: 'SUN.weidong', role: 'community_staff', scopeId: XINGFU });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error.code).toBe('ACCOUNT_TAKEN');
      const phoneTaken = await street.post('/api/v1/users', { ...base, account: 'other.sun', phone: '138 0013 8000', role: 'community_staff', scopeId: XINGFU });
      expect(phoneTaken.json().error.code).toBe('PHONE_TAKEN');

      // The phone is stored encrypted and hashed; only the masked form is readable.
      const row = await t.database.db.selectFrom('app_user').selectAll().where('account', '=', 'sun.weidong').executeTakeFirstOrThrow();
      expect(row.phone_encrypted).not.toContain('13800138000');
      expect(row.phone_hash).not.toContain('13800138000');
      expect(row.must_change_password).toBe(true);
    });

    it('lets staff manage only users whose every role they outrank', async () => {
      const admin = await t.login(TEST_ADMIN.account);
      const users = (await admin.get('/api/v1/users?pageSize=200')).json().items as Array<{ id: string; account: string }>;
      const id = (a: string) => users.find((u) => u.account === a)!.id;
      const street = await t.login(DEMO.street_staff);
      expect((await street.patch(`/api/v1/users/${id('resident')}`, { displayName: '赵桂兰（已核实）' })).statusCode).toBe(200);
      // The supervisor is out of the street's sight; the street itself is not outranked.
      expect((await street.patch(`/api/v1/users/${id('supervisor')}`, { displayName: 'x' })).statusCode).toBe(404);
      expect((await street.patch(`/api/v1/users/${id('street')}`, { displayName: 'x' })).statusCode).toBe(403);
      const community = await t.login(DEMO.community_staff);
      expect((await community.patch(`/api/v1/users/${id('resident')}`, { displayName: 'x' })).statusCode).toBe(403);
    });

    it('offers as scopes only the regions and organisations inside the caller’s reach', async () => {
      const street = await t.login(DEMO.street_staff);
      const res = await street.get('/api/v1/scopes?type=region');
      const names = (res.json().items as Array<{ name: string; pathNames: string[] }>).map((s) => s.name);
      expect(names).toContain('幸福社区');
      expect(names).not.toContain('翠湖社区');
      expect(names).not.toContain('临江市');
      const xingfu = res.json().items.find((s: { name: string }) => s.name === '幸福社区');
      expect(xingfu.pathNames).toEqual(['临江市', '江滨区', '东城街道', '幸福社区']);
      // With a role, only the kinds that role may be held at.
      const forCommunityStaff = (await street.get('/api/v1/scopes?role=community_staff')).json().items as Array<{ kind: string }>;
      expect(forCommunityStaff.length).toBeGreaterThan(0);
      expect(forCommunityStaff.every((s) => ['community', 'grid', 'grid_branch'].includes(s.kind))).toBe(true);
    });
  });

  describe('role assignments and administrators', () => {
    it('assigns and removes roles, refusing duplicates and the last administrator', async () => {
      const admin = await t.login(TEST_ADMIN.account);
      const me = (await admin.get('/api/v1/auth/me')).json().user;
      const member = (await admin.get('/api/v1/users?q=member')).json().items.find((u: { account: string }) => u.account === 'member');
      const created = await admin.post('/api/v1/role-assignments', { userId: member.id, role: 'resident', scopeType: 'region', scopeId: XINGFU });
      expect(created.statusCode, created.body).toBe(201);
      const dup = await admin.post('/api/v1/role-assignments', { userId: member.id, role: 'resident', scopeType: 'region', scopeId: XINGFU });
      expect(dup.json().error.code).toBe('ROLE_ALREADY_ASSIGNED');
      const roles = (await admin.get(`/api/v1/users/${member.id}/role-assignments`)).json().items;
      expect(roles.map((r: { role: string }) => r.role).sort()).toEqual(['member', 'resident']);
      expect((await admin.delete(`/api/v1/role-assignments/${created.json().id}`)).statusCode).toBe(204);

      const own = me.roles.find((r: { role: string }) => r.role === 'system_admin');
      const last = await admin.delete(`/api/v1/role-assignments/${own.id}`);
      expect(last.statusCode).toBe(409);
      expect(last.json().error.code).toBe('LAST_SYSTEM_ADMIN');
      const self = await admin.patch(`/api/v1/users/${me.id}`, { status: 'disabled' });
      expect(self.json().error.code).toBe('CANNOT_DISABLE_SELF');
    });

    it('writes an audit row with masked personal data for every write', async () => {
      const admin = await t.login(TEST_ADMIN.account);
      const startId = (await t.database.db.selectFrom('audit_event').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m as number;
      const created = await admin.post('/api/v1/users', {
        account: 'audit.probe',
        displayName: '周审计',
        phone: '13712345678',
        password: 'Audit-Probe-Pass-1',
        role: 'resident',
        scopeType: 'region',
        scopeId: XINGFU,
      });
      const id = created.json().id;
      await admin.patch(`/api/v1/users/${id}`, { phone: '13787654321' });
      await admin.post(`/api/v1/users/${id}/password-reset`, { newPassword: 'Audit-Probe-Pass-2' });
      await admin.patch(`/api/v1/users/${id}`, { status: 'disabled' });
      const rows = await t.database.db.selectFrom('audit_event').selectAll().where('id', '>', startId).where('actor_account', '=', 'admin').orderBy('id').execute();
      expect(rows.map((r) => r.action)).toEqual(['user.create', 'role_assignment.create', 'user.update', 'user.password_reset', 'user.disable']);
      const text = JSON.stringify(rows);
      expect(text).not.toContain('13712345678');
      expect(text).not.toContain('Audit-Probe-Pass');
      expect(rows[0]!.after).toMatchObject({ account: 'audit.probe', phone: '137****5678' });
      expect(rows[2]!.before).toMatchObject({ phoneMasked: '137****5678' });
      expect(rows.every((r) => r.ip !== null && r.request_id !== null && r.actor_user_id !== null)).toBe(true);
    });

    it('lets auditors search the log, within their reach', async () => {
      const admin = await t.login(TEST_ADMIN.account);
      const res = await admin.get('/api/v1/audit-events?action=user.&pageSize=50');
      expect(res.statusCode).toBe(200);
      expect(res.json().total).toBeGreaterThan(0);
      expect(res.json().items.every((e: { action: string }) => e.action.startsWith('user.'))).toBe(true);
      const byActor = await admin.get('/api/v1/audit-events?actor=street&pageSize=100');
      expect(byActor.json().items.every((e: { actorAccount: string }) => e.actorAccount === 'street')).toBe(true);
      const bad = await admin.get('/api/v1/audit-events?from=yesterday');
      expect(bad.statusCode).toBe(400);

      // The city supervisor sees what accounts in the city did, not what the system admin did.
      const sup = await t.login(DEMO.supervisor);
      const seen = await sup.get('/api/v1/audit-events?pageSize=200');
      expect(seen.statusCode).toBe(200);
      const actors = new Set((seen.json().items as Array<{ actorAccount: string }>).map((e) => e.actorAccount));
      expect(actors.has('admin')).toBe(false);
      expect(actors.has('street')).toBe(true);
    });
  });
});
