// Pairings (结对共建) and agreements (共建协议) through the HTTP API: a unit proposes, the community
// accepts (never the proposer itself), declines and ends with reasons, a supervisor's pairing active
// at once, each side seeing its own pairings with both sides' liaisons; agreements drafted for
// active pairings, changed only as drafts, signed by the community (甲方) and the unit (乙方), in
// force during the term, waiting before it, expired after it, ended early; the filters; and the
// expiry reminder job.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remindExpiringAgreements } from '../src/server/modules/registration/pairings.service';
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
const XINGFU_GRID1 = stableId(`region:${XINGFU}:幸福社区第一网格`);
const TAX = stableId('organization:临江市税务局机关党支部');
const HOSPITAL = stableId('organization:临江市人民医院党委');
const CHENGTOU = stableId('organization:临江城投集团党委');
const STREET_ORG = stableId('organization:东城街道党工委');
const XINGFU_ORG = stableId('organization:幸福社区党委');
const COMMUNITY_USER = stableId('user:community');
const UNIT_USER = stableId('user:unit');
const PASSWORD = 'Registration-Test-Pass-1';

/** A date `offset` days from today in the programme's calendar (Asia/Shanghai), as 'YYYY-MM-DD'. */
const day = localDateIn;

interface PairingBody {
  id: string;
  unitOrgId: string;
  unitName: string;
  communityId: string;
  communityName: string;
  streetName: string | null;
  status: 'proposed' | 'active' | 'declined' | 'ended';
  proposedBySide: 'unit' | 'community' | 'supervisor';
  note: string | null;
  decidedAt: string | null;
  endedAt: string | null;
  endReason: string | null;
  agreementId: string | null;
  agreementStatus: string | null;
  unitLiaison: string | null;
  unitSecretary: string | null;
  communityLiaison: string | null;
  communitySecretary: string | null;
}

interface AgreementBody {
  id: string;
  pairingId: string;
  title: string;
  partyA: string;
  partyB: string;
  termStart: string;
  termEnd: string;
  tasks: Array<{ side: 'a' | 'b'; description: string; owner?: string | null; dueOn?: string | null }>;
  status: string;
  signatoryA: string | null;
  signedAAt: string | null;
  signatoryB: string | null;
  signedBAt: string | null;
  endedAt: string | null;
  endReason: string | null;
  daysLeft: number | null;
}

