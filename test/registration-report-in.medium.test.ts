// Reporting in (双报到) through the HTTP API: registration cycles, a member reporting in where he
// lives (or asking to correct his residence), the community confirming (card number from the
// sequence) or rejecting (with a reason), who may decide and who sees what, the card with its QR
// code and the public check, registrations ending when a member moves, the member's
// notifications, and an audit row for every write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateIn } from '../src/server/platform/time';
import { stableId } from '../src/server/seed/demo';
import { DEMO, TEST_ADMIN, createTestApp, describeStores, type Client, type TestApp } from './support/harness';
import { buildXlsxFromObjects, uploadSheet } from './support/xlsx';

const CITY = stableId('region::临江市');
const DISTRICT = stableId(`region:${CITY}:江滨区`);
const DONGCHENG = stableId(`region:${DISTRICT}:东城街道`);
const XINGFU = stableId(`region:${DONGCHENG}:幸福社区`);
const HEPING = stableId(`region:${DONGCHENG}:和平社区`);
const XINGFU_GRID1 = stableId(`region:${XINGFU}:幸福社区第一网格`);
const BUILDING3 = stableId(`region:${XINGFU_GRID1}:幸福里3号楼`);
const HEPING_GRID1 = stableId(`region:${HEPING}:和平社区第一网格`);
const TAX = stableId('organization:临江市税务局机关党支部');
const HOSPITAL = stableId('organization:临江市人民医院党委');
const MEMBER_USER = stableId('user:member');
const RANDOM_ID = '0b9c5a3e-1f7d-4c1e-9a55-3d2f4e6a7b8c';
const PASSWORD = 'Registration-Test-Pass-1';
const MEMBER_HEADERS = ['姓名', '性别', '出生日期', '手机号', '身份证号', '是否党员', '入党日期', '工作单位', '居住社区', '网格', '楼栋', '技能特长', '状态'];

/** A date `offset` days from today in the programme's calendar (Asia/Shanghai), as 'YYYY-MM-DD'. */
const day = localDateIn;

interface RegistrationBody {
  id: string;
  kind: 'member' | 'unit';
  status: 'pending' | 'confirmed' | 'rejected' | 'ended';
  cycleId: string;
  cycleName: string;
  communityId: string;
  communityName: string;
  streetName: string | null;
  unitOrgId: string | null;
  unitName: string | null;
  memberId: string | null;
  memberName: string | null;
  residenceCorrection: boolean;
  decidedAt: string | null;
  rejectReason: string | null;
  cardNo: string | null;
  endedAt: string | null;
  endReason: string | null;
}

interface NotificationBody {
  id: string;
  kind: string;
  params: Record<string, string | number>;
  link: string | null;
  readAt: string | null;
}

