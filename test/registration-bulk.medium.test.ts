// Bulk decisions on registrations (POST /registrations/decisions): the community confirms or
// rejects hundreds in one request, by ids or by the queue's filter; all or nothing with a report
// per refused row (another community's rows, rows already decided); one audit row per row; wrong
// roles refused; the residence corrected and the members told, as with one decision.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localDateIn } from '../src/server/platform/time';
import { stableId } from '../src/server/seed/demo';
import { DEMO, TEST_ADMIN, createTestApp, describeStores, type Client, type TestApp } from './support/harness';

const CITY = stableId('region::临江市');
const DISTRICT = stableId(`region:${CITY}:江滨区`);
const DONGCHENG = stableId(`region:${DISTRICT}:东城街道`);
const XINGFU = stableId(`region:${DONGCHENG}:幸福社区`);
const HEPING = stableId(`region:${DONGCHENG}:和平社区`);
const TAX = stableId('organization:临江市税务局机关党支部');
const MEMBER_USER = stableId('user:member');
const XINGFU_COUNT = 300;
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

    const notes = (await member.get('/api/v1/notifications')).json().items as Array<{ title: string; body: string }>;
    const card = body.items.find((i) => i.id === correcting.registrationId)!.cardNo;
    expect(notes.filter((n) => n.title === '报到已确认').map((n) => n.body)).toEqual([`幸福社区已确认您的报到，报到证号 ${card}`]);
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
});
