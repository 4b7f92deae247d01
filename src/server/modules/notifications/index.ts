/**
 * Notifications module (the platform service's routes, src/contracts/notifications.endpoints.ts): the
 * caller's notifications, read/unread and paged; marking one or all read; the unread count; and the
 * live stream (server-sent events, stream.ts). Writing a notification is platform/notifications.ts,
 * which every module calls.
 */
import type { FastifyInstance } from 'fastify';
import * as api from '../../../contracts/notifications.endpoints';
import { auditActor, requirePrincipal } from '../../platform/guard';
import { defineModule, route } from '../module';
import { listNotifications, markAllRead, markRead, unreadCount } from './notifications.service';
import { NotificationStreams } from './stream';

async function routes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const streams = new NotificationStreams(ctx);
  // Before the server stops listening: open streams would otherwise hold up the graceful stop.
  app.addHook('preClose', async () => streams.closeAll());

  route(app, api.listNotifications, async (request) => listNotifications(ctx, requirePrincipal(request), request.query));
  route(app, api.getUnreadCount, async (request) => ({ unread: await unreadCount(ctx, requirePrincipal(request).userId) }));
  route(app, api.markAllNotificationsRead, async (request) => markAllRead(ctx, requirePrincipal(request), auditActor(request)));
  route(app, api.markNotificationRead, async (request) => {
    await markRead(ctx, requirePrincipal(request), request.params.id, auditActor(request));
  });
  route(app, api.notificationStream, async (request, reply) => {
    streams.open(request, reply, requirePrincipal(request));
    return reply;
  });
}

export const notificationsModule = defineModule({ name: 'notifications', routes, tables: ['notification'] });
