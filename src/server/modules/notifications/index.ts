/**
 * Notifications module (the platform service's routes): the caller's notifications, read/unread and
 * paged; marking one or all read; the unread count; and the live stream (server-sent events).
 *
 * GET   /notifications                 authenticated   list (status=all|unread|read, page, pageSize)
 * GET   /notifications/unread-count    authenticated   { unread }
 * POST  /notifications/read-all        authenticated   mark all read → { marked }
 * POST  /notifications/:id/read        authenticated   mark one read → 204 (another user's: 404)
 * GET   /notifications/stream          authenticated, session only   text/event-stream
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { IdParams, errorResponses } from '../../../contracts/common';
import { NotificationList, NotificationsQuery, UnreadCount } from '../../../contracts/notifications';
import { auditActor, requirePrincipal } from '../../platform/guard';
import type { GongjianModule } from '../module';
import { listNotifications, markAllRead, markRead, unreadCount } from './notifications.service';
import { NotificationStreams } from './stream';

async function routes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;
  const streams = new NotificationStreams(ctx);
  // Before the server stops listening: open streams would otherwise hold up the graceful stop.
  app.addHook('preClose', async () => streams.closeAll());

  const tags = ['notifications'];
  const config = { permission: 'authenticated' } as const;
  app.get('/notifications', { schema: { tags, summary: 'The caller’s notifications, newest first', querystring: NotificationsQuery, response: { 200: NotificationList, ...errorResponses } }, config }, async (request) =>
    listNotifications(ctx, requirePrincipal(request), request.query),
  );
  app.get('/notifications/unread-count', { schema: { tags, summary: 'How many of the caller’s notifications are unread', response: { 200: UnreadCount, ...errorResponses } }, config }, async (request) => ({
    unread: await unreadCount(ctx, requirePrincipal(request).userId),
  }));
  app.post('/notifications/read-all', { schema: { tags, summary: 'Mark all the caller’s notifications read', response: { 200: Type.Object({ marked: Type.Integer() }), ...errorResponses } }, config }, async (request) =>
    markAllRead(ctx, requirePrincipal(request), auditActor(request)),
  );
  app.post('/notifications/:id/read', { schema: { tags, summary: 'Mark a notification read', params: IdParams, response: { 204: Type.Null(), ...errorResponses } }, config }, async (request, reply) => {
    await markRead(ctx, requirePrincipal(request), request.params.id, auditActor(request));
    return reply.status(204).send(null);
  });
  app.get(
    '/notifications/stream',
    {
      schema: { tags, summary: 'Server-sent events: `unread` ({ unread }) on opening and after each change, `notification` (a notification) as each arrives; a comment every 25 s' },
      config: { permission: 'authenticated', sessionOnly: true },
    },
    async (request, reply) => {
      streams.open(request, reply, requirePrincipal(request));
    },
  );
}

export const notificationsModule: GongjianModule = { name: 'notifications', routes };
