// Regions, organisations and volunteer teams through the HTTP API: the region tree from the top of
// each caller's reach, adding places in the right order and inside one's area, renaming and moving
// a subtree (paths and history follow), organisations with member counts and leading groups, and
// teams whose members must be the team owner's own people.
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
const XINGFU_GRID1 = stableId(`region:${XINGFU}:幸福社区第一网格`);
const BUILDING3 = stableId(`region:${XINGFU_GRID1}:幸福里3号楼`);
const TAX = stableId('organization:临江市税务局机关党支部');
const HOSPITAL = stableId('organization:临江市人民医院党委');
const SUPERVISOR_ORG = stableId('organization:临江市直机关工委');
const XINGFU_ORG = stableId('organization:幸福社区党委');
const MEMBER_USER = stableId('user:member');

interface RegionBody {
  id: string;
  parentId: string | null;
  kind: string;
  name: string;
  pathNames: string[];
  childCount: number;
}

describeStores('directory regions, organisations and teams', (store) => {
  let t: TestApp;
  let admin: Client;
  let supervisor: Client;
  let street: Client;
  let community: Client;
  let unit: Client;
  let member: Client;
  let resident: Client;

  const regionNames = (res: { json(): { items: RegionBody[] } }) => res.json().items.map((r) => r.name);
  const maxAuditId = async () =>
    Number((await t.database.db.selectFrom('audit_event').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m ?? 0);
  const auditSince = (since: number) => t.database.db.selectFrom('audit_event').selectAll().where('id', '>', since).orderBy('id').execute();
  const pathOf = async (id: string) => (await t.database.db.selectFrom('region').select('path').where('id', '=', id).executeTakeFirstOrThrow()).path;

  beforeAll(async () => {
    t = await createTestApp(store, { loginRateLimitPerMinute: 10_000 });
    admin = await t.login(TEST_ADMIN.account);
    supervisor = await t.login(DEMO.supervisor);
    street = await t.login(DEMO.street_staff);
    community = await t.login(DEMO.community_staff);
    unit = await t.login(DEMO.unit_admin);
    member = await t.login(DEMO.member);
    resident = await t.login(DEMO.resident);
  });
  afterAll(async () => t?.close());

  describe('region tree', () => {
    it('starts at the top of each caller’s reach', async () => {
      const top = await admin.get('/api/v1/regions');
      expect(top.statusCode).toBe(200);
      expect(top.json().items).toEqual([{ id: CITY, parentId: null, kind: 'city', name: '临江市', village: false, pathNames: ['临江市'], childCount: 1 }]);
      const byStreet = (await street.get('/api/v1/regions')).json().items as RegionBody[];
      expect(byStreet).toHaveLength(1);
      expect(byStreet[0]).toMatchObject({ id: DONGCHENG, kind: 'street', name: '东城街道', pathNames: ['临江市', '江滨区', '东城街道'], childCount: 2 });
      expect(regionNames(await community.get('/api/v1/regions'))).toEqual(['幸福社区']);
      expect(regionNames(await supervisor.get('/api/v1/regions'))).toEqual(['临江市']);
      // A unit (an organisation scope) reads the whole tree of place names, to say where it serves.
      expect(regionNames(await unit.get('/api/v1/regions'))).toEqual(['临江市']);
      expect((await resident.get('/api/v1/regions')).statusCode).toBe(403);
    });

    it('lists children, and only those inside the reach', async () => {
      const grids = await community.get(`/api/v1/regions?parentId=${XINGFU}`);
      expect(grids.json().items.map((r: RegionBody) => [r.name, r.kind, r.childCount])).toEqual([
        ['幸福社区第一网格', 'grid', 1],
        ['幸福社区第二网格', 'grid', 0],
      ]);
      expect(regionNames(await admin.get(`/api/v1/regions?parentId=${DISTRICT}`)).sort()).toEqual(['东城街道', '西湖街道'].sort());
      // A street walks down from the district to itself, not to its neighbour.
      expect(regionNames(await street.get(`/api/v1/regions?parentId=${DISTRICT}`))).toEqual(['东城街道']);
      expect(regionNames(await street.get(`/api/v1/regions?parentId=${DONGCHENG}`)).sort()).toEqual(['和平社区', '幸福社区'].sort());
      expect(regionNames(await community.get(`/api/v1/regions?q=${encodeURIComponent('网格')}`)).sort()).toEqual(['幸福社区第一网格', '幸福社区第二网格'].sort());
      expect((await community.get(`/api/v1/regions/${CUIHU}`)).statusCode).toBe(404);
      expect((await community.get(`/api/v1/regions/${BUILDING3}`)).json()).toMatchObject({ name: '幸福里3号楼', pathNames: ['临江市', '江滨区', '东城街道', '幸福社区', '幸福社区第一网格', '幸福里3号楼'] });
    });
  });

  describe('changing regions', () => {
    let grid = '';
    let building = '';

    it('lets a community add a grid and a building in its community, audited and in the history', async () => {
      const since = await maxAuditId();
      const res = await community.post('/api/v1/regions', { parentId: XINGFU, kind: 'grid', name: ' 幸福社区第三网格 ' });
      expect(res.statusCode, res.body).toBe(201);
      grid = res.json().id;
      expect(res.json()).toMatchObject({ parentId: XINGFU, kind: 'grid', name: '幸福社区第三网格', pathNames: ['临江市', '江滨区', '东城街道', '幸福社区', '幸福社区第三网格'], childCount: 0 });
      expect(await pathOf(grid)).toBe(`${await pathOf(XINGFU)}${grid}/`);
      const b = await community.post('/api/v1/regions', { parentId: grid, kind: 'building', name: '幸福里9号楼' });
      expect(b.statusCode, b.body).toBe(201);
      building = b.json().id;
      const audit = await auditSince(since);
      expect(audit.map((a) => [a.action, a.actor_account, a.entity_id])).toEqual([
        ['region.create', 'community', grid],
        ['region.create', 'community', building],
      ]);
    });

    it('refuses a grid under another community (403), a wrong order of kinds (400) and a name taken (409)', async () => {
      const other = await community.post('/api/v1/regions', { parentId: CUIHU, kind: 'grid', name: '翠湖社区第二网格' });
      expect(other.statusCode).toBe(403);
      const order = await community.post('/api/v1/regions', { parentId: XINGFU_GRID1, kind: 'street', name: '网格下的街道' });
      expect(order.statusCode).toBe(400);
      expect(order.json().error).toMatchObject({ code: 'REGION_KIND_MISMATCH', details: [{ path: 'body/kind' }] });
      const same = await community.post('/api/v1/regions', { parentId: XINGFU, kind: 'community', name: '社区下的社区' });
      expect(same.statusCode).toBe(400);
      const taken = await community.post('/api/v1/regions', { parentId: XINGFU, kind: 'grid', name: '幸福社区第一网格' });
      expect(taken.statusCode).toBe(409);
      expect(taken.json().error.code).toBe('REGION_NAME_TAKEN');
      expect((await unit.post('/api/v1/regions', { parentId: XINGFU, kind: 'grid', name: '单位网格' })).statusCode).toBe(403);
      const names = await t.database.db.selectFrom('region').select('name').where('name', 'in', ['翠湖社区第二网格', '网格下的街道', '社区下的社区', '单位网格']).execute();
      expect(names).toEqual([]);
    });

    it('lets a street rename a grid and move it to another community; the subtree’s paths follow', async () => {
      // The community cannot move it out of its own area.
      expect((await community.patch(`/api/v1/regions/${grid}`, { parentId: HEPING })).statusCode).toBe(403);
      const since = await maxAuditId();
      const res = await street.patch(`/api/v1/regions/${grid}`, { name: '和平社区第二网格', parentId: HEPING });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ parentId: HEPING, name: '和平社区第二网格', pathNames: ['临江市', '江滨区', '东城街道', '和平社区', '和平社区第二网格'] });
      const gridPath = await pathOf(grid);
      expect(gridPath).toBe(`${await pathOf(HEPING)}${grid}/`);
      expect(await pathOf(building)).toBe(`${gridPath}${building}/`);
      const row = await t.database.db.selectFrom('region').select(['parent_id', 'name']).where('id', '=', grid).executeTakeFirstOrThrow();
      expect(row).toEqual({ parent_id: HEPING, name: '和平社区第二网格' });
      expect((await street.get(`/api/v1/regions/${building}`)).json().pathNames).toEqual(['临江市', '江滨区', '东城街道', '和平社区', '和平社区第二网格', '幸福里9号楼']);
      // It has left 幸福社区, and so the community's sight.
      expect((await community.get(`/api/v1/regions/${grid}`)).statusCode).toBe(404);
      expect(regionNames(await community.get(`/api/v1/regions?parentId=${XINGFU}`))).not.toContain('和平社区第二网格');
      const audit = await auditSince(since);
      expect(audit.map((a) => a.action).sort()).toEqual(['region.move', 'region.rename']);
      expect(audit.every((a) => a.actor_account === 'street' && a.entity_id === grid)).toBe(true);
    });

    it('keeps the history of a region: created, renamed, moved', async () => {
      const res = await street.get(`/api/v1/regions/${grid}/history`);
      expect(res.statusCode).toBe(200);
      const items = res.json().items as Array<{ action: string; before: Record<string, unknown> | null; after: Record<string, unknown>; actorUserId: string }>;
      expect(items.map((i) => i.action).sort()).toEqual(['create', 'move', 'rename']);
      expect(items.find((i) => i.action === 'create')).toMatchObject({ after: { name: '幸福社区第三网格', kind: 'grid', parentId: XINGFU }, actorUserId: stableId('user:community') });
      expect(items.find((i) => i.action === 'rename')).toMatchObject({ before: { name: '幸福社区第三网格' }, after: { name: '和平社区第二网格' }, actorUserId: stableId('user:street') });
      expect(items.find((i) => i.action === 'move')).toMatchObject({ before: { parentId: XINGFU }, after: { parentId: HEPING } });
      expect(items[items.length - 1]!.action).toBe('create');
    });

    it('refuses a rename or a move onto a name its new siblings already use (409 REGION_NAME_TAKEN)', async () => {
      const grid2 = stableId(`region:${XINGFU}:幸福社区第二网格`);
      try {
        const rename = await street.patch(`/api/v1/regions/${grid2}`, { name: '幸福社区第一网格' });
        expect(rename.statusCode, rename.body).toBe(409);
        expect(rename.json().error.code).toBe('REGION_NAME_TAKEN');
        const twin = await street.post('/api/v1/regions', { parentId: HEPING, kind: 'grid', name: '幸福社区第二网格' });
        expect(twin.statusCode, twin.body).toBe(201);
        const move = await street.patch(`/api/v1/regions/${twin.json().id}`, { parentId: XINGFU });
        expect(move.statusCode, move.body).toBe(409);
        expect(move.json().error.code).toBe('REGION_NAME_TAKEN');
        const names = await t.database.db.selectFrom('region').select('name').where('parent_id', '=', XINGFU).execute();
        expect(names.map((r) => r.name).sort()).toEqual(['幸福社区第一网格', '幸福社区第二网格'].sort());
      } finally {
        await t.database.db.updateTable('region').set({ name: '幸福社区第二网格' }).where('id', '=', grid2).execute();
      }
    });

    it('refuses a move into the region’s own subtree (409) and a move breaking the order of kinds (400)', async () => {
      const cycle = await street.patch(`/api/v1/regions/${grid}`, { parentId: building });
      expect(cycle.statusCode).toBe(409);
      expect(cycle.json().error.code).toBe('REGION_MOVE_CYCLE');
      const self = await street.patch(`/api/v1/regions/${XINGFU}`, { parentId: XINGFU_GRID1 });
      expect(self.statusCode).toBe(409);
      const kinds = await street.patch(`/api/v1/regions/${XINGFU}`, { parentId: HEPING });
      expect(kinds.statusCode).toBe(400);
      expect(kinds.json().error.code).toBe('REGION_KIND_MISMATCH');
      expect(await pathOf(grid)).toBe(`${await pathOf(HEPING)}${grid}/`);
      expect(await pathOf(XINGFU)).toBe(`/${CITY}/${DISTRICT}/${DONGCHENG}/${XINGFU}/`);
    });
  });

  describe('organisations', () => {
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      const mk = async (key: string, body: Record<string, unknown>) => {
        const res = await admin.post('/api/v1/members', body);
        expect(res.statusCode, res.body).toBe(201);
        ids[key] = res.json().id;
      };
      await mk('chen', { name: '陈晓明', phone: '13900000005', employerOrgId: TAX });
      await mk('liu', { name: '刘海涛', phone: '13900001234', employerOrgId: TAX });
      await mk('zhou', { name: '周强', phone: '13400005555', employerOrgId: HOSPITAL });
      await mk('zhao', { name: '赵敏', phone: '13600003333', residenceRegionId: CUIHU });
      await mk('zhang', { name: '张建军', phone: '13812345678', residenceRegionId: XINGFU });
    });

    it('lists organisations with their member counts, inside the caller’s reach', async () => {
      const units = (await admin.get('/api/v1/organizations?kind=unit&sort=memberCount&order=desc')).json();
      expect(units.items.map((o: { name: string; memberCount: number }) => [o.name, o.memberCount])).toEqual([
        ['临江市税务局机关党支部', 2],
        ['临江市人民医院党委', 1],
        ['临江城投集团党委', 0],
      ]);
      const tax = (await admin.get(`/api/v1/organizations?q=${encodeURIComponent('税务局')}`)).json().items;
      expect(tax).toHaveLength(1);
      expect(tax[0]).toMatchObject({ id: TAX, kind: 'unit', parentId: SUPERVISOR_ORG, parentName: '临江市直机关工委', regionName: '临江市', memberCount: 2 });
      const byUnit = (await unit.get('/api/v1/organizations')).json();
      expect(byUnit.items.map((o: { name: string }) => o.name)).toEqual(['临江市税务局机关党支部']);
      const byCommunity = (await community.get('/api/v1/organizations')).json().items.map((o: { name: string }) => o.name).sort();
      expect(byCommunity).toEqual(['幸福社区党委', '幸福社区第一网格党支部'].sort());
      expect((await resident.get('/api/v1/organizations')).statusCode).toBe(403);
    });

    it('replaces the leading group and gives it back in order, audited', async () => {
      const since = await maxAuditId();
      const group = [
        { name: '刘志强', post: 'leader', title: '局长' },
        { name: '陈晓明', post: 'liaison', title: '联络员' },
        { name: '王副', post: 'deputy_leader', title: '副局长' },
      ];
      const put = await unit.request('PUT', `/api/v1/organizations/${TAX}/leading-group`, { members: group });
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json().leadingGroup).toEqual(group);
      const got = await unit.get(`/api/v1/organizations/${TAX}`);
      expect(got.json()).toMatchObject({ leadingGroup: group, pathNames: ['临江市直机关工委', '临江市税务局机关党支部'] });
      const shorter = await unit.request('PUT', `/api/v1/organizations/${TAX}/leading-group`, { members: [group[0]] });
      expect(shorter.json().leadingGroup).toEqual([group[0]]);
      expect(await t.database.db.selectFrom('leading_group_member').select('name').where('organization_id', '=', TAX).execute()).toEqual([{ name: '刘志强' }]);
      const badPost = await unit.request('PUT', `/api/v1/organizations/${TAX}/leading-group`, { members: [{ name: '某人', post: 'boss' }] });
      expect(badPost.statusCode).toBe(400);
      const audit = await auditSince(since);
      expect(audit.map((a) => [a.action, a.actor_account, a.entity_id])).toEqual([
        ['organization.leading_group', 'unit', TAX],
        ['organization.leading_group', 'unit', TAX],
      ]);
    });

    it('stores null, not an empty string, when a nullable text is sent as null', async () => {
      const put = await unit.request('PUT', `/api/v1/organizations/${TAX}/leading-group`, { members: [{ name: '刘志强', post: 'leader', title: null }] });
      expect(put.statusCode, put.body).toBe(200);
      const patched = await unit.patch(`/api/v1/organizations/${TAX}`, { address: null });
      expect(patched.statusCode, patched.body).toBe(200);
      const stored = {
        title: (await t.database.db.selectFrom('leading_group_member').select('title').where('organization_id', '=', TAX).executeTakeFirstOrThrow()).title,
        address: (await t.database.db.selectFrom('organization').select('address').where('id', '=', TAX).executeTakeFirstOrThrow()).address,
      };
      expect(stored).toEqual({ title: null, address: null });
      expect({ title: put.json().leadingGroup[0].title, address: patched.json().address }).toEqual({ title: null, address: null });
    });

    it('lets a unit edit its own unit, not another', async () => {
      const since = await maxAuditId();
      const own = await unit.patch(`/api/v1/organizations/${TAX}`, { secretaryName: '刘志强', contactPhone: '13900000004', strengths: ['税务', '法律', '税务'], sector: 'agency', address: '临江市解放路 8 号' });
      expect(own.statusCode, own.body).toBe(200);
      expect(own.json()).toMatchObject({ secretaryName: '刘志强', contactPhoneMasked: '139****0004', strengths: ['税务', '法律'], sector: 'agency', address: '临江市解放路 8 号' });
      expect(own.body).not.toContain('13900000004');
      const row = await t.database.db.selectFrom('organization').selectAll().where('id', '=', TAX).executeTakeFirstOrThrow();
      expect(JSON.stringify(row)).not.toContain('13900000004');
      expect((await auditSince(since)).map((a) => [a.action, a.actor_account, a.entity_id])).toEqual([['organization.update', 'unit', TAX]]);

      const other = await unit.patch(`/api/v1/organizations/${HOSPITAL}`, { secretaryName: '冒名' });
      expect([403, 404]).toContain(other.statusCode);
      expect((await unit.get(`/api/v1/organizations/${HOSPITAL}`)).statusCode).toBe(404);
      const hospital = await t.database.db.selectFrom('organization').select('secretary_name').where('id', '=', HOSPITAL).executeTakeFirstOrThrow();
      expect(hospital.secretary_name).toBeNull();
      const move = await unit.patch(`/api/v1/organizations/${TAX}`, { parentId: XINGFU_ORG });
      expect(move.statusCode).toBe(400);
      expect(move.json().error.code).toBe('ORGANIZATION_MOVE_UNSUPPORTED');
      expect((await community.patch(`/api/v1/organizations/${XINGFU_ORG}`, { secretaryName: 'x' })).statusCode).toBe(403);
    });

    it('lets the supervisor add a unit with a region under its committee', async () => {
      const res = await supervisor.post('/api/v1/organizations', { kind: 'unit', name: '临江市交通运输局机关党支部', parentId: SUPERVISOR_ORG, regionId: CITY, sector: 'agency', code: 'JT-001' });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ parentName: '临江市直机关工委', regionName: '临江市', code: 'JT-001', memberCount: 0, leadingGroup: [] });
      const dupCode = await supervisor.post('/api/v1/organizations', { kind: 'unit', name: '另一个', parentId: SUPERVISOR_ORG, regionId: CITY, code: 'JT-001' });
      expect(dupCode.statusCode).toBe(409);
      expect(dupCode.json().error.code).toBe('ORGANIZATION_CODE_TAKEN');
      expect((await unit.post('/api/v1/organizations', { kind: 'unit', name: '单位自建', parentId: SUPERVISOR_ORG, regionId: CITY })).statusCode).toBe(403);
    });

    it('answers 201 and shows the new unit when the supervisor gives only the parent', async () => {
      const res = await supervisor.post('/api/v1/organizations', { kind: 'unit', name: '临江市教育局机关党支部', parentId: SUPERVISOR_ORG });
      const row = await t.database.db.selectFrom('organization').selectAll().where('name', '=', '临江市教育局机关党支部').executeTakeFirst();
      // Whatever the answer, a row that was written must be visible to the one who wrote it.
      expect(res.statusCode, `${res.body}; row written: ${row !== undefined}`).toBe(201);
      expect(res.json()).toMatchObject({ parentId: SUPERVISOR_ORG, name: '临江市教育局机关党支部' });
      expect((await supervisor.get(`/api/v1/organizations/${row!.id}`)).statusCode).toBe(200);
    });
  });

  describe('volunteer teams', () => {
    let team = '';
    let other = '';
    const m: Record<string, string> = {};

    beforeAll(async () => {
      const rows = await t.database.db.selectFrom('member').select(['id', 'name']).execute();
      for (const r of rows) m[r.name] = r.id;
      expect(Object.keys(m)).toEqual(expect.arrayContaining(['陈晓明', '刘海涛', '周强', '赵敏', '张建军']));
      await t.database.db.updateTable('member').set({ user_id: MEMBER_USER }).where('id', '=', m['陈晓明']!).execute();
    });

    it('lets a unit create a team for its unit, not for another', async () => {
      const since = await maxAuditId();
      const res = await unit.post('/api/v1/volunteer-teams', { name: '税务志愿服务队', organizationId: TAX, kind: 'professional', description: '办税咨询' });
      expect(res.statusCode, res.body).toBe(201);
      team = res.json().id;
      expect(res.json()).toMatchObject({ name: '税务志愿服务队', organizationId: TAX, organizationName: '临江市税务局机关党支部', kind: 'professional', memberCount: 0, members: [] });
      const second = await unit.post('/api/v1/volunteer-teams', { name: '税务应急队', organizationId: TAX, kind: 'emergency' });
      expect(second.statusCode).toBe(201);
      other = second.json().id;
      expect((await unit.post('/api/v1/volunteer-teams', { name: '医院队', organizationId: HOSPITAL })).statusCode).toBe(403);
      expect((await member.post('/api/v1/volunteer-teams', { name: '我的队', organizationId: TAX })).statusCode).toBe(403);
      expect((await auditSince(since)).map((a) => [a.action, a.actor_account])).toEqual([
        ['volunteer_team.create', 'unit'],
        ['volunteer_team.create', 'unit'],
        ['access.denied', 'member'],
      ]);
    });

    it('sets a team’s members from the unit’s own people only', async () => {
      const since = await maxAuditId();
      const put = await unit.request('PUT', `/api/v1/volunteer-teams/${team}/members`, {
        members: [{ memberId: m['刘海涛']! }, { memberId: m['陈晓明']!, isLeader: true }],
      });
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json().memberCount).toBe(2);
      expect(put.json().members.map((x: { name: string; isLeader: boolean; phoneMasked: string }) => [x.name, x.isLeader, x.phoneMasked])).toEqual([
        ['陈晓明', true, '139****0005'],
        ['刘海涛', false, '139****1234'],
      ]);
      expect(put.body).not.toContain('13900000005');
      for (const outsider of ['周强', '赵敏', '张建军']) {
        const res = await unit.request('PUT', `/api/v1/volunteer-teams/${team}/members`, { members: [{ memberId: m['刘海涛']! }, { memberId: m[outsider]! }] });
        expect(res.statusCode, outsider).toBe(400);
        expect(res.json().error).toMatchObject({ code: 'MEMBER_NOT_FOUND', details: { memberIds: [m[outsider]] } });
      }
      const twice = await unit.request('PUT', `/api/v1/volunteer-teams/${team}/members`, { members: [{ memberId: m['刘海涛']! }, { memberId: m['刘海涛']! }] });
      expect(twice.statusCode).toBe(400);
      expect(twice.json().error.code).toBe('DUPLICATE_MEMBER');
      const rows = await t.database.db.selectFrom('volunteer_team_member').select(['member_id', 'is_leader']).where('team_id', '=', team).orderBy('is_leader', 'desc').execute();
      expect(rows).toEqual([
        { member_id: m['陈晓明'], is_leader: true },
        { member_id: m['刘海涛'], is_leader: false },
      ]);
      expect((await auditSince(since)).map((a) => [a.action, a.actor_account, a.entity_id])).toEqual([['volunteer_team.members', 'unit', team]]);
      await unit.request('PUT', `/api/v1/volunteer-teams/${other}/members`, { members: [{ memberId: m['刘海涛']! }] });
    });

    it('shows a member the teams he is in, and no other', async () => {
      const list = await member.get('/api/v1/volunteer-teams');
      expect(list.statusCode).toBe(200);
      expect(list.json()).toMatchObject({ total: 1, items: [{ id: team, name: '税务志愿服务队', memberCount: 2 }] });
      const detail = await member.get(`/api/v1/volunteer-teams/${team}`);
      expect(detail.statusCode).toBe(200);
      expect(detail.json().members.map((x: { name: string }) => x.name)).toEqual(['陈晓明', '刘海涛']);
      expect((await member.get(`/api/v1/volunteer-teams/${other}`)).statusCode).toBe(404);
      expect((await member.request('PUT', `/api/v1/volunteer-teams/${team}/members`, { members: [] })).statusCode).toBe(403);
      expect((await resident.get('/api/v1/volunteer-teams')).statusCode).toBe(403);
      // The unit sees both; a community sees neither of the unit's teams.
      expect((await unit.get('/api/v1/volunteer-teams')).json().total).toBe(2);
      expect((await community.get('/api/v1/volunteer-teams')).json().total).toBe(0);
    });

    it('lets a community build a team of its residents', async () => {
      const res = await community.post('/api/v1/volunteer-teams', { name: '幸福社区志愿者服务队', organizationId: XINGFU_ORG });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().id;
      const ok = await community.request('PUT', `/api/v1/volunteer-teams/${id}/members`, { members: [{ memberId: m['张建军']!, isLeader: true }] });
      expect(ok.statusCode, ok.body).toBe(200);
      const outsider = await community.request('PUT', `/api/v1/volunteer-teams/${id}/members`, { members: [{ memberId: m['陈晓明']! }] });
      expect(outsider.statusCode).toBe(400);
      expect(outsider.json().error.code).toBe('MEMBER_NOT_FOUND');
      expect((await community.get('/api/v1/volunteer-teams')).json().items.map((x: { name: string }) => x.name)).toEqual(['幸福社区志愿者服务队']);
    });
  });
});
