// Households through the HTTP API: a community adds the households of its area with hardship tags
// (each with the date it was verified), who sees them, search and filters, tags replaced on update,
// the audited reveal, and the .xlsx export (masked unless asked and allowed, always audited).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { idCheckCharacter, makeIdNumber } from '../src/domain/directory/id-number';
import { stableId } from '../src/server/seed/demo';
import { DEMO, TEST_ADMIN, createTestApp, describeStores, type Client, type TestApp } from './support/harness';
import { XLSX_MIME, bodyBuffer, readXlsx, uploadSheet } from './support/xlsx';

const CITY = stableId('region::临江市');
const DISTRICT = stableId(`region:${CITY}:江滨区`);
const DONGCHENG = stableId(`region:${DISTRICT}:东城街道`);
const XIHU = stableId(`region:${DISTRICT}:西湖街道`);
const XINGFU = stableId(`region:${DONGCHENG}:幸福社区`);
const HEPING = stableId(`region:${DONGCHENG}:和平社区`);
const CUIHU = stableId(`region:${XIHU}:翠湖社区`);
const XINGFU_GRID1 = stableId(`region:${XINGFU}:幸福社区第一网格`);
const XINGFU_GRID2 = stableId(`region:${XINGFU}:幸福社区第二网格`);
const BUILDING3 = stableId(`region:${XINGFU_GRID1}:幸福里3号楼`);
const CUIHU_GRID1 = stableId(`region:${CUIHU}:翠湖社区第一网格`);

function idNumber(birthDate: string, sequence: number): string {
  for (let s = sequence; ; s += 2) {
    const first17 = `330102${birthDate.replace(/-/g, '')}${String(s).padStart(3, '0')}`;
    if (idCheckCharacter(first17) !== 'X') return makeIdNumber('330102', birthDate, s);
  }
}

const H = {
  li: { headName: '李秀兰', headPhone: '13912345678', headIdNumber: idNumber('1952-03-04', 122) },
  wang: { headName: '王大海', headPhone: '13955550000', headIdNumber: idNumber('1960-10-01', 11) },
  zhao: { headName: '赵翠', headPhone: '13966661111', headIdNumber: idNumber('1971-04-12', 24) },
  sun: { headName: '孙和平', headPhone: '13977772222', headIdNumber: idNumber('1949-09-09', 35) },
} as const;
const SECRETS = Object.values(H).flatMap((h) => [h.headPhone, h.headIdNumber]);

interface HouseholdBody {
  id: string;
  headName: string;
  headPhoneMasked: string | null;
  tags: Array<{ tag: string; verifiedOn: string | null }>;
  updatedAt: string;
}

