// Projects of the three lists through the HTTP API: the community drafts and publishes a project,
// a paired unit self-claims (never twice, never in a community it is not paired with, never past
// the last slot even when two race for it), an assigned claim is accepted or declined, claimants
// report milestones with photos, submit, the community sends back with a reason or signs off (only
// its own projects), residents rate; the yearly claim rule; every write audited.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
const CHENGTOU = stableId('organization:临江城投集团党委');
const API = '/api/v1/lists';
const YEAR = 2026;

interface Detail {
  id: string;
  title: string;
  status: string;
  slotsTaken: number;
  claimSlots: number;
  milestones: Array<{ id: string; doneAt: string | null }>;
  claims: Array<{ id: string; status: string; unitOrgId: string | null; kind: string; canRespond: boolean }>;
  reports: Array<{ id: string; note: string; attachments: Array<{ id: string; url: string; thumbnailUrl: string | null }> }>;
  signOffs: Array<{ decision: string; reason: string | null }>;
  ratings: Array<{ stars: number; raterName: string }>;
  ratingAverage: number | null;
  actions: Record<string, boolean>;
}

function png(): string {
  const img = new PNG({ width: 40, height: 30 });
  for (let i = 0; i < img.data.length; i += 4) img.data.set([200, 30, 30, 255], i);
  return PNG.sync.write(img).toString('base64');
}

