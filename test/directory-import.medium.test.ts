// Spreadsheet import and export through the HTTP API: templates, the row-by-row validation report
// (row, column, code) with nothing written before commit, commit in one go, re-import finding every
// row unchanged, refused files, formula injection neutralised on export, scope per row, batches
// private to their creator, households and organisations, and a 2,000-row sheet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { idCheckCharacter, makeIdNumber } from '../src/domain/directory/id-number';
import { stableId } from '../src/server/seed/demo';
import { DEMO, TEST_ADMIN, createTestApp, describeStores, type Client, type TestApp } from './support/harness';
import { XLSX_MIME, bodyBuffer, buildXlsx, buildXlsxFromObjects, readXlsx, uploadSheet, type CellInput } from './support/xlsx';

const CITY = stableId('region::临江市');
const DISTRICT = stableId(`region:${CITY}:江滨区`);
const DONGCHENG = stableId(`region:${DISTRICT}:东城街道`);
const XIHU = stableId(`region:${DISTRICT}:西湖街道`);
const XINGFU = stableId(`region:${DONGCHENG}:幸福社区`);
const CUIHU = stableId(`region:${XIHU}:翠湖社区`);
const XINGFU_GRID1 = stableId(`region:${XINGFU}:幸福社区第一网格`);
const BUILDING3 = stableId(`region:${XINGFU_GRID1}:幸福里3号楼`);
const TAX = stableId('organization:临江市税务局机关党支部');
const SUPERVISOR_ORG = stableId('organization:临江市直机关工委');

const MEMBER_HEADERS = ['姓名', '性别', '出生日期', '手机号', '身份证号', '是否党员', '入党日期', '工作单位', '居住社区', '网格', '楼栋', '技能特长', '状态'];
const HOUSEHOLD_HEADERS = ['社区', '网格', '楼栋', '单元', '房号', '户主姓名', '户主手机号', '户主身份证号', '家庭人数', '困难标签', '党员中心户', '备注'];
const ORG_HEADERS = ['组织名称', '组织类型', '上级组织', '所在区域', '行业类别', '优势特长', '书记', '联络员', '联系电话', '地址', '组织代码'];

function idNumber(birthDate: string, sequence: number): string {
  for (let s = sequence; ; s += 2) {
    const first17 = `330102${birthDate.replace(/-/g, '')}${String(s).padStart(3, '0')}`;
    if (idCheckCharacter(first17) !== 'X') return makeIdNumber('330102', birthDate, s);
  }
}

function wrongCheck(id: string): string {
  return id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
}

type Row = Record<string, CellInput>;

const today = () => new Date().toISOString().slice(0, 10);

interface Report {
  batchId: string;
  status: string;
  totalRows: number;
  validRows: number;
  errorRows: number;
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  errors: Array<{ row: number; column: string | null; code: string; message: string }>;
  preview: Array<Record<string, unknown>>;
}

