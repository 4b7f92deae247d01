// Notifications as a platform service: stored as a kind and its parameters, listed per user
// (read/unread, pages), marked read (one or all, audited), another user's refused; and pushed live
// over server-sent events — a notification committed after the page connected arrives, a rolled-back
// one never does, logging out and shutting down close the stream, and on PostgreSQL a notification
// written through one server process reaches a page connected to another (LISTEN/NOTIFY).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app';
import { openPostgres } from '../src/server/db/database';
import { notify, notifyMany } from '../src/server/platform/notifications';
import { stableId } from '../src/server/seed/demo';
import { DEMO, createTestApp, describeStores, type Client, type TestApp } from './support/harness';

const MEMBER_USER = stableId('user:member');
const UNIT_USER = stableId('user:unit');

interface SseEvent {
  event: string;
  data: unknown;
}

/** A text/event-stream reader over fetch: next() gives the next event (comments and retry lines skipped), null once the stream ends. */
async function openStream(url: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const res = await fetch(url, { headers, signal: controller.signal });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const next = async (): Promise<SseEvent | null> => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const lines = block.split('\n').filter((l) => !l.startsWith(':') && !l.startsWith('retry:'));
        const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
        const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
        if (event && data !== undefined) return { event, data: JSON.parse(data) as unknown };
        continue;
      }
      const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (chunk.done) return null;
      buffer += chunk.value;
    }
  };
  /** The next event of this kind (others are skipped). */
  const nextOf = async (event: string): Promise<SseEvent | null> => {
    for (let e = await next(); ; e = await next()) if (e === null || e.event === event) return e;
  };
  return { res, next, nextOf, close: () => controller.abort() };
}

