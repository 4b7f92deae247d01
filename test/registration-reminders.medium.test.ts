// Reminders to those who have not reported in (POST /registrations/reminders): members with an
// account who are missing in the caller's area get one in-app notification per cycle, however
// often and by whomever the reminder is sent; unit admins get one per community their unit owes;
// each call is audited with the number sent. Every test starts from its own database, and every
// call is bounded in time: a reminder that never answers fails its test instead of the suite.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { localDateIn } from '../src/server/platform/time';
import { stableId } from '../src/server/seed/demo';
import { DEMO, TEST_ADMIN, createTestApp, describeStores, type Client, type TestApp } from './support/harness';

const CITY = stableId('region::临江市');
const DISTRICT = stableId(`region:${CITY}:江滨区`);
const DONGCHENG = stableId(`region:${DISTRICT}:东城街道`);
const XIHU = stableId(`region:${DISTRICT}:西湖街道`);
const XINGFU = stableId(`region:${DONGCHENG}:幸福社区`);
const HEPING = stableId(`region:${DONGCHENG}:和平社区`);
const CUIHU = stableId(`region:${XIHU}:翠湖社区`);
const TAX = stableId('organization:临江市税务局机关党支部');
const HOSPITAL = stableId('organization:临江市人民医院党委');
const MEMBER_USER = stableId('user:member');
const UNIT_USER = stableId('user:unit');
const PASSWORD = 'Registration-Test-Pass-1';
const ANSWER_WITHIN_MS = 10_000;

/** A date `offset` days from today in the programme's calendar (Asia/Shanghai), as 'YYYY-MM-DD'. */
const day = localDateIn;

