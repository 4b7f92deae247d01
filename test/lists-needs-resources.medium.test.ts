// Needs and resources of the three lists through the HTTP API: the community drafts, publishes,
// closes and reopens its needs; units see the published needs of the communities they are paired
// with and of their street (the alliance), nothing else; units publish and withdraw resources;
// suggestions rank the fitting resource first and only show needs the caller may see; uploads are
// checked by content (an executable renamed .jpg is refused), stored once by hash, and served
// only to those allowed; the public wall screen shows published lists without personal data.
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jpeg from 'jpeg-js';
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
const API = '/api/v1/lists';

interface NeedBody {
  id: string;
  status: string;
  communityId: string;
  closeReason: string | null;
  canEdit: boolean;
  attachments: Array<{ id: string; url: string; thumbnailUrl: string | null }>;
}

function jpegBase64(): string {
  const w = 64;
  const h = 48;
  const data = Buffer.alloc(w * h * 4);
  for (let i = 0; i < data.length; i += 4) data.set([20, 120, 200, 255], i);
  return jpeg.encode({ width: w, height: h, data }, 80).data.toString('base64');
}
/** A Windows executable's first bytes (MZ header, PE signature) under a photo's name. */
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(64), Buffer.from('PE\x00\x00', 'latin1')]).toString('base64');

