// Who has not reported in yet, through the HTTP API: members (active in-service party members
// living in the caller's area with no pending or confirmed registration this cycle) and units
// (active pairings without a unit registration), each side seeing its own; a unit reporting in to a
// paired community only; and the dashboard's counts. (Reminders: registration-reminders.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
const LONGQUAN = stableId(`region:${XIHU}:龙泉村`);
const TAX = stableId('organization:临江市税务局机关党支部');
const HOSPITAL = stableId('organization:临江市人民医院党委');
const CHENGTOU = stableId('organization:临江城投集团党委');
const MEMBER_USER = stableId('user:member');
const PASSWORD = 'Registration-Test-Pass-1';

/** A date `offset` days from today in the programme's calendar (Asia/Shanghai), as 'YYYY-MM-DD'. */
const day = localDateIn;

interface MissingBody {
  kind: 'member' | 'unit';
  memberId: string | null;
  memberName: string | null;
  memberPhoneMasked: string | null;
  unitOrgId: string | null;
  unitName: string | null;
  communityId: string | null;
  communityName: string | null;
  streetName: string | null;
}

interface AreaBody {
  regionId: string;
  name: string;
  kind: string;
  unitsExpected: number;
  unitsReported: number;
  membersExpected: number;
  membersReported: number;
  pending: number;
}

