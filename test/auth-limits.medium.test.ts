// Login limits that fit offices: 800 members of one unit log in from one address within two
// minutes without refusal, while one account is still locked after 5 wrong passwords, and an
// address that fails against many accounts is refused (other addresses are not).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashPassword } from '../src/server/platform/passwords';
import { stableId } from '../src/server/seed/demo';
import { createTestApp, describeStores, type TestApp } from './support/harness';

const TAX = stableId('organization:临江市税务局机关党支部');
const PASSWORD = 'Office-login-2026-ok';
const OFFICE = '10.20.30.40';
const MEMBERS = 800;

describeStores('login limits', (store) => {
  let t: TestApp;

  const login = (account: string, password: string, remoteAddress = OFFICE) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { account, password }, remoteAddress });

  beforeAll(async () => {
    // The defaults of the configuration (no override of the login limits).
    t = await createTestApp(store);
    // 800 accounts of one unit, written directly: what is measured here is the login, not how accounts are made.
    const hashed = await hashPassword(PASSWORD);
    const users = await t.database.db
      .insertInto('app_user')
      .values(Array.from({ length: MEMBERS }, (_, i) => ({ account: `office${i}`, display_name: `职工${i}`, password_hash: hashed })))
      .returning('id')
      .execute();
    await t.database.db
      .insertInto('role_assignment')
      .values(users.map((u) => ({ user_id: u.id, role: 'member', scope_type: 'organization', organization_id: TAX })))
      .execute();
  });
  afterAll(async () => t?.close());

  it('lets 800 members of one unit log in from one address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < MEMBERS; i += 40) {
      const batch = await Promise.all(Array.from({ length: Math.min(40, MEMBERS - i) }, (_, j) => login(`office${i + j}`, PASSWORD)));
      codes.push(...batch.map((r) => r.statusCode));
    }
    expect(codes.filter((c) => c !== 200)).toEqual([]);
    expect(codes).toHaveLength(MEMBERS);
    // 800 argon2 verifications on a shared test machine: a generous timeout (speed is measured by the benchmarks, not here).
  }, 600_000);

  it('still locks one account after 5 wrong passwords, even from the office address', async () => {
    for (let i = 0; i < 5; i++) expect((await login('office1', 'not-the-password')).statusCode).toBe(401);
    const locked = await login('office1', PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('AUTH_LOCKED');
    // The rest of the office is not affected.
    expect((await login('office2', PASSWORD)).statusCode).toBe(200);
  });

  it('refuses an address that fails against many accounts, and only that address', async () => {
    const guesser = '203.0.113.9';
    const max = t.config.loginMaxFailuresPerAddress;
    expect(max).toBeGreaterThanOrEqual(50);
    for (let i = 0; i < max; i += 25) {
      const batch = await Promise.all(Array.from({ length: Math.min(25, max - i) }, (_, j) => login(`office${100 + i + j}`, 'guess-123456', guesser)));
      expect(batch.map((r) => r.statusCode).filter((c) => c !== 401)).toEqual([]);
    }
    const refused = await login('office3', PASSWORD, guesser);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('AUTH_ADDRESS_LOCKED');
    expect((await login('office3', PASSWORD)).statusCode).toBe(200);
  });
});