describeStores('three lists: needs, resources, suggestions, uploads, wall', (store) => {
  let t: TestApp;
  let uploadDir: string;
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

  async function need(client: Client, over: Record<string, unknown> = {}, publish = true): Promise<NeedBody> {
    const res = await client.post(`${API}/needs`, {
      communityId: XINGFU,
      title: '空巢老人法律咨询',
      description: '辖区空巢老人多，遗嘱、赡养纠纷咨询需求大，希望每月有律师来社区坐班答疑',
      category: 'legal_aid',
      priority: 'high',
      beneficiaries: '空巢老人约60户',
      peopleNeeded: 2,
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    if (!publish) return res.json<NeedBody>();
    const pub = await client.post(`${API}/needs/${res.json().id}/publish`);
    expect(pub.statusCode, pub.body).toBe(200);
    return pub.json<NeedBody>();
  }

  async function resource(client: Client, over: Record<string, unknown> = {}, publish = true): Promise<{ id: string; status: string }> {
    const res = await client.post(`${API}/resources`, {
      unitOrgId: TAX,
      kind: 'service',
      title: '税务干部讲解个税与社保政策',
      description: '党员业务骨干进社区讲解个人所得税汇算、社保医保缴费政策',
      category: 'other',
      skills: ['税务', '社保政策'],
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    if (!publish) return res.json();
    const pub = await client.post(`${API}/resources/${res.json().id}/publish`);
    expect(pub.statusCode, pub.body).toBe(200);
    return pub.json();
  }

  beforeAll(async () => {
    uploadDir = mkdtempSync(path.join(os.tmpdir(), 'gj-uploads-'));
    t = await createTestApp(store, { uploadDir });
    admin = await t.login(TEST_ADMIN.account);
    supervisor = await t.login(DEMO.supervisor);
    street = await t.login(DEMO.street_staff);
    community = await t.login(DEMO.community_staff);
    unit = await t.login(DEMO.unit_admin);
    member = await t.login(DEMO.member);
    resident = await t.login(DEMO.resident);
    expect((await supervisor.post('/api/v1/pairings', { unitOrgId: TAX, communityId: XINGFU })).statusCode).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('needs', () => {
    it('goes draft → published → closed → published, with refusals in the wrong state', async () => {
      const n = await need(community, {}, false);
      expect(n).toMatchObject({ status: 'draft', canEdit: true });
      expect(await audited('lists.need.create', n.id)).toBe(true);
      const edited = await community.patch(`${API}/needs/${n.id}`, { peopleNeeded: 3, endsOn: '2026-12-31', startsOn: '2026-03-01' });
      expect(edited.json()).toMatchObject({ peopleNeeded: 3, endsOn: '2026-12-31' });
      expect((await community.patch(`${API}/needs/${n.id}`, { startsOn: '2027-01-01' })).json().error.code).toBe('DATES_ORDER');
      expect((await community.post(`${API}/needs/${n.id}/reopen`)).json().error.code).toBe('NEED_STATE');
      expect((await community.post(`${API}/needs/${n.id}/publish`)).json()).toMatchObject({ status: 'published' });
      expect((await community.post(`${API}/needs/${n.id}/publish`)).statusCode).toBe(409);
      const closed = await community.post(`${API}/needs/${n.id}/close`, { reason: '已由项目解决' });
      expect(closed.json()).toMatchObject({ status: 'closed', closeReason: '已由项目解决', canEdit: false });
      expect(await audited('lists.need.close', n.id)).toBe(true);
      expect((await community.patch(`${API}/needs/${n.id}`, { title: '改个标题' })).statusCode).toBe(409);
      expect((await community.post(`${API}/needs/${n.id}/reopen`)).json()).toMatchObject({ status: 'published', closeReason: null });
    });

    it('searches titles as plain text: % and _ match themselves', async () => {
      const n = await need(community, { title: '助老服务满意度100%_回访' }, false);
      const found = async (q: string) => (await community.get(`${API}/needs?pageSize=200&q=${encodeURIComponent(q)}`)).json<{ items: NeedBody[] }>().items.map((x) => x.id);
      expect(await found('100%_')).toContain(n.id);
      const everything = await found('%');
      expect(everything).toEqual([n.id]);
    });

    it('lets only the community side write, inside its region', async () => {
      expect((await community.post(`${API}/needs`, { communityId: CUIHU, title: '翠湖需求', description: '', category: 'other' })).statusCode).toBe(403);
      expect((await street.post(`${API}/needs`, { communityId: HEPING, title: '和平社区垃圾分类宣传', description: '', category: 'environment' })).statusCode).toBe(201);
      expect((await unit.post(`${API}/needs`, { communityId: XINGFU, title: '单位写需求', description: '', category: 'other' })).statusCode).toBe(403);
      expect((await supervisor.post(`${API}/needs`, { communityId: XINGFU, title: '上级写需求', description: '', category: 'other' })).statusCode).toBe(403);
      const n = await need(community);
      expect((await unit.patch(`${API}/needs/${n.id}`, { title: '单位改需求' })).statusCode).toBe(403);
      expect((await resident.get(`${API}/needs`)).statusCode).toBe(403);
    });

    it('shows units the published needs of paired communities and their street, nothing else', async () => {
      const draft = await need(community, { title: '幸福社区草稿需求' }, false);
      const mine = await need(community, { title: '幸福社区已发布需求' });
      const neighbour = await need(street, { communityId: HEPING, title: '和平社区已发布需求' });
      const far = await need(admin, { communityId: CUIHU, title: '翠湖社区已发布需求' });
      const seen = async (c: Client) => new Set((await c.get(`${API}/needs?pageSize=200`)).json<{ items: NeedBody[] }>().items.map((n) => n.id));
      const unitSees = await seen(unit);
      expect(unitSees.has(mine.id)).toBe(true);
      expect(unitSees.has(neighbour.id)).toBe(true);
      expect(unitSees.has(draft.id)).toBe(false);
      expect(unitSees.has(far.id)).toBe(false);
      expect((await unit.get(`${API}/needs/${draft.id}`)).statusCode).toBe(404);
      expect((await unit.get(`${API}/needs/${far.id}`)).statusCode).toBe(404);
      // A community sees its own drafts and its street neighbour's published needs.
      const communitySees = await seen(community);
      expect(communitySees.has(draft.id)).toBe(true);
      expect(communitySees.has(neighbour.id)).toBe(true);
      expect(communitySees.has(far.id)).toBe(false);
      expect((await supervisor.get(`${API}/needs/${far.id}`)).statusCode).toBe(200);
      // A member account without a member record (no employer, no home) sees no needs.
      expect((await member.get(`${API}/needs/${mine.id}`)).statusCode).toBe(404);
    });
  });

  describe('resources', () => {
    it('goes draft → published → withdrawn → published, written only by the unit', async () => {
      const r = await resource(unit, {}, false);
      expect(r.status).toBe('draft');
      expect((await community.get(`${API}/resources/${r.id}`)).statusCode).toBe(404);
      expect((await unit.post(`${API}/resources/${r.id}/withdraw`)).json().error.code).toBe('RESOURCE_STATE');
      expect((await unit.post(`${API}/resources/${r.id}/publish`)).json()).toMatchObject({ status: 'published', canEdit: true });
      expect((await community.get(`${API}/resources/${r.id}`)).json()).toMatchObject({ status: 'published', canEdit: false });
      expect((await unit.post(`${API}/resources/${r.id}/withdraw`)).json()).toMatchObject({ status: 'withdrawn' });
      expect((await unit.patch(`${API}/resources/${r.id}`, { title: '改标题' })).statusCode).toBe(409);
      expect((await unit.post(`${API}/resources/${r.id}/publish`)).json()).toMatchObject({ status: 'published' });
      expect(await audited('lists.resource.withdraw', r.id)).toBe(true);
      expect((await unit.post(`${API}/resources`, { unitOrgId: HOSPITAL, kind: 'service', title: '义诊', description: '', category: 'health' })).statusCode).toBe(403);
      expect((await community.post(`${API}/resources`, { unitOrgId: TAX, kind: 'service', title: '义诊', description: '', category: 'health' })).statusCode).toBe(403);
    });
  });

  describe('suggestions', () => {
    it('ranks the resource that answers a need first, and explains why', async () => {
      const lawyers = await resource(admin, {
        unitOrgId: HOSPITAL,
        kind: 'people',
        title: '律师志愿者法律咨询',
        description: '法律顾问每月进社区坐班，提供遗嘱、赡养、继承纠纷咨询和普法讲座',
        category: 'legal_aid',
        skills: ['法律咨询'],
      });
      await resource(admin, { unitOrgId: HOSPITAL, kind: 'service', title: '义诊和健康体检', description: '医生为老人测血压、血糖', category: 'health' });
      await resource(unit);
      const n = await need(community);
      const res = await community.get(`${API}/needs/${n.id}/suggestions?limit=5`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<{ items: Array<{ resourceId: string; score: number; sharedTerms: string[]; parts: Record<string, number>; explanation: { sharedWords: string[]; synonyms: Array<{ concept: string }>; sharedCategories: string[] } }>; tookMs: number }>();
      expect(body.items[0]!.resourceId).toBe(lawyers.id);
      expect(body.items[0]!.explanation.sharedWords).toEqual(expect.arrayContaining(['律师', '遗嘱']));
      expect(body.items[0]!.explanation.sharedCategories).toEqual(['legal_aid']);
      expect(body.items[0]!.sharedTerms).toContain('律师');
      expect(body.items.map((s) => s.score)).toEqual([...body.items.map((s) => s.score)].sort((a, b) => b - a));
      // A unit sees suggestions for a need it can see; not for one it cannot.
      expect((await unit.get(`${API}/needs/${n.id}/suggestions`)).statusCode).toBe(200);
      const far = await need(admin, { communityId: CUIHU });
      expect((await unit.get(`${API}/needs/${far.id}/suggestions`)).statusCode).toBe(404);
      // A withdrawn resource leaves the suggestions at once.
      expect((await admin.post(`${API}/resources/${lawyers.id}/withdraw`)).statusCode).toBe(200);
      const after = (await community.get(`${API}/needs/${n.id}/suggestions?limit=50`)).json<{ items: Array<{ resourceId: string }> }>();
      expect(after.items.map((s) => s.resourceId)).not.toContain(lawyers.id);
    });

    it('suggests to a unit only needs it may see', async () => {
      const legal = await resource(unit, { kind: 'people', title: '税务局公职律师', description: '公职律师提供法律咨询、合同审查', category: 'legal_aid' });
      const near = await need(community, { title: '居民合同纠纷法律咨询' });
      const far = await need(admin, { communityId: CUIHU, title: '翠湖居民合同纠纷法律咨询' });
      const res = await unit.get(`${API}/resources/${legal.id}/suggestions?limit=50`);
      expect(res.statusCode, res.body).toBe(200);
      const ids = res.json<{ items: Array<{ needId: string; paired: boolean }> }>().items.map((s) => s.needId);
      expect(ids).toContain(near.id);
      expect(ids).not.toContain(far.id);
    });
  });

  describe('uploads', () => {
    it('refuses an executable renamed .jpg, and anything not an image or PDF', async () => {
      const res = await community.post(`${API}/uploads`, { fileName: 'photo.jpg', contentBase64: EXE });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('UPLOAD_TYPE');
      expect((await community.post(`${API}/uploads`, { fileName: 'a.png', contentBase64: Buffer.from('<script>alert(1)</script>').toString('base64') })).json().error.code).toBe('UPLOAD_TYPE');
      expect((await community.post(`${API}/uploads`, { fileName: 'a.png', contentBase64: '!!!not base64!!!' })).json().error.code).toBe('UPLOAD_ENCODING');
      expect((await resident.post(`${API}/uploads`, { fileName: 'a.jpg', contentBase64: jpegBase64() })).statusCode).toBe(403);
      expect(await t.database.db.selectFrom('upload').select('id').where('file_name', '=', 'photo.jpg').executeTakeFirst()).toBeUndefined();
    });

    it('stores identical bytes once, makes a thumbnail, and serves them only to those allowed', async () => {
      const content = jpegBase64();
      const a = await community.post(`${API}/uploads`, { fileName: '现场.jpg', contentBase64: content });
      expect(a.statusCode, a.body).toBe(201);
      const b = await community.post(`${API}/uploads`, { fileName: '现场-副本.jpg', contentBase64: content });
      const first = a.json<{ id: string; sha256: string; mime: string; thumbnailUrl: string | null; url: string }>();
      expect(first.mime).toBe('image/jpeg');
      expect(first.thumbnailUrl).not.toBeNull();
      expect(b.json().sha256).toBe(first.sha256);
      expect(b.json().id).not.toBe(first.id);
      const stored = readdirSync(path.join(uploadDir, first.sha256.slice(0, 2))).filter((f) => f.startsWith(first.sha256));
      expect(stored).toEqual([first.sha256]);
      expect(existsSync(path.join(uploadDir, 'thumbs', `${first.sha256}.jpg`))).toBe(true);
      expect(await audited('lists.upload', first.id)).toBe(true);

      // The uploader sees it; nobody else does until it is attached to something they may see.
      const own = await community.get(first.url);
      expect(own.statusCode).toBe(200);
      expect(own.headers['content-type']).toBe('image/jpeg');
      expect(own.rawPayload.equals(Buffer.from(content, 'base64'))).toBe(true);
      const thumb = await community.get(first.thumbnailUrl!);
      expect(thumb.statusCode).toBe(200);
      expect(thumb.rawPayload.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
      expect((await unit.get(first.url)).statusCode).toBe(404);

      const n = await need(community, { attachmentIds: [first.id] }, false);
      expect(n.attachments.map((x) => x.id)).toEqual([first.id]);
      expect((await unit.get(first.url)).statusCode).toBe(404); // still a draft
      await community.post(`${API}/needs/${n.id}/publish`);
      expect((await unit.get(first.url)).statusCode).toBe(200); // paired unit, published need
      expect((await resident.get(first.url)).statusCode).toBe(404); // residents do not read needs
      expect((await t.client().get(first.url)).statusCode).toBe(401);
      // Another's upload cannot be attached.
      const stolen = await street.post(`${API}/needs`, { communityId: XINGFU, title: '借用附件', description: '', category: 'other', attachmentIds: [b.json().id] });
      expect(stolen.statusCode).toBe(400);
      expect(stolen.json().error.code).toBe('UPLOAD_NOT_FOUND');
    });
  });

  describe('the wall screen', () => {
    it('shows a community’s published lists to anyone, without drafts or personal data', async () => {
      const draft = await need(community, { title: '墙上不该出现的草稿' }, false);
      const shown = await need(community, { title: '墙上的需求' });
      const res = await t.client().get(`/api/v1/public/lists/communities/${XINGFU}/wall`);
      expect(res.statusCode, res.body).toBe(200);
      const wall = res.json<{ communityName: string; needs: Array<{ id: string }>; resources: Array<{ unitName: string }> }>();
      expect(wall.communityName).toBe('幸福社区');
      expect(wall.needs.map((n) => n.id)).toContain(shown.id);
      expect(wall.needs.map((n) => n.id)).not.toContain(draft.id);
      expect(wall.resources.every((r) => r.unitName === '临江市税务局机关党支部')).toBe(true);
      // No phone numbers (the demo accounts' are 139000000xx) and no account holder's name.
      expect(res.body).not.toContain('139000000');
      expect(res.body).not.toMatch(/"(phone|account|displayName|memberName)/i);
      expect(res.body).not.toContain('刘志强');
      expect((await t.client().get(`/api/v1/public/lists/communities/${DONGCHENG}/wall`)).statusCode).toBe(404);
    });
  });
});