describeStores('directory households', (store) => {
  let t: TestApp;
  let admin: Client;
  let supervisor: Client;
  let street: Client;
  let community: Client;
  let unit: Client;
  let member: Client;
  let resident: Client;
  const ids: Record<keyof typeof H, string> = { li: '', wang: '', zhao: '', sun: '' };

  const heads = (res: { json(): { items: Array<{ headName: string }> } }) => res.json().items.map((h) => h.headName).sort();
  const maxAuditId = async () =>
    Number((await t.database.db.selectFrom('audit_event').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m ?? 0);
  const auditSince = (since: number) => t.database.db.selectFrom('audit_event').selectAll().where('id', '>', since).orderBy('id').execute();

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

  describe('creating', () => {
    it('lets a community add households with tags and the dates they were verified', async () => {
      const since = await maxAuditId();
      const res = await community.post('/api/v1/households', {
        ...H.li,
        communityId: XINGFU,
        gridId: XINGFU_GRID1,
        buildingId: BUILDING3,
        unitNo: '2',
        room: '301',
        peopleCount: 2,
        tags: [
          { tag: 'low_income', verifiedOn: '2025-12-01' },
          { tag: 'elderly_alone', verifiedOn: '2026-01-10' },
        ],
        notes: '独居老人，每周探访',
      });
      expect(res.statusCode, res.body).toBe(201);
      const h = res.json();
      ids.li = h.id;
      expect(h).toMatchObject({
        communityId: XINGFU,
        communityName: '幸福社区',
        gridName: '幸福社区第一网格',
        buildingName: '幸福里3号楼',
        address: '幸福社区 幸福里3号楼 2单元 301',
        headName: '李秀兰',
        headPhoneMasked: '139****5678',
        headIdNumberMasked: `3301**********${H.li.headIdNumber.slice(-4)}`,
        peopleCount: 2,
        isLeadHousehold: false,
      });
      expect(h.tags).toEqual([
        { tag: 'elderly_alone', verifiedOn: '2026-01-10' },
        { tag: 'low_income', verifiedOn: '2025-12-01' },
      ]);
      const tagRows = await t.database.db.selectFrom('household_tag').selectAll().where('household_id', '=', h.id).orderBy('tag').execute();
      expect(tagRows.map((r) => [r.tag, r.verified_on, r.verified_by])).toEqual([
        ['elderly_alone', '2026-01-10', stableId('user:community')],
        ['low_income', '2025-12-01', stableId('user:community')],
      ]);
      const audit = await auditSince(since);
      expect(audit.map((a) => [a.action, a.actor_account, a.entity_id])).toEqual([['household.create', 'community', h.id]]);

      const second = await community.post('/api/v1/households', { ...H.wang, communityId: XINGFU, gridId: XINGFU_GRID2, room: '1201', isLeadHousehold: true, tags: [{ tag: 'veteran' }] });
      expect(second.statusCode, second.body).toBe(201);
      ids.wang = second.json().id;
      expect(second.json().tags).toEqual([{ tag: 'veteran', verifiedOn: null }]);

      // Households elsewhere, by the administrator.
      const zhao = await admin.post('/api/v1/households', { ...H.zhao, communityId: CUIHU, gridId: CUIHU_GRID1, room: '502', tags: [{ tag: 'low_income', verifiedOn: '2026-01-02' }] });
      expect(zhao.statusCode, zhao.body).toBe(201);
      ids.zhao = zhao.json().id;
      const sun = await admin.post('/api/v1/households', { ...H.sun, communityId: HEPING, room: '101' });
      expect(sun.statusCode, sun.body).toBe(201);
      ids.sun = sun.json().id;
    });

    it('refuses a community a household in another community (403)', async () => {
      const res = await community.post('/api/v1/households', { headName: '越界户', communityId: CUIHU });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
      // A street reads households but does not write them.
      expect((await street.post('/api/v1/households', { headName: '街道户', communityId: XINGFU })).statusCode).toBe(403);
      expect(await t.database.db.selectFrom('household').select('id').where('head_name', 'in', ['越界户', '街道户']).execute()).toEqual([]);
    });

    it('checks grids, tags and the head’s ID number', async () => {
      const grid = await community.post('/api/v1/households', { headName: '错格户', communityId: XINGFU, gridId: CUIHU_GRID1 });
      expect(grid.statusCode).toBe(400);
      expect(grid.json().error).toMatchObject({ code: 'REGION_NOT_INSIDE', details: [{ path: 'body/gridId' }] });
      const building = await community.post('/api/v1/households', { headName: '错楼户', communityId: XINGFU, gridId: XINGFU_GRID2, buildingId: BUILDING3 });
      expect(building.json().error.code).toBe('REGION_NOT_INSIDE');
      const twice = await community.post('/api/v1/households', { headName: '重标户', communityId: XINGFU, tags: [{ tag: 'veteran' }, { tag: 'veteran' }] });
      expect(twice.statusCode).toBe(400);
      expect(twice.json().error.code).toBe('DUPLICATE_TAG');
      const unknownTag = await community.post('/api/v1/households', { headName: '怪标户', communityId: XINGFU, tags: [{ tag: 'rich' }] });
      expect(unknownTag.statusCode).toBe(400);
      const badId = await community.post('/api/v1/households', { headName: '错号户', communityId: XINGFU, headIdNumber: H.li.headIdNumber.slice(0, 17) + (H.li.headIdNumber[17] === '1' ? '2' : '1') });
      expect(badId.statusCode).toBe(400);
      expect(badId.json().error).toMatchObject({ code: 'ID_NUMBER_INVALID', details: [{ path: 'body/headIdNumber' }] });
      const dup = await community.post('/api/v1/households', { headName: '重号户', communityId: XINGFU, headIdNumber: H.zhao.headIdNumber });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error.code).toBe('HOUSEHOLD_EXISTS');
    });
  });

  describe('scopes', () => {
    it('shows a community its households, a street its communities’ and the supervisor the city’s', async () => {
      expect(heads(await community.get('/api/v1/households'))).toEqual(['李秀兰', '王大海'].sort());
      expect(heads(await street.get('/api/v1/households'))).toEqual(['孙和平', '李秀兰', '王大海'].sort());
      expect(heads(await supervisor.get('/api/v1/households'))).toEqual(['孙和平', '李秀兰', '王大海', '赵翠'].sort());
      expect((await community.get('/api/v1/households')).json().total).toBe(2);
    });

    it('refuses units, members and residents (403), and answers 404 for a household out of reach', async () => {
      for (const c of [unit, member, resident]) {
        const res = await c.get('/api/v1/households');
        expect(res.statusCode).toBe(403);
        expect(res.json().error).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'directory.household.read' } });
        expect((await c.get(`/api/v1/households/${ids.li}`)).statusCode).toBe(403);
      }
      expect((await community.get(`/api/v1/households/${ids.zhao}`)).statusCode).toBe(404);
      expect((await community.patch(`/api/v1/households/${ids.zhao}`, { room: '9' })).statusCode).toBe(404);
      expect((await street.get(`/api/v1/households/${ids.zhao}`)).statusCode).toBe(404);
      expect((await street.get(`/api/v1/households/${ids.sun}`)).statusCode).toBe(200);
    });
  });

  describe('search and filters', () => {
    const list = async (c: Client, query: string) => {
      const res = await c.get(`/api/v1/households?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return heads(res);
    };

    it('finds by the head’s pinyin initials, name, phone tail, full phone and room', async () => {
      expect(await list(community, 'q=lxl')).toEqual(['李秀兰']);
      expect(await list(community, `q=${encodeURIComponent('秀兰')}`)).toEqual(['李秀兰']);
      expect(await list(community, 'q=5678')).toEqual(['李秀兰']);
      expect(await list(community, 'q=13955550000')).toEqual(['王大海']);
      expect(await list(community, 'q=301')).toEqual(['李秀兰']);
      expect(await list(community, 'q=1201')).toEqual(['王大海']);
      // Not beyond the caller's reach.
      expect(await list(community, 'q=zc')).toEqual([]);
      expect(await list(supervisor, 'q=zc')).toEqual(['赵翠']);
    });

    it('filters by tag, by grid and building, by community and by lead household', async () => {
      expect(await list(community, 'tag=veteran')).toEqual(['王大海']);
      expect(await list(community, 'tag=low_income')).toEqual(['李秀兰']);
      expect(await list(supervisor, 'tag=low_income')).toEqual(['李秀兰', '赵翠'].sort());
      expect(await list(community, `regionId=${XINGFU_GRID1}`)).toEqual(['李秀兰']);
      expect(await list(community, `regionId=${XINGFU_GRID2}`)).toEqual(['王大海']);
      expect(await list(community, `regionId=${BUILDING3}`)).toEqual(['李秀兰']);
      expect(await list(street, `regionId=${HEPING}`)).toEqual(['孙和平']);
      expect(await list(street, `regionId=${DONGCHENG}`)).toEqual(['孙和平', '李秀兰', '王大海'].sort());
      expect(await list(community, 'lead=true')).toEqual(['王大海']);
      expect(await list(community, 'lead=false')).toEqual(['李秀兰']);
    });

    it('pages and sorts', async () => {
      const first = (await supervisor.get('/api/v1/households?pageSize=3&sort=headName')).json();
      expect(first.total).toBe(4);
      expect(first.items.map((h: HouseholdBody) => h.headName)).toEqual(['李秀兰', '孙和平', '王大海']);
      const second = (await supervisor.get('/api/v1/households?pageSize=3&page=2&sort=headName')).json();
      expect(second.items.map((h: HouseholdBody) => h.headName)).toEqual(['赵翠']);
      const byPeople = (await supervisor.get('/api/v1/households?sort=peopleCount&order=desc')).json();
      expect(byPeople.items[0].headName).toBe('李秀兰');
    });
  });

  describe('changes and personal data', () => {
    it('replaces the tags when given, keeps them when not, and audits both', async () => {
      const since = await maxAuditId();
      const replaced = await community.patch(`/api/v1/households/${ids.li}`, { tags: [{ tag: 'disability', verifiedOn: '2026-02-01' }] });
      expect(replaced.statusCode, replaced.body).toBe(200);
      expect(replaced.json().tags).toEqual([{ tag: 'disability', verifiedOn: '2026-02-01' }]);
      const rows = await t.database.db.selectFrom('household_tag').select(['tag', 'verified_on']).where('household_id', '=', ids.li).execute();
      expect(rows).toEqual([{ tag: 'disability', verified_on: '2026-02-01' }]);

      const kept = await community.patch(`/api/v1/households/${ids.li}`, { peopleCount: 3 });
      expect(kept.statusCode).toBe(200);
      expect(kept.json()).toMatchObject({ peopleCount: 3, tags: [{ tag: 'disability', verifiedOn: '2026-02-01' }] });

      const cleared = await community.patch(`/api/v1/households/${ids.wang}`, { tags: [] });
      expect(cleared.json().tags).toEqual([]);
      expect(await t.database.db.selectFrom('household_tag').select('tag').where('household_id', '=', ids.wang).execute()).toEqual([]);

      const audit = await auditSince(since);
      expect(audit.map((a) => [a.action, a.actor_account, a.entity_id])).toEqual([
        ['household.update', 'community', ids.li],
        ['household.update', 'community', ids.li],
        ['household.update', 'community', ids.wang],
      ]);
      expect(audit[0]!.after).toMatchObject({ tags: [{ tag: 'disability', verified_on: '2026-02-01' }] });
      expect(audit[1]!.before).toEqual({ people_count: 2 });
      expect(audit[1]!.after).toEqual({ people_count: 3 });

      // Restore the tags the export below expects.
      await community.patch(`/api/v1/households/${ids.li}`, { tags: [{ tag: 'elderly_alone', verifiedOn: '2026-01-10' }, { tag: 'low_income', verifiedOn: '2025-12-01' }] });
      await community.patch(`/api/v1/households/${ids.wang}`, { tags: [{ tag: 'veteran' }] });
    });

    it('never shows a full phone or ID number in lists and details, nor keeps one in the table', async () => {
      let text = '';
      for (const c of [admin, supervisor, street, community]) {
        const list = await c.get('/api/v1/households?pageSize=100');
        text += list.body;
        for (const h of list.json().items as HouseholdBody[]) text += (await c.get(`/api/v1/households/${h.id}`)).body;
      }
      text += JSON.stringify(await t.database.db.selectFrom('household').selectAll().execute());
      text += JSON.stringify(await t.database.db.selectFrom('audit_event').selectAll().where('entity_type', '=', 'household').execute());
      for (const secret of SECRETS) expect(text).not.toContain(secret);
    });

    it('reveals the head’s phone and ID number to the community, audited with the reason', async () => {
      const since = await maxAuditId();
      const phone = await community.post(`/api/v1/households/${ids.li}/reveal`, { field: 'phone', reason: '上门走访前电话联系' });
      expect(phone.statusCode, phone.body).toBe(200);
      expect(phone.json()).toEqual({ field: 'phone', value: H.li.headPhone });
      const id = await community.post(`/api/v1/households/${ids.li}/reveal`, { field: 'idNumber', reason: '办理低保复核' });
      expect(id.json()).toEqual({ field: 'idNumber', value: H.li.headIdNumber });
      const audit = await auditSince(since);
      expect(audit.map((a) => [a.action, a.actor_account, a.entity_id, a.after])).toEqual([
        ['household.reveal', 'community', ids.li, { field: 'phone', reason: '上门走访前电话联系' }],
        ['household.reveal', 'community', ids.li, { field: 'idNumber', reason: '办理低保复核' }],
      ]);
      // Not to a street (no reveal permission), not out of reach.
      expect((await street.post(`/api/v1/households/${ids.li}/reveal`, { field: 'phone', reason: '联系一下' })).statusCode).toBe(403);
      expect((await community.post(`/api/v1/households/${ids.zhao}/reveal`, { field: 'phone', reason: '联系一下' })).statusCode).toBe(404);
    });
  });

  describe('export', () => {
    const PHONE = '户主手机号';
    const ID = '户主身份证号';

    it('exports the visible households as .xlsx with masked phones and ID numbers, audited', async () => {
      const since = await maxAuditId();
      const res = await community.get('/api/v1/households/export');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX_MIME);
      expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="export\.xlsx"; filename\*=UTF-8''/);
      const sheet = await readXlsx(bodyBuffer(res));
      expect(sheet.headers).toEqual(['社区', '网格', '楼栋', '单元', '房号', '户主姓名', PHONE, ID, '家庭人数', '困难标签', '党员中心户', '备注']);
      expect(sheet.rows.map((r) => r['户主姓名']).sort()).toEqual(['李秀兰', '王大海'].sort());
      const li = sheet.rows.find((r) => r['户主姓名'] === '李秀兰')!;
      expect(li).toMatchObject({ 社区: '幸福社区', 网格: '幸福社区第一网格', 楼栋: '幸福里3号楼', 单元: '2', 房号: '301', [PHONE]: '139****5678', 家庭人数: '3', 党员中心户: '否' });
      expect(li[ID]).toBe(`3301**********${H.li.headIdNumber.slice(-4)}`);
      expect(li['困难标签']!.split('、').sort()).toEqual(['低保', '空巢老人'].sort());
      const raw = bodyBuffer(res).toString('latin1');
      const all = JSON.stringify(sheet.rows) + raw;
      for (const secret of SECRETS) expect(all).not.toContain(secret);
      const audit = await auditSince(since);
      expect(audit.map((a) => [a.action, a.actor_account])).toEqual([['household.export', 'community']]);
      expect(audit[0]!.after).toMatchObject({ rows: 2, full: false });
    });

    it('exports full values with full=true for a role holding the reveal permission', async () => {
      const since = await maxAuditId();
      const res = await community.get('/api/v1/households/export?full=true');
      expect(res.statusCode, res.body).toBe(200);
      const sheet = await readXlsx(bodyBuffer(res));
      const li = sheet.rows.find((r) => r['户主姓名'] === '李秀兰')!;
      expect(li[PHONE]).toBe(H.li.headPhone);
      expect(li[ID]).toBe(H.li.headIdNumber);
      // Numbers stay text cells, so the ID number keeps all its digits in Excel.
      const idCol = sheet.headers.indexOf(ID) + 1;
      const rowNo = sheet.rows.indexOf(li) + 2;
      expect(sheet.worksheet.getRow(rowNo).getCell(idCol).type).toBe(ExcelJS.ValueType.String);
      const audit = await auditSince(since);
      expect(audit.map((a) => [a.action, a.actor_account])).toEqual([['household.export', 'community']]);
      expect(audit[0]!.after).toMatchObject({ rows: 2, full: true });
      expect(JSON.stringify(audit)).not.toContain(H.li.headPhone);
    });

    it('refuses full=true without the reveal permission, and exports only what the caller sees', async () => {
      const full = await street.get('/api/v1/households/export?full=true');
      expect(full.statusCode).toBe(403);
      expect(full.json().error).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'directory.household.reveal' } });
      const masked = await street.get('/api/v1/households/export');
      expect(masked.statusCode).toBe(200);
      const rows = (await readXlsx(bodyBuffer(masked))).rows;
      expect(rows.map((r) => r['户主姓名']).sort()).toEqual(['孙和平', '李秀兰', '王大海'].sort());
      expect(rows.every((r) => /^\d{3}\*{4}\d{4}$/.test(r[PHONE]!))).toBe(true);
      const filtered = await readXlsx(bodyBuffer(await street.get('/api/v1/households/export?tag=veteran')));
      expect(filtered.rows.map((r) => r['户主姓名'])).toEqual(['王大海']);
      // A unit may export, but reaches no households.
      const byUnit = await unit.get('/api/v1/households/export');
      expect(byUnit.statusCode).toBe(200);
      expect((await readXlsx(bodyBuffer(byUnit))).rows).toEqual([]);
      expect((await resident.get('/api/v1/households/export')).statusCode).toBe(403);
    });

    it('imports its own full export back with every row unchanged', async () => {
      const file = bodyBuffer(await community.get('/api/v1/households/export?full=true'));
      const res = await uploadSheet(community, 'households', file, '住户名录.xlsx');
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ totalRows: 2, validRows: 2, errorRows: 0, toCreate: 0, toUpdate: 0, unchanged: 2, errors: [] });
      expect((await community.delete(`/api/v1/imports/${res.json().batchId}`)).statusCode).toBe(204);
    });
  });
});