describeStores('three lists: projects, claims, progress', (store) => {
  let t: TestApp;
  let admin: Client;
  let supervisor: Client;
  let street: Client;
  let community: Client;
  let unit: Client;
  let member: Client;
  let resident: Client;

  async function audited(action: string, entityId: string): Promise<boolean> {
    const row = await t.database.db.selectFrom('audit_event').select('id').where('action', '=', action).where('entity_id', '=', entityId).executeTakeFirst();
    return row !== undefined;
  }

  async function draft(client: Client, over: Record<string, unknown> = {}): Promise<Detail> {
    const res = await client.post(`${API}/projects`, {
      communityId: XINGFU,
      year: YEAR,
      title: '老旧小区楼道照明改造',
      goal: '为幸福里3号楼等6栋楼更换声控灯',
      budgetYuan: 20000,
      claimSlots: 1,
      milestones: [
        { title: '现场勘查', dueOn: `${YEAR}-04-30` },
        { title: '施工完成', dueOn: `${YEAR}-06-30` },
      ],
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Detail>();
  }

  async function open(client: Client, over: Record<string, unknown> = {}): Promise<Detail> {
    const p = await draft(client, over);
    const res = await client.post(`${API}/projects/${p.id}/publish`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Detail>();
  }

  beforeAll(async () => {
    t = await createTestApp(store, { uploadDir: mkdtempSync(path.join(os.tmpdir(), 'gj-uploads-')) });
    admin = await t.login(TEST_ADMIN.account);
    supervisor = await t.login(DEMO.supervisor);
    street = await t.login(DEMO.street_staff);
    community = await t.login(DEMO.community_staff);
    unit = await t.login(DEMO.unit_admin);
    member = await t.login(DEMO.member);
    resident = await t.login(DEMO.resident);
    for (const [unitOrgId, communityId] of [
      [TAX, XINGFU],
      [HOSPITAL, XINGFU],
      [TAX, HEPING],
    ]) {
      const res = await supervisor.post('/api/v1/pairings', { unitOrgId, communityId });
      expect(res.statusCode, res.body).toBe(201);
    }
    // The demo member works at the tax bureau and lives in 幸福社区.
    await t.database.db
      .insertInto('member')
      .values({ name: '陈晓明', name_initials: 'cxm', employer_org_id: TAX, residence_region_id: XINGFU, user_id: stableId('user:member') })
      .execute();
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('drafting and publishing', () => {
    it('lets the community draft, change and publish a project; others cannot', async () => {
      const p = await draft(community);
      expect(p).toMatchObject({ status: 'draft', slotsTaken: 0, claimSlots: 1 });
      expect(p.actions).toMatchObject({ edit: true, publish: true, claim: false });
      expect(await audited('lists.project.create', p.id)).toBe(true);
      // Drafts are the community's own: the unit does not see them.
      expect((await unit.get(`${API}/projects/${p.id}`)).statusCode).toBe(404);
      const changed = await community.patch(`${API}/projects/${p.id}`, { budgetYuan: 25000, claimSlots: 2 });
      expect(changed.statusCode, changed.body).toBe(200);
      expect(changed.json()).toMatchObject({ budgetYuan: 25000, claimSlots: 2 });
      expect((await unit.post(`${API}/projects`, { communityId: XINGFU, year: YEAR, title: 'x项目', goal: '' })).statusCode).toBe(403);
      expect((await resident.post(`${API}/projects/${p.id}/publish`)).statusCode).toBe(403);
      const published = await community.post(`${API}/projects/${p.id}/publish`);
      expect(published.json()).toMatchObject({ status: 'open' });
      expect((await community.post(`${API}/projects/${p.id}/publish`)).statusCode).toBe(409);
      expect((await unit.get(`${API}/projects/${p.id}`)).json()).toMatchObject({ status: 'open', actions: { claim: true, edit: false } });
    });

    it('refuses a project of a community outside the caller’s region, and links from elsewhere', async () => {
      expect((await community.post(`${API}/projects`, { communityId: CUIHU, year: YEAR, title: '翠湖项目', goal: '' })).statusCode).toBe(403);
      const notPaired = await community.post(`${API}/projects`, { communityId: XINGFU, year: YEAR, title: '城投项目', goal: '', leadUnitOrgId: CHENGTOU });
      expect(notPaired.statusCode).toBe(400);
      expect(notPaired.json().error.code).toBe('NOT_PAIRED');
      const noMilestones = await draft(community, { milestones: [] });
      expect((await community.post(`${API}/projects/${noMilestones.id}/publish`)).json().error.code).toBe('PROJECT_NO_MILESTONES');
    });

    it('cancels with a reason, and a cancelled project takes nothing more', async () => {
      const p = await open(community);
      const res = await community.post(`${API}/projects/${p.id}/cancel`, { reason: '资金未落实' });
      expect(res.json()).toMatchObject({ status: 'cancelled' });
      expect((await unit.post(`${API}/projects/${p.id}/claims`, { unitOrgId: TAX })).json().error.code).toBe('PROJECT_STATE');
      expect((await community.post(`${API}/projects/${p.id}/cancel`, { reason: '再次取消' })).statusCode).toBe(409);
    });
  });

  describe('claims', () => {
    it('lets a paired unit self-claim once, starting the project', async () => {
      const p = await open(community, { claimSlots: 2 });
      const res = await unit.post(`${API}/projects/${p.id}/claims`, { unitOrgId: TAX, note: '我局党员志愿者负责' });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ kind: 'self', status: 'active', unitOrgId: TAX, canRespond: true });
      expect(await audited('lists.claim.self', res.json().id)).toBe(true);
      const again = await unit.post(`${API}/projects/${p.id}/claims`, { unitOrgId: TAX });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('ALREADY_CLAIMED');
      const after = (await community.get(`${API}/projects/${p.id}`)).json<Detail>();
      expect(after).toMatchObject({ status: 'in_progress', slotsTaken: 1 });
    });

    it('refuses a unit claiming in a community it is not paired with, or for a unit it does not run', async () => {
      const p = await open(community);
      const other = await unit.post(`${API}/projects/${p.id}/claims`, { unitOrgId: HOSPITAL });
      expect(other.statusCode).toBe(403);
      const unpaired = await admin.post(`${API}/projects/${p.id}/claims`, { unitOrgId: CHENGTOU });
      expect(unpaired.statusCode).toBe(403);
      expect(unpaired.json().error.code).toBe('NOT_PAIRED');
      expect((await community.get(`${API}/projects/${p.id}`)).json()).toMatchObject({ slotsTaken: 0, status: 'open' });
    });

    it('gives the last slot to exactly one of two units claiming at once', async () => {
      const p = await open(community, { claimSlots: 1 });
      const [a, b] = await Promise.all([
        unit.post(`${API}/projects/${p.id}/claims`, { unitOrgId: TAX }),
        admin.post(`${API}/projects/${p.id}/claims`, { unitOrgId: HOSPITAL }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
      expect([a, b].find((r) => r.statusCode === 409)!.json().error.code).toBe('NO_SLOT_LEFT');
      const claims = await t.database.db.selectFrom('project_claim').select('status').where('project_id', '=', p.id).execute();
      expect(claims).toEqual([{ status: 'active' }]);
      expect((await community.get(`${API}/projects/${p.id}`)).json()).toMatchObject({ slotsTaken: 1, claimSlots: 1 });
    });

    it('lets a member claim as himself where he lives, and withdraw, freeing the slot', async () => {
      const p = await open(community);
      const res = await member.post(`${API}/projects/${p.id}/claims`, {});
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ status: 'active', memberName: '陈晓明', unitOrgId: null });
      const mine = await member.get(`${API}/claims`);
      expect(mine.json().items.map((c: { id: string }) => c.id)).toContain(res.json().id);
      const withdrawn = await member.post(`${API}/claims/${res.json().id}/withdraw`, { reason: '临时出差' });
      expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });
      expect((await community.get(`${API}/projects/${p.id}`)).json()).toMatchObject({ slotsTaken: 0, status: 'open' });
      expect((await member.post(`${API}/claims/${res.json().id}/withdraw`, { reason: '再次撤回' })).json().error.code).toBe('CLAIM_STATE');
    });

    it('assigns a claim that the unit accepts, or declines with a reason', async () => {
      const p = await open(community, { claimSlots: 2 });
      const assigned = await community.post(`${API}/projects/${p.id}/assignments`, { unitOrgId: TAX, note: '请税务局牵头' });
      expect(assigned.statusCode, assigned.body).toBe(201);
      expect(assigned.json()).toMatchObject({ kind: 'assigned', status: 'pending' });
      // The unit's administrator is told, with a link to the project.
      const told = (await unit.get('/api/v1/notifications')).json<{ items: { kind: string; link: string | null }[] }>().items;
      expect(told).toContainEqual(expect.objectContaining({ kind: 'lists.claim.assigned', params: { projectTitle: p.title }, link: `/lists/projects/${p.id}` }));
      expect((await community.get(`${API}/projects/${p.id}`)).json()).toMatchObject({ slotsTaken: 1, status: 'open' });
      // Only the assignee answers.
      expect((await community.post(`${API}/claims/${assigned.json().id}/accept`)).statusCode).toBe(403);
      expect((await unit.get(`${API}/claims?status=pending`)).json().items.map((c: { id: string }) => c.id)).toContain(assigned.json().id);
      const accepted = await unit.post(`${API}/claims/${assigned.json().id}/accept`);
      expect(accepted.json()).toMatchObject({ status: 'active' });
      expect((await unit.post(`${API}/claims/${assigned.json().id}/accept`)).statusCode).toBe(409);
      expect((await community.get(`${API}/projects/${p.id}`)).json()).toMatchObject({ status: 'in_progress' });

      const second = await community.post(`${API}/projects/${p.id}/assignments`, { unitOrgId: HOSPITAL });
      const declined = await admin.post(`${API}/claims/${second.json().id}/decline`, { reason: '本季度人手不足' });
      expect(declined.json()).toMatchObject({ status: 'declined', declineReason: '本季度人手不足' });
      expect((await community.get(`${API}/projects/${p.id}`)).json()).toMatchObject({ slotsTaken: 1 });
      const unpaired = await community.post(`${API}/projects/${p.id}/assignments`, { unitOrgId: CHENGTOU });
      expect(unpaired.json().error.code).toBe('NOT_PAIRED');
      expect(await audited('lists.claim.accept', assigned.json().id)).toBe(true);
      expect(await audited('lists.claim.decline', second.json().id)).toBe(true);
    });
  });

  describe('progress, sign-off and ratings', () => {
    it('runs a project from claim to sign-off, with a send-back on the way, and residents rate it', async () => {
      const p = await open(community);
      expect((await unit.post(`${API}/projects/${p.id}/claims`, { unitOrgId: TAX })).statusCode).toBe(201);
      const [m1, m2] = p.milestones;
      const upload = await unit.post(`${API}/uploads`, { fileName: '勘查.png', contentBase64: png() });
      expect(upload.statusCode, upload.body).toBe(201);
      const photo = upload.json<{ id: string; mime: string; thumbnailUrl: string }>();
      expect(photo.mime).toBe('image/png');

      // Not a claimant: refused. A claimant reports with a photo.
      expect((await member.post(`${API}/projects/${p.id}/milestones/${m1!.id}/reports`, { note: '看看' })).statusCode).toBe(403);
      const r1 = await unit.post(`${API}/projects/${p.id}/milestones/${m1!.id}/reports`, { note: '完成6栋楼现场勘查', done: true, attachmentIds: [photo.id] });
      expect(r1.statusCode, r1.body).toBe(201);
      const d1 = r1.json<Detail>();
      expect(d1.reports[0]!.attachments[0]!.id).toBe(photo.id);
      expect(d1.milestones[0]!.doneAt).not.toBeNull();
      // Someone else's upload cannot be attached.
      const stolen = await admin.post(`${API}/projects/${p.id}/milestones/${m2!.id}/reports`, { note: 'x', attachmentIds: [photo.id] });
      expect([400, 403]).toContain(stolen.statusCode);

      expect((await unit.post(`${API}/projects/${p.id}/submit`)).json().error.code).toBe('MILESTONES_OPEN');
      await unit.post(`${API}/projects/${p.id}/milestones/${m2!.id}/reports`, { note: '更换声控灯42盏', done: true });
      expect((await unit.post(`${API}/projects/${p.id}/submit`)).json()).toMatchObject({ status: 'submitted', actions: { report: false } });

      const noReason = await community.post(`${API}/projects/${p.id}/sign-off`, { decision: 'send_back' });
      expect(noReason.json().error.code).toBe('REASON_REQUIRED');
      const back = await community.post(`${API}/projects/${p.id}/sign-off`, { decision: 'send_back', reason: '请补充施工后照片' });
      expect(back.json()).toMatchObject({ status: 'in_progress', signOffs: [{ decision: 'sent_back', reason: '请补充施工后照片' }] });
      expect(await audited('lists.project.send_back', p.id)).toBe(true);
      // The claimant hears why.
      const notices = (await unit.get('/api/v1/notifications')).json<{ items: { kind: string; params: object; link: string | null }[] }>().items;
      expect(notices).toContainEqual(expect.objectContaining({ kind: 'lists.project.sent_back', params: { projectTitle: p.title, reason: '请补充施工后照片' }, link: `/lists/projects/${p.id}` }));

      expect((await resident.post(`${API}/projects/${p.id}/ratings`, { stars: 5 })).json().error.code).toBe('PROJECT_STATE');
      await unit.post(`${API}/projects/${p.id}/milestones/${m2!.id}/reports`, { note: '补充照片', attachmentIds: [photo.id] });
      await unit.post(`${API}/projects/${p.id}/submit`);
      expect((await unit.post(`${API}/projects/${p.id}/sign-off`, { decision: 'approve' })).statusCode).toBe(403);
      const done = await community.post(`${API}/projects/${p.id}/sign-off`, { decision: 'approve' });
      expect(done.json()).toMatchObject({ status: 'completed' });
      expect(await audited('lists.project.sign_off', p.id)).toBe(true);
      expect((await unit.get('/api/v1/notifications')).json<{ items: { kind: string; link: string | null }[] }>().items).toContainEqual(
        expect.objectContaining({ kind: 'lists.project.signed_off', link: `/lists/projects/${p.id}` }),
      );
      expect((await community.post(`${API}/projects/${p.id}/sign-off`, { decision: 'approve' })).statusCode).toBe(409);

      // The resident of 幸福社区 rates it; a second rating replaces the first; the name is masked.
      expect((await resident.get(`${API}/projects/${p.id}`)).json().actions.rate).toBe(true);
      await resident.post(`${API}/projects/${p.id}/ratings`, { stars: 3 });
      const rated = await resident.post(`${API}/projects/${p.id}/ratings`, { stars: 5, comment: '楼道亮了，晚上回家安心' });
      expect(rated.statusCode, rated.body).toBe(200);
      expect(rated.json()).toMatchObject({ ratingAverage: 5, ratings: [{ stars: 5, raterName: '赵**' }] });
      expect((await unit.post(`${API}/projects/${p.id}/ratings`, { stars: 1 })).statusCode).toBe(403);
      expect((await street.post(`${API}/projects/${p.id}/ratings`, { stars: 1 })).statusCode).toBe(403);
    });

    it('refuses a community signing off a project of another community', async () => {
      const p = await open(street, { communityId: HEPING });
      await unit.post(`${API}/projects/${p.id}/claims`, { unitOrgId: TAX });
      for (const m of p.milestones) await unit.post(`${API}/projects/${p.id}/milestones/${m.id}/reports`, { note: '完成', done: true });
      expect((await unit.post(`${API}/projects/${p.id}/submit`)).json()).toMatchObject({ status: 'submitted' });
      // 幸福社区 sees its street neighbour's project (the alliance) but cannot sign it off.
      expect((await community.get(`${API}/projects/${p.id}`)).statusCode).toBe(200);
      const res = await community.post(`${API}/projects/${p.id}/sign-off`, { decision: 'approve' });
      expect(res.statusCode).toBe(403);
      expect((await community.get(`${API}/projects/${p.id}`)).json()).toMatchObject({ status: 'submitted' });
    });
  });

  describe('visibility', () => {
    it('shows units only the projects of paired communities and their street', async () => {
      const cuihu = await open(admin, { communityId: CUIHU, title: '翠湖社区助老食堂' });
      expect((await unit.get(`${API}/projects/${cuihu.id}`)).statusCode).toBe(404);
      expect((await community.get(`${API}/projects/${cuihu.id}`)).statusCode).toBe(404);
      expect((await resident.get(`${API}/projects/${cuihu.id}`)).statusCode).toBe(404);
      expect((await supervisor.get(`${API}/projects/${cuihu.id}`)).statusCode).toBe(200);
      const listed = (await unit.get(`${API}/projects?pageSize=200`)).json<{ items: Array<{ communityId: string }> }>().items;
      expect(listed.length).toBeGreaterThan(0);
      expect(listed.every((p) => p.communityId === XINGFU || p.communityId === HEPING)).toBe(true);
      const claimable = (await unit.get(`${API}/projects?claimable=true&pageSize=200`)).json<{ items: Array<{ status: string; slotsTaken: number; claimSlots: number }> }>().items;
      expect(claimable.every((p) => ['open', 'in_progress'].includes(p.status) && p.slotsTaken < p.claimSlots)).toBe(true);
    });
  });

  describe('the yearly claim rule', () => {
    it('defaults to 2, lets the supervisor change it, and counts each unit’s claims', async () => {
      const before = await supervisor.get(`${API}/claim-rule?year=${YEAR}&pageSize=200`);
      expect(before.statusCode, before.body).toBe(200);
      expect(before.json()).toMatchObject({ year: YEAR, minProjects: 2 });
      const tax = before.json().items.find((u: { unitOrgId: string }) => u.unitOrgId === TAX);
      expect(tax.claimed).toBeGreaterThanOrEqual(2);
      expect(tax.met).toBe(true);
      expect((await community.request('PUT', `${API}/claim-rule`, { year: YEAR, minProjects: 5 })).statusCode).toBe(403);
      const set = await supervisor.request('PUT', `${API}/claim-rule`, { year: YEAR, minProjects: 50 });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json().minProjects).toBe(50);
      expect(set.json().items.find((u: { unitOrgId: string }) => u.unitOrgId === TAX).met).toBe(false);
      expect(await audited('lists.rule.set', String(YEAR))).toBe(true);
      // The unit sees only itself.
      const own = (await unit.get(`${API}/claim-rule?year=${YEAR}`)).json();
      expect(own.items.map((u: { unitOrgId: string }) => u.unitOrgId)).toEqual([TAX]);
    });
  });
});
