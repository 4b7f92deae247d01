// Findings of `npm run security` (docs/security.md, Scans), each kept fixed by a test.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TEST_ADMIN, createTestApp, describeStores, type TestApp } from './support/harness';

describeStores('security scan findings', (store) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(store, { loginRateLimitPerMinute: 1000 });
  });
  afterAll(async () => t?.close());

  // wapiti 2026-11-22: a NUL character in a search answered 500 (PostgreSQL 22021).
  it('answers a NUL character in a search or a field with 400 INVALID_CHARACTERS, not 500', async () => {
    const admin = await t.login(TEST_ADMIN.account, TEST_ADMIN.password);
    for (const route of ['users', 'members', 'households', 'organizations', 'volunteer-teams', 'registrations', 'members/export', 'households/export']) {
      const res = await admin.get(`/api/v1/${route}?q=a%00b`);
      expect(res.statusCode, route).toBe(400);
      expect(res.json().error.code, route).toBe('INVALID_CHARACTERS');
    }
    // In a JSON body too, and nothing is written.
    const created = await admin.post('/api/v1/users', { account: 'nul.check', displayName: 'a\u0000b', password: 'Nul-Check-Pass-2026', role: 'system_admin', scopeType: 'system' });
    expect(created.statusCode).toBe(400);
    expect(created.json()).toEqual({ error: { code: 'INVALID_CHARACTERS', message: expect.any(String) } });
    const found = (await admin.get('/api/v1/users?q=nul.check')).json();
    expect(found.items).toEqual([]);
  });
});
