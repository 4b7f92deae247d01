// Check-in and the hours ledger through the HTTP API: the rotating QR token and 6-character code
// (expiry and replay), check-out before check-in, hours capped by the scheduled length and rounded,
// the organiser's roster check-in, supplementary hours needing approval, corrections that add a
// version (the ledger is never edited), my hours with stars and points, and the audit rows.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { codeFor, tokenFor, windowOf } from '../src/domain/volunteering/checkin-code';
import { DEMO, createTestApp, describeStores, type Client, type TestApp } from './support/harness';
import { addMember, auditSince, inMinutes, maxAuditId, publish, type TestMember } from './volunteering-helpers';

describeStores('volunteering: check-in and hours', (store) => {
  let t: TestApp;
  let community: Client;
  let unit: Client;
  let a: TestMember;
  let b: TestMember;
  let c: TestMember;

  beforeAll(async () => {
    t = await createTestApp(store, { loginRateLimitPerMinute: 10_000 });
    community = await t.login(DEMO.community_staff);
    unit = await t.login(DEMO.unit_admin);
    a = await addMember(t, { name: '甲志愿者' });
    b = await addMember(t, { name: '乙志愿者' });
    c = await addMember(t, { name: '丙志愿者' });
  });
  afterAll(async () => t?.close());

  const secretOf = async (id: string) => (await t.database.db.selectFrom('volunteer_activity').select('checkin_secret').where('id', '=', id).executeTakeFirstOrThrow()).checkin_secret;
  const signUp = async (m: TestMember, id: string) => expect((await m.client.post(`/api/v1/volunteering/activities/${id}/signup`)).statusCode).toBe(201);
  const backdateCheckIn = (id: string, m: TestMember, minutesAgo: number) =>
    t.database.db
      .updateTable('volunteer_signup')
      .set({ checked_in_at: new Date(Date.now() - minutesAgo * 60_000) })
      .where('activity_id', '=', id)
      .where('member_id', '=', m.memberId)
      .execute();

  it('shows the organiser a rotating code and lets a member check in and out with it', async () => {
    const id = await publish(community, { startsIn: -30, lastsMinutes: 120 });
    await signUp(a, id);
    const code = await community.get(`/api/v1/volunteering/activities/${id}/check-code`);
    expect(code.statusCode).toBe(200);
    const body = code.json();
    expect(body.code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(body.qrUrl).toContain(`/volunteering/check-in/${id}?t=`);
    expect(body.qrSvg).toContain('<svg');
    expect(body.windowSeconds).toBe(30);
    expect((await a.client.get(`/api/v1/volunteering/activities/${id}/check-code`)).statusCode).toBe(403);
    expect((await unit.get(`/api/v1/volunteering/activities/${id}/check-code`)).statusCode).toBe(403);

    const since = await maxAuditId(t);
    const inRes = await a.client.post(`/api/v1/volunteering/activities/${id}/check-in`, { code: body.code.toLowerCase() });
    expect(inRes.statusCode).toBe(200);
    expect(inRes.json().signup.checkedInAt).not.toBeNull();
    // Replaying the same code (or the token) cannot check in twice.
    const again = await a.client.post(`/api/v1/volunteering/activities/${id}/check-in`, { token: body.token });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALREADY_CHECKED_IN');
    await backdateCheckIn(id, a, 100);
    const out = await a.client.post(`/api/v1/volunteering/activities/${id}/check-out`, { token: body.token });
    expect(out.statusCode).toBe(200);
    // 100 minutes of service rounded down to the 30-minute unit.
    expect(out.json().entry).toMatchObject({ hours: 1.5, method: 'code' });
    const entry = await t.database.db.selectFrom('hour_entry').selectAll().where('member_id', '=', a.memberId).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ minutes: 90, method: 'code', activity_id: id, version: 1, superseded_by: null });
    expect(entry.verified_by).not.toBeNull();
    const actions = (await auditSince(t, since)).map((x) => x.action);
    expect(actions).toEqual(expect.arrayContaining(['volunteering.check_in', 'volunteering.check_out']));
    const twice = await a.client.post(`/api/v1/volunteering/activities/${id}/check-out`, { code: body.code });
    expect(twice.json().error.code).toBe('ALREADY_CHECKED_OUT');
  });

  it('refuses an expired QR token or code, a forged one, and another activity’s', async () => {
    const id = await publish(community, { startsIn: -10, lastsMinutes: 60 });
    const other = await publish(community, { startsIn: -10, lastsMinutes: 60 });
    await signUp(b, id);
    const secret = await secretOf(id);
    const w = windowOf(Date.now());
    const old = await b.client.post(`/api/v1/volunteering/activities/${id}/check-in`, { token: tokenFor(secret, w - 2) });
    expect(old.statusCode).toBe(409);
    expect(old.json().error.code).toBe('CODE_EXPIRED');
    const oldCode = await b.client.post(`/api/v1/volunteering/activities/${id}/check-in`, { code: codeFor(secret, w - 3) });
    expect(oldCode.json().error.code).toBe('CODE_EXPIRED');
    const forged = await b.client.post(`/api/v1/volunteering/activities/${id}/check-in`, { token: `${w}.${tokenFor(secret, w - 2).split('.')[1]}` });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().error.code).toBe('CODE_INVALID');
    const foreign = await b.client.post(`/api/v1/volunteering/activities/${id}/check-in`, { token: tokenFor(await secretOf(other), w) });
    expect(foreign.json().error.code).toBe('CODE_INVALID');
    const both = await b.client.post(`/api/v1/volunteering/activities/${id}/check-in`, { token: tokenFor(secret, w), code: codeFor(secret, w) });
    expect(both.json().error.code).toBe('CODE_REQUIRED');
    // The previous window is still fine (the screen just rotated).
    expect((await b.client.post(`/api/v1/volunteering/activities/${id}/check-in`, { token: tokenFor(secret, w - 1) })).statusCode).toBe(200);
    const row = await t.database.db.selectFrom('volunteer_signup').select('check_in_method').where('activity_id', '=', id).where('member_id', '=', b.memberId).executeTakeFirstOrThrow();
    expect(row.check_in_method).toBe('scan');
  });

  it('refuses check-out before check-in, and check-in for the waitlisted or not signed up', async () => {
    const id = await publish(community, { startsIn: -10, lastsMinutes: 60, capacity: 1 });
    await signUp(a, id);
    await signUp(c, id);
    const secret = await secretOf(id);
    const code = codeFor(secret, windowOf(Date.now()));
    const early = await a.client.post(`/api/v1/volunteering/activities/${id}/check-out`, { code });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('NOT_CHECKED_IN');
    expect((await c.client.post(`/api/v1/volunteering/activities/${id}/check-in`, { code })).json().error.code).toBe('NOT_CONFIRMED');
    expect((await b.client.post(`/api/v1/volunteering/activities/${id}/check-in`, { code })).json().error.code).toBe('NOT_SIGNED_UP');
    expect(await t.database.db.selectFrom('hour_entry').select('id').where('activity_id', '=', id).execute()).toHaveLength(0);
  });

  it('refuses check-in long before the start', async () => {
    const id = await publish(community, { startsIn: 180 });
    await signUp(a, id);
    const code = codeFor(await secretOf(id), windowOf(Date.now()));
    expect((await a.client.post(`/api/v1/volunteering/activities/${id}/check-in`, { code })).json().error.code).toBe('CHECK_IN_CLOSED');
  });

  it('caps the hours at the scheduled length, also when the organiser checks people in from the roster', async () => {
    const id = await publish(community, { startsIn: -20, lastsMinutes: 60 });
    await signUp(c, id);
    const since = await maxAuditId(t);
    const inRes = await community.post(`/api/v1/volunteering/activities/${id}/attendance`, { memberId: c.memberId, action: 'in' });
    expect(inRes.statusCode).toBe(200);
    await backdateCheckIn(id, c, 240);
    const out = await community.post(`/api/v1/volunteering/activities/${id}/attendance`, { memberId: c.memberId, action: 'out' });
    expect(out.json().entry).toMatchObject({ hours: 1, method: 'organiser' });
    const roster = await community.get(`/api/v1/volunteering/activities/${id}/roster`);
    expect(roster.json().items[0]).toMatchObject({ checkInMethod: 'organiser', hours: 1 });
    expect((await unit.post(`/api/v1/volunteering/activities/${id}/attendance`, { memberId: c.memberId, action: 'in' })).statusCode).toBe(403);
    expect((await auditSince(t, since)).filter((x) => x.action.startsWith('volunteering.check_'))).toHaveLength(2);
  });

  it('records supplementary hours only after the organiser approves, shown apart', async () => {
    const id = await publish(community, { startsIn: -90, lastsMinutes: 120 });
    await signUp(b, id);
    const before = (await b.client.get('/api/v1/volunteering/me/hours')).json();
    const req = await b.client.post('/api/v1/volunteering/hour-requests', { kind: 'supplementary', activityId: id, startedAt: inMinutes(-95), endedAt: inMinutes(-1), reason: '忘记扫码签到' });
    expect(req.statusCode).toBe(201);
    expect(req.json()).toMatchObject({ status: 'pending', hours: 1.5, kind: 'supplementary' });
    const dup = await b.client.post('/api/v1/volunteering/hour-requests', { kind: 'supplementary', activityId: id, startedAt: inMinutes(-90), endedAt: inMinutes(-1), reason: '再次申请' });
    expect(dup.json().error.code).toBe('REQUEST_PENDING');
    const pending = (await b.client.get('/api/v1/volunteering/me/hours')).json();
    expect(pending.pendingHours).toBe(before.pendingHours + 1.5);
    expect(pending.totalHours).toBe(before.totalHours);
    // The member cannot approve; another scope cannot either.
    expect((await b.client.post(`/api/v1/volunteering/hour-requests/${req.json().id}/approve`, {})).statusCode).toBe(403);
    expect((await unit.post(`/api/v1/volunteering/hour-requests/${req.json().id}/approve`, {})).statusCode).toBe(403);
    const queue = await community.get('/api/v1/volunteering/hour-requests?status=pending');
    expect(queue.json().items.map((r: { id: string }) => r.id)).toContain(req.json().id);
    const since = await maxAuditId(t);
    const ok = await community.post(`/api/v1/volunteering/hour-requests/${req.json().id}/approve`, { note: '核实属实' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', decidedByName: '张丽华' });
    const after = (await b.client.get('/api/v1/volunteering/me/hours')).json();
    expect(after.supplementaryHours).toBe(before.supplementaryHours + 1.5);
    expect(after.totalHours).toBe(before.totalHours + 1.5);
    expect(after.entries.find((e: { activityId: string }) => e.activityId === id)).toMatchObject({ method: 'supplementary', verifiedByName: '张丽华' });
    expect((await community.post(`/api/v1/volunteering/hour-requests/${req.json().id}/reject`, { note: '重复' })).json().error.code).toBe('REQUEST_DECIDED');
    expect((await auditSince(t, since)).map((x) => x.action)).toContain('volunteering.hours.approve');
    // Once in the ledger, a second supplementary request is refused: ask for a correction.
    const more = await b.client.post('/api/v1/volunteering/hour-requests', { kind: 'supplementary', activityId: id, startedAt: inMinutes(-90), endedAt: inMinutes(-1), reason: '再来一次' });
    expect(more.json().error.code).toBe('ENTRY_EXISTS');
  });

  it('rejects a supplementary request with a note, and nothing enters the ledger', async () => {
    const id = await publish(community, { startsIn: -60, lastsMinutes: 120 });
    await signUp(c, id);
    const req = await c.client.post('/api/v1/volunteering/hour-requests', { kind: 'supplementary', activityId: id, startedAt: inMinutes(-60), endedAt: inMinutes(-5), reason: '忘记扫码' });
    const no = await community.post(`/api/v1/volunteering/hour-requests/${req.json().id}/reject`, { note: '当天未到场' });
    expect(no.json()).toMatchObject({ status: 'rejected', decisionNote: '当天未到场' });
    expect(await t.database.db.selectFrom('hour_entry').select('id').where('activity_id', '=', id).execute()).toHaveLength(0);
  });

  it('corrects an entry by adding a version: the history keeps every version and the old row cannot be edited', async () => {
    const entry = await t.database.db.selectFrom('hour_entry').selectAll().where('member_id', '=', a.memberId).where('superseded_by', 'is', null).executeTakeFirstOrThrow();
    const act = await t.database.db.selectFrom('volunteer_activity').select(['starts_at', 'ends_at']).where('id', '=', entry.activity_id!).executeTakeFirstOrThrow();
    const req = await a.client.post('/api/v1/volunteering/hour-requests', { kind: 'correction', entryId: entry.id, startedAt: act.starts_at.toISOString(), endedAt: inMinutes(-1), reason: '签退晚了，实际服务更久' });
    expect(req.statusCode).toBe(201);
    expect(req.json()).toMatchObject({ kind: 'correction', currentHours: 1.5 });
    // Another member cannot ask to correct it.
    expect((await b.client.post('/api/v1/volunteering/hour-requests', { kind: 'correction', entryId: entry.id, startedAt: act.starts_at.toISOString(), endedAt: inMinutes(-1), reason: '不是我的' })).statusCode).toBe(404);
    const ok = await community.post(`/api/v1/volunteering/hour-requests/${req.json().id}/approve`, {});
    expect(ok.statusCode).toBe(200);
    const history = await a.client.get(`/api/v1/volunteering/hour-entries/${entry.id}/history`);
    expect(history.statusCode).toBe(200);
    const items = history.json().items;
    expect(items.map((e: { version: number; current: boolean }) => [e.version, e.current])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(items[0].hours).toBe(1.5);
    expect(items[1].note).toBe('签退晚了，实际服务更久');
    expect((await b.client.get(`/api/v1/volunteering/hour-entries/${entry.id}/history`)).statusCode).toBe(404);
    expect((await community.get(`/api/v1/volunteering/hour-entries/${entry.id}/history`)).statusCode).toBe(200);
    const db = t.database.db;
    await expect(db.updateTable('hour_entry').set({ minutes: 999 }).where('id', '=', entry.id).execute()).rejects.toThrow(/never edited/);
    await expect(db.deleteFrom('hour_entry').where('id', '=', entry.id).execute()).rejects.toThrow(/never deleted/);
    await expect(sql`update hour_entry set superseded_by = null where id = ${entry.id}`.execute(db)).rejects.toThrow();
  });

  it('shows my hours with totals, stars and points, and the ledger to staff in scope', async () => {
    const mine = await a.client.get('/api/v1/volunteering/me/hours');
    expect(mine.statusCode).toBe(200);
    const h = mine.json();
    expect(h.entries.every((e: { current: boolean }) => e.current)).toBe(true);
    expect(h.points).toBe(Math.floor(h.totalHours * 10));
    expect(h.star).toEqual({ stars: 0, nextAt: 100 });
    const staff = await community.get(`/api/v1/volunteering/hour-entries?memberId=${a.memberId}`);
    expect(staff.json().items.length).toBe(1);
    expect((await unit.get(`/api/v1/volunteering/hour-entries?memberId=${a.memberId}`)).json().items).toHaveLength(0);
    expect((await a.client.get('/api/v1/volunteering/hour-entries')).statusCode).toBe(403);
  });
});
