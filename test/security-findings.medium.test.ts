// Findings of `npm run security` (docs/security.md, Scans), each kept fixed by a test.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DEMO, TEST_ADMIN, createTestApp, describeStores, type TestApp } from './support/harness';
import { buildXlsx, uploadSheet } from './support/xlsx';
import { PLACES, activityBody, pairUnit } from './volunteering-helpers';

describeStores('security scan findings', (store) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(store, { loginRateLimitPerMinute: 1000 });
  });
  afterAll(async () => t?.close());

  // wapiti 2026-11-22: a NUL character in a search answered 500 (PostgreSQL 22021).
  it('answers a NUL character in a search or a field with 400 INVALID_CHARACTERS, not 500', async () => {
    const admin = await t.login(TEST_ADMIN.account, TEST_ADMIN.password);
    for (const route of ['users', 'members', 'households', 'organizations', 'volunteer-teams', 'registrations', 'members/export', 'households/export']) {
      const res = await admin.get(`/api/v1/${route}?q=a%00b`);
      expect(res.statusCode, route).toBe(400);
      expect(res.json().error.code, route).toBe('INVALID_CHARACTERS');
    }
    // In a JSON body too, and nothing is written.
    const created = await admin.post('/api/v1/users', { account: 'nul.check', displayName: 'a\u0000b', password: 'Nul-Check-Pass-2026', role: 'system_admin', scopeType: 'system' });
    expect(created.statusCode).toBe(400);
    expect(created.json()).toEqual({ error: { code: 'INVALID_CHARACTERS', message: expect.any(String) } });
    const found = (await admin.get('/api/v1/users?q=nul.check')).json();
    expect(found.items).toEqual([]);
  });

  // Issue 18: dates in year 0 reached PostgreSQL and failed there (22008) with a 500; dates far in
  // the future are as meaningless. Each answers 400 naming the field.
  it('answers year-0 and far-future dates in any date or date-time field with 400 naming the field', async () => {
    const admin = await t.login(TEST_ADMIN.account, TEST_ADMIN.password);
    const someId = '7a1c0b7e-1f5e-4a40-9a57-0d6f3e1c2b11';
    for (const [day, instant] of [
      ['0000-01-01', '0000-01-01T08:00:00Z'],
      ['9999-12-31', '9999-12-31T23:59:59+08:00'],
    ] as const) {
      const cases: Array<[string, string, unknown, string]> = [
        ['POST', '/api/v1/members', { name: '年份检查', birthDate: day }, 'body/birthDate'],
        ['POST', '/api/v1/members', { name: '年份检查', partyJoinedOn: day }, 'body/partyJoinedOn'],
        ['POST', '/api/v1/lists/needs', { communityId: someId, title: '年份检查', description: '年份', category: 'environment', startsOn: day }, 'body/startsOn'],
        ['PATCH', `/api/v1/volunteering/activities/${someId}`, { startsAt: instant }, 'body/startsAt'],
        ['POST', '/api/v1/volunteering/certificates', { memberId: someId, periodFrom: day, periodTo: '2026-12-31', personInCharge: '张', handler: '李', contact: '1' }, 'body/periodFrom'],
        ['GET', `/api/v1/volunteering/hour-entries?from=${day}`, undefined, 'querystring/from'],
        ['GET', `/api/v1/volunteering/activities?from=${day}`, undefined, 'querystring/from'],
        ['GET', `/api/v1/audit-events?from=${instant}`, undefined, 'querystring/from'],
      ];
      for (const [method, route, body, field] of cases) {
        const res = await admin.request(method, route, body);
        expect(res.statusCode, `${method} ${route} ${day}`).toBe(400);
        const details = res.json().error.details as Array<{ path: string }>;
        expect(details.map((d) => d.path), `${method} ${route} ${day}`).toContain(field);
      }
    }
    // The years in between still pass.
    expect((await admin.get('/api/v1/volunteering/hour-entries?from=1949-10-01')).statusCode).toBe(200);
    expect((await admin.get('/api/v1/audit-events?from=2199-12-31T00:00:00Z')).statusCode).toBe(200);
  });

  // Issue 18: an unpaired UTF-16 surrogate is valid JSON but not Unicode; it failed when the audit
  // row's JSON was written (22P02) with a 500. Refused in one place, naming the field; nothing is written.
  it('answers a lone surrogate in the body, the query or the URL with 400 INVALID_CHARACTERS', async () => {
    const admin = await t.login(TEST_ADMIN.account, TEST_ADMIN.password);
    const created = await admin.post('/api/v1/users', { account: 'surrogate.check', displayName: 'ab\ud800cd', password: 'Surrogate-Pass-2026', role: 'system_admin', scopeType: 'system' });
    expect(created.statusCode).toBe(400);
    expect(created.json().error).toMatchObject({ code: 'INVALID_CHARACTERS', details: [{ path: 'body/displayName' }] });
    expect((await admin.get('/api/v1/users?q=surrogate.check')).json().items).toEqual([]);
    // In an array, in a key, and a trailing low surrogate.
    const nested = await admin.post('/api/v1/members', { name: '代理检查', skills: ['ok', '\udc00x'] });
    expect(nested.json().error).toMatchObject({ code: 'INVALID_CHARACTERS', details: [{ path: 'body/skills/1' }] });
    const key = await admin.post('/api/v1/members', { name: '代理检查', ['k\ud83d']: 1 });
    expect(key.statusCode).toBe(400);
    expect(key.json().error.code).toBe('INVALID_CHARACTERS');
    // A pair is a character like any other.
    const pair = await admin.post('/api/v1/members', { name: '𠮷野家' });
    expect(pair.statusCode).not.toBe(400);
    // The raw JSON escape, as a hostile client writes it.
    const raw = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"account":"ab\\ud800cd","password":"x"}',
    });
    expect(raw.statusCode).toBe(400);
    expect(raw.json().error.code).toBe('INVALID_CHARACTERS');
    // The query string and the URL parameters: the UTF-8 of a surrogate (what a broken client sends) is no 5xx either.
    for (const route of ['/api/v1/members?q=ab%ED%A0%80cd', '/api/v1/public/registration-cards/AB%ED%A0%80CD']) {
      expect((await admin.get(route)).statusCode, route).toBeLessThan(500);
    }
  });

  // Issue 18: an import's error message repeated the mistyped phone number in plain, in the
  // response and in import_batch.errors (docs/data-protection.md: masked values only).
  it('masks a mistyped phone number in the import errors, in the response and in the batch', async () => {
    const community = await t.login(DEMO.community_staff);
    const file = await buildXlsx(['姓名', '居住社区', '手机号'], [['错号甲', '幸福社区', '1381234567'], ['错号乙', '幸福社区', '13812345678999']]);
    const res = await uploadSheet(community, 'members', file);
    expect(res.statusCode, res.body).toBe(201);
    const report = res.json();
    expect(report.errorRows).toBe(2);
    const rows = await t.database.db.selectFrom('import_batch').select(['errors']).where('id', '=', report.batchId).execute();
    const kept = JSON.stringify(rows);
    for (const plain of ['1381234567', '13812345678999']) {
      expect(res.body).not.toContain(plain);
      expect(kept).not.toContain(plain);
    }
    expect(res.body).toContain('138*****67');
    expect(kept).toContain('PHONE_INVALID');
    await community.delete(`/api/v1/imports/${report.batchId}`);
  });

  // Issue 18: a unit could publish an activity in any community, even one it has nothing to do with.
  it('lets a unit publish an activity only in a community it has an active pairing or a confirmed registration with', async () => {
    const unit = await t.login(DEMO.unit_admin);
    const community = await t.login(DEMO.community_staff);
    const titled = (title: string, regionId: string) => ({ ...activityBody({ regionId }), title });
    const count = async () => (await t.database.db.selectFrom('volunteer_activity').select('id').where('title', 'like', '结对检查%').execute()).length;

    const refused = await unit.post('/api/v1/volunteering/activities', titled('结对检查一', PLACES.cuihu));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'UNIT_NOT_LINKED', details: [{ path: 'body/regionId' }] });
    // A pairing that is not active does not count.
    await t.database.db.insertInto('pairing').values({ unit_org_id: PLACES.tax, community_id: PLACES.cuihu, status: 'ended', proposed_by_side: 'supervisor' }).execute();
    expect((await unit.post('/api/v1/volunteering/activities', titled('结对检查二', PLACES.cuihu))).statusCode).toBe(403);
    expect(await count()).toBe(0);

    // An active pairing opens the community; a confirmed unit registration opens another.
    await pairUnit(t, PLACES.tax, PLACES.cuihu);
    expect((await unit.post('/api/v1/volunteering/activities', titled('结对检查三', PLACES.cuihu))).statusCode).toBe(201);
    expect((await unit.post('/api/v1/volunteering/activities', titled('结对检查四', PLACES.heping))).statusCode).toBe(403);
    const cycle = await t.database.db.insertInto('registration_cycle').values({ name: '结对检查周期', starts_on: '2026-01-01', ends_on: '2026-12-31' }).returning('id').executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('registration')
      .values({ kind: 'unit', cycle_id: cycle.id, unit_org_id: PLACES.tax, community_id: PLACES.heping, status: 'confirmed', card_no: 'GJ2026-990001', decided_at: new Date() })
      .execute();
    expect((await unit.post('/api/v1/volunteering/activities', titled('结对检查五', PLACES.heping))).statusCode).toBe(201);
    // Community staff publish in their own community without any pairing.
    expect((await community.post('/api/v1/volunteering/activities', titled('结对检查六', PLACES.xingfu))).statusCode).toBe(201);
    expect(await count()).toBe(3);
  });

  // Issue 18: /readyz answered 200 while every write answered 503 STORAGE_FULL. The database here
  // is made to fail writes as a full disk does (SQLSTATE 53100, disk_full) by a trigger.
  it('answers /readyz 503 STORAGE_FULL while writes fail for want of space, and 200 once a write succeeds', async () => {
    const community = await t.login(DEMO.community_staff);
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    await sql`create function gongjian_test_disk_full() returns trigger language plpgsql as $$ begin raise exception 'could not extend file' using errcode = 'disk_full'; end $$`.execute(t.database.db);
    await sql`create trigger household_disk_full before insert on household for each row execute function gongjian_test_disk_full()`.execute(t.database.db);
    try {
      const refused = await community.post('/api/v1/households', { communityId: PLACES.xingfu, headName: '满盘户' });
      expect(refused.statusCode).toBe(503);
      expect(refused.json().error.code).toBe('STORAGE_FULL');
      const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().error).toMatchObject({ code: 'STORAGE_FULL', details: { since: expect.any(String) } });
      // Reads still work, and do not make it ready.
      expect((await community.get('/api/v1/households?pageSize=1')).statusCode).toBe(200);
      expect((await t.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(503);
    } finally {
      await sql`drop trigger household_disk_full on household`.execute(t.database.db);
      await sql`drop function gongjian_test_disk_full()`.execute(t.database.db);
    }
    const written = await community.post('/api/v1/households', { communityId: PLACES.xingfu, headName: '空间回来户' });
    expect(written.statusCode, written.body).toBe(201);
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });
});