describeStores('registration: pairings and agreements', (store) => {
  let t: TestApp;
  let admin: Client;
  let supervisor: Client;
  let street: Client;
  let community: Client;
  let unit: Client;
  let member: Client;
  let heping: Client;
  const p = { taxXingfu: '', hospitalXingfu: '', hospitalXingfuDeclined: '', chengtouHeping: '', chengtouHepingProposed: '', taxCuihu: '' };
  const a = { main: '', future: '', past: '', cuihu: '' };

  const maxAuditId = async () =>
    Number((await t.database.db.selectFrom('audit_event').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m ?? 0);
  const auditSince = (since: number) => t.database.db.selectFrom('audit_event').selectAll().where('id', '>', since).orderBy('id').execute();
  const pairingRow = (id: string) => t.database.db.selectFrom('pairing').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const agreementRow = (id: string) => t.database.db.selectFrom('agreement').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const pairNames = async (c: Client, query = '') => {
    const res = await c.get(`/api/v1/pairings?pageSize=100${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as PairingBody[]).map((x) => `${x.unitName}@${x.communityName}:${x.status}`).sort();
  };
  const agreementIds = async (c: Client, query = '') => {
    const res = await c.get(`/api/v1/agreements?pageSize=100${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as AgreementBody[]).map((x) => x.id).sort();
  };
  /** Drafts an agreement on the tax bureau–幸福社区 pairing and has both sides sign it. */
  const signedAgreement = async (title: string, termStart: string, termEnd: string) => {
    const draft = await community.post('/api/v1/agreements', { pairingId: p.taxXingfu, title, termStart, termEnd });
    expect(draft.statusCode, draft.body).toBe(201);
    expect((await community.post(`/api/v1/agreements/${draft.json().id}/sign`, { side: 'a', signatory: '张丽华' })).statusCode).toBe(200);
    const signed = await unit.post(`/api/v1/agreements/${draft.json().id}/sign`, { side: 'b', signatory: '刘志强' });
    expect(signed.statusCode, signed.body).toBe(200);
    return signed.json<AgreementBody>();
  };

  beforeAll(async () => {
    t = await createTestApp(store, { loginRateLimitPerMinute: 10_000 });
    admin = await t.login(TEST_ADMIN.account);
    supervisor = await t.login(DEMO.supervisor);
    street = await t.login(DEMO.street_staff);
    community = await t.login(DEMO.community_staff);
    unit = await t.login(DEMO.unit_admin);
    member = await t.login(DEMO.member);
    const res = await admin.post('/api/v1/users', { account: 'heping.staff', displayName: '和平社区干部', password: PASSWORD, role: 'community_staff', scopeType: 'region', scopeId: HEPING });
    expect(res.statusCode, res.body).toBe(201);
    await t.database.db.updateTable('app_user').set({ must_change_password: false }).where('id', '=', res.json().id).execute();
    heping = await t.login('heping.staff', PASSWORD);
  });
  afterAll(async () => t?.close());

  describe('pairings', () => {
    it('lets a unit propose a pairing to a community; it waits for the community', async () => {
      const since = await maxAuditId();
      const res = await unit.post('/api/v1/pairings', { unitOrgId: TAX, communityId: XINGFU, note: '希望在法律咨询方面共建' });
      expect(res.statusCode, res.body).toBe(201);
      const pair = res.json<PairingBody>();
      p.taxXingfu = pair.id;
      expect(pair).toMatchObject({
        unitOrgId: TAX,
        unitName: '临江市税务局机关党支部',
        communityId: XINGFU,
        communityName: '幸福社区',
        streetName: '东城街道',
        status: 'proposed',
        proposedBySide: 'unit',
        note: '希望在法律咨询方面共建',
        decidedAt: null,
        agreementId: null,
      });
      expect(await pairingRow(pair.id)).toMatchObject({ status: 'proposed', proposed_by: UNIT_USER, decided_by: null });
      const audit = await auditSince(since);
      expect(audit.map((x) => [x.action, x.actor_account, x.entity_id])).toEqual([['pairing.propose', 'unit', pair.id]]);
      expect(audit[0]!.after).toMatchObject({ unitOrgId: TAX, communityId: XINGFU, side: 'unit' });
    });

    it('refuses a proposal for a unit or a community outside the caller’s side', async () => {
      const otherUnit = await unit.post('/api/v1/pairings', { unitOrgId: HOSPITAL, communityId: XINGFU });
      expect(otherUnit.statusCode).toBe(403);
      const otherCommunity = await community.post('/api/v1/pairings', { unitOrgId: HOSPITAL, communityId: HEPING });
      expect(otherCommunity.statusCode).toBe(403);
      const notUnit = await community.post('/api/v1/pairings', { unitOrgId: STREET_ORG, communityId: XINGFU });
      expect(notUnit.statusCode).toBe(400);
      expect(notUnit.json().error.code).toBe('UNIT_NOT_FOUND');
      const notCommunity = await supervisor.post('/api/v1/pairings', { unitOrgId: TAX, communityId: XINGFU_GRID1 });
      expect(notCommunity.statusCode).toBe(400);
      expect(notCommunity.json().error.code).toBe('COMMUNITY_NOT_FOUND');
      const byMember = await member.post('/api/v1/pairings', { unitOrgId: TAX, communityId: XINGFU });
      expect(byMember.statusCode).toBe(403);
      expect(await t.database.db.selectFrom('pairing').select('id').execute()).toHaveLength(1);
    });

    it('does not let the unit accept its own proposal; the community accepts', async () => {
      const own = await unit.post(`/api/v1/pairings/${p.taxXingfu}/accept`);
      expect(own.statusCode).toBe(403);
      expect(own.json().error.code).toBe('FORBIDDEN');
      // 和平社区 does not even see it.
      expect((await heping.post(`/api/v1/pairings/${p.taxXingfu}/accept`)).statusCode).toBe(404);
      expect((await pairingRow(p.taxXingfu)).status).toBe('proposed');

      const since = await maxAuditId();
      const res = await community.post(`/api/v1/pairings/${p.taxXingfu}/accept`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'active', proposedBySide: 'unit' });
      expect(res.json().decidedAt).not.toBeNull();
      expect(await pairingRow(p.taxXingfu)).toMatchObject({ status: 'active', decided_by: COMMUNITY_USER });
      const audit = await auditSince(since);
      expect(audit.map((x) => [x.action, x.actor_account, x.entity_id])).toEqual([['pairing.accept', 'community', p.taxXingfu]]);
      expect(audit[0]!.before).toEqual({ status: 'proposed' });
      expect(audit[0]!.after).toMatchObject({ status: 'active' });
    });

    it('answers 409 PAIRING_EXISTS for a second open pairing of the same unit and community', async () => {
      for (const c of [unit, community, supervisor]) {
        const res = await c.post('/api/v1/pairings', { unitOrgId: TAX, communityId: XINGFU });
        expect(res.statusCode).toBe(409);
        expect(res.json().error.code).toBe('PAIRING_EXISTS');
      }
      expect(await t.database.db.selectFrom('pairing').select('id').where('unit_org_id', '=', TAX).where('community_id', '=', XINGFU).execute()).toHaveLength(1);
    });

    it('lets the other side decline a proposal with a reason; declined cannot be accepted', async () => {
      const proposed = await community.post('/api/v1/pairings', { unitOrgId: HOSPITAL, communityId: XINGFU });
      expect(proposed.statusCode, proposed.body).toBe(201);
      expect(proposed.json()).toMatchObject({ status: 'proposed', proposedBySide: 'community' });
      const id = proposed.json().id as string;
      expect((await community.post(`/api/v1/pairings/${id}/accept`)).statusCode).toBe(403);
      expect((await community.post(`/api/v1/pairings/${id}/decline`, { reason: '自己拒绝' })).statusCode).toBe(403);
      const noReason = await street.post(`/api/v1/pairings/${id}/decline`, {});
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error.code).toBe('VALIDATION_FAILED');

      const since = await maxAuditId();
      // The hospital has no admin account here: the street, supervising, decides.
      const res = await street.post(`/api/v1/pairings/${id}/decline`, { reason: '医院已与其他社区结对' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'declined', endReason: '医院已与其他社区结对' });
      const audit = await auditSince(since);
      expect(audit.map((x) => [x.action, x.actor_account, x.entity_id])).toEqual([['pairing.decline', 'street', id]]);
      expect(audit[0]!.after).toMatchObject({ status: 'declined', reason: '医院已与其他社区结对' });
      const accept = await street.post(`/api/v1/pairings/${id}/accept`);
      expect(accept.statusCode).toBe(409);
      expect(accept.json().error.code).toBe('PAIRING_STATE');
      expect((await pairingRow(id)).status).toBe('declined');
      p.hospitalXingfuDeclined = id;
      // A declined proposal does not block a new one.
      const again = await community.post('/api/v1/pairings', { unitOrgId: HOSPITAL, communityId: XINGFU });
      expect(again.statusCode, again.body).toBe(201);
      p.hospitalXingfu = again.json().id;
    });

    it('makes a supervisor’s pairing active at once', async () => {
      const since = await maxAuditId();
      const res = await supervisor.post('/api/v1/pairings', { unitOrgId: CHENGTOU, communityId: HEPING });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ status: 'active', proposedBySide: 'supervisor', communityName: '和平社区' });
      expect(res.json().decidedAt).not.toBeNull();
      p.chengtouHeping = res.json().id;
      expect(await pairingRow(p.chengtouHeping)).toMatchObject({ status: 'active', decided_by: stableId('user:supervisor') });
      expect((await auditSince(since)).map((x) => [x.action, x.actor_account])).toEqual([['pairing.propose', 'supervisor']]);
      // And the tax bureau with 翠湖社区, proposed by the unit and accepted by the supervisor.
      const proposed = await unit.post('/api/v1/pairings', { unitOrgId: TAX, communityId: CUIHU });
      expect(proposed.statusCode, proposed.body).toBe(201);
      p.taxCuihu = proposed.json().id;
      const accepted = await supervisor.post(`/api/v1/pairings/${p.taxCuihu}/accept`);
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(accepted.json().status).toBe('active');
    });

    it('ends a pairing with a reason; an ended pairing cannot be accepted or ended again', async () => {
      const noReason = await heping.post(`/api/v1/pairings/${p.chengtouHeping}/end`, {});
      expect(noReason.statusCode).toBe(400);
      expect((await community.post(`/api/v1/pairings/${p.chengtouHeping}/end`, { reason: '不是本社区' })).statusCode).toBe(404);
      const since = await maxAuditId();
      const res = await heping.post(`/api/v1/pairings/${p.chengtouHeping}/end`, { reason: '单位搬迁' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'ended', endReason: '单位搬迁' });
      expect(res.json().endedAt).not.toBeNull();
      const audit = await auditSince(since);
      expect(audit.map((x) => [x.action, x.actor_account, x.entity_id])).toEqual([['pairing.end', 'heping.staff', p.chengtouHeping]]);
      expect(audit[0]!.before).toEqual({ status: 'active' });
      for (const action of ['accept', 'end']) {
        const again = await supervisor.post(`/api/v1/pairings/${p.chengtouHeping}/${action}`, action === 'end' ? { reason: '再次结束' } : undefined);
        expect(again.statusCode, action).toBe(409);
        expect(again.json().error.code).toBe('PAIRING_STATE');
      }
      expect(await pairingRow(p.chengtouHeping)).toMatchObject({ status: 'ended', end_reason: '单位搬迁' });
      // Once ended, the pair may be proposed afresh.
      const anew = await heping.post('/api/v1/pairings', { unitOrgId: CHENGTOU, communityId: HEPING });
      expect(anew.statusCode, anew.body).toBe(201);
      expect(anew.json().status).toBe('proposed');
      p.chengtouHepingProposed = anew.json().id;
    });

    it('shows each side its own pairings', async () => {
      expect(await pairNames(unit)).toEqual(['临江市税务局机关党支部@幸福社区:active', '临江市税务局机关党支部@翠湖社区:active'].sort());
      expect(await pairNames(community)).toEqual(
        ['临江市税务局机关党支部@幸福社区:active', '临江市人民医院党委@幸福社区:declined', '临江市人民医院党委@幸福社区:proposed'].sort(),
      );
      expect(await pairNames(heping)).toEqual(['临江城投集团党委@和平社区:ended', '临江城投集团党委@和平社区:proposed'].sort());
      expect(await pairNames(street)).toHaveLength(5);
      expect(await pairNames(supervisor)).toHaveLength(6);
      expect(await pairNames(supervisor, '&status=active')).toEqual(['临江市税务局机关党支部@幸福社区:active', '临江市税务局机关党支部@翠湖社区:active'].sort());
      expect(await pairNames(supervisor, `&regionId=${XIHU}`)).toEqual(['临江市税务局机关党支部@翠湖社区:active']);
      expect((await unit.get(`/api/v1/pairings/${p.hospitalXingfu}`)).statusCode).toBe(404);
      expect((await heping.get(`/api/v1/pairings/${p.taxXingfu}`)).statusCode).toBe(404);
      expect((await member.get('/api/v1/pairings')).statusCode).toBe(403);
    });

    it('shows both sides’ leading group and liaisons on the pairing', async () => {
      const byUnit = await unit.patch(`/api/v1/organizations/${TAX}`, { secretaryName: '孙建华', liaisonName: '刘志强' });
      expect(byUnit.statusCode, byUnit.body).toBe(200);
      const byAdmin = await admin.patch(`/api/v1/organizations/${XINGFU_ORG}`, { secretaryName: '张丽华', liaisonName: '王小燕' });
      expect(byAdmin.statusCode, byAdmin.body).toBe(200);
      const expected = { communityOrgName: '幸福社区党委', unitSecretary: '孙建华', unitLiaison: '刘志强', communitySecretary: '张丽华', communityLiaison: '王小燕' };
      for (const c of [unit, community, supervisor]) {
        const res = await c.get(`/api/v1/pairings/${p.taxXingfu}`);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject(expected);
      }
      const listed = (await unit.get('/api/v1/pairings')).json().items.find((x: PairingBody) => x.id === p.taxXingfu);
      expect(listed).toMatchObject(expected);
      // 翠湖社区 has no community organisation recorded: no liaison, and no error.
      expect((await unit.get(`/api/v1/pairings/${p.taxCuihu}`)).json()).toMatchObject({ communityOrgName: null, communityLiaison: null, communitySecretary: null, unitLiaison: '刘志强' });

      // The leading groups of both sides, each set by its own side, are seen by the other.
      expect((await unit.request('PUT', `/api/v1/organizations/${TAX}/leading-group`, { members: [{ name: '孙建华', post: 'leader', title: '局党组书记' }, { name: '刘志强', post: 'member' }] })).statusCode).toBe(200);
      expect((await admin.request('PUT', `/api/v1/organizations/${XINGFU_ORG}/leading-group`, { members: [{ name: '张丽华', post: 'leader' }] })).statusCode).toBe(200);
      const seenByCommunity = (await community.get(`/api/v1/pairings/${p.taxXingfu}`)).json();
      expect(seenByCommunity.unitLeadingGroup).toEqual([
        { name: '孙建华', post: 'leader', title: '局党组书记' },
        { name: '刘志强', post: 'member', title: null },
      ]);
      expect((await unit.get(`/api/v1/pairings/${p.taxXingfu}`)).json().communityLeadingGroup).toEqual([{ name: '张丽华', post: 'leader', title: null }]);
    });
  });

  describe('agreements', () => {
    it('drafts an agreement only for an active pairing', async () => {
      const body = { title: '共建协议', termStart: day(-30), termEnd: day(335) };
      for (const id of [p.hospitalXingfu, p.hospitalXingfuDeclined]) {
        const res = await community.post('/api/v1/agreements', { ...body, pairingId: id });
        expect(res.statusCode).toBe(409);
        expect(res.json().error.code).toBe('PAIRING_NOT_ACTIVE');
      }
      const ended = await heping.post('/api/v1/agreements', { ...body, pairingId: p.chengtouHeping });
      expect(ended.statusCode).toBe(409);
      expect(ended.json().error.code).toBe('PAIRING_NOT_ACTIVE');
      expect((await heping.post('/api/v1/agreements', { ...body, pairingId: p.taxXingfu })).statusCode).toBe(404);
      expect((await member.post('/api/v1/agreements', { ...body, pairingId: p.taxXingfu })).statusCode).toBe(403);
      const reversed = await community.post('/api/v1/agreements', { ...body, pairingId: p.taxXingfu, termStart: day(10), termEnd: day(5) });
      expect(reversed.statusCode).toBe(400);
      expect(reversed.json().error.code).toBe('TERM_INVALID');
      expect(await t.database.db.selectFrom('agreement').select('id').execute()).toEqual([]);
    });

    it('drafts with the community as 甲方 and the unit as 乙方, and the tasks in order', async () => {
      const since = await maxAuditId();
      const res = await community.post('/api/v1/agreements', {
        pairingId: p.taxXingfu,
        title: '幸福社区与市税务局共建协议',
        termStart: day(-30),
        termEnd: day(20),
        goals: '共建共治共享',
        principles: '资源共享、优势互补',
        tasks: [
          { side: 'a', description: '提供活动场地', owner: '张丽华' },
          { side: 'b', description: '每季度开展一次税法宣传', owner: '刘志强', dueOn: day(10) },
        ],
        filedWith: '东城街道党工委',
        endCondition: '任一方书面提出',
      });
      expect(res.statusCode, res.body).toBe(201);
      const agreement = res.json<AgreementBody>();
      a.main = agreement.id;
      expect(agreement).toMatchObject({
        pairingId: p.taxXingfu,
        partyA: '幸福社区党委',
        partyB: '临江市税务局机关党支部',
        status: 'draft',
        daysLeft: null,
        signatoryA: null,
        signatoryB: null,
        tasks: [
          { side: 'a', description: '提供活动场地', owner: '张丽华', dueOn: null },
          { side: 'b', description: '每季度开展一次税法宣传', owner: '刘志强', dueOn: day(10) },
        ],
      });
      const audit = await auditSince(since);
      expect(audit.map((x) => [x.action, x.actor_account, x.entity_id])).toEqual([['agreement.create', 'community', a.main]]);
      // The pairing shows its agreement.
      expect((await unit.get(`/api/v1/pairings/${p.taxXingfu}`)).json()).toMatchObject({ agreementId: a.main, agreementStatus: 'draft' });
    });

    it('lets either side change a draft, replacing the tasks', async () => {
      const since = await maxAuditId();
      const res = await unit.patch(`/api/v1/agreements/${a.main}`, { title: '幸福社区与市税务局结对共建协议', tasks: [{ side: 'b', description: '开展税法进社区' }] });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ title: '幸福社区与市税务局结对共建协议', goals: '共建共治共享', tasks: [{ side: 'b', description: '开展税法进社区', owner: null, dueOn: null }] });
      const tasks = await t.database.db.selectFrom('agreement_task').select(['description', 'sort_order']).where('agreement_id', '=', a.main).execute();
      expect(tasks).toEqual([{ description: '开展税法进社区', sort_order: 0 }]);
      expect((await auditSince(since)).map((x) => [x.action, x.actor_account, x.entity_id])).toEqual([['agreement.update', 'unit', a.main]]);
      const bad = await unit.patch(`/api/v1/agreements/${a.main}`, { termEnd: day(-60) });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('TERM_INVALID');
      expect((await heping.patch(`/api/v1/agreements/${a.main}`, { title: '越权修改' })).statusCode).toBe(404);
    });

    it('lets only the community sign side a and only the unit side b', async () => {
      for (const c of [supervisor, street, member]) {
        const res = await c.post(`/api/v1/agreements/${a.main}/sign`, { side: 'a', signatory: '王建国' });
        expect(res.statusCode).toBe(403);
        expect(res.json().error).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'agreement.sign' } });
      }
      const unitAsA = await unit.post(`/api/v1/agreements/${a.main}/sign`, { side: 'a', signatory: '刘志强' });
      expect(unitAsA.statusCode).toBe(403);
      const communityAsB = await community.post(`/api/v1/agreements/${a.main}/sign`, { side: 'b', signatory: '张丽华' });
      expect(communityAsB.statusCode).toBe(403);
      expect((await heping.post(`/api/v1/agreements/${a.main}/sign`, { side: 'a', signatory: '和平' })).statusCode).toBe(404);
      expect(await agreementRow(a.main)).toMatchObject({ status: 'draft', signed_a_at: null, signed_b_at: null });
    });

    it('records the first signature; the draft is then fixed and the side cannot sign twice', async () => {
      const since = await maxAuditId();
      const res = await community.post(`/api/v1/agreements/${a.main}/sign`, { side: 'a', signatory: '张丽华' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'signed_by_one', signatoryA: '张丽华', signatoryB: null, daysLeft: null });
      expect(res.json().signedAAt).not.toBeNull();
      expect(await agreementRow(a.main)).toMatchObject({ status: 'signed_by_one', signed_a_by: COMMUNITY_USER });
      const audit = await auditSince(since);
      expect(audit.map((x) => [x.action, x.actor_account, x.entity_id])).toEqual([['agreement.sign', 'community', a.main]]);
      expect(audit[0]!.after).toEqual({ side: 'a', signatory: '张丽华', status: 'signed_by_one' });

      const patch = await community.patch(`/api/v1/agreements/${a.main}`, { title: '签后修改' });
      expect(patch.statusCode).toBe(409);
      expect(patch.json().error.code).toBe('AGREEMENT_NOT_DRAFT');
      const twice = await community.post(`/api/v1/agreements/${a.main}/sign`, { side: 'a', signatory: '张丽华' });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.code).toBe('AGREEMENT_SIGN_STATE');
      expect((await agreementRow(a.main)).title).toBe('幸福社区与市税务局结对共建协议');
    });

    it('puts the agreement in force when both have signed and today is inside the term', async () => {
      const res = await unit.post(`/api/v1/agreements/${a.main}/sign`, { side: 'b', signatory: '刘志强' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'in_force', signatoryA: '张丽华', signatoryB: '刘志强', daysLeft: 20 });
      expect(await agreementRow(a.main)).toMatchObject({ status: 'signed_by_both', signed_b_by: UNIT_USER });
      const again = await unit.post(`/api/v1/agreements/${a.main}/sign`, { side: 'b', signatory: '刘志强' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('AGREEMENT_SIGN_STATE');
      expect((await community.get(`/api/v1/pairings/${p.taxXingfu}`)).json()).toMatchObject({ agreementId: a.main, agreementStatus: 'in_force' });
      const patch = await unit.patch(`/api/v1/agreements/${a.main}`, { goals: '改' });
      expect(patch.json().error.code).toBe('AGREEMENT_NOT_DRAFT');
    });

    it('says signed_by_both before the term starts, and expired after it ends', async () => {
      const future = await signedAgreement('下一期共建协议', day(40), day(405));
      a.future = future.id;
      expect(future).toMatchObject({ status: 'signed_by_both', daysLeft: null });
      const past = await signedAgreement('上一期共建协议', day(-60), day(-1));
      a.past = past.id;
      expect(past).toMatchObject({ status: 'expired', daysLeft: null });
      // A term long past, set directly in the database.
      await t.database.db.updateTable('agreement').set({ term_start: day(-800), term_end: day(-435) }).where('id', '=', a.past).execute();
      expect((await community.get(`/api/v1/agreements/${a.past}`)).json()).toMatchObject({ status: 'expired', daysLeft: null });
      expect(await agreementIds(community, '&status=expired')).toEqual([a.past]);
      expect(await agreementIds(community, '&status=signed_by_both')).toEqual([a.future]);
      expect(await agreementIds(community, '&status=in_force')).toEqual([a.main]);
    });

    it('ends an agreement early with a reason; no more signing after that', async () => {
      const draft = await unit.post('/api/v1/agreements', { pairingId: p.taxCuihu, title: '翠湖社区共建协议', termStart: day(-5), termEnd: day(360) });
      expect(draft.statusCode, draft.body).toBe(201);
      a.cuihu = draft.json().id;
      expect(draft.json().partyA).toBe('翠湖社区党组织');
      const signed = await unit.post(`/api/v1/agreements/${a.cuihu}/sign`, { side: 'b', signatory: '刘志强' });
      expect(signed.json().status).toBe('signed_by_one');
      const noReason = await unit.post(`/api/v1/agreements/${a.cuihu}/end`, {});
      expect(noReason.statusCode).toBe(400);
      const since = await maxAuditId();
      const res = await unit.post(`/api/v1/agreements/${a.cuihu}/end`, { reason: '社区班子调整，重新商定' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: 'ended', endReason: '社区班子调整，重新商定', daysLeft: null });
      expect(res.json().endedAt).not.toBeNull();
      const audit = await auditSince(since);
      expect(audit.map((x) => [x.action, x.actor_account, x.entity_id])).toEqual([['agreement.end', 'unit', a.cuihu]]);
      expect(audit[0]!.before).toEqual({ status: 'signed_by_one' });
      const sign = await unit.post(`/api/v1/agreements/${a.cuihu}/sign`, { side: 'b', signatory: '刘志强' });
      expect(sign.statusCode).toBe(409);
      expect(sign.json().error.code).toBe('AGREEMENT_SIGN_STATE');
      const again = await unit.post(`/api/v1/agreements/${a.cuihu}/end`, { reason: '再次结束' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('AGREEMENT_ENDED');
      expect(await agreementRow(a.cuihu)).toMatchObject({ status: 'ended', signed_b_by: UNIT_USER, signed_a_at: null });
    });

    it('shows each side its own agreements', async () => {
      expect(await agreementIds(unit)).toEqual([a.main, a.future, a.past, a.cuihu].sort());
      expect(await agreementIds(community)).toEqual([a.main, a.future, a.past].sort());
      expect(await agreementIds(heping)).toEqual([]);
      expect((await heping.get(`/api/v1/agreements/${a.main}`)).statusCode).toBe(404);
      expect(await agreementIds(supervisor)).toEqual([a.main, a.future, a.past, a.cuihu].sort());
      expect(await agreementIds(supervisor, `&pairingId=${p.taxCuihu}`)).toEqual([a.cuihu]);
    });

    it('filters agreements expiring soon and pairings without an agreement in force', async () => {
      expect(await agreementIds(supervisor, '&expiringWithinDays=30')).toEqual([a.main]);
      expect(await agreementIds(supervisor, '&expiringWithinDays=10')).toEqual([]);
      expect(await agreementIds(supervisor, '&expiringWithinDays=365')).toEqual([a.main]);
      const res = await supervisor.get('/api/v1/pairings?withoutAgreement=true');
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((x: PairingBody) => x.id)).toEqual([p.taxCuihu]);
      expect(res.json().items[0]).toMatchObject({ agreementId: a.cuihu, agreementStatus: 'ended' });
      expect((await community.get('/api/v1/pairings?withoutAgreement=true')).json().items).toEqual([]);
      expect((await unit.get('/api/v1/pairings?withoutAgreement=true')).json().items.map((x: PairingBody) => x.id)).toEqual([p.taxCuihu]);
    });

    it('reminds the community staff and the unit admin of an agreement about to expire, once', async () => {
      const sent = await remindExpiringAgreements(t.app.ctx);
      expect(sent).toBe(2);
      expect(await remindExpiringAgreements(t.app.ctx)).toBe(0);
      for (const c of [community, unit]) {
        const notes = (await c.get('/api/v1/notifications')).json().items as Array<{ kind: string; params: Record<string, unknown>; link: string }>;
        expect(notes.filter((n) => n.kind === 'agreement.expiring')).toEqual([
          expect.objectContaining({ params: { agreementTitle: '幸福社区与市税务局结对共建协议', termEnd: day(20) }, link: `/registration/agreements/${a.main}` }),
        ]);
      }
      for (const c of [heping, supervisor, street]) {
        expect((await c.get('/api/v1/notifications')).json().items).toEqual([]);
      }
    });

    it('does not let an agreement be signed once its pairing has ended', async () => {
      const draft = await community.post('/api/v1/agreements', { pairingId: p.taxXingfu, title: '待签协议', termStart: day(0), termEnd: day(365) });
      expect(draft.statusCode, draft.body).toBe(201);
      expect((await community.post(`/api/v1/pairings/${p.taxXingfu}/end`, { reason: '结对期满' })).statusCode).toBe(200);
      const sign = await community.post(`/api/v1/agreements/${draft.json().id}/sign`, { side: 'a', signatory: '张丽华' });
      expect(sign.statusCode).toBe(409);
      expect(sign.json().error.code).toBe('PAIRING_NOT_ACTIVE');
      expect((await agreementRow(draft.json().id)).status).toBe('draft');
    });

    it('does not ask to renew an agreement whose pairing has ended', async () => {
      // Signed by both while the pairing was active, ending in 10 days; the pairing ended since.
      expect((await pairingRow(p.taxXingfu)).status).toBe('ended');
      const row = await t.database.db
        .insertInto('agreement')
        .values({
          pairing_id: p.taxXingfu,
          title: '补充协议',
          party_a: '幸福社区党委',
          party_b: '临江市税务局机关党支部',
          term_start: day(-30),
          term_end: day(10),
          status: 'signed_by_both',
          signatory_a: '张丽华',
          signed_a_at: new Date(),
          signatory_b: '刘志强',
          signed_b_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(await remindExpiringAgreements(t.app.ctx)).toBe(0);
      const notes = await t.database.db.selectFrom('notification').select('dedupe_key').where('dedupe_key', '=', `agreement-expiring:${row.id}`).execute();
      expect(notes).toEqual([]);
    });
  });
});