describeStores('registration: reporting in', (store) => {
  let t: TestApp;
  let admin: Client;
  let supervisor: Client;
  let street: Client;
  let community: Client;
  let unit: Client;
  let member: Client;
  let heping: Client;
  let zhouClient: Client;
  let wuClient: Client;
  let unlinked: Client;
  let zhengClient: Client;
  const users: Record<string, string> = {};
  const members = { chen: '', zhou: '', wu: '', zheng: '' };
  const regs = { chenRejected: '', chen: '', zhou: '', wu: '', unit: '', zheng: '' };
  let cycle = { id: '', name: '', startsOn: '' };

  const maxAuditId = async () =>
    Number((await t.database.db.selectFrom('audit_event').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m ?? 0);
  const auditSince = (since: number) => t.database.db.selectFrom('audit_event').selectAll().where('id', '>', since).orderBy('id').execute();
  const regRow = (id: string) => t.database.db.selectFrom('registration').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const ids = (res: { json(): { items: Array<{ id: string }> } }) => res.json().items.map((r) => r.id).sort();

  /** An account made by the administrator, its password already changed, logged in. */
  const addAccount = async (account: string, displayName: string, role: string, scopeType: 'region' | 'organization', scopeId: string) => {
    const res = await admin.post('/api/v1/users', { account, displayName, password: PASSWORD, role, scopeType, scopeId });
    expect(res.statusCode, res.body).toBe(201);
    users[account] = res.json().id;
    await t.database.db.updateTable('app_user').set({ must_change_password: false }).where('id', '=', res.json().id).execute();
    return t.login(account, PASSWORD);
  };

  const addMember = async (body: Record<string, unknown>, userId: string | null) => {
    const res = await admin.post('/api/v1/members', body);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    if (userId) await t.database.db.updateTable('member').set({ user_id: userId }).where('id', '=', id).execute();
    return id;
  };

  beforeAll(async () => {
    t = await createTestApp(store, { loginRateLimitPerMinute: 10_000 });
    admin = await t.login(TEST_ADMIN.account);
    users.admin = (await admin.get('/api/v1/auth/me')).json().user.id;
    supervisor = await t.login(DEMO.supervisor);
    street = await t.login(DEMO.street_staff);
    community = await t.login(DEMO.community_staff);
    unit = await t.login(DEMO.unit_admin);
    member = await t.login(DEMO.member);
    users.member = MEMBER_USER;
    heping = await addAccount('heping.staff', '和平社区干部', 'community_staff', 'region', HEPING);
    zhouClient = await addAccount('zhou.xiaohong', '周小红', 'member', 'organization', HOSPITAL);
    wuClient = await addAccount('wu.gang', '吴刚', 'member', 'organization', TAX);
    unlinked = await addAccount('no.record', '无档案', 'member', 'organization', TAX);
    zhengClient = await addAccount('zheng.li', '郑立', 'member', 'organization', TAX);
    // 陈晓明 (the demo member account) lives in 幸福社区 and works at the tax bureau.
    members.chen = await addMember({ name: '陈晓明', phone: '13911112222', residenceRegionId: XINGFU, employerOrgId: TAX }, MEMBER_USER);
    // 周小红 lives in 幸福社区 and works at the hospital.
    members.zhou = await addMember({ name: '周小红', phone: '13922223333', residenceRegionId: XINGFU, employerOrgId: HOSPITAL }, users['zhou.xiaohong']!);
    // 吴刚 is recorded in 幸福社区 (grid and building too), works at the tax bureau, and in fact lives in 和平社区.
    members.wu = await addMember(
      { name: '吴刚', residenceRegionId: XINGFU, gridRegionId: XINGFU_GRID1, buildingRegionId: BUILDING3, employerOrgId: TAX },
      users['wu.gang']!,
    );
    // 郑立 is recorded in 幸福社区 and works at the tax bureau.
    members.zheng = await addMember({ name: '郑立', residenceRegionId: XINGFU, employerOrgId: TAX }, users['zheng.li']!);
  });
  afterAll(async () => t?.close());

  describe('cycles', () => {
    it('refuses reporting in while no cycle is open', async () => {
      const res = await member.post('/api/v1/registrations', { kind: 'member' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('NO_OPEN_CYCLE');
      expect(await t.database.db.selectFrom('registration').select('id').execute()).toEqual([]);
    });

    it('lets only the supervisor (and the administrator) open a cycle', async () => {
      const body = { name: '2026年度双报到', startsOn: day(-60), endsOn: day(60) };
      for (const c of [community, street, unit, member]) {
        const res = await c.post('/api/v1/registration-cycles', body);
        expect(res.statusCode).toBe(403);
        expect(res.json().error).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'registration.cycle.manage' } });
      }
      expect(await t.database.db.selectFrom('registration_cycle').select('id').execute()).toEqual([]);

      const since = await maxAuditId();
      const res = await supervisor.post('/api/v1/registration-cycles', body);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ name: '2026年度双报到', startsOn: day(-60), endsOn: day(60), current: true });
      cycle = res.json();
      const audit = await auditSince(since);
      expect(audit.map((a) => [a.action, a.actor_account, a.entity_id])).toEqual([['registration_cycle.create', 'supervisor', cycle.id]]);
    });

    it('refuses an overlapping period, a reversed one and a name taken', async () => {
      const overlap = await supervisor.post('/api/v1/registration-cycles', { name: '重叠周期', startsOn: day(50), endsOn: day(200) });
      expect(overlap.statusCode).toBe(409);
      expect(overlap.json().error.code).toBe('CYCLE_OVERLAP');
      const inside = await supervisor.post('/api/v1/registration-cycles', { name: '内含周期', startsOn: day(-10), endsOn: day(10) });
      expect(inside.json().error.code).toBe('CYCLE_OVERLAP');
      const reversed = await supervisor.post('/api/v1/registration-cycles', { name: '倒置周期', startsOn: day(300), endsOn: day(250) });
      expect(reversed.statusCode).toBe(400);
      expect(reversed.json().error.code).toBe('CYCLE_DATES_INVALID');
      const taken = await supervisor.post('/api/v1/registration-cycles', { name: '2026年度双报到', startsOn: day(400), endsOn: day(500) });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error.code).toBe('CYCLE_NAME_TAKEN');
      expect(await t.database.db.selectFrom('registration_cycle').select('name').execute()).toEqual([{ name: '2026年度双报到' }]);
    });

    it('lists the cycles with the current one marked, a past one not', async () => {
      const past = await admin.post('/api/v1/registration-cycles', { name: '上一年度双报到', startsOn: day(-400), endsOn: day(-200) });
      expect(past.statusCode, past.body).toBe(201);
      expect(past.json().current).toBe(false);
      const res = await community.get('/api/v1/registration-cycles');
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((c: { name: string; current: boolean }) => [c.name, c.current])).toEqual([
        ['2026年度双报到', true],
        ['上一年度双报到', false],
      ]);
    });
  });

  describe('reporting in', () => {
    it('answers 409 NOT_A_MEMBER to an account without a member record', async () => {
      const res = await unlinked.post('/api/v1/registrations', { kind: 'member' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('NOT_A_MEMBER');
    });

    it('asks a member whose residence is unknown to name his community', async () => {
      await addMember({ name: '黄河', employerOrgId: TAX }, users['no.record']!);
      const res = await unlinked.post('/api/v1/registrations', { kind: 'member' });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'RESIDENCE_UNKNOWN', details: [{ path: 'body/communityId' }] });
    });

    it('refuses accounts without the apply permission', async () => {
      for (const c of [community, street, supervisor]) {
        const res = await c.post('/api/v1/registrations', { kind: 'member' });
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
      }
    });

    it('lets a member report in where he lives: pending, in the current cycle', async () => {
      const since = await maxAuditId();
      const res = await member.post('/api/v1/registrations', { kind: 'member' });
      expect(res.statusCode, res.body).toBe(201);
      const r = res.json<RegistrationBody>();
      regs.chenRejected = r.id;
      expect(r).toMatchObject({
        kind: 'member',
        status: 'pending',
        cycleId: cycle.id,
        cycleName: '2026年度双报到',
        communityId: XINGFU,
        communityName: '幸福社区',
        streetName: '东城街道',
        unitOrgId: TAX,
        unitName: '临江市税务局机关党支部',
        memberId: members.chen,
        memberName: '陈晓明',
        residenceCorrection: false,
        cardNo: null,
        decidedAt: null,
      });
      expect(await regRow(r.id)).toMatchObject({ status: 'pending', member_id: members.chen, community_id: XINGFU, applied_by: MEMBER_USER, card_no: null });
      const audit = await auditSince(since);
      expect(audit.map((a) => [a.action, a.actor_account, a.entity_type, a.entity_id])).toEqual([['registration.report_in', 'member', 'registration', r.id]]);
    });

    it('answers 409 ALREADY_REPORTED_IN to a second report in the same cycle', async () => {
      const res = await member.post('/api/v1/registrations', { kind: 'member' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('ALREADY_REPORTED_IN');
      const again = await member.post('/api/v1/registrations', { kind: 'member', communityId: HEPING });
      expect(again.json().error.code).toBe('ALREADY_REPORTED_IN');
      expect(await t.database.db.selectFrom('registration').select('id').where('member_id', '=', members.chen).execute()).toHaveLength(1);
    });

    it('lets another member report in too', async () => {
      const res = await zhouClient.post('/api/v1/registrations', { kind: 'member' });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ status: 'pending', communityId: XINGFU, unitOrgId: HOSPITAL, memberName: '周小红', residenceCorrection: false });
      regs.zhou = res.json().id;
    });

    it('marks a report to another community as a correction of the residence', async () => {
      const res = await wuClient.post('/api/v1/registrations', { kind: 'member', communityId: HEPING });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ status: 'pending', communityId: HEPING, communityName: '和平社区', memberId: members.wu, residenceCorrection: true });
      regs.wu = res.json().id;
      // Nothing in the directory changes before the community confirms.
      const m = await t.database.db.selectFrom('member').selectAll().where('id', '=', members.wu).executeTakeFirstOrThrow();
      expect(m).toMatchObject({ residence_region_id: XINGFU, grid_region_id: XINGFU_GRID1, building_region_id: BUILDING3 });
    });

    it('refuses a community that is not a community', async () => {
      for (const communityId of [XINGFU_GRID1, RANDOM_ID]) {
        const res = await zhouClient.post('/api/v1/registrations', { kind: 'member', communityId });
        expect(res.statusCode).toBe(400);
        expect(res.json().error).toMatchObject({ code: 'COMMUNITY_NOT_FOUND', details: [{ path: 'body/communityId' }] });
      }
    });
  });

  describe('deciding', () => {
    it('refuses the confirmation to roles without the decide permission', async () => {
      for (const c of [unit, street, supervisor, member]) {
        const res = await c.post(`/api/v1/registrations/${regs.chenRejected}/confirm`);
        expect(res.statusCode).toBe(403);
        expect(res.json().error).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'registration.decide' } });
        const reject = await c.post(`/api/v1/registrations/${regs.chenRejected}/reject`, { reason: '材料不全' });
        expect(reject.statusCode).toBe(403);
      }
      expect(await regRow(regs.chenRejected)).toMatchObject({ status: 'pending', card_no: null, decided_by: null });
    });

    it('refuses another community the decision on a registration that is not its own', async () => {
      const res = await heping.post(`/api/v1/registrations/${regs.chenRejected}/confirm`);
      expect(res.statusCode).toBe(404);
      const reject = await heping.post(`/api/v1/registrations/${regs.chenRejected}/reject`, { reason: '不是本社区' });
      expect(reject.statusCode).toBe(404);
      // Nor does 幸福社区 decide the report to 和平社区.
      expect((await community.post(`/api/v1/registrations/${regs.wu}/confirm`)).statusCode).toBe(404);
      expect((await regRow(regs.chenRejected)).status).toBe('pending');
      expect((await regRow(regs.wu)).status).toBe('pending');
    });

    it('needs a reason to reject', async () => {
      const none = await community.post(`/api/v1/registrations/${regs.chenRejected}/reject`, {});
      expect(none.statusCode).toBe(400);
      expect(none.json().error.code).toBe('VALIDATION_FAILED');
      const short = await community.post(`/api/v1/registrations/${regs.chenRejected}/reject`, { reason: '否' });
      expect(short.statusCode).toBe(400);
      expect((await regRow(regs.chenRejected)).status).toBe('pending');
    });

    it('lets the community reject with a reason; a rejected registration cannot be confirmed', async () => {
      const since = await maxAuditId();
      const res = await community.post(`/api/v1/registrations/${regs.chenRejected}/reject`, { reason: '请补充在职证明' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'rejected', rejectReason: '请补充在职证明', cardNo: null });
      expect(res.json().decidedAt).not.toBeNull();
      expect(await regRow(regs.chenRejected)).toMatchObject({ status: 'rejected', decided_by: stableId('user:community'), card_no: null });
      const audit = await auditSince(since);
      expect(audit.map((a) => [a.action, a.actor_account, a.entity_id])).toEqual([['registration.reject', 'community', regs.chenRejected]]);
      expect(audit[0]!.after).toEqual({ reason: '请补充在职证明' });

      const confirm = await community.post(`/api/v1/registrations/${regs.chenRejected}/confirm`);
      expect(confirm.statusCode).toBe(409);
      expect(confirm.json().error.code).toBe('REGISTRATION_STATE');
      const again = await community.post(`/api/v1/registrations/${regs.chenRejected}/reject`, { reason: '再次驳回' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('REGISTRATION_STATE');
      expect(await regRow(regs.chenRejected)).toMatchObject({ status: 'rejected', reject_reason: '请补充在职证明', card_no: null });
    });

    it('lets a rejected member report in again', async () => {
      const res = await member.post('/api/v1/registrations', { kind: 'member' });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ status: 'pending', communityId: XINGFU });
      regs.chen = res.json().id;
      expect(regs.chen).not.toBe(regs.chenRejected);
    });

    it('lets the community confirm, issuing a card number from the sequence', async () => {
      const since = await maxAuditId();
      const res = await community.post(`/api/v1/registrations/${regs.chen}/confirm`);
      expect(res.statusCode, res.body).toBe(200);
      const year = cycle.startsOn.slice(0, 4);
      expect(res.json()).toMatchObject({ status: 'confirmed', cardNo: `GJ${year}-000001`, rejectReason: null });
      expect(res.json().decidedAt).not.toBeNull();
      expect(await regRow(regs.chen)).toMatchObject({ status: 'confirmed', card_no: `GJ${year}-000001`, decided_by: stableId('user:community') });
      const audit = await auditSince(since);
      expect(audit.map((a) => [a.action, a.actor_account, a.entity_id])).toEqual([['registration.confirm', 'community', regs.chen]]);
      expect(audit[0]!.after).toEqual({ cardNo: `GJ${year}-000001` });

      const second = await community.post(`/api/v1/registrations/${regs.chen}/confirm`);
      expect(second.statusCode).toBe(409);
      expect(second.json().error.code).toBe('REGISTRATION_STATE');
      const reject = await community.post(`/api/v1/registrations/${regs.chen}/reject`, { reason: '改为驳回' });
      expect(reject.statusCode).toBe(409);
      expect((await regRow(regs.chen)).card_no).toBe(`GJ${year}-000001`);
    });

    it('gives every confirmation its own card number', async () => {
      const res = await community.post(`/api/v1/registrations/${regs.zhou}/confirm`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().cardNo).toMatch(/^GJ\d{4}-\d{6}$/);
      const cards = (await t.database.db.selectFrom('registration').select('card_no').where('card_no', 'is not', null).execute()).map((r) => r.card_no);
      expect(cards).toHaveLength(2);
      expect(new Set(cards).size).toBe(2);
    });

    it('corrects the residence in the directory when the other community confirms', async () => {
      const since = await maxAuditId();
      const announced: Array<{ memberId: string; fromCommunityId: string | null; toCommunityId: string | null }> = [];
      t.app.ctx.events.on('member.residence_changed', async ({ memberId, fromCommunityId, toCommunityId }) => {
        announced.push({ memberId, fromCommunityId, toCommunityId });
      });
      const res = await heping.post(`/api/v1/registrations/${regs.wu}/confirm`);
      expect(res.statusCode, res.body).toBe(200);
      // The directory owns the correction and announces the move to the other modules.
      expect(announced).toEqual([{ memberId: members.wu, fromCommunityId: XINGFU, toCommunityId: HEPING }]);
      expect(res.json()).toMatchObject({ status: 'confirmed', communityId: HEPING, residenceCorrection: true });
      const m = await t.database.db.selectFrom('member').selectAll().where('id', '=', members.wu).executeTakeFirstOrThrow();
      expect(m).toMatchObject({ residence_region_id: HEPING, grid_region_id: null, building_region_id: null });
      const detail = await admin.get(`/api/v1/members/${members.wu}`);
      expect(detail.json()).toMatchObject({ residenceRegionId: HEPING, residenceName: '和平社区', gridRegionId: null, buildingRegionId: null });
      const audit = await auditSince(since);
      expect(audit.map((a) => [a.action, a.actor_account, a.entity_type, a.entity_id])).toEqual([
        ['member.residence_corrected', 'heping.staff', 'member', members.wu],
        ['registration.confirm', 'heping.staff', 'registration', regs.wu],
      ]);
      expect(audit[0]!.after).toMatchObject({ residenceRegionId: HEPING, registrationId: regs.wu });
      // The confirmed correction is not a move: the registration stays.
      expect((await regRow(regs.wu)).status).toBe('confirmed');
    });
  });

  describe('who sees what', () => {
    it('lets the tax bureau report in as a unit to its paired community', async () => {
      const pair = await supervisor.post('/api/v1/pairings', { unitOrgId: TAX, communityId: XINGFU });
      expect(pair.statusCode, pair.body).toBe(201);
      expect(pair.json().status).toBe('active');
      const res = await unit.post('/api/v1/registrations', { kind: 'unit', communityId: XINGFU });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ kind: 'unit', status: 'pending', unitOrgId: TAX, memberId: null, communityId: XINGFU });
      regs.unit = res.json().id;
    });

    it('shows a member only his own registrations', async () => {
      const res = await member.get('/api/v1/registrations?pageSize=100');
      expect(res.statusCode).toBe(200);
      expect(ids(res)).toEqual([regs.chenRejected, regs.chen].sort());
      expect(res.json().total).toBe(2);
      expect((await member.get(`/api/v1/registrations/${regs.chen}`)).statusCode).toBe(200);
      expect((await member.get(`/api/v1/registrations/${regs.zhou}`)).statusCode).toBe(404);
      expect((await member.get(`/api/v1/registrations/${regs.wu}`)).statusCode).toBe(404);
      expect((await member.get(`/api/v1/registrations/${regs.unit}`)).statusCode).toBe(404);
      expect(ids(await member.get('/api/v1/registrations?mine=true'))).toEqual([regs.chenRejected, regs.chen].sort());
      expect(ids(await zhouClient.get('/api/v1/registrations'))).toEqual([regs.zhou]);
    });

    it('shows a unit its employees’ registrations and its own', async () => {
      const res = await unit.get('/api/v1/registrations?pageSize=100');
      expect(res.statusCode).toBe(200);
      expect(ids(res)).toEqual([regs.chenRejected, regs.chen, regs.wu, regs.unit].sort());
      expect((await unit.get(`/api/v1/registrations/${regs.zhou}`)).statusCode).toBe(404);
      expect(ids(await unit.get('/api/v1/registrations?kind=unit'))).toEqual([regs.unit]);
    });

    it('shows a community the registrations made to it, and another community none of them', async () => {
      expect(ids(await community.get('/api/v1/registrations?pageSize=100'))).toEqual([regs.chenRejected, regs.chen, regs.zhou, regs.unit].sort());
      const other = await heping.get('/api/v1/registrations?pageSize=100');
      expect(other.statusCode).toBe(200);
      expect(ids(other)).toEqual([regs.wu]);
      expect((await heping.get(`/api/v1/registrations/${regs.chen}`)).statusCode).toBe(404);
      expect(ids(await community.get('/api/v1/registrations?status=confirmed'))).toEqual([regs.chen, regs.zhou].sort());
      expect(ids(await community.get(`/api/v1/registrations?q=${encodeURIComponent('晓明')}`))).toEqual([regs.chenRejected, regs.chen].sort());
    });

    it('shows the street its communities and the supervisor everything', async () => {
      const all = [regs.chenRejected, regs.chen, regs.zhou, regs.wu, regs.unit].sort();
      expect(ids(await street.get('/api/v1/registrations?pageSize=100'))).toEqual(all);
      expect(ids(await supervisor.get('/api/v1/registrations?pageSize=100'))).toEqual(all);
      expect(ids(await supervisor.get(`/api/v1/registrations?communityId=${HEPING}`))).toEqual([regs.wu]);
    });

    it('refuses a resident the registrations', async () => {
      const resident = await t.login(DEMO.resident);
      expect((await resident.get('/api/v1/registrations')).statusCode).toBe(403);
    });
  });

  describe('the card', () => {
    it('answers 409 NO_CARD before the confirmation', async () => {
      for (const id of [regs.unit, regs.chenRejected]) {
        const res = await community.get(`/api/v1/registrations/${id}/card`);
        expect(res.statusCode).toBe(409);
        expect(res.json().error.code).toBe('NO_CARD');
      }
    });

    it('shows the confirmed card with a QR code of its public check', async () => {
      const row = await regRow(regs.chen);
      const res = await member.get(`/api/v1/registrations/${regs.chen}/card`);
      expect(res.statusCode, res.body).toBe(200);
      const card = res.json();
      expect(card).toMatchObject({
        cardNo: row.card_no,
        kind: 'member',
        holderName: '陈晓明',
        unitName: '临江市税务局机关党支部',
        communityName: '幸福社区',
        streetName: '东城街道',
        cycleName: '2026年度双报到',
        status: 'confirmed',
      });
      expect(card.verifyUrl).toMatch(new RegExp(`^https?://[^/]+/verify/${row.card_no}$`));
      expect(card.qrSvg).toContain('<svg');
      expect((await community.get(`/api/v1/registrations/${regs.chen}/card`)).statusCode).toBe(200);
      expect((await unit.get(`/api/v1/registrations/${regs.chen}/card`)).statusCode).toBe(200);
      expect((await heping.get(`/api/v1/registrations/${regs.chen}/card`)).statusCode).toBe(404);
      expect((await zhouClient.get(`/api/v1/registrations/${regs.chen}/card`)).statusCode).toBe(404);
    });

    it('checks a card publicly without a login, the name masked', async () => {
      const { card_no } = await regRow(regs.chen);
      const anon = t.client();
      const res = await anon.get(`/api/v1/public/registration-cards/${card_no}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        valid: true,
        cardNo: card_no,
        kind: 'member',
        holderName: '陈**',
        unitName: '临江市税务局机关党支部',
        communityName: '幸福社区',
        cycleName: '2026年度双报到',
        status: 'confirmed',
      });
      expect(res.body).not.toContain('陈晓明');
      expect(res.body).not.toContain('13911112222');
      expect(res.body).not.toContain('139****2222');
    });

    it('says valid: false for the card of a cycle that is over', async () => {
      // Last period's card: confirmed then, and nothing has ended it since. A scan today must not
      // vouch for this period (the lifecycle: a new cycle replaces the registration).
      const past = await t.database.db.selectFrom('registration_cycle').select(['id', 'starts_on']).where('name', '=', '上一年度双报到').executeTakeFirstOrThrow();
      await t.database.db
        .insertInto('registration')
        .values({ kind: 'member', cycle_id: past.id, member_id: members.zhou, unit_org_id: HOSPITAL, community_id: XINGFU, status: 'confirmed', card_no: 'GJ2025-700001', decided_at: new Date(`${past.starts_on}T08:00:00Z`) })
        .execute();
      const res = await t.client().get('/api/v1/public/registration-cards/GJ2025-700001');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ cardNo: 'GJ2025-700001', cycleName: '上一年度双报到', holderName: '周**' });
      expect(res.json().valid).toBe(false);
    });

    it('says valid: false for an unknown number, and 400 for a malformed one', async () => {
      const anon = t.client();
      const res = await anon.get('/api/v1/public/registration-cards/GJ2099-999999');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        valid: false,
        cardNo: 'GJ2099-999999',
        kind: null,
        holderName: null,
        unitName: null,
        communityName: null,
        cycleName: null,
        confirmedAt: null,
        status: null,
      });
      expect((await anon.get('/api/v1/public/registration-cards/abc')).statusCode).toBe(400);
    });
  });

  describe('moving', () => {
    it('ends the open registration at the old community when the member moves', async () => {
      const since = await maxAuditId();
      const { card_no } = await regRow(regs.chen);
      const res = await admin.patch(`/api/v1/members/${members.chen}`, { residenceRegionId: HEPING });
      expect(res.statusCode, res.body).toBe(200);
      const r = await member.get(`/api/v1/registrations/${regs.chen}`);
      expect(r.json()).toMatchObject({ status: 'ended', endReason: 'moved', cardNo: card_no });
      expect(r.json().endedAt).not.toBeNull();
      // The rejected one stays rejected; the other members' registrations are untouched.
      expect((await regRow(regs.chenRejected)).status).toBe('rejected');
      expect((await regRow(regs.zhou)).status).toBe('confirmed');
      expect((await regRow(regs.wu)).status).toBe('confirmed');
      const audit = await auditSince(since);
      expect(audit.map((a) => [a.action, a.entity_id])).toEqual([
        ['member.update', members.chen],
        ['registration.end', regs.chen],
      ]);
      expect(audit[1]!.after).toEqual({ reason: 'moved' });
      expect(audit[1]!.actor_user_id).toBe(users.admin);
    });

    it('no longer shows the card, and the public check says it is not valid', async () => {
      const { card_no } = await regRow(regs.chen);
      const card = await member.get(`/api/v1/registrations/${regs.chen}/card`);
      expect(card.statusCode).toBe(409);
      expect(card.json().error.code).toBe('NO_CARD');
      const check = await t.client().get(`/api/v1/public/registration-cards/${card_no}`);
      expect(check.statusCode).toBe(200);
      expect(check.json()).toMatchObject({ valid: false, cardNo: card_no, status: 'ended', holderName: '陈**' });
    });

    it('lets the moved member report in at his new community in the same cycle', async () => {
      const res = await member.post('/api/v1/registrations', { kind: 'member' });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ status: 'pending', communityId: HEPING, residenceCorrection: false });
    });

    it('ends the open registration too when the move comes from a spreadsheet import', async () => {
      expect((await regRow(regs.zhou)).status).toBe('confirmed');
      const file = await buildXlsxFromObjects(MEMBER_HEADERS, [{ 姓名: '周小红', 手机号: '13922223333', 居住社区: '和平社区' }]);
      const upload = await uploadSheet(admin, 'members', file, 'move.xlsx');
      expect(upload.statusCode, upload.body).toBe(201);
      expect(upload.json()).toMatchObject({ validRows: 1, errorRows: 0, toUpdate: 1 });
      const commit = await admin.post(`/api/v1/imports/${upload.json().batchId}/commit`);
      expect(commit.statusCode, commit.body).toBe(200);
      const m = await t.database.db.selectFrom('member').select('residence_region_id').where('id', '=', members.zhou).executeTakeFirstOrThrow();
      expect(m.residence_region_id).toBe(HEPING);
      // The directory now says he lives in 和平社区; his registration at 幸福社区 must not stay open.
      expect(await regRow(regs.zhou)).toMatchObject({ status: 'ended', end_reason: 'moved' });
    });

    it('keeps a registration at the community he moves to, and the grid the move gave him', async () => {
      const reported = await zhengClient.post('/api/v1/registrations', { kind: 'member', communityId: HEPING });
      expect(reported.statusCode, reported.body).toBe(201);
      expect(reported.json().residenceCorrection).toBe(true);
      regs.zheng = reported.json().id;
      // Before 和平社区 decides, the administrator records the move with his grid there.
      const moved = await admin.patch(`/api/v1/members/${members.zheng}`, { residenceRegionId: HEPING, gridRegionId: HEPING_GRID1 });
      expect(moved.statusCode, moved.body).toBe(200);
      expect((await regRow(regs.zheng)).status).toBe('pending');
      // Confirming the (now already true) correction must not throw away the grid.
      const confirmed = await heping.post(`/api/v1/registrations/${regs.zheng}/confirm`);
      expect(confirmed.statusCode, confirmed.body).toBe(200);
      const m = await t.database.db.selectFrom('member').select(['residence_region_id', 'grid_region_id']).where('id', '=', members.zheng).executeTakeFirstOrThrow();
      expect(m).toEqual({ residence_region_id: HEPING, grid_region_id: HEPING_GRID1 });
    });

    it('records who moved him in the audit row of the ended registration', async () => {
      // The audit log is searched by account; the row written for the ended registration must
      // carry the account of the person whose change ended it, like every other write.
      const row = await t.database.db
        .selectFrom('audit_event')
        .selectAll()
        .where('action', '=', 'registration.end')
        .where('entity_id', '=', regs.chen)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ actor_user_id: users.admin, actor_account: TEST_ADMIN.account });
      const found = await admin.get(`/api/v1/audit-events?actor=${TEST_ADMIN.account}&action=registration.end`);
      expect(found.statusCode).toBe(200);
      expect(found.json().items.map((e: { entityId: string }) => e.entityId)).toContain(regs.chen);
    });
  });

  describe('notifications', () => {
    it('tells the member of the rejection and of the confirmation', async () => {
      const res = await member.get('/api/v1/notifications');
      expect(res.statusCode).toBe(200);
      const items = res.json().items as NotificationBody[];
      const { card_no } = await regRow(regs.chen);
      expect(items.map((n) => n.kind).sort()).toEqual(['registration.confirmed', 'registration.rejected']);
      expect(items.find((n) => n.kind === 'registration.rejected')).toMatchObject({ params: { reason: '请补充在职证明' }, link: '/registration/me', readAt: null });
      expect(items.find((n) => n.kind === 'registration.confirmed')!.params).toMatchObject({ cardNo: card_no! });
      expect(res.json().unread).toBe(2);
      // Each member is told of his own decisions only.
      const zhou = (await zhouClient.get('/api/v1/notifications')).json();
      expect(zhou.items.map((n: NotificationBody) => n.kind)).toEqual(['registration.confirmed']);
      const wu = (await wuClient.get('/api/v1/notifications')).json();
      expect(wu.items.map((n: NotificationBody) => n.params.communityName)).toEqual(['和平社区']);
      expect((await community.get('/api/v1/notifications')).json()).toEqual({ items: [], total: 0, unread: 0 });
    });

    it('marks a notification read, only the caller’s own', async () => {
      const mine = (await member.get('/api/v1/notifications')).json().items as NotificationBody[];
      const target = mine.find((n) => n.kind === 'registration.rejected')!;
      const read = await member.post(`/api/v1/notifications/${target.id}/read`);
      expect(read.statusCode).toBe(204);
      const after = (await member.get('/api/v1/notifications')).json();
      expect(after.unread).toBe(1);
      expect(after.items.find((n: NotificationBody) => n.id === target.id).readAt).not.toBeNull();
      expect((await member.post(`/api/v1/notifications/${target.id}/read`)).statusCode).toBe(204);

      const others = (await zhouClient.get('/api/v1/notifications')).json().items as NotificationBody[];
      const foreign = await member.post(`/api/v1/notifications/${others[0]!.id}/read`);
      expect(foreign.statusCode).toBe(404);
      expect((await zhouClient.get('/api/v1/notifications')).json().unread).toBe(1);
      expect((await member.post(`/api/v1/notifications/${RANDOM_ID}/read`)).statusCode).toBe(404);
      expect((await t.client().get('/api/v1/notifications')).statusCode).toBe(401);
    });
  });

  describe('paging', () => {
    it('walks the registrations by cursor: the same rows as by page, each once, in order', async () => {
      const all = (await admin.get('/api/v1/registrations?pageSize=200')).json();
      expect(all.total).toBeGreaterThanOrEqual(4);
      expect(all.nextCursor).toBeNull();
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await admin.get(`/api/v1/registrations?pageSize=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.statusCode, res.body).toBe(200);
        const body = res.json() as { items: Array<{ id: string }>; total: number; nextCursor: string | null };
        expect(body.total).toBe(all.total);
        seen.push(...body.items.map((r) => r.id));
        cursor = body.nextCursor;
        pages++;
      } while (cursor && pages < 100);
      expect(seen).toEqual(all.items.map((r: { id: string }) => r.id));
      // Offset paging keeps working beside it.
      const second = (await admin.get('/api/v1/registrations?pageSize=2&page=2')).json();
      expect(second.items.map((r: { id: string }) => r.id)).toEqual(seen.slice(2, 4));
    });

    it('refuses a cursor the list did not give out, with the field named', async () => {
      const forged = Buffer.from(JSON.stringify(['x'])).toString('base64url');
      const wrongTypes = Buffer.from(JSON.stringify(['yesterday-ish', 'not-a-uuid'])).toString('base64url');
      for (const cursor of [forged, wrongTypes, 'not-json', Buffer.from('{"a":1}').toString('base64url')]) {
        const res = await admin.get(`/api/v1/registrations?cursor=${cursor}`);
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().error).toMatchObject({ code: 'CURSOR_INVALID', details: [{ path: 'querystring/cursor' }] });
      }
      expect((await admin.get('/api/v1/registrations?cursor=a%20b')).statusCode).toBe(400);
    });
  });
});
