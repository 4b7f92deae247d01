// Accounts for members and residents, and the first run's pieces: a top region (system scope
// only), the setup status, the region tree import (row report, idempotent), bulk accounts with
// activation codes (scope all-or-nothing, the sheet to hand out), activation (wrong, expired,
// used, locked), self-activation by members and household heads (errors that reveal nothing),
// and linking a login to a member — each audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../src/domain/directory/id-number';
import { stableId } from '../src/server/seed/demo';
import { DEMO, TEST_ADMIN, createTestApp, describeStores, type Client, type TestApp } from './support/harness';
import { bodyBuffer, buildXlsxFromObjects, readXlsx, uploadSheet } from './support/xlsx';

const CITY = stableId('region::临江市');
const DISTRICT = stableId(`region:${CITY}:江滨区`);
const DONGCHENG = stableId(`region:${DISTRICT}:东城街道`);
const XIHU = stableId(`region:${DISTRICT}:西湖街道`);
const XINGFU = stableId(`region:${DONGCHENG}:幸福社区`);
const CUIHU = stableId(`region:${XIHU}:翠湖社区`);
const TAX = stableId('organization:临江市税务局机关党支部');

const REGION_HEADERS = ['区/县', '街道/乡镇', '社区/村', '网格', '楼栋'];
const PASSWORD = 'Lanterns-by-the-river-7';

