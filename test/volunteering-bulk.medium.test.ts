// Bulk decisions on hour requests (POST /volunteering/hour-requests/decisions): the organiser
// approves or refuses a page of supplementary hours at once, all or nothing with a report per
// refused row (another organiser's activity, a request decided already), one audit row and one
// ledger entry per approval; and the exports of the hour requests and of the ledger, filtered.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO, TEST_ADMIN, createTestApp, describeStores, type Client, type TestApp } from './support/harness';
import { XLSX_MIME, bodyBuffer, readXlsx } from './support/xlsx';
import { PLACES, addMember, auditSince, inMinutes, maxAuditId, publish, type TestMember } from './volunteering-helpers';

describeStores('volunteering: bulk decisions on hour requests', (store) => {
  let t: TestApp;
  let admin: Client;
  let community: Client;
  let someone: TestMember;
  const ours: string[] = [];
  const theirs: string[] = [];

  const status = async (ids: string[]) => new Set((await t.database.db.selectFrom('hour_request').select('status').where('id', 'in', ids).execute()).map((r) => r.status));
  const writes = async (since: number) => (await auditSince(t, since)).filter((a) => a.outcome === 'success');
  const decide = (c: Client, body: Record<string, unknown>) => c.post('/api/v1/volunteering/hour-requests/decisions', body);

  /** Members who served at the activity, forgot to scan and asked for supplementary hours. */
  const requests = async (activityId: string, n: number, prefix: string) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const m = await addMember(t, { name: `${prefix}${i}` });
      expect((await m.client.post(`/api/v1/volunteering/activities/${activityId}/signup`)).statusCode).toBe(201);
      const req = await m.client.post('/api/v1/volunteering/hour-requests', { kind: 'supplementary', activityId, startedAt: inMinutes(-90), endedAt: inMinutes(-30), reason: '忘记扫码签到' });
      expect(req.statusCode, req.body).toBe(201);
      ids.push(req.json().id);
      someone = m;
    }
    return ids;
  };

  beforeAll(async () => {
    t = await createTestApp(store);
    admin = await t.login(TEST_ADMIN.account);
    community = await t.login(DEMO.community_staff);
    ours.push(...(await requests(await publish(community, { startsIn: -90, lastsMinutes: 120, capacity: 30 }), 12, '幸福志愿者')));
    theirs.push(...(await requests(await publish(admin, { startsIn: -90, lastsMinutes: 120, regionId: PLACES.heping, title: '和平社区义诊' }), 2, '和平志愿者')));
  });
  afterAll(async () => t?.close());

  it('refuses a member, and a request holding another organiser’s rows, changing nothing', async () => {
    const since = await maxAuditId(t);
    const byMember = await decide(someone.client, { decision: 'approve', ids: ours.slice(0, 2) });
    expect(byMember.statusCode).toBe(403);
    const mixed = await decide(community, { decision: 'approve', ids: [...ours.slice(0, 3), theirs[0]] });
    expect(mixed.statusCode).toBe(403);
    expect(mixed.json().error).toMatchObject({ code: 'BULK_REFUSED', details: { total: 4, refused: 1, rows: [{ id: theirs[0], code: 'FORBIDDEN', status: 'pending' }] } });
    const unknown = await decide(community, { decision: 'approve', ids: [ours[0], '0b9c5a3e-1f7d-4c1e-9a55-3d2f4e6a7b8c'] });
    expect(unknown.json().error.details.rows).toEqual([{ id: '0b9c5a3e-1f7d-4c1e-9a55-3d2f4e6a7b8c', code: 'NOT_FOUND', status: null }]);
    const noNote = await decide(community, { decision: 'reject', ids: ours.slice(0, 1) });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.code).toBe('REASON_REQUIRED');
    expect(await status([...ours, ...theirs])).toEqual(new Set(['pending']));
    expect(await t.database.db.selectFrom('hour_entry').select('id').where('request_id', 'in', [...ours, ...theirs]).execute()).toEqual([]);
    expect(await writes(since)).toEqual([]);
  });

  it('approves the chosen requests at once: an entry, an audit row and a notice each', async () => {
    const chosen = ours.slice(0, 10);
    const since = await maxAuditId(t);
    const res = await decide(community, { decision: 'approve', ids: chosen, note: '核实属实' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().decided).toBe(10);
    expect(res.json().items.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual(chosen.map((id) => [id, 'approved']));
    const entries = await t.database.db.selectFrom('hour_entry').select(['request_id', 'method']).where('request_id', 'in', chosen).execute();
    expect(entries.map((e) => e.request_id).sort()).toEqual([...chosen].sort());
    expect(new Set(entries.map((e) => e.method))).toEqual(new Set(['supplementary']));
    const audit = await writes(since);
    expect(audit.map((a) => a.action)).toEqual(chosen.map(() => 'volunteering.hours.approve'));
    expect(audit.map((a) => a.entity_id)).toEqual(chosen);
    expect(await status(ours.slice(10))).toEqual(new Set(['pending']));
  });

  it('refuses the whole request when a row is decided already, then refuses the rest with one note', async () => {
    const since = await maxAuditId(t);
    const again = await decide(community, { decision: 'reject', ids: [ours[0], ...ours.slice(10)], note: '重复申请' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'BULK_REFUSED', details: { refused: 1, rows: [{ id: ours[0], code: 'REQUEST_DECIDED', status: 'approved' }] } });
    expect(await status(ours.slice(10))).toEqual(new Set(['pending']));
    expect(await writes(since)).toEqual([]);
    const res = await decide(community, { decision: 'reject', ids: ours.slice(10), note: '当天未到场' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await status(ours.slice(10))).toEqual(new Set(['rejected']));
    expect((await writes(since)).map((a) => [a.action, a.entity_id])).toEqual(ours.slice(10).map((id) => ['volunteering.hours.reject', id]));
  });

  it('exports the hour requests and the ledger as filtered, audited', async () => {
    const since = await maxAuditId(t);
    const res = await community.get('/api/v1/volunteering/hour-requests/export?status=approved');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    const sheet = await readXlsx(bodyBuffer(res));
    expect(sheet.rows).toHaveLength(10);
    expect(new Set(sheet.rows.map((r) => r['状态']))).toEqual(new Set(['已通过']));
    expect(new Set(sheet.rows.map((r) => r['审核意见']))).toEqual(new Set(['核实属实']));
    // Unfiltered, the file holds exactly the list's rows in the list's order.
    const all = await readXlsx(bodyBuffer(await community.get('/api/v1/volunteering/hour-requests/export')));
    const list = (await community.get('/api/v1/volunteering/hour-requests?pageSize=200')).json().items as Array<{ memberName: string; status: string }>;
    expect(all.rows.map((r) => r['党员'])).toEqual(list.map((r) => r.memberName));
    expect(all.rows.length).toBeGreaterThanOrEqual(12);
    const ledger = await readXlsx(bodyBuffer(await community.get('/api/v1/volunteering/hour-entries/export?method=supplementary')));
    expect(ledger.rows).toHaveLength(10);
    expect(new Set(ledger.rows.map((r) => r['记录方式']))).toEqual(new Set(['补录']));
    expect((await writes(since)).map((a) => a.action)).toEqual(['volunteering.hour_requests.export', 'volunteering.hour_requests.export', 'volunteering.hours.export']);
    expect((await someone.client.get('/api/v1/volunteering/hour-requests/export')).statusCode).toBe(403);
  });
});