describeStores('registration: who is missing', (store) => {
  let t: TestApp;
  let admin: Client;
  let supervisor: Client;
  let street: Client;
  let community: Client;
  let unit: Client;
  let member: Client;
  let yang: Client;
  const m: Record<string, string> = {};
  const pairs: Record<string, string> = {};
  const regs: Record<string, string> = {};

  const maxAuditId = async () =>
    Number((await t.database.db.selectFrom('audit_event').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m ?? 0);
  const auditSince = (since: number) => t.database.db.selectFrom('audit_event').selectAll().where('id', '>', since).orderBy('id').execute();

  const missing = async (c: Client, query: string) => {
    const res = await c.get(`/api/v1/registrations/missing?${query}&pageSize=100`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: MissingBody[]; total: number }>();
  };
  const missingMembers = async (c: Client, extra = '') => (await missing(c, `kind=member${extra}`)).items.map((e) => e.memberName).sort();
  const missingUnits = async (c: Client, extra = '') =>
    (await missing(c, `kind=unit${extra}`)).items.map((e) => `${e.unitName}@${e.communityName}`).sort();
  const stats = async (c: Client, query = '') => {
    const res = await c.get(`/api/v1/registration-stats${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{
      cycle: { id: string; name: string } | null;
      totals: AreaBody;
      areas: AreaBody[];
      weekly: Array<{ week: string; units: number; members: number }>;
      agreements: { inForce: number; expiringIn30Days: number; pairsWithout: number };
      tree: Array<AreaBody & { parentId: string | null }>;
    }>();
  };

  beforeAll(async () => {
    t = await createTestApp(store, { loginRateLimitPerMinute: 10_000 });
    admin = await t.login(TEST_ADMIN.account);
    supervisor = await t.login(DEMO.supervisor);
    street = await t.login(DEMO.street_staff);
    community = await t.login(DEMO.community_staff);
    unit = await t.login(DEMO.unit_admin);
    member = await t.login(DEMO.member);

    const made = await admin.post('/api/v1/users', { account: 'yang.fan', displayName: '杨帆', password: PASSWORD, role: 'member', scopeType: 'organization', scopeId: TAX });
    expect(made.statusCode, made.body).toBe(201);
    const yangUser = made.json().id as string;
    await t.database.db.updateTable('app_user').set({ must_change_password: false }).where('id', '=', yangUser).execute();
    yang = await t.login('yang.fan', PASSWORD);

    const add = async (key: string, body: Record<string, unknown>, userId: string | null = null) => {
      const res = await admin.post('/api/v1/members', body);
      expect(res.statusCode, res.body).toBe(201);
      m[key] = res.json().id;
      if (userId) await t.database.db.updateTable('member').set({ user_id: userId }).where('id', '=', m[key]!).execute();
    };
    // Expected to report in: active party members at work, living somewhere.
    await add('zhang', { name: '张伟', phone: '13811110001', residenceRegionId: XINGFU, employerOrgId: TAX }, MEMBER_USER);
    await add('li', { name: '李娜', phone: '13811110002', residenceRegionId: XINGFU, employerOrgId: HOSPITAL });
    await add('yang', { name: '杨帆', residenceRegionId: HEPING, employerOrgId: TAX }, yangUser);
    await add('zhao', { name: '赵磊', residenceRegionId: CUIHU, employerOrgId: CHENGTOU });
    // Not expected: retired (no employer), not a party member, left, or no residence known.
    await add('wang', { name: '王芳', residenceRegionId: XINGFU });
    await add('liu', { name: '刘洋', residenceRegionId: XINGFU, employerOrgId: TAX, isPartyMember: false });
    await add('chen', { name: '陈静', residenceRegionId: XINGFU, employerOrgId: TAX, status: 'left' });
    await add('huang', { name: '黄河', employerOrgId: TAX });
  });
  afterAll(async () => t?.close());

  describe('before a cycle is open', () => {
    it('lists nobody and refuses reminders', async () => {
      expect(await missing(supervisor, 'kind=member')).toEqual({ items: [], total: 0 });
      const res = await community.post('/api/v1/registrations/reminders', { kind: 'member' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('NO_OPEN_CYCLE');
      expect(await t.database.db.selectFrom('notification').select('id').execute()).toEqual([]);
    });

    it('opens the cycle and pairs units with communities', async () => {
      const cycle = await supervisor.post('/api/v1/registration-cycles', { name: '本期双报到', startsOn: day(-30), endsOn: day(30) });
      expect(cycle.statusCode, cycle.body).toBe(201);
      const pair = async (key: string, unitOrgId: string, communityId: string) => {
        const res = await supervisor.post('/api/v1/pairings', { unitOrgId, communityId });
        expect(res.statusCode, res.body).toBe(201);
        expect(res.json().status).toBe('active');
        pairs[key] = res.json().id;
      };
      await pair('taxXingfu', TAX, XINGFU);
      await pair('hospitalXingfu', HOSPITAL, XINGFU);
      await pair('taxCuihu', TAX, CUIHU);
      // A proposal that waits for the other side is not expected to report in.
      const proposed = await community.post('/api/v1/pairings', { unitOrgId: CHENGTOU, communityId: XINGFU });
      expect(proposed.statusCode, proposed.body).toBe(201);
      expect(proposed.json().status).toBe('proposed');
      // An ended pairing neither.
      await pair('chengtouLongquan', CHENGTOU, LONGQUAN);
      const ended = await supervisor.post(`/api/v1/pairings/${pairs.chengtouLongquan}/end`, { reason: '单位调整' });
      expect(ended.statusCode, ended.body).toBe(200);
    });
  });

  describe('members who have not reported in', () => {
    it('lists the active in-service party members living in the community', async () => {
      const res = await missing(community, 'kind=member');
      expect(res.total).toBe(2);
      expect(res.items.map((e) => e.memberName).sort()).toEqual(['张伟', '李娜'].sort());
      expect(res.items.find((e) => e.memberName === '张伟')).toEqual({
        kind: 'member',
        memberId: m.zhang,
        memberName: '张伟',
        memberPhoneMasked: '138****0001',
        unitOrgId: TAX,
        unitName: '临江市税务局机关党支部',
        communityId: XINGFU,
        communityName: '幸福社区',
        streetName: '东城街道',
      });
    });

    it('shows a unit its employees, a street its communities and the supervisor everybody', async () => {
      expect(await missingMembers(unit)).toEqual(['张伟', '杨帆'].sort());
      expect(await missingMembers(street)).toEqual(['张伟', '李娜', '杨帆'].sort());
      expect(await missingMembers(supervisor)).toEqual(['张伟', '李娜', '杨帆', '赵磊'].sort());
      expect(await missingMembers(admin)).toEqual(['张伟', '李娜', '杨帆', '赵磊'].sort());
      expect(await missingMembers(member)).toEqual([]);
    });

    it('filters by region and by unit, inside the caller’s reach', async () => {
      expect(await missingMembers(supervisor, `&regionId=${XIHU}`)).toEqual(['赵磊']);
      expect(await missingMembers(supervisor, `&regionId=${HEPING}`)).toEqual(['杨帆']);
      expect(await missingMembers(supervisor, `&unitOrgId=${HOSPITAL}`)).toEqual(['李娜']);
      expect(await missingMembers(community, `&regionId=${HEPING}`)).toEqual([]);
    });

    it('stops listing a member once he reports in, and lists him again after a rejection', async () => {
      const res = await member.post('/api/v1/registrations', { kind: 'member' });
      expect(res.statusCode, res.body).toBe(201);
      regs.zhang = res.json().id;
      expect(await missingMembers(community)).toEqual(['李娜']);
      expect(await missingMembers(unit)).toEqual(['杨帆']);
      const rejected = await community.post(`/api/v1/registrations/${regs.zhang}/reject`, { reason: '信息有误' });
      expect(rejected.statusCode, rejected.body).toBe(200);
      expect(await missingMembers(community)).toEqual(['张伟', '李娜'].sort());
      // He reports in again; confirmed, he stays off the list.
      const again = await member.post('/api/v1/registrations', { kind: 'member' });
      expect(again.statusCode, again.body).toBe(201);
      regs.zhang = again.json().id;
      expect((await community.post(`/api/v1/registrations/${regs.zhang}/confirm`)).statusCode).toBe(200);
      expect(await missingMembers(community)).toEqual(['李娜']);
      expect(await missingMembers(supervisor)).toEqual(['李娜', '杨帆', '赵磊'].sort());
    });

    it('counts only this cycle: a registration of another cycle does not take a member off the list', async () => {
      const past = await t.database.db
        .insertInto('registration_cycle')
        .values({ name: '往期双报到', starts_on: day(-400), ends_on: day(-200) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.database.db
        .insertInto('registration')
        .values({ kind: 'member', cycle_id: past.id, member_id: m.li!, unit_org_id: HOSPITAL, community_id: XINGFU, status: 'confirmed', card_no: 'GJ2025-900001', decided_at: new Date() })
        .execute();
      expect(await missingMembers(community)).toEqual(['李娜']);
      // Asked about the past cycle, 李娜 is not missing and 张伟 is.
      expect(await missingMembers(community, `&cycleId=${past.id}`)).toEqual(['张伟']);
    });
  });

  describe('units', () => {
    it('lists active pairings without a unit registration, each side its own', async () => {
      expect(await missingUnits(community)).toEqual(['临江市人民医院党委@幸福社区', '临江市税务局机关党支部@幸福社区'].sort());
      expect(await missingUnits(unit)).toEqual(['临江市税务局机关党支部@幸福社区', '临江市税务局机关党支部@翠湖社区'].sort());
      expect(await missingUnits(supervisor)).toEqual(
        ['临江市人民医院党委@幸福社区', '临江市税务局机关党支部@幸福社区', '临江市税务局机关党支部@翠湖社区'].sort(),
      );
      expect(await missingUnits(street)).toEqual(['临江市人民医院党委@幸福社区', '临江市税务局机关党支部@幸福社区'].sort());
      const entry = (await missing(community, `kind=unit&unitOrgId=${TAX}`)).items;
      expect(entry).toEqual([
        { kind: 'unit', memberId: null, memberName: null, memberPhoneMasked: null, unitOrgId: TAX, unitName: '临江市税务局机关党支部', communityId: XINGFU, communityName: '幸福社区', streetName: '东城街道' },
      ]);
    });

    it('refuses a unit reporting in to a community it is not actively paired with', async () => {
      for (const communityId of [HEPING, LONGQUAN]) {
        const res = await unit.post('/api/v1/registrations', { kind: 'unit', communityId });
        expect(res.statusCode).toBe(409);
        expect(res.json().error.code).toBe('NOT_PAIRED');
      }
      const noCommunity = await unit.post('/api/v1/registrations', { kind: 'unit' });
      expect(noCommunity.statusCode).toBe(400);
      expect(noCommunity.json().error.code).toBe('COMMUNITY_REQUIRED');
    });

    it('lets only that unit’s admin report the unit in', async () => {
      const byCommunity = await community.post('/api/v1/registrations', { kind: 'unit', communityId: XINGFU, unitOrgId: TAX });
      expect(byCommunity.statusCode).toBe(403);
      expect(byCommunity.json().error.code).toBe('FORBIDDEN');
      const otherUnit = await unit.post('/api/v1/registrations', { kind: 'unit', communityId: XINGFU, unitOrgId: HOSPITAL });
      expect(otherUnit.statusCode).toBe(403);
      const byMember = await member.post('/api/v1/registrations', { kind: 'unit', communityId: XINGFU, unitOrgId: TAX });
      expect(byMember.statusCode).toBe(403);
      expect(await t.database.db.selectFrom('registration').select('id').where('kind', '=', 'unit').execute()).toEqual([]);
    });

    it('takes the unit off the list once it reports in', async () => {
      const since = await maxAuditId();
      const res = await unit.post('/api/v1/registrations', { kind: 'unit', communityId: XINGFU, unitOrgId: TAX });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ kind: 'unit', status: 'pending', unitOrgId: TAX, communityId: XINGFU, memberId: null, memberName: null });
      regs.taxXingfu = res.json().id;
      const audit = await auditSince(since);
      expect(audit.map((a) => [a.action, a.actor_account, a.entity_id])).toEqual([['registration.report_in', 'unit', regs.taxXingfu]]);
      expect(await missingUnits(community)).toEqual(['临江市人民医院党委@幸福社区']);
      expect(await missingUnits(unit)).toEqual(['临江市税务局机关党支部@翠湖社区']);
      const again = await unit.post('/api/v1/registrations', { kind: 'unit', communityId: XINGFU });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('ALREADY_REPORTED_IN');
    });

    it('lets the community confirm the unit, with a card in the unit’s name', async () => {
      const res = await community.post(`/api/v1/registrations/${regs.taxXingfu}/confirm`);
      expect(res.statusCode, res.body).toBe(200);
      const card = await unit.get(`/api/v1/registrations/${regs.taxXingfu}/card`);
      expect(card.statusCode, card.body).toBe(200);
      expect(card.json()).toMatchObject({ kind: 'unit', holderName: '临江市税务局机关党支部', communityName: '幸福社区' });
      const check = await t.client().get(`/api/v1/public/registration-cards/${card.json().cardNo}`);
      expect(check.json()).toMatchObject({ valid: true, kind: 'unit', holderName: '临江市税务局机关党支部' });
    });
  });

  describe('the dashboard', () => {
    it('counts expected and reported per street for the supervisor', async () => {
      const s = await stats(supervisor);
      expect(s.cycle).toMatchObject({ name: '本期双报到', current: true });
      const byName = Object.fromEntries(s.areas.map((a) => [a.name, a]));
      expect(s.areas.map((a) => [a.name, a.kind])).toEqual([
        ['东城街道', 'street'],
        ['西湖街道', 'street'],
      ]);
      // 东城街道: pairings tax and hospital with 幸福社区 (tax reported); members 张伟, 李娜 (幸福), 杨帆 (和平); 张伟 confirmed.
      expect(byName['东城街道']).toMatchObject({ regionId: DONGCHENG, unitsExpected: 2, unitsReported: 1, membersExpected: 3, membersReported: 1, pending: 0 });
      // 西湖街道: the tax bureau with 翠湖社区 (the ended pairing with 龙泉村 not counted); 赵磊.
      expect(byName['西湖街道']).toMatchObject({ regionId: XIHU, unitsExpected: 1, unitsReported: 0, membersExpected: 1, membersReported: 0, pending: 0 });
      expect(s.totals).toMatchObject({ kind: 'total', unitsExpected: 3, unitsReported: 1, membersExpected: 4, membersReported: 1, pending: 0 });
    });

    it('counts per community inside one street, and pending reports', async () => {
      const res = await yang.post('/api/v1/registrations', { kind: 'member' });
      expect(res.statusCode, res.body).toBe(201);
      const s = await stats(street);
      expect(s.areas.map((a) => [a.name, a.kind])).toEqual([
        ['和平社区', 'community'],
        ['幸福社区', 'community'],
      ]);
      expect(s.areas[0]).toMatchObject({ regionId: HEPING, unitsExpected: 0, membersExpected: 1, membersReported: 0, pending: 1 });
      expect(s.areas[1]).toMatchObject({ regionId: XINGFU, unitsExpected: 2, unitsReported: 1, membersExpected: 2, membersReported: 1, pending: 0 });
      expect(s.totals).toMatchObject({ unitsExpected: 2, unitsReported: 1, membersExpected: 3, membersReported: 1, pending: 1 });
      const one = await stats(community);
      expect(one.areas).toHaveLength(1);
      expect(one.areas[0]).toMatchObject({ regionId: XINGFU, name: '幸福社区', unitsExpected: 2, unitsReported: 1, membersExpected: 2, membersReported: 1 });
      const filtered = await stats(supervisor, `?regionId=${XIHU}`);
      expect(filtered.areas.map((a) => a.name)).toEqual(['翠湖社区', '龙泉村']);
      expect(filtered.totals).toMatchObject({ unitsExpected: 1, membersExpected: 1 });
    });

    it('returns the whole tree under each caller in one call, each place summing its communities', async () => {
      const figures = (n: AreaBody) => [n.unitsExpected, n.unitsReported, n.membersExpected, n.membersReported, n.pending];
      const shape = (tree: Array<AreaBody & { parentId: string | null }>) => tree.map((n) => [n.name, n.kind, n.parentId, ...figures(n)]);
      const dongcheng = [2, 1, 3, 1, 1];
      const xihu = [1, 0, 1, 0, 0];
      const lower = [
        ['东城街道', 'street', DISTRICT, ...dongcheng],
        ['和平社区', 'community', DONGCHENG, 0, 0, 1, 0, 1],
        ['幸福社区', 'community', DONGCHENG, 2, 1, 2, 1, 0],
        ['西湖街道', 'street', DISTRICT, ...xihu],
        ['翠湖社区', 'community', XIHU, 1, 0, 1, 0, 0],
        ['龙泉村', 'community', XIHU, 0, 0, 0, 0, 0],
      ];
      const whole = [['临江市', 'city', null, 3, 1, 4, 1, 1], ['江滨区', 'district', CITY, 3, 1, 4, 1, 1], ...lower];
      expect(shape((await stats(admin)).tree)).toEqual(whole);
      const sup = (await stats(supervisor)).tree;
      expect(shape(sup).slice(-lower.length)).toEqual(lower);
      expect(sup[0]!.parentId).toBeNull();
      // The street's tree starts at the street; the community's is itself.
      expect(shape((await stats(street)).tree)).toEqual([['东城街道', 'street', null, ...dongcheng], ...lower.slice(1, 3)]);
      expect(shape((await stats(community)).tree)).toEqual([['幸福社区', 'community', null, 2, 1, 2, 1, 0]]);
      // Asked for one street, the tree starts there.
      expect(shape((await stats(supervisor, `?regionId=${XIHU}`)).tree)).toEqual([['西湖街道', 'street', null, ...xihu], ...lower.slice(4)]);
    });

    it('shows a unit admin its own units’ figures in the communities it is linked with', async () => {
      const s = await stats(unit);
      // The tax bureau: paired with 幸福社区 (reported in) and 翠湖社区; its members 张伟 (幸福, confirmed) and 杨帆 (和平, pending).
      expect(s.tree.map((n) => [n.name, n.unitsExpected, n.unitsReported, n.membersExpected, n.membersReported, n.pending])).toEqual([
        ['临江市', 2, 1, 2, 1, 1],
        ['江滨区', 2, 1, 2, 1, 1],
        ['东城街道', 1, 1, 2, 1, 1],
        ['和平社区', 0, 0, 1, 0, 1],
        ['幸福社区', 1, 1, 1, 1, 0],
        ['西湖街道', 1, 0, 0, 0, 0],
        ['翠湖社区', 1, 0, 0, 0, 0],
      ]);
      expect(s.areas.map((a) => [a.name, a.kind, a.unitsExpected, a.membersExpected])).toEqual([
        ['东城街道', 'street', 1, 2],
        ['西湖街道', 'street', 1, 0],
      ]);
      expect(s.totals).toMatchObject({ unitsExpected: 2, unitsReported: 1, membersExpected: 2, membersReported: 1, pending: 1 });
      // Another unit's figures stay out: the hospital's pairing and 李娜 are not counted.
      expect(s.tree.find((n) => n.regionId === XINGFU)!.unitsExpected).toBe(1);
    });

    it('counts the confirmations per week of the cycle', async () => {
      const s = await stats(supervisor);
      expect(s.weekly).toHaveLength(1);
      expect(s.weekly[0]).toMatchObject({ units: 1, members: 1 });
      // Weeks start on Monday.
      expect(new Date(`${s.weekly[0]!.week}T00:00:00Z`).getUTCDay()).toBe(1);
      expect(s.weekly[0]!.week <= day(0) && s.weekly[0]!.week > day(-8)).toBe(true);
      // The community sees its own; the unit its own unit's confirmation and its employees'.
      expect((await stats(community)).weekly.map((w) => [w.units, w.members])).toEqual([[1, 1]]);
      expect((await stats(unit)).weekly.map((w) => [w.units, w.members])).toEqual([[1, 1]]);
      const heping = await stats(supervisor, `?regionId=${HEPING}`);
      expect(heping.weekly).toEqual([]);
    });

    it('puts a confirmation in the programme’s week (Beijing), not the UTC one', async () => {
      // A Monday a week or two ago; 01:00 that Monday in Beijing is still Sunday in UTC.
      const d = new Date(`${day(-7)}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
      const monday = d.toISOString().slice(0, 10);
      const before = await t.database.db.selectFrom('registration').select('decided_at').where('id', '=', regs.zhang!).executeTakeFirstOrThrow();
      await t.database.db.updateTable('registration').set({ decided_at: new Date(`${monday}T01:00:00+08:00`) }).where('id', '=', regs.zhang!).execute();
      try {
        const s = await stats(supervisor);
        expect(s.weekly.filter((w) => w.members === 1).map((w) => w.week)).toEqual([monday]);
      } finally {
        await t.database.db.updateTable('registration').set({ decided_at: before.decided_at }).where('id', '=', regs.zhang!).execute();
      }
    });

    it('counts agreements in force, expiring, and pairs without one', async () => {
      let s = await stats(supervisor);
      expect(s.agreements).toEqual({ inForce: 0, expiringIn30Days: 0, pairsWithout: 3 });
      // An agreement for tax–幸福社区, signed by both, ending in 20 days.
      const draft = await community.post('/api/v1/agreements', { pairingId: pairs.taxXingfu, title: '共建协议', termStart: day(-100), termEnd: day(20) });
      expect(draft.statusCode, draft.body).toBe(201);
      expect((await community.post(`/api/v1/agreements/${draft.json().id}/sign`, { side: 'a', signatory: '张丽华' })).statusCode).toBe(200);
      expect((await unit.post(`/api/v1/agreements/${draft.json().id}/sign`, { side: 'b', signatory: '刘志强' })).json().status).toBe('in_force');
      // One for hospital–幸福社区, signed by both, in force for another year.
      const long = await community.post('/api/v1/agreements', { pairingId: pairs.hospitalXingfu, title: '医院共建协议', termStart: day(-10), termEnd: day(355) });
      await t.database.db
        .updateTable('agreement')
        .set({ status: 'signed_by_both', signatory_a: '张丽华', signed_a_at: new Date(), signatory_b: '医院', signed_b_at: new Date() })
        .where('id', '=', long.json().id)
        .execute();
      s = await stats(supervisor);
      expect(s.agreements).toEqual({ inForce: 2, expiringIn30Days: 1, pairsWithout: 1 });
      expect((await stats(community)).agreements).toEqual({ inForce: 2, expiringIn30Days: 1, pairsWithout: 0 });
      expect((await stats(unit)).agreements).toEqual({ inForce: 1, expiringIn30Days: 1, pairsWithout: 1 });
      expect((await stats(supervisor, `?regionId=${XIHU}`)).agreements).toEqual({ inForce: 0, expiringIn30Days: 0, pairsWithout: 1 });
    });

    it('refuses the dashboard to a resident', async () => {
      const resident = await t.login(DEMO.resident);
      expect((await resident.get('/api/v1/registration-stats')).statusCode).toBe(403);
    });
  });
});
