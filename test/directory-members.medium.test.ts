// Members through the HTTP API: who creates whom (a community its residents, a unit its
// employees), who sees whom, which side changes which fields, masking of phone and ID number in
// every response and in the database, the audited reveal, search (name, pinyin initials, phone and
// ID tails, full phone), validation errors, paging and sorting, and an audit row for every write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckCharacter, makeIdNumber } from '../src/domain/directory/id-number';
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
const XINGFU_GRID2 = stableId(`region:${XINGFU}:幸福社区第二网格`);
const BUILDING3 = stableId(`region:${XINGFU_GRID1}:幸福里3号楼`);
const CUIHU_GRID1 = stableId(`region:${CUIHU}:翠湖社区第一网格`);
const TAX = stableId('organization:临江市税务局机关党支部');
const HOSPITAL = stableId('organization:临江市人民医院党委');
const MEMBER_USER = stableId('user:member');

/** A valid ID number whose check character is a digit (so that its last four digits are a 4-digit tail). */
function idNumber(birthDate: string, sequence: number): string {
  for (let s = sequence; ; s += 2) {
    const first17 = `330102${birthDate.replace(/-/g, '')}${String(s).padStart(3, '0')}`;
    if (idCheckCharacter(first17) !== 'X') return makeIdNumber('330102', birthDate, s);
  }
}

/** The people of this file: name, phone, ID number, and where they live and work. */
const P = {
  zhang: { name: '张建军', phone: '13812345678', idNumber: idNumber('1985-06-15', 11) },
  li: { name: '李晓丽', phone: '13987651111', idNumber: idNumber('1990-03-08', 22) },
  wang: { name: '王志刚', phone: '13700002222', idNumber: idNumber('1978-11-02', 31) },
  zhao: { name: '赵敏', phone: '13600003333', idNumber: idNumber('1982-01-20', 42) },
  sun: { name: '孙丽', phone: '13500004444', idNumber: idNumber('1995-07-30', 52) },
  zhou: { name: '周强', phone: '13400005555', idNumber: idNumber('1970-05-05', 61) },
} as const;
const ALL_SECRETS = Object.values(P).flatMap((p) => [p.phone, p.idNumber]);

interface MemberBody {
  id: string;
  name: string;
  phoneMasked: string | null;
  idNumberMasked: string | null;
  employerOrgId: string | null;
  residenceRegionId: string | null;
  gridRegionId: string | null;
  birthDate: string | null;
  gender: string | null;
  skills: string[];
  hasAccount: boolean;
  updatedAt: string;
}