describeStores('directory import', (store) => {
  let t: TestApp;
  let admin: Client;
  let supervisor: Client;
  let community: Client;
  let unit: Client;
  let street: Client;
  let resident: Client;

  const memberCount = async () => Number((await t.database.db.selectFrom('member').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const upload = async (c: Client, kind: 'members' | 'households' | 'organizations', rows: Row[], headers = kind === 'members' ? MEMBER_HEADERS : kind === 'households' ? HOUSEHOLD_HEADERS : ORG_HEADERS) => {
    const res = await uploadSheet(c, kind, await buildXlsxFromObjects(headers, rows), `${kind}-test.xlsx`);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Report>();
  };
  const commit = async (c: Client, batchId: string) => {
    const res = await c.post(`/api/v1/imports/${batchId}/commit`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Report>();
  };
  const maxAuditId = async () =>
    Number((await t.database.db.selectFrom('audit_event').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m ?? 0);
  const auditSince = (since: number) => t.database.db.selectFrom('audit_event').selectAll().where('id', '>', since).orderBy('id').execute();

  beforeAll(async () => {
    t = await createTestApp(store, { loginRateLimitPerMinute: 10_000 });
    admin = await t.login(TEST_ADMIN.account);
    supervisor = await t.login(DEMO.supervisor);
    community = await t.login(DEMO.community_staff);
    unit = await t.login(DEMO.unit_admin);
    street = await t.login(DEMO.street_staff);
    resident = await t.login(DEMO.resident);
  });
  afterAll(async () => t?.close());

  describe('templates', () => {
    it('serves the member template: Chinese headers with * on required ones, an example row and notes', async () => {
      const res = await community.get('/api/v1/imports/templates/members');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX_MIME);
      expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('党员导入模板.xlsx'));
      const sheet = await readXlsx(bodyBuffer(res));
      expect(sheet.headers).toEqual(['姓名*', ...MEMBER_HEADERS.slice(1)]);
      expect(sheet.rows).toHaveLength(1);
      expect(sheet.rows[0]).toMatchObject({ '姓名*': '张建军', 性别: '男', 居住社区: '幸福社区', 工作单位: '临江市税务局机关党支部' });
      expect(sheet.workbook.worksheets.map((w) => w.name)).toEqual(['党员', '说明']);
      // The ID number column is text, so Excel keeps all 18 digits.
      expect(sheet.worksheet.getRow(2).getCell(5).type).toBe(ExcelJS.ValueType.String);
    });

    it('serves the household and organisation templates to those who may import them, and no one else', async () => {
      const households = await readXlsx(bodyBuffer(await community.get('/api/v1/imports/templates/households')));
      expect(households.headers).toEqual(['社区*', ...HOUSEHOLD_HEADERS.slice(1, 5), '户主姓名*', ...HOUSEHOLD_HEADERS.slice(6)]);
      const orgs = await readXlsx(bodyBuffer(await supervisor.get('/api/v1/imports/templates/organizations')));
      expect(orgs.headers).toEqual(['组织名称*', '组织类型*', ...ORG_HEADERS.slice(2)]);
      expect((await unit.get('/api/v1/imports/templates/households')).statusCode).toBe(403);
      expect((await community.get('/api/v1/imports/templates/organizations')).statusCode).toBe(403);
      expect((await street.get('/api/v1/imports/templates/members')).statusCode).toBe(403);
      expect((await resident.get('/api/v1/imports/templates/members')).statusCode).toBe(403);
    });

    it('gives example rows whose ID numbers pass the import’s own check', async () => {
      const idErrors: Record<string, string[]> = {};
      for (const kind of ['members', 'households'] as const) {
        const template = bodyBuffer(await admin.get(`/api/v1/imports/templates/${kind}`));
        const res = await uploadSheet(admin, kind, template, `${kind}-template.xlsx`);
        expect(res.statusCode, res.body).toBe(201);
        idErrors[kind] = res.json<Report>().errors.filter((e) => e.column === '身份证号' || e.column === '户主身份证号').map((e) => e.code);
        expect((await admin.delete(`/api/v1/imports/${res.json().batchId}`)).statusCode).toBe(204);
      }
      expect(idErrors).toEqual({ members: [], households: [] });
    });
  });

  describe('members: validate, commit, re-import', () => {
    const zhang = { 姓名: '张建军', 手机号: '13812345678', 身份证号: idNumber('1985-06-15', 11), 居住社区: '幸福社区', 网格: '幸福社区第一网格', 楼栋: '幸福里3号楼', 技能特长: '法律咨询、摄影', 入党日期: '2008-07-01' };
    const li = { 姓名: '李红梅', 手机号: '13912340001', 身份证号: idNumber('1990-02-03', 22), 居住社区: '幸福社区', 是否党员: '否', 状态: '在册' };
    const rows: Row[] = [
      zhang, // 2
      li, // 3
      { 姓名: '错号', 身份证号: wrongCheck(idNumber('1970-01-01', 31)), 居住社区: '幸福社区' }, // 4
      { 姓名: '无社区', 手机号: '13912340002', 居住社区: '不存在社区' }, // 5
      { 姓名: '无单位', 手机号: '13912340003', 工作单位: '不存在单位', 居住社区: '幸福社区' }, // 6
      { ...zhang, 姓名: '张建军' }, // 7: the same ID number again
      { 姓名: '错手机', 手机号: '1234567', 居住社区: '幸福社区' }, // 8
      { 姓名: '错日期', 入党日期: '2023-02-30', 居住社区: '幸福社区' }, // 9
      { 姓名: '数字号', 身份证号: Number('330102198506151234'), 居住社区: '幸福社区' }, // 10: typed as a number (Excel keeps 15 digits)
    ];
    let firstBatch = '';

    it('reports every bad row with its row number, column and code, and writes nothing', async () => {
      const before = await memberCount();
      const since = await maxAuditId();
      const report = await upload(community, 'members', rows);
      firstBatch = report.batchId;
      expect(report).toMatchObject({ status: 'validated', totalRows: 9, validRows: 2, errorRows: 7, toCreate: 2, toUpdate: 0, unchanged: 0 });
      expect(report.errors.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
        { row: 4, column: '身份证号', code: 'ID_NUMBER_INVALID' },
        { row: 5, column: '居住社区', code: 'NOT_FOUND' },
        { row: 6, column: '工作单位', code: 'NOT_FOUND' },
        { row: 7, column: null, code: 'DUPLICATE_ROW' },
        { row: 8, column: '手机号', code: 'PHONE_INVALID' },
        { row: 9, column: '入党日期', code: 'DATE_INVALID' },
        { row: 10, column: '身份证号', code: 'ID_NUMBER_AS_NUMBER' },
      ]);
      for (const e of report.errors) expect(e.message.length).toBeGreaterThan(2);
      expect(report.errors.find((e) => e.row === 7)!.message).toContain('2');
      expect(report.preview.map((p) => [p['行'], p['操作'], p['姓名']])).toEqual([
        [2, '新增', '张建军'],
        [3, '新增', '李红梅'],
      ]);
      expect(report.preview[0]).toMatchObject({ 手机号: '138****5678' });
      // Nothing written, nothing personal kept in plain text.
      expect(await memberCount()).toBe(before);
      const batch = await t.database.db.selectFrom('import_batch').selectAll().where('id', '=', report.batchId).executeTakeFirstOrThrow();
      const stored = JSON.stringify(batch) + JSON.stringify(report);
      for (const secret of [zhang.手机号, zhang.身份证号, li.手机号, li.身份证号]) expect(stored).not.toContain(secret);
      const audit = await auditSince(since);
      expect(audit.map((a) => [a.action, a.actor_account, a.entity_id])).toEqual([['import.validate', 'community', report.batchId]]);
      expect((await community.get(`/api/v1/imports/${report.batchId}`)).json()).toMatchObject({ validRows: 2, errorRows: 7 });
      expect((await community.get('/api/v1/imports')).json().items.map((i: Report) => i.batchId)).toContain(report.batchId);
    });

    it('commits exactly the valid rows, once', async () => {
      const before = await memberCount();
      const since = await maxAuditId();
      const report = await commit(community, firstBatch);
      expect(report).toMatchObject({ status: 'committed', toCreate: 2, toUpdate: 0, unchanged: 0 });
      expect(await memberCount()).toBe(before + 2);
      const created = await t.database.db.selectFrom('member').selectAll().where('name', 'in', ['张建军', '李红梅']).orderBy('name').execute();
      expect(created).toHaveLength(2);
      const z = created.find((m) => m.name === '张建军')!;
      expect(z).toMatchObject({
        residence_region_id: XINGFU,
        grid_region_id: XINGFU_GRID1,
        building_region_id: BUILDING3,
        employer_org_id: null,
        birth_date: '1985-06-15',
        party_joined_on: '2008-07-01',
        phone_masked: '138****5678',
        name_initials: 'zjj',
        is_party_member: true,
        status: 'active',
      });
      expect(z.skills.sort()).toEqual(['摄影', '法律咨询'].sort());
      expect(created.find((m) => m.name === '李红梅')).toMatchObject({ is_party_member: false });
      expect(await t.database.db.selectFrom('member').select('id').where('name', 'in', ['错号', '无社区', '无单位', '错手机', '错日期', '数字号']).execute()).toEqual([]);
      const audit = await auditSince(since);
      expect(audit.map((a) => [a.action, a.actor_account, a.entity_id])).toEqual([['import.commit', 'community', firstBatch]]);
      expect(audit[0]!.after).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
      // The community sees them through the API, masked.
      const listed = (await community.get(`/api/v1/members?q=${encodeURIComponent('张建军')}`)).json().items;
      expect(listed).toHaveLength(1);
      expect(listed[0]).toMatchObject({ phoneMasked: '138****5678', gridName: '幸福社区第一网格' });

      const again = await community.post(`/api/v1/imports/${firstBatch}/commit`);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('IMPORT_NOT_PENDING');
      expect(await memberCount()).toBe(before + 2);
    });

    it('finds every row unchanged when the same sheet comes again, and its commit changes nothing', async () => {
      const before = await t.database.db.selectFrom('member').select(['id', 'updated_at']).orderBy('id').execute();
      const report = await upload(community, 'members', rows);
      expect(report).toMatchObject({ validRows: 2, errorRows: 7, toCreate: 0, toUpdate: 0, unchanged: 2 });
      expect(report.preview.map((p) => p['操作'])).toEqual(['不变', '不变']);
      const done = await commit(community, report.batchId);
      expect(done).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 2 });
      const after = await t.database.db.selectFrom('member').select(['id', 'updated_at']).orderBy('id').execute();
      expect(after).toEqual(before);
    });

    it('reports one update when one cell changed, and commits it', async () => {
      const changed = rows.map((r) => (r === li ? { ...li, 手机号: '13912349999' } : r));
      const report = await upload(community, 'members', changed);
      expect(report).toMatchObject({ validRows: 2, toCreate: 0, toUpdate: 1, unchanged: 1 });
      expect(report.preview.map((p) => [p['姓名'], p['操作']])).toEqual([
        ['张建军', '不变'],
        ['李红梅', '更新'],
      ]);
      const before = await memberCount();
      await commit(community, report.batchId);
      expect(await memberCount()).toBe(before);
      const m = await t.database.db.selectFrom('member').selectAll().where('name', '=', '李红梅').executeTakeFirstOrThrow();
      expect(m.phone_masked).toBe('139****9999');
      expect(m.phone_tail).toBe('9999');
    });

    it('keeps a batch to its creator, and refuses to commit a discarded one', async () => {
      const report = await upload(community, 'members', [{ 姓名: '待丢弃', 居住社区: '幸福社区' }]);
      expect((await unit.get(`/api/v1/imports/${report.batchId}`)).statusCode).toBe(404);
      expect((await unit.post(`/api/v1/imports/${report.batchId}/commit`)).statusCode).toBe(404);
      expect((await unit.delete(`/api/v1/imports/${report.batchId}`)).statusCode).toBe(404);
      expect((await unit.get('/api/v1/imports')).json().items.map((i: Report) => i.batchId)).not.toContain(report.batchId);
      const since = await maxAuditId();
      expect((await community.delete(`/api/v1/imports/${report.batchId}`)).statusCode).toBe(204);
      expect((await auditSince(since)).map((a) => a.action)).toEqual(['import.discard']);
      const res = await community.post(`/api/v1/imports/${report.batchId}/commit`);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('IMPORT_NOT_PENDING');
      expect((await community.delete(`/api/v1/imports/${report.batchId}`)).statusCode).toBe(409);
      expect((await community.get(`/api/v1/imports/${report.batchId}`)).json().status).toBe('discarded');
      expect(await t.database.db.selectFrom('member').select('id').where('name', '=', '待丢弃').execute()).toEqual([]);
    });

    it('accepts the template’s headers with their * and skips empty rows', async () => {
      const file = await buildXlsx(['姓名*', '居住社区', '手机号'], [['星号人', '幸福社区', '13912340100'], [null, null, null], ['第二人', '幸福社区', '13912340101']]);
      const res = await uploadSheet(community, 'members', file);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ totalRows: 2, validRows: 2, errorRows: 0 });
      expect(res.json().preview.map((p: Record<string, unknown>) => p['行'])).toEqual([2, 4]);
      await community.delete(`/api/v1/imports/${res.json().batchId}`);
    });
  });

  describe('refused files', () => {
    it('refuses a text file and PNG bytes named .xlsx (400 IMPORT_FILE_INVALID)', async () => {
      const before = await t.database.db.selectFrom('import_batch').select('id').execute();
      const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a50000000049454e44ae426082', 'hex');
      const zipNotWorkbook = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
      for (const [name, file] of [
        ['名单.xlsx', Buffer.from('姓名,手机号\n张三,13812345678\n', 'utf8')],
        ['photo.xlsx', png],
        ['broken.xlsx', zipNotWorkbook],
      ] as const) {
        const res = await uploadSheet(community, 'members', file, name);
        expect(res.statusCode, name).toBe(400);
        expect(res.json().error.code, name).toBe('IMPORT_FILE_INVALID');
      }
      expect(await t.database.db.selectFrom('import_batch').select('id').execute()).toEqual(before);
    });

    it('refuses another content type (415)', async () => {
      const file = await buildXlsx(MEMBER_HEADERS, [['某人']]);
      const res = await uploadSheet(community, 'members', file, 'x.xlsx', 'text/csv');
      expect(res.statusCode).toBe(415);
      expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it('refuses a sheet without data rows or without headers (400 IMPORT_EMPTY)', async () => {
      const headersOnly = await uploadSheet(community, 'members', await buildXlsx(MEMBER_HEADERS, []));
      expect(headersOnly.statusCode).toBe(400);
      expect(headersOnly.json().error.code).toBe('IMPORT_EMPTY');
      const blank = await uploadSheet(community, 'members', await buildXlsx([], []));
      expect(blank.statusCode).toBe(400);
      expect(blank.json().error.code).toBe('IMPORT_EMPTY');
    });

    it('refuses a sheet lacking a required column (400 IMPORT_HEADERS_MISSING)', async () => {
      const res = await uploadSheet(community, 'members', await buildXlsx(['名字', '手机号', '居住社区'], [['张三', '13812345678', '幸福社区']]));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('IMPORT_HEADERS_MISSING');
      expect(res.json().error.details).toMatchObject({ missing: ['姓名'] });
      const households = await uploadSheet(community, 'households', await buildXlsx(['社区', '房号'], [['幸福社区', '101']]));
      expect(households.json().error).toMatchObject({ code: 'IMPORT_HEADERS_MISSING', details: { missing: ['户主姓名'] } });
    });

    it('refuses a body over 10 MB (413)', async () => {
      const big = Buffer.alloc(10 * 1024 * 1024 + 1024, 0x41);
      big.writeUInt32LE(0x04034b50, 0);
      const res = await uploadSheet(community, 'members', big, 'big.xlsx');
      expect(res.statusCode).toBe(413);
      expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    });
  });

  describe('scope per row', () => {
    it('marks a unit’s rows for another unit or only a community as OUT_OF_SCOPE', async () => {
      const report = await upload(unit, 'members', [
        { 姓名: '本单位人', 手机号: '13700001001', 工作单位: '临江市税务局机关党支部' },
        { 姓名: '外单位人', 手机号: '13700001002', 工作单位: '临江市人民医院党委' },
        { 姓名: '居民甲', 手机号: '13700001003', 居住社区: '幸福社区' },
      ]);
      expect(report).toMatchObject({ validRows: 1, errorRows: 2, toCreate: 1 });
      expect(report.errors.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
        { row: 3, column: '工作单位', code: 'OUT_OF_SCOPE' },
        { row: 4, column: '居住社区', code: 'OUT_OF_SCOPE' },
      ]);
      await commit(unit, report.batchId);
      const created = await t.database.db.selectFrom('member').select(['name', 'employer_org_id']).where('name', 'in', ['本单位人', '外单位人', '居民甲']).execute();
      expect(created).toEqual([{ name: '本单位人', employer_org_id: TAX }]);
    });

    it('does not let an import change a member outside the importer’s reach by naming his ID number', async () => {
      // 赵敏 lives in 翠湖社区 and works nowhere the tax bureau reaches.
      const id = idNumber('1982-01-20', 42);
      const made = await admin.post('/api/v1/members', { name: '赵敏', phone: '13600003333', idNumber: id, residenceRegionId: CUIHU });
      expect(made.statusCode, made.body).toBe(201);
      const before = await t.database.db.selectFrom('member').selectAll().where('id', '=', made.json().id).executeTakeFirstOrThrow();
      expect((await unit.get(`/api/v1/members/${before.id}`)).statusCode).toBe(404);

      const report = await upload(unit, 'members', [{ 姓名: '赵敏改', 手机号: '13700009999', 身份证号: id, 工作单位: '临江市税务局机关党支部', 状态: '已转出' }]);
      // The row names a member the unit cannot see: it must not become an update of that member.
      expect(report.toUpdate).toBe(0);
      expect(report.errorRows).toBe(1);
      if (report.validRows > 0) await commit(unit, report.batchId);
      const after = await t.database.db.selectFrom('member').selectAll().where('id', '=', before.id).executeTakeFirstOrThrow();
      expect(after).toEqual(before);
      expect((await unit.get(`/api/v1/members/${before.id}`)).statusCode).toBe(404);
    });

    it('applies the API’s side rule: a community’s row cannot set the employer', async () => {
      // Through the API a community may not set employerOrgId (403); an import must not either.
      const report = await upload(community, 'members', [{ 姓名: '双报到人', 手机号: '13700002001', 居住社区: '幸福社区', 工作单位: '临江市税务局机关党支部' }]);
      expect(report.errors.map(({ row, column, code }) => ({ row, column, code }))).toEqual([{ row: 2, column: '工作单位', code: 'OUT_OF_SCOPE' }]);
      expect(report.validRows).toBe(0);
      await community.delete(`/api/v1/imports/${report.batchId}`);
    });
  });

  describe('formula injection', () => {
    it('exports text that looks like a formula as text with a leading apostrophe', async () => {
      const evil = '=HYPERLINK("http://x","y")';
      const report = await upload(community, 'members', [
        { 姓名: '公式人', 手机号: '13700003001', 居住社区: '幸福社区', 技能特长: evil },
        { 姓名: '加号人', 手机号: '13700003002', 居住社区: '幸福社区', 技能特长: '+1+1' },
      ]);
      expect(report).toMatchObject({ validRows: 2, errorRows: 0 });
      await commit(community, report.batchId);
      const stored = await t.database.db.selectFrom('member').select(['name', 'skills']).where('name', 'in', ['公式人', '加号人']).orderBy('name').execute();
      expect(stored.find((m) => m.name === '加号人')!.skills).toEqual(['+1+1']);

      const res = await community.get('/api/v1/members/export');
      expect(res.statusCode, res.body).toBe(200);
      const sheet = await readXlsx(bodyBuffer(res));
      expect(sheet.headers).toEqual(MEMBER_HEADERS);
      const col = sheet.headers.indexOf('技能特长') + 1;
      for (const name of ['公式人', '加号人']) {
        const index = sheet.rows.findIndex((r) => r['姓名'] === name);
        expect(index, name).toBeGreaterThanOrEqual(0);
        const cell = sheet.worksheet.getRow(index + 2).getCell(col);
        expect(cell.formula, name).toBeUndefined();
        expect(cell.type, name).toBe(ExcelJS.ValueType.String);
        expect(typeof cell.value).toBe('string');
        expect(String(cell.value).startsWith("'"), String(cell.value)).toBe(true);
      }
      // No cell anywhere in the export is a formula or starts like one.
      sheet.worksheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+\-@]/);
        }),
      );
    });

    it('exports members masked, and full only for a role with the reveal permission', async () => {
      const masked = await readXlsx(bodyBuffer(await community.get('/api/v1/members/export')));
      const zhang = masked.rows.find((r) => r['姓名'] === '张建军')!;
      expect(zhang['手机号']).toBe('138****5678');
      expect((await community.get('/api/v1/members/export?full=true')).statusCode).toBe(403);
      const full = await unit.get('/api/v1/members/export?full=true');
      expect(full.statusCode, full.body).toBe(200);
      const rows = (await readXlsx(bodyBuffer(full))).rows;
      expect(rows.find((r) => r['姓名'] === '本单位人')!['手机号']).toBe('13700001001');
      const audit = await t.database.db.selectFrom('audit_event').selectAll().where('action', '=', 'member.export').orderBy('id').execute();
      expect(audit.map((a) => [a.actor_account, (a.after as { full: boolean }).full])).toEqual(
        expect.arrayContaining([
          ['community', false],
          ['unit', true],
        ]),
      );
    });
  });

  describe('households', () => {
    const rows: Row[] = [
      { 社区: '幸福社区', 网格: '幸福社区第一网格', 楼栋: '幸福里3号楼', 单元: 2, 房号: '301', 户主姓名: '李秀兰', 户主手机号: '13912345678', 户主身份证号: idNumber('1952-03-04', 122), 家庭人数: 2, 困难标签: '空巢老人、低保', 党员中心户: '否' },
      { 社区: '幸福社区', 网格: '幸福社区第一网格', 房号: '302', 户主姓名: '王大海', 户主手机号: '13955550000', 家庭人数: '4', 困难标签: '退役军人', 党员中心户: '是', 备注: '热心居民' },
      { 社区: '翠湖社区', 房号: '101', 户主姓名: '赵翠' },
      { 社区: '幸福社区', 房号: '303', 户主姓名: '错标签', 困难标签: '富裕' },
    ];

    it('imports households with tags, finds them unchanged when imported again, and replaces tags on change', async () => {
      expect((await uploadSheet(unit, 'households', await buildXlsxFromObjects(HOUSEHOLD_HEADERS, rows))).statusCode).toBe(403);
      const report = await upload(community, 'households', rows);
      expect(report).toMatchObject({ totalRows: 4, validRows: 2, errorRows: 2, toCreate: 2 });
      expect(report.errors.map(({ row, column, code }) => ({ row, column, code }))).toEqual([
        { row: 4, column: '社区', code: 'OUT_OF_SCOPE' },
        { row: 5, column: '困难标签', code: 'VALUE_INVALID' },
      ]);
      await commit(community, report.batchId);
      const made = await t.database.db.selectFrom('household').selectAll().where('head_name', 'in', ['李秀兰', '王大海']).orderBy('head_name').execute();
      expect(made).toHaveLength(2);
      const li = made.find((h) => h.head_name === '李秀兰')!;
      expect(li).toMatchObject({ community_id: XINGFU, grid_id: XINGFU_GRID1, building_id: BUILDING3, unit_no: '2', room: '301', people_count: 2, is_lead_household: false, head_phone_masked: '139****5678' });
      expect(made.find((h) => h.head_name === '王大海')).toMatchObject({ people_count: 4, is_lead_household: true, notes: '热心居民' });
      const tags = await t.database.db.selectFrom('household_tag').select(['tag', 'verified_on', 'verified_by']).where('household_id', '=', li.id).orderBy('tag').execute();
      expect(tags).toEqual([
        { tag: 'elderly_alone', verified_on: today(), verified_by: stableId('user:community') },
        { tag: 'low_income', verified_on: today(), verified_by: stableId('user:community') },
      ]);
      expect(JSON.stringify(made)).not.toContain('13912345678');

      const again = await upload(community, 'households', rows);
      expect(again).toMatchObject({ validRows: 2, toCreate: 0, toUpdate: 0, unchanged: 2 });
      const stamps = made.map((h) => h.updated_at.toISOString());
      await commit(community, again.batchId);
      const after = await t.database.db.selectFrom('household').selectAll().where('head_name', 'in', ['李秀兰', '王大海']).orderBy('head_name').execute();
      expect(after.map((h) => h.updated_at.toISOString())).toEqual(stamps);

      const retagged = await upload(community, 'households', [{ ...rows[0], 困难标签: '残疾' }, rows[1]!]);
      expect(retagged).toMatchObject({ toCreate: 0, toUpdate: 1, unchanged: 1 });
      await commit(community, retagged.batchId);
      const newTags = await t.database.db.selectFrom('household_tag').select('tag').where('household_id', '=', li.id).execute();
      expect(newTags).toEqual([{ tag: 'disability' }]);
    });
  });

  describe('organisations', () => {
    it('imports a unit under the city’s working committee, and a second one whose parent is the first row', async () => {
      const report = await upload(supervisor, 'organizations', [
        { 组织名称: '临江市自然资源局机关党支部', 组织类型: '单位党组织', 上级组织: '临江市直机关工委', 所在区域: '临江市', 行业类别: '机关', 优势特长: '法律、建设', 书记: '王志刚', 联络员: '周敏', 联系电话: '13700000000', 地址: '临江市人民路 1 号' },
        { 组织名称: '临江市自然资源局测绘院党支部', 组织类型: '单位党组织', 上级组织: '临江市自然资源局机关党支部', 所在区域: '临江市', 行业类别: '事业单位' },
      ]);
      expect(report).toMatchObject({ validRows: 2, errorRows: 0, toCreate: 2, errors: [] });
      const since = await maxAuditId();
      await commit(supervisor, report.batchId);
      const first = await t.database.db.selectFrom('organization').selectAll().where('name', '=', '临江市自然资源局机关党支部').executeTakeFirstOrThrow();
      const second = await t.database.db.selectFrom('organization').selectAll().where('name', '=', '临江市自然资源局测绘院党支部').executeTakeFirstOrThrow();
      expect(first).toMatchObject({ kind: 'unit', parent_id: SUPERVISOR_ORG, region_id: CITY, sector: 'agency', secretary_name: '王志刚', liaison_name: '周敏', contact_phone_masked: '137****0000' });
      expect(first.strengths).toEqual(['法律', '建设']);
      expect(first.path).toMatch(new RegExp(`^/${SUPERVISOR_ORG}/${first.id}/$`));
      expect(second).toMatchObject({ kind: 'unit', parent_id: first.id, sector: 'institution' });
      expect(second.path).toBe(`${first.path}${second.id}/`);
      expect(JSON.stringify(first)).not.toContain('13700000000');
      expect((await auditSince(since)).map((a) => a.action)).toEqual(['import.commit']);
      // The API sees them with their parents.
      const detail = (await supervisor.get(`/api/v1/organizations/${second.id}`)).json();
      expect(detail.pathNames).toEqual(['临江市直机关工委', '临江市自然资源局机关党支部', '临江市自然资源局测绘院党支部']);

      const again = await upload(supervisor, 'organizations', [
        { 组织名称: '临江市自然资源局机关党支部', 组织类型: '单位党组织', 上级组织: '临江市直机关工委', 所在区域: '临江市', 行业类别: '机关', 优势特长: '法律、建设', 书记: '王志刚', 联络员: '周敏', 联系电话: '13700000000', 地址: '临江市人民路 1 号' },
        { 组织名称: '临江市自然资源局测绘院党支部', 组织类型: '单位党组织', 上级组织: '临江市自然资源局机关党支部', 所在区域: '临江市', 行业类别: '事业单位' },
      ]);
      expect(again).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 2 });
      await supervisor.delete(`/api/v1/imports/${again.batchId}`);
    });

    it('accepts a unit under a parent the importer reaches when the region column is empty', async () => {
      // POST /organizations with only parentId checks the scope with the parent's region; the import
      // checks it with the row's own (empty) region and refuses the row.
      const report = await upload(supervisor, 'organizations', [{ 组织名称: '临江市卫健委机关党支部', 组织类型: '单位党组织', 上级组织: '临江市直机关工委' }]);
      expect(report.errors).toEqual([]);
      expect(report).toMatchObject({ validRows: 1, toCreate: 1 });
      await supervisor.delete(`/api/v1/imports/${report.batchId}`);
    });

    it('refuses organisation imports to roles without both permissions (403)', async () => {
      const file = await buildXlsxFromObjects(ORG_HEADERS, [{ 组织名称: '某党支部', 组织类型: '单位党组织' }]);
      expect((await uploadSheet(community, 'organizations', file)).statusCode).toBe(403);
      // A street holds organization.write but not directory.import.
      expect((await uploadSheet(street, 'organizations', file)).statusCode).toBe(403);
    });
  });

  describe('two batches of the same sheet', () => {
    it('commits the second after the first without a 500 and without duplicate households', async () => {
      const sheet: Row[] = [{ 社区: '幸福社区', 房号: '808', 户主姓名: '双批户', 户主身份证号: idNumber('1950-01-01', 11) }];
      const a = await upload(community, 'households', sheet);
      const b = await upload(community, 'households', sheet);
      expect([a.toCreate, b.toCreate]).toEqual([1, 1]);
      await commit(community, a.batchId);
      const second = await community.post(`/api/v1/imports/${b.batchId}/commit`);
      expect(second.statusCode, second.body).not.toBe(500);
      expect([200, 409]).toContain(second.statusCode);
      expect(await t.database.db.selectFrom('household').select('id').where('head_name', '=', '双批户').execute()).toHaveLength(1);
    });

    it('does not create a member twice, nor report as created a row it did not write', async () => {
      const noId: Row[] = [{ 姓名: '双批人', 居住社区: '幸福社区', 手机号: '13811112222' }];
      const a = await upload(community, 'members', noId);
      const b = await upload(community, 'members', noId);
      await commit(community, a.batchId);
      const second = await community.post(`/api/v1/imports/${b.batchId}/commit`);
      expect([200, 409]).toContain(second.statusCode);
      expect(await t.database.db.selectFrom('member').select('id').where('name', '=', '双批人').execute()).toHaveLength(1);

      const withId: Row[] = [{ 姓名: '双批号', 居住社区: '幸福社区', 身份证号: idNumber('1951-02-03', 21) }];
      const c = await upload(community, 'members', withId);
      const d = await upload(community, 'members', withId);
      await commit(community, c.batchId);
      const fourth = await community.post(`/api/v1/imports/${d.batchId}/commit`);
      expect([200, 409]).toContain(fourth.statusCode);
      if (fourth.statusCode === 200) expect(fourth.json().toCreate, 'reported as created although nothing was inserted').toBe(0);
      expect(await t.database.db.selectFrom('member').select('id').where('name', '=', '双批号').execute()).toHaveLength(1);
    });
  });

  describe('volume', () => {
    it('validates and commits 2,000 members, and every one exists', async () => {
      const rows: Row[] = [];
      const start = Date.UTC(1960, 0, 1);
      for (let i = 0; i < 2000; i++) {
        const birth = new Date(start + i * 86_400_000 * 7).toISOString().slice(0, 10);
        rows.push({ 姓名: `批量${String(i).padStart(4, '0')}`, 手机号: `137${String(50_000_000 + i).padStart(8, '0')}`, 身份证号: makeIdNumber('330103', birth, 100 + (i % 800)), 居住社区: '幸福社区', 网格: '幸福社区第一网格', 技能特长: i % 3 === 0 ? '维修' : '' });
      }
      const started = Date.now();
      const before = await memberCount();
      const report = await upload(community, 'members', rows);
      expect(report).toMatchObject({ totalRows: 2000, validRows: 2000, errorRows: 0, toCreate: 2000 });
      expect(report.preview).toHaveLength(20);
      const done = await commit(community, report.batchId);
      expect(done).toMatchObject({ status: 'committed', toCreate: 2000 });
      expect(await memberCount()).toBe(before + 2000);
      const n = await t.database.db
        .selectFrom('member')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('name', 'like', '批量%')
        .where('residence_region_id', '=', XINGFU)
        .where('grid_region_id', '=', XINGFU_GRID1)
        .where('id_number_hash', 'is not', null)
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(2000);
      const listed = await community.get(`/api/v1/members?q=${encodeURIComponent('批量1999')}`);
      expect(listed.json().items.map((m: { name: string }) => m.name)).toEqual(['批量1999']);
      expect(Date.now() - started).toBeLessThan(30_000);
    });
  });
});