/** The response, or a failure naming the call when it does not answer in time. */
async function answered(what: string, p: Promise<LightMyRequestResponse>): Promise<LightMyRequestResponse> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ANSWER_WITHIN_MS} ms`)), ANSWER_WITHIN_MS);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describeStores('registration: reminders', (store) => {
  let t: TestApp;
  let admin: Client;
  let supervisor: Client;
  let community: Client;
  let unit: Client;
  let member: Client;
  const users: Record<string, string> = {};
  const m: Record<string, string> = {};
  let cycleId = '';

  const remind = async (c: Client, body: Record<string, unknown>) => {
    const res = await answered(`POST /registrations/reminders ${JSON.stringify(body)}`, c.post('/api/v1/registrations/reminders', body));
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ sent: number }>().sent;
  };
  const reminders = async (userId: string) =>
    t.database.db.selectFrom('notification').selectAll().where('user_id', '=', userId).where('kind', 'in', ['registration.reminder', 'registration.unit_reminder']).orderBy('created_at').execute();
  const maxAuditId = async () =>
    Number((await t.database.db.selectFrom('audit_event').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m ?? 0);

  beforeEach(async () => {
    t = await createTestApp(store, { loginRateLimitPerMinute: 10_000 });
    admin = await t.login(TEST_ADMIN.account);
    supervisor = await t.login(DEMO.supervisor);
    community = await t.login(DEMO.community_staff);
    unit = await t.login(DEMO.unit_admin);
    member = await t.login(DEMO.member);
    users.member = MEMBER_USER;
    for (const [account, displayName, scopeId] of [
      ['li.na', '李娜', HOSPITAL],
      ['yang.fan', '杨帆', TAX],
    ] as const) {
      const res = await admin.post('/api/v1/users', { account, displayName, password: PASSWORD, role: 'member', scopeType: 'organization', scopeId });
      expect(res.statusCode, res.body).toBe(201);
      users[account] = res.json().id;
    }
    const add = async (key: string, body: Record<string, unknown>, userId: string | null) => {
      const res = await admin.post('/api/v1/members', body);
      expect(res.statusCode, res.body).toBe(201);
      m[key] = res.json().id;
      if (userId) await t.database.db.updateTable('member').set({ user_id: userId }).where('id', '=', m[key]!).execute();
    };
    // 张伟 (the demo member account) and 李娜 live in 幸福社区, 杨帆 in 和平社区, 赵磊 in 翠湖社区 (no account).
    await add('zhang', { name: '张伟', residenceRegionId: XINGFU, employerOrgId: TAX }, MEMBER_USER);
    await add('li', { name: '李娜', residenceRegionId: XINGFU, employerOrgId: HOSPITAL }, users['li.na']!);
    await add('yang', { name: '杨帆', residenceRegionId: HEPING, employerOrgId: TAX }, users['yang.fan']!);
    await add('zhao', { name: '赵磊', residenceRegionId: CUIHU, employerOrgId: HOSPITAL }, null);
    const cycle = await supervisor.post('/api/v1/registration-cycles', { name: '本期双报到', startsOn: day(-30), endsOn: day(30) });
    expect(cycle.statusCode, cycle.body).toBe(201);
    cycleId = cycle.json().id;
  });
  afterEach(async () => {
    // A request stuck on the database must not keep the next test from starting.
    await Promise.race([t?.close(), new Promise((resolve) => setTimeout(resolve, 5_000))]);
  });

  describe('members', () => {
    it('reminds the missing members with accounts in the community, once per cycle, and audits each call', async () => {
      const since = await maxAuditId();
      expect(await remind(community, { kind: 'member' })).toBe(2);
      expect(await remind(community, { kind: 'member' })).toBe(0);
      for (const account of ['member', 'li.na']) {
        const notes = await reminders(users[account]!);
        expect(notes.map((n) => [n.kind, n.link, n.dedupe_key]), account).toEqual([['registration.reminder', '/registration/me', `reg-reminder:${cycleId}`]]);
        expect(notes[0]!.params).toMatchObject({ communityName: '幸福社区', endsOn: day(30) });
      }
      // 杨帆 lives in 和平社区: not the community's to remind.
      expect(await reminders(users['yang.fan']!)).toEqual([]);
      const audit = await t.database.db.selectFrom('audit_event').selectAll().where('id', '>', since).orderBy('id').execute();
      expect(audit.map((a) => [a.action, a.actor_account, a.entity_type, a.entity_id])).toEqual([
        ['registration.remind', 'community', 'registration_cycle', cycleId],
        ['registration.remind', 'community', 'registration_cycle', cycleId],
      ]);
      expect(audit.map((a) => (a.after as { sent: number }).sent)).toEqual([2, 0]);
    });

    it('does not remind a member who has reported in, and reaches as far as the caller does', async () => {
      const res = await answered('POST /registrations', member.post('/api/v1/registrations', { kind: 'member' }));
      expect(res.statusCode, res.body).toBe(201);
      // The unit reaches its employees: 张伟 (reported in) and 杨帆.
      expect(await remind(unit, { kind: 'member' })).toBe(1);
      expect((await reminders(users['yang.fan']!)).map((n) => n.params)).toMatchObject([{ communityName: '和平社区' }]);
      expect(await reminders(MEMBER_USER)).toEqual([]);
      // The supervisor reaches everybody: only 李娜 is left to remind (赵磊 has no account).
      expect(await remind(supervisor, { kind: 'member' })).toBe(1);
      expect(await remind(supervisor, { kind: 'member' })).toBe(0);
      expect((await reminders(users['li.na']!)).map((n) => n.params)).toMatchObject([{ communityName: '幸福社区' }]);
      // Narrowed to one region.
      expect(await remind(admin, { kind: 'member', regionId: HEPING })).toBe(0);
    });

    it('lets the member see the reminder in his notifications', async () => {
      expect(await remind(community, { kind: 'member' })).toBe(2);
      const res = await answered('GET /notifications', member.get('/api/v1/notifications'));
      expect(res.json().unread).toBe(1);
      expect(res.json().items[0]).toMatchObject({ kind: 'registration.reminder', params: { communityName: '幸福社区' }, readAt: null });
    });
  });

  describe('units', () => {
    it('reminds the admin of a unit once per community it owes a report to', async () => {
      for (const [unitOrgId, communityId] of [
        [TAX, XINGFU],
        [TAX, CUIHU],
        [HOSPITAL, XINGFU],
      ]) {
        const res = await answered('POST /pairings', supervisor.post('/api/v1/pairings', { unitOrgId, communityId }));
        expect(res.statusCode, res.body).toBe(201);
      }
      // The tax bureau reports in to 幸福社区; it still owes 翠湖社区. The hospital has no admin account.
      const reported = await answered('POST /registrations', unit.post('/api/v1/registrations', { kind: 'unit', communityId: XINGFU }));
      expect(reported.statusCode, reported.body).toBe(201);
      expect(await remind(community, { kind: 'unit' })).toBe(0);
      expect(await remind(supervisor, { kind: 'unit' })).toBe(1);
      expect(await remind(supervisor, { kind: 'unit' })).toBe(0);
      expect((await reminders(UNIT_USER)).map((n) => [n.kind, n.params, n.link])).toMatchObject([
        ['registration.unit_reminder', { unitName: '临江市税务局机关党支部', communityName: '翠湖社区' }, '/registration/pairings'],
      ]);
    });
  });
});