describeStores('accounts', (store) => {
  let t: TestApp;
  let admin: Client;
  let community: Client;
  let unit: Client;
  let supervisor: Client;
  let member: Client;
  let seq = 100;

  const lastAudit = async () => Number((await t.database.db.selectFrom('audit_event').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m ?? 0);
  const auditSince = (since: number) => t.database.db.selectFrom('audit_event').selectAll().where('id', '>', since).orderBy('id').execute();
  const userCount = async () => Number((await t.database.db.selectFrom('app_user').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  /** A member added through the API, living in a community (and working at the tax bureau when asked). */
  async function addMember(by: Client, residenceRegionId: string | null, opts: { employer?: boolean; name?: string } = {}) {
    seq++;
    const body = {
      name: opts.name ?? `测试${seq}`,
      phone: `137${String(10_000_000 + seq).slice(-8)}`,
      idNumber: makeIdNumber('330102', '1980-01-01', seq),
      ...(residenceRegionId ? { residenceRegionId } : {}),
      ...(opts.employer ? { employerOrgId: TAX } : {}),
    };
    const res = await by.post('/api/v1/members', body);
    expect(res.statusCode, res.body).toBe(201);
    return { id: res.json<{ id: string }>().id, ...body };
  }

  beforeAll(async () => {
    t = await createTestApp(store, { loginRateLimitPerMinute: 100_000 });
    admin = await t.login(TEST_ADMIN.account);
    community = await t.login(DEMO.community_staff);
    unit = await t.login(DEMO.unit_admin);
    supervisor = await t.login(DEMO.supervisor);
    member = await t.login(DEMO.member);
  });
  afterAll(async () => t?.close());

  describe('first run', () => {
    it('creates a top region for a system administrator only, audited', async () => {
      const since = await lastAudit();
      const res = await admin.post('/api/v1/regions', { kind: 'district', name: '清河县' });
      expect(res.statusCode, res.body).toBe(201);
      const top = res.json<{ id: string; parentId: string | null; kind: string }>();
      expect(top).toMatchObject({ parentId: null, kind: 'district' });
      expect((await auditSince(since)).map((a) => [a.action, a.entity_id])).toEqual([['region.create', top.id]]);

      expect((await supervisor.post('/api/v1/regions', { kind: 'city', name: '别处市' })).statusCode).toBe(403);
      expect((await community.post('/api/v1/regions', { kind: 'district', name: '别处县' })).statusCode).toBe(403);
      const street = await admin.post('/api/v1/regions', { kind: 'street', name: '孤街道' });
      expect(street.statusCode).toBe(400);
      expect(street.json().error.code).toBe('REGION_KIND_MISMATCH');
      const again = await admin.post('/api/v1/regions', { kind: 'district', name: '清河县' });
      expect(again.statusCode).toBe(409);
      expect(await t.database.db.selectFrom('region').select('id').where('name', 'in', ['别处市', '别处县', '孤街道']).execute()).toEqual([]);
    });

    it('tells whether setup is needed, with counts for the administrator only', async () => {
      const a = await admin.get('/api/v1/setup');
      expect(a.statusCode).toBe(200);
      expect(a.json()).toMatchObject({ needsSetup: false, counts: { regions: expect.any(Number) } });
      const c = await community.get('/api/v1/setup');
      expect(c.json()).toEqual({ needsSetup: false, counts: null });
      expect((await t.client().get('/api/v1/setup')).statusCode).toBe(401);
    });
  });

  describe('region tree import', () => {
    it('reports broken rows, writes the rest, and finds everything unchanged the second time', async () => {
      const rows = [
        { '区/县': '江滨区', '街道/乡镇': '东城街道', '社区/村': '幸福社区', 网格: '幸福社区第三网格', 楼栋: '幸福里9号楼' },
        { '区/县': '江滨区', '街道/乡镇': '南湖街道', '社区/村': '南湖社区' },
        { '区/县': '江滨区', '街道/乡镇': '南湖街道', '社区/村': '桃源村', 网格: '桃源村一组' },
        { '区/县': '新区', '街道/乡镇': '新街道', '社区/村': '新社区' },
        { '区/县': '江滨区', '社区/村': '无街社区' },
        { '区/县': '江滨区', '街道/乡镇': '南湖街道', 楼栋: '悬空楼' },
        { '区/县': '江滨区', '街道/乡镇': '南湖街道', '社区/村': '南湖社区' },
        { '区/县': '江滨区', '街道/乡镇': '东城街道', '社区/村': '幸福社区' },
      ];
      const file = await buildXlsxFromObjects(REGION_HEADERS, rows);
      const before = Number((await t.database.db.selectFrom('region').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const res = await uploadSheet(admin, 'regions', file);
      expect(res.statusCode, res.body).toBe(201);
      const report = res.json<{ batchId: string; validRows: number; errorRows: number; toCreate: number; errors: Array<{ row: number; column: string | null; code: string }> }>();
      expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
        [6, '街道/乡镇', 'REQUIRED'],
        [7, '社区/村', 'REQUIRED'],
        [7, '网格', 'REQUIRED'],
        [8, null, 'DUPLICATE_ROW'],
      ]);
      expect(report).toMatchObject({ validRows: 5, errorRows: 3, toCreate: 4, unchanged: 1 });
      // Validating wrote no place.
      expect(Number((await t.database.db.selectFrom('region').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(before);

      const since = await lastAudit();
      const committed = await admin.post(`/api/v1/imports/${report.batchId}/commit`);
      expect(committed.statusCode, committed.body).toBe(200);
      const added = await t.database.db.selectFrom('region').select(['name', 'kind', 'village', 'parent_id']).where('name', 'in', ['幸福社区第三网格', '幸福里9号楼', '南湖街道', '南湖社区', '桃源村', '桃源村一组', '新区', '新街道', '新社区']).execute();
      const byName = Object.fromEntries(added.map((r) => [r.name, r]));
      expect(Object.keys(byName).sort()).toEqual(['南湖社区', '南湖街道', '幸福社区第三网格', '幸福里9号楼', '新区', '新社区', '新街道', '桃源村', '桃源村一组'].sort());
      expect(byName['南湖街道']).toMatchObject({ kind: 'street', parent_id: DISTRICT });
      expect(byName['新区']).toMatchObject({ kind: 'district', parent_id: CITY });
      expect(byName['桃源村']).toMatchObject({ kind: 'community', village: true });
      expect(byName['幸福社区第三网格']).toMatchObject({ kind: 'grid', parent_id: XINGFU });
      expect((await auditSince(since)).map((a) => a.action)).toEqual(['import.commit']);
      expect(await t.database.db.selectFrom('region_history').select('action').where('region_id', '=', (await t.database.db.selectFrom('region').select('id').where('name', '=', '南湖街道').executeTakeFirstOrThrow()).id).execute()).toEqual([{ action: 'create' }]);

      const again = await uploadSheet(admin, 'regions', await buildXlsxFromObjects(REGION_HEADERS, rows.slice(0, 4)));
      expect(again.json()).toMatchObject({ validRows: 4, toCreate: 0, unchanged: 4 });
    });

    it('refuses places outside the importer’s scope, and a place found at the wrong level', async () => {
      const res = await uploadSheet(
        community,
        'regions',
        await buildXlsxFromObjects(REGION_HEADERS, [
          { '区/县': '江滨区', '街道/乡镇': '东城街道', '社区/村': '幸福社区', 网格: '幸福社区第四网格' },
          { '区/县': '江滨区', '街道/乡镇': '西湖街道', '社区/村': '翠湖社区', 网格: '翠湖社区第九网格' },
        ]),
      );
      const report = res.json<{ errors: Array<{ row: number; code: string }> }>();
      // The community staff reaches 幸福社区 only: the anchor (the district) is outside, so both rows are refused.
      expect(report.errors.map((e) => [e.row, e.code])).toEqual([
        [2, 'OUT_OF_SCOPE'],
        [3, 'OUT_OF_SCOPE'],
      ]);
      // A building straight under the community (a level may be skipped), then a sheet that calls it a grid.
      expect((await admin.post('/api/v1/regions', { parentId: XINGFU, kind: 'building', name: '社区直属楼' })).statusCode).toBe(201);
      const wrong = await uploadSheet(admin, 'regions', await buildXlsxFromObjects(REGION_HEADERS, [{ '区/县': '江滨区', '街道/乡镇': '东城街道', '社区/村': '幸福社区', 网格: '社区直属楼' }]));
      expect(wrong.json<{ errors: Array<{ code: string }> }>().errors.map((e) => e.code)).toEqual(['REGION_KIND_MISMATCH']);
    });

    it('offers the template', async () => {
      const res = await admin.get('/api/v1/imports/templates/regions');
      expect(res.statusCode).toBe(200);
      const sheet = await readXlsx(bodyBuffer(res));
      expect(sheet.headers.map((h) => h.replace('*', ''))).toEqual(REGION_HEADERS);
    });
  });

  describe('bulk accounts and activation', () => {
    it('issues accounts and codes for a community’s members, keeps only a keyed hash, and refuses other scopes whole', async () => {
      const mine = [await addMember(community, XINGFU), await addMember(community, XINGFU)];
      const theirs = await addMember(admin, CUIHU);
      const users = await userCount();
      const refused = await community.post('/api/v1/accounts/bulk', { memberIds: [mine[0]!.id, theirs.id] });
      expect(refused.statusCode).toBe(403);
      expect(await userCount()).toBe(users);
      expect((await member.post('/api/v1/accounts/bulk', { memberIds: [mine[0]!.id] })).statusCode).toBe(403);
      expect((await community.post('/api/v1/accounts/bulk', { memberIds: [mine[0]!.id], communityId: XINGFU })).json().error.code).toBe('ACCOUNTS_SELECTION');

      const since = await lastAudit();
      const res = await community.post('/api/v1/accounts/bulk', { memberIds: mine.map((m) => m.id) });
      expect(res.statusCode, res.body).toBe(201);
      const result = res.json<{ created: number; skipped: number; items: Array<{ memberId: string; account: string; code: string; phoneMasked: string }> }>();
      expect(result.created).toBe(2);
      expect(result.items.map((i) => i.memberId).sort()).toEqual(mine.map((m) => m.id).sort());
      for (const i of result.items) {
        expect(i.code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
        expect(i.phoneMasked).toMatch(/^137\*{4}\d{4}$/);
      }
      const stored = await t.database.db.selectFrom('activation_code').select(['code_hash', 'expires_at']).where('user_id', 'in', (await t.database.db.selectFrom('member').select('user_id').where('id', 'in', mine.map((m) => m.id)).execute()).map((m) => m.user_id!)).execute();
      expect(stored).toHaveLength(2);
      for (const s of stored) {
        expect(result.items.some((i) => s.code_hash.includes(i.code.replace(/-/g, '')))).toBe(false);
        const days = (s.expires_at.getTime() - Date.now()) / 86_400_000;
        expect(days).toBeGreaterThan(13.9);
        expect(days).toBeLessThan(14.1);
      }
      const audit = await auditSince(since);
      expect(audit.map((a) => a.action)).toEqual(['account.bulk_issue']);
      expect(JSON.stringify(audit[0]!.after)).not.toContain(result.items[0]!.code);

      // The sheet: a new code for the same (not yet activated) members, names and masked phones.
      const sheetRes = await community.request('POST', '/api/v1/accounts/bulk/sheet', { memberIds: mine.map((m) => m.id) });
      expect(sheetRes.statusCode).toBe(201);
      const sheet = await readXlsx(bodyBuffer(sheetRes));
      expect(sheet.headers).toEqual(['姓名', '账号', '手机号', '激活码', '有效期至']);
      expect(sheet.rows.map((r) => r['姓名']).sort()).toEqual(mine.map((m) => m.name).sort());
      expect(sheet.rows.every((r) => /\*{4}/.test(r['手机号']!))).toBe(true);
      // The first codes were replaced by the sheet's.
      const old = result.items[0]!;
      const oldUse = await t.client().post('/api/v1/accounts/activate', { account: old.account, code: old.code, password: PASSWORD });
      expect(oldUse.json().error.code).toBe('ACTIVATION_INVALID');
      const fresh = sheet.rows.find((r) => r['账号'] === old.account)!;

      const ok = await t.client().post('/api/v1/accounts/activate', { account: old.account.toUpperCase(), code: fresh['激活码']!.toLowerCase(), password: PASSWORD });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toEqual({ account: old.account });
      const me = await t.login(old.account, PASSWORD);
      const who = (await me.get('/api/v1/auth/me')).json<{ user: { roles: Array<{ role: string }> } }>();
      expect(who.user.roles.map((r) => r.role)).toEqual(['member']);
      const used = await t.client().post('/api/v1/accounts/activate', { account: old.account, code: fresh['激活码'], password: 'Another-long-pass-99' });
      expect(used.statusCode).toBe(409);
      expect(used.json().error.code).toBe('ACTIVATION_USED');
      // An activated member is skipped by the next bulk request.
      const next = await community.post('/api/v1/accounts/bulk', { memberIds: [mine[0]!.id, mine[1]!.id] });
      expect(next.json()).toMatchObject({ skipped: 1, created: 1 });

      // Expired: the code of the second member, aged past its expiry.
      const second = next.json<{ items: Array<{ account: string; code: string }> }>().items[0]!;
      await t.database.db.updateTable('activation_code').set({ expires_at: new Date(Date.now() - 1000) }).where('used_at', 'is', null).execute();
      const expired = await t.client().post('/api/v1/accounts/activate', { account: second.account, code: second.code, password: PASSWORD });
      expect(expired.statusCode).toBe(400);
      expect(expired.json().error.code).toBe('ACTIVATION_EXPIRED');
      expect((await t.client().post('/api/v1/auth/login', { account: second.account, password: PASSWORD })).statusCode).toBe(401);
    });

    it('takes a unit’s members, or a community’s, in one request', async () => {
      const worker = await addMember(unit, null, { employer: true });
      const res = await unit.post('/api/v1/accounts/bulk', { organizationId: TAX });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<{ items: Array<{ memberId: string }> }>().items.map((i) => i.memberId)).toContain(worker.id);
      const role = await t.database.db
        .selectFrom('role_assignment as ra')
        .innerJoin('member as m', 'm.user_id', 'ra.user_id')
        .select(['ra.role', 'ra.scope_type', 'ra.organization_id'])
        .where('m.id', '=', worker.id)
        .executeTakeFirstOrThrow();
      expect(role).toEqual({ role: 'member', scope_type: 'organization', organization_id: TAX });
      expect((await unit.post('/api/v1/accounts/bulk', { communityId: CUIHU })).statusCode).toBe(403);
    });

    it('locks activation after repeated wrong codes for one account', async () => {
      const m = await addMember(community, XINGFU);
      const issued = (await community.post('/api/v1/accounts/bulk', { memberIds: [m.id] })).json<{ items: Array<{ account: string; code: string }> }>().items[0]!;
      for (let i = 0; i < 5; i++) {
        const wrong = await t.client().post('/api/v1/accounts/activate', { account: issued.account, code: 'AAAA-BBBB-CCCC-DDDD', password: PASSWORD });
        expect(wrong.json().error.code).toBe('ACTIVATION_INVALID');
      }
      const locked = await t.client().post('/api/v1/accounts/activate', { account: issued.account, code: issued.code, password: PASSWORD });
      expect(locked.statusCode).toBe(429);
      expect(locked.json().error.code).toBe('ACTIVATION_LOCKED');
    });
  });

  describe('self-activation', () => {
    it('lets a member in the directory prove who they are, with the same answer for every failure', async () => {
      const m = await addMember(community, XINGFU, { name: '周自证' });
      const since = await lastAudit();
      const attempts = [
        { name: '周自证', phone: m.phone, idLast6: '000000' },
        { name: '周别人', phone: m.phone, idLast6: m.idNumber.slice(-6) },
        { name: '周自证', phone: '13900009999', idLast6: m.idNumber.slice(-6) },
      ];
      const answers = [];
      for (const a of attempts) answers.push(await t.client().post('/api/v1/accounts/self-activate', { kind: 'member', ...a, password: PASSWORD }));
      expect(answers.map((r) => r.statusCode)).toEqual([400, 400, 400]);
      expect(new Set(answers.map((r) => r.body)).size).toBe(1);
      expect(answers[0]!.json().error.code).toBe('ACTIVATION_NOT_CONFIRMED');

      const ok = await t.client().post('/api/v1/accounts/self-activate', { kind: 'member', name: '周自证', phone: m.phone, idLast6: m.idNumber.slice(-6), password: PASSWORD });
      expect(ok.statusCode, ok.body).toBe(200);
      const { account } = ok.json<{ account: string }>();
      const me = await t.login(account, PASSWORD);
      expect((await me.get('/api/v1/auth/me')).json().user.roles.map((r: { role: string }) => r.role)).toEqual(['member']);
      // Logging in by phone works too.
      expect((await t.client().post('/api/v1/auth/login', { account: m.phone, password: PASSWORD })).statusCode).toBe(200);
      const twice = await t.client().post('/api/v1/accounts/self-activate', { kind: 'member', name: '周自证', phone: m.phone, idLast6: m.idNumber.slice(-6), password: PASSWORD });
      expect(twice.body).toBe(answers[0]!.body);
      const audit = await auditSince(since);
      expect(audit.filter((a) => a.action === 'account.self_activate').map((a) => a.outcome)).toEqual(['failure', 'failure', 'failure', 'success', 'failure']);
      expect(JSON.stringify(audit.map((a) => a.after))).not.toContain(m.phone);
    });

    it('lets a household head activate as a resident of the community', async () => {
      const idNumber = makeIdNumber('330102', '1950-05-05', 321);
      const h = await community.post('/api/v1/households', { communityId: XINGFU, headName: '吴大娘', headPhone: '13622223333', headIdNumber: idNumber });
      expect(h.statusCode, h.body).toBe(201);
      const ok = await t.client().post('/api/v1/accounts/self-activate', { kind: 'resident', name: '吴大娘', phone: '136 2222 3333', idLast6: idNumber.slice(-6), password: PASSWORD });
      expect(ok.statusCode, ok.body).toBe(200);
      const me = await t.login(ok.json<{ account: string }>().account, PASSWORD);
      const roles = (await me.get('/api/v1/auth/me')).json<{ user: { roles: Array<{ role: string; scopeId: string }> } }>().user.roles;
      expect(roles.map((r) => [r.role, r.scopeId])).toEqual([['resident', XINGFU]]);
      // A member is not a household head: the wrong kind is not confirmed.
      expect((await t.client().post('/api/v1/accounts/self-activate', { kind: 'member', name: '吴大娘', phone: '13622223333', idLast6: idNumber.slice(-6), password: PASSWORD })).statusCode).toBe(400);
    });

    it('locks a person after repeated failures', async () => {
      const m = await addMember(community, XINGFU, { name: '钱多试' });
      for (let i = 0; i < 5; i++) await t.client().post('/api/v1/accounts/self-activate', { kind: 'member', name: '钱多试', phone: m.phone, idLast6: '999999', password: PASSWORD });
      const locked = await t.client().post('/api/v1/accounts/self-activate', { kind: 'member', name: '钱多试', phone: m.phone, idLast6: m.idNumber.slice(-6), password: PASSWORD });
      expect(locked.statusCode).toBe(429);
    });
  });

  describe('linking a login and a member', () => {
    it('links and unlinks within scope, audited, and refuses staff logins, other scopes and double links', async () => {
      const a = await addMember(community, XINGFU);
      const b = await addMember(community, XINGFU);
      const issued = (await community.post('/api/v1/accounts/bulk', { memberIds: [a.id] })).json<{ items: Array<{ account: string }> }>().items[0]!;
      const since = await lastAudit();
      const un = await community.delete(`/api/v1/members/${a.id}/account`);
      expect(un.statusCode, un.body).toBe(200);
      expect(un.json()).toMatchObject({ memberId: a.id, userId: null });
      const link = await community.request('PUT', `/api/v1/members/${b.id}/account`, { account: issued.account });
      expect(link.statusCode, link.body).toBe(200);
      expect(link.json()).toMatchObject({ memberId: b.id, account: issued.account, activated: false });
      expect((await auditSince(since)).map((x) => [x.action, x.entity_id])).toEqual([
        ['member.account_unlink', a.id],
        ['member.account_link', b.id],
      ]);
      expect((await community.request('PUT', `/api/v1/members/${a.id}/account`, { account: issued.account })).json().error.code).toBe('ACCOUNT_ALREADY_LINKED');
      expect((await community.request('PUT', `/api/v1/members/${b.id}/account`, { account: DEMO.resident })).json().error.code).toBe('MEMBER_ALREADY_LINKED');
      expect((await community.request('PUT', `/api/v1/members/${a.id}/account`, { account: DEMO.unit_admin })).statusCode).toBe(403);
      const other = await addMember(admin, CUIHU);
      expect((await community.request('PUT', `/api/v1/members/${other.id}/account`, { account: DEMO.resident })).statusCode).toBe(403);
      expect((await member.get(`/api/v1/members/${a.id}/account`)).statusCode).toBe(403);
      expect((await community.get(`/api/v1/members/${b.id}/account`)).json()).toMatchObject({ account: issued.account });
    });
  });
});