describeStores('directory members', (store) => {
  let t: TestApp;
  let admin: Client;
  let supervisor: Client;
  let street: Client;
  let community: Client;
  let unit: Client;
  let member: Client;
  let resident: Client;
  const ids: Record<keyof typeof P, string> = { zhang: '', li: '', wang: '', zhao: '', sun: '', zhou: '' };

  const names = (res: { json(): { items: Array<{ name: string }> } }) => res.json().items.map((m) => m.name).sort();
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
    it('lets a community add its residents, with grid and building, and fills birth date and gender from the ID number', async () => {
      const since = await maxAuditId();
      const res = await community.post('/api/v1/members', {
        ...P.zhang,
        phone: '138 1234 5678',
        residenceRegionId: XINGFU,
        gridRegionId: XINGFU_GRID1,
        buildingRegionId: BUILDING3,
      });
      expect(res.statusCode, res.body).toBe(201);
      const m = res.json<MemberBody>();
      ids.zhang = m.id;
      expect(m).toMatchObject({
        name: '张建军',
        residenceRegionId: XINGFU,
        residenceName: '幸福社区',
        gridRegionId: XINGFU_GRID1,
        gridName: '幸福社区第一网格',
        buildingName: '幸福里3号楼',
        employerOrgId: null,
        birthDate: '1985-06-15',
        gender: Number(P.zhang.idNumber[16]) % 2 === 1 ? 'male' : 'female',
        phoneMasked: '138****5678',
        idNumberMasked: `3301**********${P.zhang.idNumber.slice(-4)}`,
        isPartyMember: true,
        status: 'active',
        hasAccount: false,
      });
      const audit = await auditSince(since);
      expect(audit.map((a) => a.action)).toEqual(['member.create']);
      expect(audit[0]).toMatchObject({ actor_account: 'community', entity_type: 'member', entity_id: m.id, outcome: 'success' });
      expect(audit[0]!.after).toMatchObject({ name: '张建军', residence_region_id: XINGFU, phone_masked: '138****5678' });
    });

    it('lets a unit add its employees', async () => {
      const since = await maxAuditId();
      const res = await unit.post('/api/v1/members', { ...P.li, employerOrgId: TAX, skills: ['法律咨询', ' 摄影 ', '法律咨询'], partyJoinedOn: '2012-07-01' });
      expect(res.statusCode, res.body).toBe(201);
      const m = res.json<MemberBody>();
      ids.li = m.id;
      expect(m).toMatchObject({ employerOrgId: TAX, employerName: '临江市税务局机关党支部', residenceRegionId: null, skills: ['法律咨询', '摄影'], partyJoinedOn: '2012-07-01' });
      const audit = await auditSince(since);
      expect(audit.map((a) => [a.action, a.actor_account, a.entity_id])).toEqual([['member.create', 'unit', m.id]]);
    });

    it('lets the administrator add members on both sides and anywhere', async () => {
      const mk = async (p: (typeof P)[keyof typeof P], extra: Record<string, unknown>) => {
        const res = await admin.post('/api/v1/members', { ...p, ...extra });
        expect(res.statusCode, res.body).toBe(201);
        return res.json<MemberBody>().id;
      };
      // 王志刚 lives in 幸福社区 and works at the tax bureau.
      ids.wang = await mk(P.wang, { residenceRegionId: XINGFU, gridRegionId: XINGFU_GRID1, employerOrgId: TAX });
      ids.zhao = await mk(P.zhao, { residenceRegionId: CUIHU, gridRegionId: CUIHU_GRID1 });
      ids.sun = await mk(P.sun, { residenceRegionId: HEPING });
      ids.zhou = await mk(P.zhou, { employerOrgId: HOSPITAL });
    });

    it('refuses a community one side it does not own: the employer, or a residence elsewhere', async () => {
      const base = { name: '钱多多', phone: '13811110000' };
      const withEmployer = await community.post('/api/v1/members', { ...base, residenceRegionId: XINGFU, employerOrgId: TAX });
      expect(withEmployer.statusCode).toBe(403);
      expect(withEmployer.json().error.code).toBe('FORBIDDEN');
      const elsewhere = await community.post('/api/v1/members', { ...base, residenceRegionId: CUIHU });
      expect(elsewhere.statusCode).toBe(403);
      const nowhere = await community.post('/api/v1/members', base);
      expect(nowhere.statusCode).toBe(403);
      const unitSetsResidence = await unit.post('/api/v1/members', { ...base, employerOrgId: TAX, residenceRegionId: XINGFU });
      expect(unitSetsResidence.statusCode).toBe(403);
      const otherUnit = await unit.post('/api/v1/members', { ...base, employerOrgId: HOSPITAL });
      expect(otherUnit.statusCode).toBe(403);
      expect(await t.database.db.selectFrom('member').select('id').where('name', '=', '钱多多').execute()).toEqual([]);
    });

    it('answers 400 ID_NUMBER_INVALID for a wrong check character, at body/idNumber', async () => {
      const good = idNumber('1988-08-08', 71);
      const wrongCheck = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
      const res = await community.post('/api/v1/members', { name: '错号人', idNumber: wrongCheck, residenceRegionId: XINGFU });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('ID_NUMBER_INVALID');
      expect(res.json().error.details).toEqual([{ path: 'body/idNumber', message: 'checksum' }]);
      const badDate = await community.post('/api/v1/members', { name: '错号人', idNumber: makeIdNumber('330102', '1985-02-30', 1), residenceRegionId: XINGFU });
      expect(badDate.statusCode).toBe(400);
      expect(badDate.json().error.details[0]).toMatchObject({ path: 'body/idNumber', message: 'birth_date' });
    });

    it('answers 409 MEMBER_EXISTS for an ID number already held, even by a member out of sight', async () => {
      const res = await community.post('/api/v1/members', { name: '冒名者', idNumber: P.zhao.idNumber.toLowerCase(), residenceRegionId: XINGFU });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('MEMBER_EXISTS');
      const own = await unit.post('/api/v1/members', { name: '李晓丽二', idNumber: P.li.idNumber, employerOrgId: TAX });
      expect(own.statusCode).toBe(409);
    });

    it('answers 400 REGION_NOT_INSIDE for a grid outside the residence, and a building outside the grid', async () => {
      const grid = await community.post('/api/v1/members', { name: '网格错', residenceRegionId: XINGFU, gridRegionId: CUIHU_GRID1 });
      expect(grid.statusCode).toBe(400);
      expect(grid.json().error).toMatchObject({ code: 'REGION_NOT_INSIDE', details: [{ path: 'body/gridRegionId' }] });
      const building = await community.post('/api/v1/members', { name: '楼栋错', residenceRegionId: XINGFU, gridRegionId: XINGFU_GRID2, buildingRegionId: BUILDING3 });
      expect(building.statusCode).toBe(400);
      expect(building.json().error).toMatchObject({ code: 'REGION_NOT_INSIDE', details: [{ path: 'body/buildingRegionId' }] });
      const kind = await community.post('/api/v1/members', { name: '类型错', residenceRegionId: XINGFU_GRID1 });
      expect(kind.statusCode).toBe(400);
      expect(kind.json().error.code).toBe('REGION_KIND_MISMATCH');
    });
  });

  describe('scopes', () => {
    it('shows a community the residents of its community only', async () => {
      const res = await community.get('/api/v1/members?pageSize=100');
      expect(res.statusCode).toBe(200);
      expect(names(res)).toEqual(['张建军', '王志刚'].sort());
      expect(res.json().total).toBe(2);
    });

    it('shows a unit its employees only', async () => {
      expect(names(await unit.get('/api/v1/members?pageSize=100'))).toEqual(['李晓丽', '王志刚'].sort());
    });

    it('shows a street the residents of its communities', async () => {
      expect(names(await street.get('/api/v1/members?pageSize=100'))).toEqual(['孙丽', '张建军', '王志刚'].sort());
    });

    it('shows the city supervisor the residents of the city, and the administrator everybody', async () => {
      const sup = names(await supervisor.get('/api/v1/members?pageSize=100'));
      expect(sup).toEqual(expect.arrayContaining(['张建军', '王志刚', '赵敏', '孙丽']));
      expect(names(await admin.get('/api/v1/members?pageSize=100'))).toEqual(Object.values(P).map((p) => p.name).sort());
    });

    it('shows a member only his own record', async () => {
      await t.database.db.updateTable('member').set({ user_id: MEMBER_USER }).where('id', '=', ids.li).execute();
      const res = await member.get('/api/v1/members?pageSize=100');
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((m: MemberBody) => m.id)).toEqual([ids.li]);
      expect(res.json().items[0].hasAccount).toBe(true);
      expect((await member.get(`/api/v1/members/${ids.li}`)).statusCode).toBe(200);
      // A colleague at the same unit is not his to see.
      expect((await member.get(`/api/v1/members/${ids.wang}`)).statusCode).toBe(404);
      expect((await member.patch(`/api/v1/members/${ids.li}`, { phone: '13900009999' })).statusCode).toBe(403);
    });

    it('refuses a resident the member list', async () => {
      const res = await resident.get('/api/v1/members');
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
      expect((await resident.get(`/api/v1/members/${ids.zhang}`)).statusCode).toBe(403);
    });

    it('answers 404 for a member of another community or another unit', async () => {
      expect((await community.get(`/api/v1/members/${ids.zhao}`)).statusCode).toBe(404);
      expect((await community.get(`/api/v1/members/${ids.li}`)).statusCode).toBe(404);
      expect((await unit.get(`/api/v1/members/${ids.zhang}`)).statusCode).toBe(404);
      expect((await unit.get(`/api/v1/members/${ids.zhou}`)).statusCode).toBe(404);
      expect((await community.get(`/api/v1/members/${ids.wang}`)).statusCode).toBe(200);
      expect((await unit.get(`/api/v1/members/${ids.wang}`)).statusCode).toBe(200);
      expect((await community.patch(`/api/v1/members/${ids.zhao}`, { phone: '13900000000' })).statusCode).toBe(404);
    });
  });

  describe('each side changes its own fields', () => {
    it('refuses the community the employer fields and the unit the residence fields', async () => {
      const before = await t.database.db.selectFrom('member').selectAll().where('id', '=', ids.wang).executeTakeFirstOrThrow();
      for (const body of [{ employerOrgId: HOSPITAL }, { employerOrgId: null }]) {
        const res = await community.patch(`/api/v1/members/${ids.wang}`, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(403);
      }
      for (const body of [{ residenceRegionId: HEPING }, { residenceRegionId: null }, { gridRegionId: XINGFU_GRID2 }]) {
        const res = await unit.patch(`/api/v1/members/${ids.wang}`, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(403);
      }
      const after = await t.database.db.selectFrom('member').selectAll().where('id', '=', ids.wang).executeTakeFirstOrThrow();
      expect(after).toEqual(before);
    });

    it('lets both sides change the phone, and each its own side', async () => {
      const since = await maxAuditId();
      const byCommunity = await community.patch(`/api/v1/members/${ids.wang}`, { phone: '13700006666', gridRegionId: XINGFU_GRID2 });
      expect(byCommunity.statusCode, byCommunity.body).toBe(200);
      expect(byCommunity.json()).toMatchObject({ phoneMasked: '137****6666', gridRegionId: XINGFU_GRID2 });
      const byUnit = await unit.patch(`/api/v1/members/${ids.wang}`, { phone: P.wang.phone, skills: ['税务咨询'] });
      expect(byUnit.statusCode, byUnit.body).toBe(200);
      expect(byUnit.json()).toMatchObject({ phoneMasked: '137****2222', skills: ['税务咨询'], gridRegionId: XINGFU_GRID2 });
      const audit = await auditSince(since);
      expect(audit.map((a) => [a.action, a.actor_account, a.entity_id])).toEqual([
        ['member.update', 'community', ids.wang],
        ['member.update', 'unit', ids.wang],
      ]);
      expect(audit[0]!.before).toMatchObject({ grid_region_id: XINGFU_GRID1, phone_masked: '137****2222' });
      expect(audit[0]!.after).toMatchObject({ grid_region_id: XINGFU_GRID2, phone_masked: '137****6666' });
    });

    it('refuses a move of the residence out of the caller’s area, and a grid outside the residence', async () => {
      const away = await community.patch(`/api/v1/members/${ids.zhang}`, { residenceRegionId: CUIHU });
      expect(away.statusCode).toBe(403);
      const grid = await community.patch(`/api/v1/members/${ids.zhang}`, { gridRegionId: CUIHU_GRID1 });
      expect(grid.statusCode).toBe(400);
      expect(grid.json().error.code).toBe('REGION_NOT_INSIDE');
      const dup = await community.patch(`/api/v1/members/${ids.zhang}`, { idNumber: P.wang.idNumber });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().error.code).toBe('MEMBER_EXISTS');
    });
  });

  describe('personal data', () => {
    it('never returns a full phone or ID number in lists or details', async () => {
      const texts: string[] = [];
      for (const c of [admin, supervisor, street, community, unit, member]) {
        const list = await c.get('/api/v1/members?pageSize=100');
        expect(list.statusCode).toBe(200);
        texts.push(list.body);
        for (const m of list.json().items as MemberBody[]) {
          const detail = await c.get(`/api/v1/members/${m.id}`);
          expect(detail.statusCode).toBe(200);
          texts.push(detail.body);
          expect(m.phoneMasked ?? '').toMatch(/^\d{3}\*{4}\d{4}$/);
          expect(m.idNumberMasked ?? '').toMatch(/^\d{4}\*{10}[\dX]{4}$/);
        }
      }
      const all = texts.join('\n');
      for (const secret of ALL_SECRETS) expect(all).not.toContain(secret);
    });

    it('keeps no plain phone or ID number in the member table or the audit log', async () => {
      const rows = await t.database.db.selectFrom('member').selectAll().execute();
      expect(rows.length).toBeGreaterThanOrEqual(6);
      const text = JSON.stringify(rows);
      for (const secret of ALL_SECRETS) expect(text).not.toContain(secret);
      const zhang = rows.find((r) => r.id === ids.zhang)!;
      expect(zhang.phone_encrypted).toBeTruthy();
      expect(zhang.phone_hash).toBeTruthy();
      expect(zhang.id_number_encrypted).toBeTruthy();
      expect(zhang).toMatchObject({ phone_masked: '138****5678', phone_tail: '5678', id_tail: P.zhang.idNumber.slice(-4) });
      const audit = JSON.stringify(await t.database.db.selectFrom('audit_event').selectAll().where('entity_type', '=', 'member').execute());
      for (const secret of ALL_SECRETS) expect(audit).not.toContain(secret);
    });

    it('reveals the full value to a unit, with an audit row holding the reason', async () => {
      const since = await maxAuditId();
      const phone = await unit.post(`/api/v1/members/${ids.wang}/reveal`, { field: 'phone', reason: '联系参加志愿服务' });
      expect(phone.statusCode, phone.body).toBe(200);
      expect(phone.json()).toEqual({ field: 'phone', value: P.wang.phone });
      const id = await unit.post(`/api/v1/members/${ids.li}/reveal`, { field: 'idNumber', reason: '核对党员信息' });
      expect(id.json()).toEqual({ field: 'idNumber', value: P.li.idNumber });
      const audit = await auditSince(since);
      expect(audit.map((a) => [a.action, a.actor_account, a.entity_id])).toEqual([
        ['member.reveal', 'unit', ids.wang],
        ['member.reveal', 'unit', ids.li],
      ]);
      expect(audit[0]!.after).toEqual({ field: 'phone', reason: '联系参加志愿服务' });
      expect(JSON.stringify(audit)).not.toContain(P.wang.phone);
    });

    it('refuses the reveal to a community (no permission), out of reach, and without a reason', async () => {
      const res = await community.post(`/api/v1/members/${ids.zhang}/reveal`, { field: 'phone', reason: '联系' });
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'directory.member.reveal' } });
      expect((await unit.post(`/api/v1/members/${ids.zhang}/reveal`, { field: 'phone', reason: '联系一下' })).statusCode).toBe(404);
      const noReason = await unit.post(`/api/v1/members/${ids.wang}/reveal`, { field: 'phone' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('search, filters, paging and sorting', () => {
    const search = async (c: Client, q: string) => {
      const res = await c.get(`/api/v1/members?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, res.body).toBe(200);
      return names(res);
    };

    it('finds by a Chinese name fragment and by pinyin initials', async () => {
      expect(await search(community, '建军')).toEqual(['张建军']);
      expect(await search(community, 'zjj')).toEqual(['张建军']);
      expect(await search(community, 'ZJ')).toEqual(['张建军']);
      expect(await search(admin, '丽')).toEqual(['孙丽', '李晓丽'].sort());
      // Search stays inside the caller's reach.
      expect(await search(unit, 'zjj')).toEqual([]);
      expect(await search(community, '赵敏')).toEqual([]);
    });

    it('finds by the last four digits of the phone or of the ID number, and by the full phone', async () => {
      expect(await search(community, '5678')).toEqual(['张建军']);
      expect(await search(community, P.zhang.idNumber.slice(-4))).toEqual(['张建军']);
      expect(await search(community, '13812345678')).toEqual(['张建军']);
      expect(await search(community, '+86 138-1234-5678')).toEqual(['张建军']);
      expect(await search(admin, P.zhou.idNumber)).toEqual(['周强']);
      expect(await search(admin, '1381234')).toEqual([]);
    });

    it('filters by employer, by community, by skill and by status', async () => {
      expect(names(await admin.get(`/api/v1/members?employerOrgId=${TAX}`))).toEqual(['李晓丽', '王志刚'].sort());
      expect(names(await admin.get(`/api/v1/members?regionId=${DONGCHENG}`))).toEqual(['孙丽', '张建军', '王志刚'].sort());
      expect(names(await admin.get(`/api/v1/members?regionId=${XINGFU}`))).toEqual(['张建军', '王志刚'].sort());
      expect(names(await admin.get(`/api/v1/members?skill=${encodeURIComponent('摄影')}`))).toEqual(['李晓丽']);
      expect(names(await admin.get('/api/v1/members?status=left'))).toEqual([]);
    });

    it('filters by a grid: its residents are those whose grid it is', async () => {
      // 张建军 lives in 幸福社区第一网格; 王志刚 was moved to the second grid above.
      expect(names(await community.get(`/api/v1/members?regionId=${XINGFU_GRID1}`))).toEqual(['张建军']);
      expect(names(await community.get(`/api/v1/members?regionId=${XINGFU_GRID2}`))).toEqual(['王志刚']);
      expect(names(await community.get(`/api/v1/members?regionId=${BUILDING3}`))).toEqual(['张建军']);
    });

    it('pages and sorts', async () => {
      const all = (await admin.get('/api/v1/members?pageSize=100&sort=name')).json().items as MemberBody[];
      // Sorted by name means by pinyin: 李 l, 孙 s, 王 w, 张 zjj, 赵 zm, 周 zq.
      expect(all.map((m) => m.name)).toEqual(['李晓丽', '孙丽', '王志刚', '张建军', '赵敏', '周强']);
      const paged: string[] = [];
      for (let page = 1; page <= 3; page++) {
        const res = await admin.get(`/api/v1/members?pageSize=2&page=${page}&sort=name`);
        expect(res.json().total).toBe(6);
        expect(res.json().items).toHaveLength(2);
        paged.push(...res.json().items.map((m: MemberBody) => m.name));
      }
      expect(paged).toEqual(all.map((m) => m.name));
      expect((await admin.get('/api/v1/members?pageSize=2&page=4')).json()).toMatchObject({ items: [], total: 6 });
      const desc = (await admin.get('/api/v1/members?pageSize=100&sort=name&order=desc')).json().items as MemberBody[];
      expect(desc.map((m) => m.name)).toEqual(all.map((m) => m.name).reverse());
      const byBirth = (await admin.get('/api/v1/members?pageSize=100&sort=birthDate')).json().items as MemberBody[];
      expect(byBirth.map((m) => m.name)).toEqual(['周强', '王志刚', '赵敏', '张建军', '李晓丽', '孙丽']);
      const tooBig = await admin.get('/api/v1/members?pageSize=100000');
      expect(tooBig.statusCode).toBe(400);
      const badSort = await admin.get('/api/v1/members?sort=phone');
      expect(badSort.statusCode).toBe(400);
    });
  });

  describe('consistency of places', () => {
    it('does not keep the old community’s grid and building when the residence changes', async () => {
      const made = await admin.post('/api/v1/members', { name: '钱进', residenceRegionId: XINGFU, gridRegionId: XINGFU_GRID1, buildingRegionId: BUILDING3 });
      expect(made.statusCode, made.body).toBe(201);
      const res = await admin.patch(`/api/v1/members/${made.json().id}`, { residenceRegionId: HEPING });
      // Either refused (the grid is not inside the new residence) or the old grid and building cleared.
      if (res.statusCode === 200) {
        expect(res.json()).toMatchObject({ residenceRegionId: HEPING, gridRegionId: null, buildingRegionId: null });
      } else {
        expect(res.statusCode).toBe(400);
        expect(res.json().error.code).toBe('REGION_NOT_INSIDE');
      }
      const row = await t.database.db.selectFrom('member').select(['residence_region_id', 'grid_region_id']).where('id', '=', made.json().id).executeTakeFirstOrThrow();
      expect(row.residence_region_id === HEPING && row.grid_region_id === XINGFU_GRID1, JSON.stringify(row)).toBe(false);
    });
  });
});
