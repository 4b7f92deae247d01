// The matching tools through the HTTP API: staff extend the synonym dictionary (audited; units,
// members and residents may not), an added word makes a suggestion meet at once and shows in its
// explanation; staff of the need's community mark suggestions useful or not (one judgement each,
// changeable, audited; other roles and other communities are refused), and the judgements export
// as an evaluation set without people or notes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableId } from '../src/server/seed/demo';
import { DEMO, TEST_ADMIN, createTestApp, describeStores, type Client, type TestApp } from './support/harness';

const CITY = stableId('region::临江市');
const DISTRICT = stableId(`region:${CITY}:江滨区`);
const DONGCHENG = stableId(`region:${DISTRICT}:东城街道`);
const XIHU = stableId(`region:${DISTRICT}:西湖街道`);
const XINGFU = stableId(`region:${DONGCHENG}:幸福社区`);
const CUIHU = stableId(`region:${XIHU}:翠湖社区`);
const TAX = stableId('organization:临江市税务局机关党支部');
const API = '/api/v1/lists';

interface Suggestion {
  resourceId: string;
  explanation: { sharedWords: string[]; synonyms: Array<{ concept: string; needWords: string[]; resourceWords: string[] }>; sharedCategories: string[]; distanceSteps: number | null };
}

describeStores('three lists: matching dictionary and feedback', (store) => {
  let t: TestApp;
  let admin: Client;
  let street: Client;
  let community: Client;
  let unit: Client;
  let member: Client;
  let resident: Client;

  const audited = async (action: string, entityId: string) =>
    (await t.database.db.selectFrom('audit_event').select('id').where('action', '=', action).where('entity_id', '=', entityId).executeTakeFirst()) !== undefined;

  async function publishedNeed(client: Client, over: Record<string, unknown>): Promise<string> {
    const res = await client.post(`${API}/needs`, { communityId: XINGFU, description: '', category: 'environment', priority: 'normal', ...over });
    expect(res.statusCode, res.body).toBe(201);
    expect((await client.post(`${API}/needs/${res.json().id}/publish`)).statusCode).toBe(200);
    return res.json().id as string;
  }
  async function publishedResource(over: Record<string, unknown>): Promise<string> {
    const res = await admin.post(`${API}/resources`, { unitOrgId: TAX, kind: 'service', description: '', category: 'infrastructure', ...over });
    expect(res.statusCode, res.body).toBe(201);
    expect((await admin.post(`${API}/resources/${res.json().id}/publish`)).statusCode).toBe(200);
    return res.json().id as string;
  }
  const suggestions = async (client: Client, needId: string) => (await client.get(`${API}/needs/${needId}/suggestions?limit=50`)).json<{ items: Suggestion[] }>().items;

  beforeAll(async () => {
    t = await createTestApp(store);
    admin = await t.login(TEST_ADMIN.account);
    street = await t.login(DEMO.street_staff);
    community = await t.login(DEMO.community_staff);
    unit = await t.login(DEMO.unit_admin);
    member = await t.login(DEMO.member);
    resident = await t.login(DEMO.resident);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('dictionary', () => {
    it('shows the shipped groups and the staff entries', async () => {
      const res = await community.get(`${API}/match-terms`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<{ defaults: Array<{ concept: string; words: string[] }>; staff: unknown[] }>();
      expect(body.defaults.find((c) => c.concept === '下水道')?.words).toEqual(expect.arrayContaining(['疏通', '化粪池']));
      expect((await resident.get(`${API}/match-terms`)).statusCode).toBe(403);
    });

    it('lets staff add a word that makes a need meet a resource at once, audited; others are refused', async () => {
      const needId = await publishedNeed(community, { title: '楼下马葫芦天天冒黑水', description: '一楼门口马葫芦冒黑水' });
      const resourceId = await publishedResource({ title: '市政排水养护', description: '排水管网养护和清淤' });
      const before = await suggestions(community, needId);
      expect(before.find((s) => s.resourceId === resourceId)).toBeUndefined();

      for (const who of [unit, member, resident]) expect((await who.post(`${API}/match-terms`, { concept: '下水道', word: '马葫芦' })).statusCode).toBe(403);
      const added = await community.post(`${API}/match-terms`, { concept: '下水道', word: '马葫芦' });
      expect(added.statusCode, added.body).toBe(201);
      const term = added.json<{ id: string; concept: string; word: string }>();
      expect(term).toMatchObject({ concept: '下水道', word: '马葫芦' });
      expect(await audited('lists.match_term.add', term.id)).toBe(true);
      expect((await street.post(`${API}/match-terms`, { concept: '下水道', word: '马葫芦' })).json().error.code).toBe('MATCH_TERM_EXISTS');
      expect((await street.post(`${API}/match-terms`, { concept: '下水道', word: '疏通' })).json().error.code).toBe('MATCH_TERM_EXISTS');

      const after = await suggestions(community, needId);
      const found = after.find((s) => s.resourceId === resourceId);
      expect(found?.explanation.synonyms).toEqual(expect.arrayContaining([expect.objectContaining({ concept: '下水道', needWords: expect.arrayContaining(['马葫芦']) })]));

      expect((await unit.delete(`${API}/match-terms/${term.id}`)).statusCode).toBe(403);
      expect((await community.delete(`${API}/match-terms/${term.id}`)).statusCode).toBe(204);
      expect(await audited('lists.match_term.remove', term.id)).toBe(true);
      expect((await community.delete(`${API}/match-terms/${term.id}`)).statusCode).toBe(404);
      expect((await suggestions(community, needId)).find((s) => s.resourceId === resourceId)).toBeUndefined();
    });

    it('refuses blank, spaced or long words with the one error shape', async () => {
      for (const body of [{ concept: '下水道', word: '' }, { concept: '下水道', word: '马 葫芦' }, { concept: '下水道', word: '字'.repeat(21) }, { concept: '下水道' }]) {
        const res = await community.post(`${API}/match-terms`, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().error.code).toBeTruthy();
      }
    });
  });

  describe('feedback', () => {
    it('stores one changeable judgement per person and pair, audited, and exports it without people or notes', async () => {
      const needId = await publishedNeed(community, { title: '电梯三天两头坏还关过人', category: 'safety' });
      const resourceId = await publishedResource({ title: '电梯维保与困人救援', description: '电梯年度维保、故障排查、困人应急救援' });
      const [top] = await suggestions(community, needId);
      expect(top?.resourceId).toBe(resourceId);

      const url = `${API}/needs/${needId}/suggestions/${resourceId}/feedback`;
      const first = await community.request('PUT', url, { useful: false, note: '联系人张三 13800000000' });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ needId, resourceId, useful: false });
      const second = await community.request('PUT', url, { useful: true });
      expect(second.json()).toMatchObject({ useful: true, note: null });
      expect(await audited('lists.suggestion.feedback', needId)).toBe(true);
      const mine = (await community.get(`${API}/needs/${needId}/suggestion-feedback`)).json<{ items: Array<{ resourceId: string; useful: boolean }> }>();
      expect(mine.items).toEqual([expect.objectContaining({ resourceId, useful: true })]);
      expect(await t.database.db.selectFrom('suggestion_feedback').select('id').where('need_id', '=', needId).execute()).toHaveLength(1);
      await street.request('PUT', url, { useful: true });

      const exported = await community.get(`${API}/suggestion-feedback/export`);
      expect(exported.statusCode, exported.body).toBe(200);
      const set = exported.json<{ needs: Array<{ id: string }>; resources: Array<{ id: string }>; judgements: Array<{ need: string; resource: string; relevant: boolean; useful: number; notUseful: number }> }>();
      expect(set.judgements).toContainEqual({ need: needId, resource: resourceId, relevant: true, useful: 2, notUseful: 0 });
      expect(set.needs.map((n) => n.id)).toContain(needId);
      expect(set.resources.map((r) => r.id)).toContain(resourceId);
      expect(exported.body).not.toContain('13800000000');
      expect(exported.body).not.toContain('张三');
      for (const who of [unit, member, resident]) expect((await who.get(`${API}/suggestion-feedback/export`)).statusCode).toBe(403);
    });

    it('refuses wrong roles, needs out of reach and unknown resources', async () => {
      const needId = await publishedNeed(community, { title: '楼道灯坏了大半年' });
      const resourceId = await publishedResource({ title: '楼道声控灯更换', description: '楼道照明安装和线路检修' });
      const url = `${API}/needs/${needId}/suggestions/${resourceId}/feedback`;
      for (const who of [unit, member, resident]) expect((await who.request('PUT', url, { useful: true })).statusCode).toBe(403);
      const far = await publishedNeed(admin, { communityId: CUIHU, title: '翠湖社区路灯不亮' });
      expect((await community.request('PUT', `${API}/needs/${far}/suggestions/${resourceId}/feedback`, { useful: true })).statusCode).toBe(404);
      const farExport = (await community.get(`${API}/suggestion-feedback/export`)).json<{ needs: Array<{ id: string }> }>();
      await admin.request('PUT', `${API}/needs/${far}/suggestions/${resourceId}/feedback`, { useful: true });
      expect((await community.get(`${API}/suggestion-feedback/export`)).json<{ needs: Array<{ id: string }> }>().needs).toEqual(farExport.needs);
      expect((await community.request('PUT', `${API}/needs/${needId}/suggestions/${needId}/feedback`, { useful: true })).statusCode).toBe(404);
      expect((await community.request('PUT', url, { useful: 'yes' })).statusCode).toBe(400);
    });
  });
});
