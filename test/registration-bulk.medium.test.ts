// Bulk decisions on registrations (POST /registrations/decisions): the community confirms or
// rejects hundreds in one request, by ids or by the queue's filter; all or nothing with a report
// per refused row (another community's rows, rows already decided); one audit row per row; wrong
// roles refused; the residence corrected and the members told, as with one decision. Then the
// exports of the queue, of who has not reported in, of the statistics tree and of the pairings:
// the page's filters applied, masked, streamed over several pages, audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateIn } from '../src/server/platform/time';
import { stableId } from '../src/server/seed/demo';
import { DEMO, TEST_ADMIN, createTestApp, describeStores, type Client, type TestApp } from './support/harness';
import { XLSX_MIME, bodyBuffer, readXlsx } from './support/xlsx';

const CITY = stableId('region::临江市');
const DISTRICT = stableId(`region:${CITY}:江滨区`);
const DONGCHENG = stableId(`region:${DISTRICT}:东城街道`);
const XINGFU = stableId(`region:${DONGCHENG}:幸福社区`);
const HEPING = stableId(`region:${DONGCHENG}:和平社区`);
const TAX = stableId('organization:临江市税务局机关党支部');
const MEMBER_USER = stableId('user:member');
/** More than one export page (1,000 rows) of 幸福社区 members. */
const XINGFU_COUNT = 1200;
const HEPING_COUNT = 5;