describeStores('notifications', (store) => {
  let t: TestApp;
  let member: Client;
  let unit: Client;
  let base = '';

  beforeAll(async () => {
    t = await createTestApp(store, { loginRateLimitPerMinute: 10_000 });
    member = await t.login(DEMO.member);
    unit = await t.login(DEMO.unit_admin);
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    await t.app.ctx.live.ready();
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('storage and the list', () => {
    it('stores a kind and its parameters, and lists the caller’s own, read and unread, in pages', async () => {
      await notifyMany(t.database.db, [
        { userId: MEMBER_USER, kind: 'lists.claim.assigned', params: { projectTitle: '楼道灯维修' }, link: '/lists/projects/p1' },
        { userId: MEMBER_USER, kind: 'volunteering.promoted', params: { activityTitle: '周末义诊' }, link: '/volunteering/activities/a1' },
        { userId: MEMBER_USER, kind: 'registration.rejected', params: { communityName: '幸福社区', reason: '材料不全' }, link: '/registration/me' },
        { userId: UNIT_USER, kind: 'lists.project.signed_off', params: { projectTitle: '助老食堂' }, link: '/lists/projects/p2' },
      ]);
      const row = await t.database.db.selectFrom('notification').select(['kind', 'params', 'link']).where('user_id', '=', MEMBER_USER).where('kind', '=', 'lists.claim.assigned').executeTakeFirstOrThrow();
      expect(row).toEqual({ kind: 'lists.claim.assigned', params: { projectTitle: '楼道灯维修' }, link: '/lists/projects/p1' });

      const all = (await member.get('/api/v1/notifications')).json();
      expect(all.total).toBe(3);
      expect(all.unread).toBe(3);
      expect(all.items.map((n: { kind: string }) => n.kind).sort()).toEqual(['lists.claim.assigned', 'registration.rejected', 'volunteering.promoted']);
      expect(all.items.find((n: { kind: string }) => n.kind === 'registration.rejected')).toMatchObject({ params: { communityName: '幸福社区', reason: '材料不全' }, link: '/registration/me', readAt: null });

      const page1 = (await member.get('/api/v1/notifications?pageSize=2&page=1')).json();
      const page2 = (await member.get('/api/v1/notifications?pageSize=2&page=2')).json();
      expect(page1.items).toHaveLength(2);
      expect(page2.items).toHaveLength(1);
      expect(page1.total).toBe(3);
      expect(new Set([...page1.items, ...page2.items].map((n: { id: string }) => n.id)).size).toBe(3);

      const target = all.items.find((n: { kind: string }) => n.kind === 'volunteering.promoted');
      expect((await member.post(`/api/v1/notifications/${target.id}/read`)).statusCode).toBe(204);
      const unread = (await member.get('/api/v1/notifications?status=unread')).json();
      const read = (await member.get('/api/v1/notifications?status=read')).json();
      expect(unread.items.map((n: { id: string }) => n.id)).not.toContain(target.id);
      expect(unread).toMatchObject({ total: 2, unread: 2 });
      expect(read.items).toEqual([expect.objectContaining({ id: target.id, readAt: expect.any(String) as string })]);
      expect((await member.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 2 });

      const unitList = (await unit.get('/api/v1/notifications')).json();
      expect(unitList.items.map((n: { kind: string }) => n.kind)).toEqual(['lists.project.signed_off']);
    });

    it('refuses another user’s notification and marks all read for the caller only, audited', async () => {
      const theirs = (await unit.get('/api/v1/notifications')).json().items[0] as { id: string };
      const foreign = await member.post(`/api/v1/notifications/${theirs.id}/read`);
      expect(foreign.statusCode).toBe(404);
      expect(foreign.json().error.code).toBe('NOT_FOUND');
      expect((await unit.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 1 });

      const all = await member.post('/api/v1/notifications/read-all');
      expect(all.json()).toEqual({ marked: 2 });
      expect((await member.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 0 });
      expect((await unit.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 1 });
      const audit = await t.database.db.selectFrom('audit_event').select(['action', 'entity_id', 'after']).where('action', 'in', ['notification.read', 'notification.read_all']).orderBy('id').execute();
      expect(audit.map((a) => a.action)).toEqual(['notification.read', 'notification.read_all']);
      expect(audit[1]).toMatchObject({ entity_id: MEMBER_USER, after: { marked: 2 } });
    });

    it('answers bad input and strangers with the one error shape', async () => {
      expect((await member.get('/api/v1/notifications?status=everything')).statusCode).toBe(400);
      expect((await member.get('/api/v1/notifications?pageSize=5000')).statusCode).toBe(400);
      const notId = await member.post('/api/v1/notifications/not-an-id/read');
      expect(notId.statusCode).toBe(400);
      expect(notId.json().error.code).toBeTypeOf('string');
      expect((await t.client().get('/api/v1/notifications')).statusCode).toBe(401);
      expect((await t.client().get('/api/v1/notifications/stream')).statusCode).toBe(401);
      // Writes need the CSRF token of the session.
      expect((await member.request('POST', '/api/v1/notifications/read-all', {}, { 'x-csrf-token': 'wrong' })).statusCode).toBe(403);
    });
  });

  describe('the live stream', () => {
    it('sends the unread count, then a notification committed after connecting, never a rolled-back one', async () => {
      const stream = await openStream(`${base}/api/v1/notifications/stream`, { cookie: member.cookie! });
      expect(stream.res.status).toBe(200);
      expect(stream.res.headers.get('content-type')).toContain('text/event-stream');
      expect(await stream.nextOf('unread')).toEqual({ event: 'unread', data: { unread: 0 } });

      await t.database.db
        .transaction()
        .execute(async (trx) => {
          await notify(trx, MEMBER_USER, { kind: 'volunteering.cancelled', params: { activityTitle: '不该出现', reason: 'x' }, link: null });
          throw new Error('roll back');
        })
        .catch(() => undefined);
      await t.database.db.transaction().execute(async (trx) => {
        await notify(trx, MEMBER_USER, { kind: 'lists.claim.assigned', params: { projectTitle: '口袋公园' }, link: '/lists/projects/p3' });
      });
      const arrived = await stream.nextOf('notification');
      expect(arrived?.data).toMatchObject({ kind: 'lists.claim.assigned', params: { projectTitle: '口袋公园' }, link: '/lists/projects/p3', readAt: null });
      expect(await stream.nextOf('unread')).toEqual({ event: 'unread', data: { unread: 1 } });

      // Marking it read from another page updates this one's count.
      expect((await member.post('/api/v1/notifications/read-all')).statusCode).toBe(200);
      expect(await stream.nextOf('unread')).toEqual({ event: 'unread', data: { unread: 0 } });
      // Another user's notification does not come here.
      await notify(t.database.db, UNIT_USER, { kind: 'lists.project.signed_off', params: { projectTitle: '别人的' }, link: null });
      await notify(t.database.db, MEMBER_USER, { kind: 'volunteering.promoted', params: { activityTitle: '自己的' }, link: null });
      expect((await stream.nextOf('notification'))?.data).toMatchObject({ params: { activityTitle: '自己的' } });
      stream.close();
    });

    it('is for a logged-in session only: an API token is refused', async () => {
      const staff = await t.login(DEMO.community_staff);
      const created = await staff.post('/api/v1/auth/tokens', { name: 'stream', scopes: ['registration.read'] });
      expect(created.statusCode, created.body).toBe(201);
      const api = t.withToken(created.json().token as string);
      expect((await api.get('/api/v1/notifications/unread-count')).statusCode).toBe(200);
      const res = await api.get('/api/v1/notifications/stream');
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('SESSION_REQUIRED');
    });

    it('closes when the session logs out', async () => {
      const other = await t.login(DEMO.member);
      const stream = await openStream(`${base}/api/v1/notifications/stream`, { cookie: other.cookie! });
      expect(await stream.nextOf('unread')).not.toBeNull();
      expect((await other.post('/api/v1/auth/logout')).statusCode).toBe(204);
      expect(await stream.next()).toBeNull();
    });

    it('does not hold up shutting down', async () => {
      const s = await createTestApp(store);
      const c = await s.login(DEMO.member);
      const url = await s.app.listen({ host: '127.0.0.1', port: 0 });
      const stream = await openStream(`${url}/api/v1/notifications/stream`, { cookie: c.cookie! });
      expect(await stream.nextOf('unread')).not.toBeNull();
      await s.close();
      expect(await stream.next()).toBeNull();
    });

    // Only PostgreSQL has other processes to reach; defined only there, so no run reports a skip.
    if (store === 'postgres') it('delivers across two server processes on one PostgreSQL (LISTEN/NOTIFY)', async () => {
      // A second app on its own pool and its own listening connection: another server process as far as the database can tell.
      const database = await openPostgres(t.database.url!, 2);
      const second = await buildApp(t.config, database, { logger: false });
      try {
        const url = await second.listen({ host: '127.0.0.1', port: 0 });
        await second.ctx.live.ready();
        const stream = await openStream(`${url}/api/v1/notifications/stream`, { cookie: member.cookie! });
        expect(await stream.nextOf('unread')).not.toBeNull();
        // Written through the first app's database connection.
        await notify(t.app.ctx.db, MEMBER_USER, { kind: 'agreement.expiring', params: { agreementTitle: '共建协议', termEnd: '2027-01-01' }, link: '/registration/agreements/a1' });
        expect((await stream.nextOf('notification'))?.data).toMatchObject({ kind: 'agreement.expiring', params: { agreementTitle: '共建协议' } });
        // And the bus itself: published in one process, heard in the other.
        const heard = new Promise((resolve) => second.ctx.live.subscribe('test.topic', resolve));
        t.app.ctx.live.publish('test.topic', { hello: '你好' });
        expect(await heard).toEqual({ hello: '你好' });
        stream.close();
      } finally {
        await second.close();
        await database.close();
      }
    });
  });
});
