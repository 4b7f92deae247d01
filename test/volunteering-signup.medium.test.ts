// Sign-ups through the HTTP API: publishing, a capacity that concurrent sign-ups never exceed, the
// waitlist in arrival order and its promotion on cancel, the cancellation deadline, who may sign
// up, the roster and its export, and an audit row for every write.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readSheet } from '../src/server/platform/xlsx';
import { DEMO, createTestApp, describeStores, type Client, type TestApp } from './support/harness';
import { PLACES, addMember, auditSince, maxAuditId, pairUnit, publish, type TestMember } from './volunteering-helpers';

interface SignupBody {
  id: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  seq: number;
  position: number | null;
}

describeStores('volunteering: sign-up', (store) => {
  let t: TestApp;
  let community: Client;
  let unit: Client;
  let street: Client;
  let resident: Client;
  let members: TestMember[] = [];

  beforeAll(async () => {
    t = await createTestApp(store, { loginRateLimitPerMinute: 10_000 });
    community = await t.login(DEMO.community_staff);
    unit = await t.login(DEMO.unit_admin);
    await pairUnit(t, PLACES.tax, PLACES.heping);
    street = await t.login(DEMO.street_staff);
    resident = await t.login(DEMO.resident);
    members = [];
    for (let i = 0; i < 40; i++) members.push(await addMember(t, { name: `志愿者${String(i).padStart(2, '0')}` }));
  });
  afterAll(async () => t?.close());

  const counts = async (activityId: string) => {
    const db = t.database.db;
    const a = await db.selectFrom('volunteer_activity').select(['confirmed_count', 'waitlist_count', 'capacity', 'last_seq']).where('id', '=', activityId).executeTakeFirstOrThrow();
    const rows = await db.selectFrom('volunteer_signup').select(['status', 'seq', 'member_id']).where('activity_id', '=', activityId).orderBy('seq').execute();
    return { a, rows, confirmed: rows.filter((r) => r.status === 'confirmed').length, waitlisted: rows.filter((r) => r.status === 'waitlisted').length };
  };

  it('never exceeds the capacity under concurrent sign-ups and waitlists the rest in arrival order', async () => {
    const id = await publish(community, { capacity: 12 });
    const since = await maxAuditId(t);
    const results = await Promise.all(members.map((m) => m.client.post(`/api/v1/volunteering/activities/${id}/signup`)));
    expect(results.map((r) => r.statusCode)).toEqual(members.map(() => 201));
    const bodies = results.map((r) => r.json<SignupBody>());
    const c = await counts(id);
    expect(c.confirmed).toBe(12);
    expect(c.waitlisted).toBe(28);
    expect(c.a).toMatchObject({ confirmed_count: 12, waitlist_count: 28, last_seq: 40 });
    // Arrival numbers are 1..40 without gaps; the first 12 are the confirmed ones.
    expect(c.rows.map((r) => r.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(c.rows.slice(0, 12).every((r) => r.status === 'confirmed')).toBe(true);
    // Each answer matches its row, and waitlist positions follow the arrival order.
    const waiting = bodies.filter((b) => b.status === 'waitlisted').sort((x, y) => x.seq - y.seq);
    expect(waiting.map((b) => b.position)).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
    const audit = (await auditSince(t, since)).filter((a) => a.action === 'volunteering.signup');
    expect(audit).toHaveLength(40);
    expect(new Set(audit.map((a) => a.entity_id)).size).toBe(40);
  });

  it('refuses a second sign-up by the same member, even sent at the same time', async () => {
    const id = await publish(community, { capacity: 5 });
    const m = members[0]!;
    const res = await Promise.all([1, 2, 3, 4].map(() => m.client.post(`/api/v1/volunteering/activities/${id}/signup`)));
    expect(res.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
    expect(res.find((r) => r.statusCode === 409)!.json().error.code).toBe('ALREADY_SIGNED_UP');
    const c = await counts(id);
    expect(c.rows).toHaveLength(1);
    expect(c.a.confirmed_count).toBe(1);
  });

  it('moves the waitlist up in order when a confirmed member cancels, and tells the one promoted', async () => {
    const id = await publish(community, { capacity: 2 });
    for (const m of members.slice(0, 5)) expect((await m.client.post(`/api/v1/volunteering/activities/${id}/signup`)).statusCode).toBe(201);
    const since = await maxAuditId(t);
    // The third in line leaves the waitlist: no promotion, the fourth becomes first.
    const w = await members[2]!.client.post(`/api/v1/volunteering/activities/${id}/signup/cancel`);
    expect(w.json()).toMatchObject({ status: 'cancelled' });
    let c = await counts(id);
    expect(c.a).toMatchObject({ confirmed_count: 2, waitlist_count: 2 });
    // The first confirmed leaves: the fourth (next in arrival order) is confirmed.
    const res = await members[0]!.client.post(`/api/v1/volunteering/activities/${id}/signup/cancel`);
    expect(res.statusCode).toBe(200);
    c = await counts(id);
    expect(c.a).toMatchObject({ confirmed_count: 2, waitlist_count: 1 });
    const byMember = new Map(c.rows.map((r) => [r.member_id, r.status]));
    expect(byMember.get(members[3]!.memberId)).toBe('confirmed');
    expect(byMember.get(members[4]!.memberId)).toBe('waitlisted');
    const mine = await members[4]!.client.get(`/api/v1/volunteering/activities/${id}`);
    expect(mine.json().mySignup).toMatchObject({ status: 'waitlisted', position: 1 });
    const note = await members[3]!.client.get('/api/v1/notifications');
    expect(note.json().items.some((n: { kind: string }) => n.kind === 'volunteering.promoted')).toBe(true);
    const audit = await auditSince(t, since);
    expect(audit.filter((a) => a.action === 'volunteering.signup.cancel')).toHaveLength(2);
    // Signing up again after cancelling joins the end of the line.
    const again = await members[0]!.client.post(`/api/v1/volunteering/activities/${id}/signup`);
    expect(again.json()).toMatchObject({ status: 'waitlisted', seq: 6, position: 2 });
  });

  it('refuses a confirmed member’s cancellation after the deadline, but lets the waitlisted leave', async () => {
    const id = await publish(community, { capacity: 1, startsIn: 60, cancelDeadlineHours: 2 });
    await members[5]!.client.post(`/api/v1/volunteering/activities/${id}/signup`);
    await members[6]!.client.post(`/api/v1/volunteering/activities/${id}/signup`);
    const late = await members[5]!.client.post(`/api/v1/volunteering/activities/${id}/signup/cancel`);
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'CANCELLATION_CLOSED', details: { deadlineHours: 2 } });
    expect((await members[6]!.client.post(`/api/v1/volunteering/activities/${id}/signup/cancel`)).statusCode).toBe(200);
    const early = await publish(community, { capacity: 1, startsIn: 180, cancelDeadlineHours: 2 });
    await members[5]!.client.post(`/api/v1/volunteering/activities/${early}/signup`);
    expect((await members[5]!.client.post(`/api/v1/volunteering/activities/${early}/signup/cancel`)).statusCode).toBe(200);
  });

  it('lets only eligible members sign up', async () => {
    const heping = await addMember(t, { name: '和平居民', residence: PLACES.heping, employer: PLACES.hospital });
    const local = await publish(community, { eligibility: 'community_members' });
    const refused = await heping.client.post(`/api/v1/volunteering/activities/${local}/signup`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('SIGNUP_NOT_ELIGIBLE');
    expect((await members[7]!.client.post(`/api/v1/volunteering/activities/${local}/signup`)).statusCode).toBe(201);
    const unitOnly = await publish(unit, { eligibility: 'unit_members', regionId: PLACES.heping });
    expect((await heping.client.post(`/api/v1/volunteering/activities/${unitOnly}/signup`)).json().error.code).toBe('SIGNUP_NOT_ELIGIBLE');
    expect((await members[7]!.client.post(`/api/v1/volunteering/activities/${unitOnly}/signup`)).statusCode).toBe(201);
    // What a member can join: the community activity shows for 幸福 residents, not for 和平 ones.
    const joinable = await heping.client.get('/api/v1/volunteering/activities?joinable=true&pageSize=200');
    expect(joinable.json().items.map((a: { id: string }) => a.id)).not.toContain(local);
    const mineJoinable = await members[8]!.client.get('/api/v1/volunteering/activities?joinable=true&pageSize=200');
    expect(mineJoinable.json().items.find((a: { id: string }) => a.id === local)).toMatchObject({ canSignUp: true, distance: 0 });
  });

  it('refuses sign-ups to accounts without a member record, to cancelled and unknown activities', async () => {
    const id = await publish(community);
    const res = await community.post(`/api/v1/volunteering/activities/${id}/signup`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    const resi = await resident.post(`/api/v1/volunteering/activities/${id}/signup`);
    expect(resi.statusCode).toBe(403);
    expect((await community.post(`/api/v1/volunteering/activities/${id}/cancel`, { reason: '天气原因' })).statusCode).toBe(200);
    const late = await members[9]!.client.post(`/api/v1/volunteering/activities/${id}/signup`);
    expect(late.json().error.code).toBe('ACTIVITY_CANCELLED');
    expect((await members[9]!.client.post('/api/v1/volunteering/activities/0b9c5a3e-1f7d-4c1e-9a55-3d2f4e6a7b8c/signup')).statusCode).toBe(404);
  });

  it('shows the roster to the organisers and exports it; others are refused', async () => {
    const id = await publish(community, { capacity: 2 });
    for (const m of members.slice(10, 13)) await m.client.post(`/api/v1/volunteering/activities/${id}/signup`);
    const roster = await community.get(`/api/v1/volunteering/activities/${id}/roster`);
    expect(roster.statusCode).toBe(200);
    expect(roster.json().items.map((r: { status: string; position: number | null }) => [r.status, r.position])).toEqual([
      ['confirmed', null],
      ['confirmed', null],
      ['waitlisted', 1],
    ]);
    expect((await street.get(`/api/v1/volunteering/activities/${id}/roster`)).statusCode).toBe(200);
    const other = await unit.get(`/api/v1/volunteering/activities/${id}/roster`);
    expect(other.statusCode).toBe(403);
    const memberTry = await members[10]!.client.get(`/api/v1/volunteering/activities/${id}/roster`);
    expect(memberTry.statusCode).toBe(403);
    const since = await maxAuditId(t);
    const file = await community.get(`/api/v1/volunteering/activities/${id}/roster.xlsx`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const sheet = await readSheet(file.rawPayload);
    expect(sheet.rows).toHaveLength(3);
    expect(sheet.rows[0]!.values['姓名']).toBe('志愿者10');
    expect(sheet.rows[2]!.values['状态']).toBe('候补');
    expect((await auditSince(t, since)).map((a) => a.action)).toContain('volunteering.roster.export');
  });

  it('lets the organiser raise the capacity (the waitlist moves up) but not below the confirmed count', async () => {
    const id = await publish(community, { capacity: 1 });
    for (const m of members.slice(13, 16)) await m.client.post(`/api/v1/volunteering/activities/${id}/signup`);
    const low = await community.patch(`/api/v1/volunteering/activities/${id}`, { capacity: 1 });
    expect(low.statusCode).toBe(200);
    const up = await community.patch(`/api/v1/volunteering/activities/${id}`, { capacity: 2 });
    expect(up.json()).toMatchObject({ capacity: 2, confirmedCount: 2, waitlistCount: 1 });
    const c = await counts(id);
    expect(c.rows.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'waitlisted']);
    await community.patch(`/api/v1/volunteering/activities/${id}`, { capacity: 3 });
    const down = await community.patch(`/api/v1/volunteering/activities/${id}`, { capacity: 2 });
    expect(down.statusCode).toBe(409);
    expect(down.json().error.code).toBe('CAPACITY_BELOW_CONFIRMED');
    expect((await unit.patch(`/api/v1/volunteering/activities/${id}`, { capacity: 9 })).statusCode).toBe(403);
  });

  it('lists my sign-ups', async () => {
    const res = await members[0]!.client.get('/api/v1/volunteering/me/signups?pageSize=50');
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBeGreaterThanOrEqual(3);
    expect(res.json().items.every((s: { activityTitle: string }) => s.activityTitle.length > 0)).toBe(true);
  });
});