describeStores('registration: bulk decisions', (store) => {
  let t: TestApp;
  let admin: Client;
  let street: Client;
  let community: Client;
  let unit: Client;
  let member: Client;
  let cycleId = '';
  const xingfu: string[] = [];
  const heping: string[] = [];
  /** The member (linked to the demo member account) who asked to move his residence to 幸福社区. */
  let correcting = { memberId: '', registrationId: '' };

  const maxAuditId = async () =>
    Number((await t.database.db.selectFrom('audit_event').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m ?? 0);
  /** Audit rows of writes since `since` (refused requests leave rows of their own, outcome 'denied'). */
  const auditSince = (since: number) => t.database.db.selectFrom('audit_event').selectAll().where('id', '>', since).where('outcome', '=', 'success').orderBy('id').execute();
  const statuses = async (ids: string[]) => {
    const rows = await t.database.db.selectFrom('registration').select(['id', 'status']).where('id', 'in', ids).execute();
    return new Set(rows.map((r) => r.status));
  };
  const decide = (c: Client, body: Record<string, unknown>) => c.post('/api/v1/registrations/decisions', body);

  beforeAll(async () => {
    t = await createTestApp(store);
    admin = await t.login(TEST_ADMIN.account);
    street = await t.login(DEMO.street_staff);
    community = await t.login(DEMO.community_staff);
    unit = await t.login(DEMO.unit_admin);
    member = await t.login(DEMO.member);
    const cycle = await admin.post('/api/v1/registration-cycles', { name: '2026年度双报到', startsOn: localDateIn(-30), endsOn: localDateIn(60) });
    expect(cycle.statusCode, cycle.body).toBe(201);
    cycleId = cycle.json().id;
    // Members who reported in (fixture rows: the bulk decision is what is under test).
    const add = async (community: string, n: number, prefix: string) => {
      const members = await t.database.db
        .insertInto('member')
        .values(Array.from({ length: n }, (_, i) => ({ name: `${prefix}${i}`, name_initials: 'x', phone_masked: '139****0000', employer_org_id: TAX, residence_region_id: community, updated_at: new Date() })))
        .returning('id')
        .execute();
      const regs = await t.database.db
        .insertInto('registration')
        .values(members.map((m) => ({ kind: 'member' as const, cycle_id: cycleId, member_id: m.id, unit_org_id: TAX, community_id: community })))
        .returning('id')
        .execute();
      return regs.map((r) => r.id);
    };
    xingfu.push(...(await add(XINGFU, XINGFU_COUNT, '幸福成员')));
    heping.push(...(await add(HEPING, HEPING_COUNT, '和平成员')));
    const mover = await t.database.db
      .insertInto('member')
      .values({ name: '陈晓明', name_initials: 'cxm', employer_org_id: TAX, residence_region_id: HEPING, user_id: MEMBER_USER, updated_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const reg = await t.database.db
      .insertInto('registration')
      .values({ kind: 'member', cycle_id: cycleId, member_id: mover.id, unit_org_id: TAX, community_id: XINGFU, residence_correction: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    correcting = { memberId: mover.id, registrationId: reg.id };
  });
  afterAll(async () => t?.close());

  it('refuses roles that do not decide, and changes nothing', async () => {
    const since = await maxAuditId();
    // Street staff see the queue, but the community decides.
    for (const c of [street, unit, member]) {
      const res = await decide(c, { decision: 'confirm', ids: xingfu.slice(0, 3) });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    expect(await statuses([...xingfu, ...heping])).toEqual(new Set(['pending']));
    expect(await auditSince(since)).toEqual([]);
  });

  it('refuses the whole request when a row is another community’s, reporting each refused row', async () => {
    const since = await maxAuditId();
    const res = await decide(community, { decision: 'confirm', ids: [...xingfu.slice(0, 10), heping[0], heping[1]] });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({
      code: 'BULK_REFUSED',
      details: {
        total: 12,
        refused: 2,
        rows: [
          { id: heping[0], code: 'NOT_FOUND', status: null },
          { id: heping[1], code: 'NOT_FOUND', status: null },
        ],
      },
    });
    expect(await statuses([...xingfu, ...heping])).toEqual(new Set(['pending']));
    expect(await auditSince(since)).toEqual([]);
  });

  it('refuses the whole request when a row is decided already', async () => {
    const one = await community.post(`/api/v1/registrations/${xingfu[0]}/confirm`);
    expect(one.statusCode, one.body).toBe(200);
    const since = await maxAuditId();
    const res = await decide(community, { decision: 'reject', ids: xingfu.slice(0, 20), reason: '信息有误' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'BULK_REFUSED', details: { total: 20, refused: 1, rows: [{ id: xingfu[0], code: 'REGISTRATION_STATE', status: 'confirmed' }] } });
    expect(await statuses(xingfu.slice(1, 20))).toEqual(new Set(['pending']));
    expect(await auditSince(since)).toEqual([]);
  });

  it('asks for ids or a filter (not both) and a reason to reject', async () => {
    const both = await decide(community, { decision: 'confirm', ids: xingfu.slice(1, 2), filter: {} });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.code).toBe('BULK_TARGET');
    const neither = await decide(community, { decision: 'confirm' });
    expect(neither.json().error.code).toBe('BULK_TARGET');
    const noReason = await decide(community, { decision: 'reject', ids: xingfu.slice(1, 2) });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error).toMatchObject({ code: 'REASON_REQUIRED', details: [{ path: 'body/reason' }] });
    const notUuid = await decide(community, { decision: 'confirm', ids: ['nope'] });
    expect(notUuid.statusCode).toBe(400);
    expect(await statuses(xingfu.slice(1))).toEqual(new Set(['pending']));
  });

  it('confirms the chosen rows at once: a card each, an audit row each, the residence corrected, the member told', async () => {
    const chosen = [...xingfu.slice(1, 101), correcting.registrationId];
    const since = await maxAuditId();
    const res = await decide(community, { decision: 'confirm', ids: chosen });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { decided: number; items: Array<{ id: string; status: string; cardNo: string }> };
    expect(body.decided).toBe(chosen.length);
    expect(body.items.map((i) => i.id)).toEqual(chosen);
    expect(new Set(body.items.map((i) => i.status))).toEqual(new Set(['confirmed']));
    const year = localDateIn(-30).slice(0, 4);
    for (const i of body.items) expect(i.cardNo).toMatch(new RegExp(`^GJ${year}-\\d{6,}$`));
    expect(new Set(body.items.map((i) => i.cardNo)).size).toBe(chosen.length);

    const rows = await t.database.db.selectFrom('registration').select(['id', 'status', 'card_no', 'decided_by']).where('id', 'in', chosen).execute();
    expect(rows.every((r) => r.status === 'confirmed' && r.decided_by !== null)).toBe(true);
    expect(new Map(rows.map((r) => [r.id, r.card_no]))).toEqual(new Map(body.items.map((i) => [i.id, i.cardNo])));
    expect(await statuses(xingfu.slice(101))).toEqual(new Set(['pending']));

    const audit = await auditSince(since);
    const confirms = audit.filter((a) => a.action === 'registration.confirm');
    expect(confirms.map((a) => a.entity_id).sort()).toEqual([...chosen].sort());
    expect(confirms.every((a) => a.actor_account === DEMO.community_staff)).toBe(true);
    expect(audit.filter((a) => a.action === 'member.residence_corrected').map((a) => a.entity_id)).toEqual([correcting.memberId]);
    const moved = await t.database.db.selectFrom('member').select('residence_region_id').where('id', '=', correcting.memberId).executeTakeFirstOrThrow();
    expect(moved.residence_region_id).toBe(XINGFU);

    const notes = (await member.get('/api/v1/notifications')).json().items as Array<{ kind: string; params: Record<string, unknown> }>;
    const card = body.items.find((i) => i.id === correcting.registrationId)!.cardNo;
    expect(notes.filter((n) => n.kind === 'registration.confirmed').map((n) => n.params)).toEqual([{ communityName: '幸福社区', cardNo: card }]);
  });

  it('rejects every pending row the filter matches, with one reason, within the caller’s reach only', async () => {
    const since = await maxAuditId();
    // The administrator reaches both communities; the filter names 和平社区.
    const res = await decide(admin, { decision: 'reject', filter: { communityId: HEPING, cycleId }, reason: '请先核实居住社区' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().decided).toBe(HEPING_COUNT);
    expect(res.json().items.map((i: { id: string }) => i.id).sort()).toEqual([...heping].sort());
    const rows = await t.database.db.selectFrom('registration').select(['status', 'reject_reason']).where('id', 'in', heping).execute();
    expect(rows.every((r) => r.status === 'rejected' && r.reject_reason === '请先核实居住社区')).toBe(true);
    expect((await auditSince(since)).map((a) => [a.action, a.entity_id]).sort()).toEqual(heping.map((id) => ['registration.reject', id]).sort());
    expect(await statuses(xingfu.slice(101))).toEqual(new Set(['pending']));
  });

  it('confirms all pending that match the filter, and nothing outside the caller’s scope', async () => {
    // 幸福社区's staff names no community: only its own pending rows are in reach.
    const res = await decide(community, { decision: 'confirm', filter: { kind: 'member' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().decided).toBe(XINGFU_COUNT - 101);
    expect(await statuses(xingfu)).toEqual(new Set(['confirmed']));
    expect(await statuses(heping)).toEqual(new Set(['rejected']));
    // Nothing left to decide: a second run decides nothing.
    const again = await decide(community, { decision: 'confirm', filter: {} });
    expect(again.json()).toEqual({ decided: 0, items: [] });
  });

  describe('exports', () => {
    const download = async (c: Client, url: string) => {
      const res = await c.get(url);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX_MIME);
      expect(String(res.headers['content-disposition'])).toContain('.xlsx');
      return readXlsx(bodyBuffer(res));
    };

    it('exports the whole queue as filtered, over several pages, masked and audited', async () => {
      const since = await maxAuditId();
      const all = await download(community, '/api/v1/registrations/export?status=confirmed');
      expect(all.headers.slice(0, 4)).toEqual(['类型', '党员', '手机号', '单位']);
      expect(all.rows).toHaveLength(XINGFU_COUNT + 1);
      expect(new Set(all.rows.map((r) => r['状态']))).toEqual(new Set(['已确认']));
      expect(new Set(all.rows.map((r) => r['社区']))).toEqual(new Set(['幸福社区']));
      expect(all.rows.filter((r) => r['党员']!.startsWith('幸福成员')).every((r) => r['手机号'] === '139****0000')).toBe(true);
      expect(new Set(all.rows.map((r) => r['报到证号'])).size).toBe(XINGFU_COUNT + 1);
      // The search box applies: names holding 幸福成员1 (1, 10–19, 100–199, 1000–1199).
      const searched = await download(community, `/api/v1/registrations/export?q=${encodeURIComponent('幸福成员1')}&full=false`);
      expect(searched.rows).toHaveLength(1 + 10 + 100 + 200);
      // The rows are the list's rows: the first page of the list is the first rows of the file.
      const page = (await community.get('/api/v1/registrations?status=confirmed&pageSize=50')).json().items as Array<{ memberName: string; cardNo: string }>;
      expect(all.rows.slice(0, 50).map((r) => [r['党员'], r['报到证号']])).toEqual(page.map((r) => [r.memberName, r.cardNo]));
      const audit = await auditSince(since);
      expect(audit.map((a) => [a.action, a.actor_account])).toEqual([
        ['registration.export', DEMO.community_staff],
        ['registration.export', DEMO.community_staff],
      ]);
      expect(audit[0]!.after).toMatchObject({ rows: XINGFU_COUNT + 1, filters: { status: 'confirmed' } });
    });

    it('exports only the caller’s scope, refuses other roles and a full export', async () => {
      const rejected = await download(admin, '/api/v1/registrations/export?status=rejected');
      expect(rejected.rows.map((r) => [r['社区'], r['驳回理由']])).toEqual(Array.from({ length: HEPING_COUNT }, () => ['和平社区', '请先核实居住社区']));
      // 幸福社区's staff have no rejected rows in reach.
      expect((await download(community, '/api/v1/registrations/export?status=rejected')).rows).toEqual([]);
      expect((await t.client().get('/api/v1/registrations/export')).statusCode).toBe(401);
      const resident = await t.login(DEMO.resident);
      expect((await resident.get('/api/v1/registrations/export')).statusCode).toBe(403);
      const full = await community.get('/api/v1/registrations/export?full=true');
      expect(full.statusCode).toBe(400);
      expect(full.json().error.code).toBe('FULL_EXPORT_UNAVAILABLE');
      const bad = await community.get('/api/v1/registrations/export?status=nope');
      expect(bad.statusCode).toBe(400);
    });

    it('exports who has not reported in, as the page filters it', async () => {
      // 和平社区's members were rejected: they have not reported in.
      const sheet = await download(admin, `/api/v1/registrations/missing/export?kind=member&regionId=${HEPING}`);
      expect(sheet.rows.map((r) => r['党员']).sort()).toEqual(Array.from({ length: HEPING_COUNT }, (_, i) => `和平成员${i}`).sort());
      expect(new Set(sheet.rows.map((r) => r['手机号']))).toEqual(new Set(['139****0000']));
      expect((await download(community, '/api/v1/registrations/missing/export?kind=member')).rows).toEqual([]);
    });

    it('exports the statistics tree and the pairings as the pages show them', async () => {
      const stats = (await admin.get('/api/v1/registration-stats')).json() as { tree: Array<{ name: string; membersReported: number; membersExpected: number }> };
      const sheet = await download(admin, '/api/v1/registration-stats/export');
      expect(sheet.rows.map((r) => [r['地区'], Number(r['党员已报到']), Number(r['党员应报到'])])).toEqual(stats.tree.map((n) => [n.name, n.membersReported, n.membersExpected]));
      const xingfuRow = sheet.rows.find((r) => r['地区'] === '幸福社区')!;
      expect(xingfuRow).toMatchObject({ 层级: '社区(村)', 上级: '东城街道', 党员已报到: String(XINGFU_COUNT + 1) });
      const pairings = (await admin.get('/api/v1/pairings?pageSize=200')).json() as { items: Array<{ unitName: string; communityName: string }> };
      const pairSheet = await download(admin, '/api/v1/pairings/export');
      expect(pairSheet.rows.map((r) => [r['单位'], r['社区(村)']])).toEqual(pairings.items.map((p) => [p.unitName, p.communityName]));
    });
  });
});
