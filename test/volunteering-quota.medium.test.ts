// Quotas, reminders, settings, certificates and the calendar feed through the HTTP API: quarter
// arithmetic at the Asia/Shanghai boundary, who is behind, the reminder at two-thirds of a quarter
// (once per member), the supervisor's rules, certificate numbering and the public check, the .ics
// feed by secret URL (revocable, no cookie), scopes refused, and the audit rows.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { quarterOf } from '../src/domain/volunteering/calendar';
import { remindBehind } from '../src/server/modules/volunteering/quota.service';
import { DEMO, createTestApp, describeStores, type Client, type TestApp } from './support/harness';
import { PLACES, addMember, auditSince, maxAuditId, pairUnit, publish, type TestMember } from './volunteering-helpers';

describeStores('volunteering: quotas, certificates, calendar', (store) => {
  let t: TestApp;
  let community: Client;
  let unit: Client;
  let supervisor: Client;
  let heping: TestMember;
  let busy: TestMember;
  let idle: TestMember;
  let boundaryActivity = '';

  beforeAll(async () => {
    t = await createTestApp(store, { loginRateLimitPerMinute: 10_000 });
    community = await t.login(DEMO.community_staff);
    unit = await t.login(DEMO.unit_admin);
    await pairUnit(t, PLACES.tax, PLACES.xingfu);
    supervisor = await t.login(DEMO.supervisor);
    busy = await addMember(t, { name: '忙碌党员' });
    idle = await addMember(t, { name: '空闲党员' });
    heping = await addMember(t, { name: '和平党员', residence: PLACES.heping, employer: PLACES.hospital });
    // A past night shift across the Q1/Q2 boundary in Beijing: 31 March 22:00 – 1 April 02:00 (+08:00).
    const res = await community.post('/api/v1/volunteering/activities', {
      kind: 'emergency_duty',
      title: '防汛夜间值守',
      place: '社区值班室',
      shifts: [{ startsAt: '2026-03-31T14:00:00Z', endsAt: '2026-03-31T18:00:00Z' }],
      regionId: PLACES.xingfu,
      capacity: 5,
      eligibility: 'anyone',
      contact: '值班室',
    });
    expect(res.statusCode).toBe(201);
    boundaryActivity = res.json().items[0].id;
    // Past sign-ups cannot be made through the API any more; the shift happened, so record them as the organiser would have.
    for (const [i, m] of [busy, idle].entries()) {
      await t.database.db.insertInto('volunteer_signup').values({ id: randomUUID(), activity_id: boundaryActivity, member_id: m.memberId, status: 'confirmed', seq: i + 1 }).execute();
    }
  });
  afterAll(async () => t?.close());

  const supplement = async (m: TestMember, startedAt: string, endedAt: string) => {
    const r = await m.client.post('/api/v1/volunteering/hour-requests', { kind: 'supplementary', activityId: boundaryActivity, startedAt, endedAt, reason: '值守补录' });
    expect(r.statusCode).toBe(201);
    const ok = await community.post(`/api/v1/volunteering/hour-requests/${r.json().id}/approve`, {});
    expect(ok.statusCode).toBe(200);
  };

  it('counts service in the quarter of its Beijing date (23:30 on 31 March is Q1, 00:10 on 1 April is Q2)', async () => {
    await supplement(busy, '2026-03-31T15:30:00Z', '2026-03-31T17:30:00Z'); // 23:30 → 01:30 Beijing, dated 31 March
    await supplement(idle, '2026-03-31T16:10:00Z', '2026-03-31T17:40:00Z'); // 00:10 → 01:40 Beijing, dated 1 April
    const dates = await t.database.db.selectFrom('hour_entry').select(['member_id', 'service_date', 'minutes']).where('activity_id', '=', boundaryActivity).execute();
    const byMember = new Map(dates.map((d) => [d.member_id, d]));
    expect(String(byMember.get(busy.memberId)!.service_date)).toBe('2026-03-31');
    expect(byMember.get(busy.memberId)!.minutes).toBe(120);
    expect(String(byMember.get(idle.memberId)!.service_date)).toBe('2026-04-01');
    expect(byMember.get(idle.memberId)!.minutes).toBe(90);
    const q1 = (await busy.client.get('/api/v1/volunteering/me/quota?year=2026&quarter=1')).json();
    expect(q1.quarter).toMatchObject({ year: 2026, quarter: 1, from: '2026-01-01', to: '2026-03-31' });
    expect(q1.hours).toEqual({ done: 2, required: 10, left: 8, met: false });
    expect((await busy.client.get('/api/v1/volunteering/me/quota?year=2026&quarter=2')).json().hours.done).toBe(0);
    expect((await idle.client.get('/api/v1/volunteering/me/quota?year=2026&quarter=1')).json().hours.done).toBe(0);
    expect((await idle.client.get('/api/v1/volunteering/me/quota?year=2026&quarter=2')).json().hours.done).toBe(1.5);
  });

  it('gives the current quarter with days remaining, and team members their days', async () => {
    const now = quarterOf(new Date(), 'Asia/Shanghai');
    const q = (await busy.client.get('/api/v1/volunteering/me/quota')).json();
    expect(q.quarter).toMatchObject({ year: now.year, quarter: now.quarter });
    expect(q.quarter.daysRemaining).toBeGreaterThan(0);
    expect(q.quarter.daysRemaining).toBeLessThanOrEqual(92);
    expect(q.teamDays).toBeNull();
    const team = randomUUID();
    await t.database.db.insertInto('volunteer_team').values({ id: team, name: '幸福社区志愿服务队', organization_id: PLACES.tax }).execute();
    await t.database.db.insertInto('volunteer_team_member').values({ team_id: team, member_id: busy.memberId }).execute();
    const withTeam = (await busy.client.get('/api/v1/volunteering/me/quota?year=2026&quarter=1')).json();
    expect(withTeam.teamDays).toMatchObject({ done: 1, required: 15, left: 14, met: false });
  });

  it('lets the supervisor change the rules, and the standing follows; others may not', async () => {
    expect((await community.request('PUT', '/api/v1/volunteering/settings', { year: 2026, memberHoursPerQuarter: 2 })).statusCode).toBe(403);
    const since = await maxAuditId(t);
    const res = await supervisor.request('PUT', '/api/v1/volunteering/settings', { year: 2026, memberHoursPerQuarter: 2, starThresholds: [1, 3, 6, 10, 15] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ year: 2026, memberHoursPerQuarter: 2, teamDaysPerYear: 15, roundingMinutes: 30 });
    expect((await auditSince(t, since)).map((a) => a.action)).toContain('volunteering.settings.update');
    const q1 = (await busy.client.get('/api/v1/volunteering/me/quota?year=2026&quarter=1')).json();
    expect(q1.hours).toEqual({ done: 2, required: 2, left: 0, met: true });
    expect(q1.star).toEqual({ stars: 1, nextAt: 3 });
    const bad = await supervisor.request('PUT', '/api/v1/volunteering/settings', { year: 2026, starThresholds: [5, 4, 6, 10, 15] });
    expect(bad.json().error.code).toBe('STAR_THRESHOLDS_ORDER');
    expect((await busy.client.get('/api/v1/volunteering/settings?year=2026')).json().memberHoursPerQuarter).toBe(2);
  });

  it('lists those behind for the community and the unit, in scope only', async () => {
    const behind = await community.get('/api/v1/volunteering/quota/behind?kind=members&year=2026&quarter=1&pageSize=200');
    expect(behind.statusCode).toBe(200);
    const ids = behind.json().items.map((i: { id: string }) => i.id);
    expect(ids).toContain(idle.memberId);
    expect(ids).not.toContain(busy.memberId);
    expect(ids).not.toContain(heping.memberId); // lives in another community
    const unitView = await unit.get('/api/v1/volunteering/quota/behind?kind=members&year=2026&quarter=1&pageSize=200');
    const unitIds = unitView.json().items.map((i: { id: string }) => i.id);
    expect(unitIds).toContain(idle.memberId);
    expect(unitIds).not.toContain(heping.memberId); // works at another unit
    expect((await busy.client.get('/api/v1/volunteering/quota/behind?kind=members')).statusCode).toBe(403);
    const units = await supervisor.get('/api/v1/volunteering/quota/behind?kind=units&pageSize=200');
    expect(units.json().items.map((i: { id: string }) => i.id)).toContain(PLACES.tax);
    // A concentrated activity by the unit this quarter takes it off the list.
    await publish(unit, { concentrated: true, startsIn: 60, regionId: PLACES.xingfu });
    const after = await supervisor.get('/api/v1/volunteering/quota/behind?kind=units&pageSize=200');
    expect(after.json().items.map((i: { id: string }) => i.id)).not.toContain(PLACES.tax);
    const summary = await unit.get(`/api/v1/volunteering/quota/summary?unitOrgId=${PLACES.tax}&year=2026&quarter=1`);
    expect(summary.json()).toMatchObject({ name: '临江市税务局机关党支部', members: 2, membersMet: 1, membersBehind: 1, totalHours: 2 });
    expect((await unit.get(`/api/v1/volunteering/quota/summary?unitOrgId=${PLACES.hospital}`)).statusCode).toBe(403);
    expect((await community.get(`/api/v1/volunteering/quota/summary?regionId=${PLACES.xingfu}&year=2026&quarter=2`)).json()).toMatchObject({ members: 2, totalHours: 1.5 });
    expect((await community.get(`/api/v1/volunteering/quota/summary?regionId=${PLACES.heping}`)).statusCode).toBe(403);
  });

  it('reminds members behind once two-thirds of the quarter has gone, once per quarter', async () => {
    await supervisor.request('PUT', '/api/v1/volunteering/settings', { year: new Date().getFullYear(), memberHoursPerQuarter: 10 });
    const ctx = t.app.ctx;
    const q = quarterOf(new Date(), 'Asia/Shanghai');
    const firstMonth = (q.quarter - 1) * 3 + 1;
    const early = new Date(`${q.year}-${String(firstMonth).padStart(2, '0')}-10T04:00:00Z`);
    const late = new Date(`${q.year}-${String(firstMonth + 2).padStart(2, '0')}-20T04:00:00Z`);
    expect(await remindBehind(ctx, { now: early })).toEqual({ sent: 0 });
    const sent = await remindBehind(ctx, { now: late });
    expect(sent.sent).toBeGreaterThanOrEqual(3);
    const notes = await t.database.db.selectFrom('notification').selectAll().where('kind', '=', 'volunteering.quota_behind').where('user_id', '=', idle.userId).execute();
    expect(notes).toHaveLength(1);
    expect(notes[0]!.params).toMatchObject({ year: q.year, quarter: q.quarter, hoursRequired: expect.any(Number) as number });
    expect(await remindBehind(ctx, { now: late })).toEqual({ sent: 0 });
    // Staff may send it for their scope at any time (still once per member and quarter).
    const manual = await community.post('/api/v1/volunteering/quota/reminders', {});
    expect(manual.json()).toEqual({ sent: 0 });
  });

  it('issues numbered certificates with a public check; scopes refused', async () => {
    const since = await maxAuditId(t);
    const body = { memberId: busy.memberId, periodFrom: '2026-01-01', periodTo: '2026-12-31', personInCharge: '张书记', handler: '张丽华', contact: '0571-88886666' };
    const first = await community.post('/api/v1/volunteering/certificates', body);
    expect(first.statusCode).toBe(201);
    const year = new Date().getFullYear();
    expect(first.json()).toMatchObject({ certNo: `ZYFW-${year}-000001`, name: '忙碌党员', hours: 2, content: '应急值守 2 小时', issuerName: '幸福社区党委' });
    expect(first.json().verifyUrl).toContain(`/verify/certificate/ZYFW-${year}-000001`);
    expect(first.json().qrSvg).toContain('<svg');
    const second = await unit.post('/api/v1/volunteering/certificates', body);
    expect(second.json()).toMatchObject({ certNo: `ZYFW-${year}-000002`, issuerName: '临江市税务局机关党支部' });
    expect((await auditSince(t, since)).filter((a) => a.action === 'volunteering.certificate.issue')).toHaveLength(2);
    const check = await t.client().get(`/api/v1/public/volunteering/certificates/ZYFW-${year}-000001`);
    expect(check.json()).toMatchObject({ valid: true, name: '忙***', hours: 2 });
    expect((await t.client().get(`/api/v1/public/volunteering/certificates/ZYFW-${year}-999999`)).json().valid).toBe(false);
    expect((await busy.client.get(`/api/v1/volunteering/certificates/${first.json().id}`)).statusCode).toBe(200);
    expect((await busy.client.get('/api/v1/volunteering/certificates?mine=true')).json().total).toBe(2);
    expect((await idle.client.get(`/api/v1/volunteering/certificates/${first.json().id}`)).statusCode).toBe(404);
    expect((await idle.client.post('/api/v1/volunteering/certificates', body)).statusCode).toBe(403);
    const other = await community.post('/api/v1/volunteering/certificates', { ...body, memberId: heping.memberId });
    expect(other.statusCode).toBe(403);
    const none = await community.post('/api/v1/volunteering/certificates', { ...body, periodFrom: '2025-01-01', periodTo: '2025-12-31' });
    expect(none.json().error.code).toBe('NO_HOURS');
  });

  it('serves my sign-ups as an iCalendar feed at a secret URL, until revoked', async () => {
    const id = await publish(community, { title: '社区义诊' });
    expect((await busy.client.post(`/api/v1/volunteering/activities/${id}/signup`)).statusCode).toBe(201);
    expect((await busy.client.get('/api/v1/volunteering/me/calendar')).json()).toMatchObject({ active: false, url: null });
    const since = await maxAuditId(t);
    const made = await busy.client.post('/api/v1/volunteering/me/calendar', {});
    expect(made.statusCode).toBe(200);
    const url = new URL(made.json().url);
    expect(url.pathname).toMatch(/^\/api\/v1\/public\/volunteering\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    const feed = await t.client().get(url.pathname);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toContain('SUMMARY:社区义诊');
    expect(feed.body).toContain('STATUS:CONFIRMED');
    expect(feed.body).not.toContain('空闲党员');
    expect((await busy.client.get('/api/v1/volunteering/me/calendar')).json()).toMatchObject({ active: true, url: null });
    // Replacing the URL retires the old one; revoking retires all.
    const replaced = await busy.client.post('/api/v1/volunteering/me/calendar', {});
    expect((await t.client().get(url.pathname)).statusCode).toBe(404);
    const path2 = new URL(replaced.json().url).pathname;
    expect((await t.client().get(path2)).statusCode).toBe(200);
    expect((await busy.client.delete('/api/v1/volunteering/me/calendar')).statusCode).toBe(204);
    const gone = await t.client().get(path2);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('NOT_FOUND');
    expect((await auditSince(t, since)).map((a) => a.action)).toEqual(expect.arrayContaining(['volunteering.calendar.create', 'volunteering.calendar.revoke']));
  });
});
