/**
 * The notifications stream (server-sent events, written by hand over the raw response): on opening
 * the unread count, then each new notification and the count after it, as the live bus brings them
 * (platform/live.ts — from any server process on PostgreSQL). A comment every HEARTBEAT_MS keeps
 * proxies from closing it and checks the session is still alive; logging out closes it at once, and
 * so does the server shutting down (closeAll from the module's preClose hook), so that it never
 * holds up a graceful stop. At most MAX_PER_USER streams per user: the oldest goes.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppNotification, NotificationStreamEvent } from '../../../contracts/notifications';
import type { AppContext } from '../../platform/context';
import { RESYNC_TOPIC } from '../../platform/live';
import { notificationTopic, type NotificationLiveMessage } from '../../platform/notifications';
import type { Principal } from '../../platform/principal';
import { sessionAlive, sessionsEndedTopic } from '../../platform/sessions';
import { findNotification, unreadCount } from './notifications.service';

export const HEARTBEAT_MS = 25_000;
const MAX_PER_USER = 10;
/** How long the browser waits before reconnecting (EventSource's retry field). */
const RETRY_MS = 3_000;

interface OpenStream {
  userId: string;
  close(): void;
}

export class NotificationStreams {
  readonly #open = new Set<OpenStream>();

  constructor(
    private readonly ctx: AppContext,
    private readonly heartbeatMs = HEARTBEAT_MS,
  ) {}

  get size(): number {
    return this.#open.size;
  }

  closeAll(): void {
    for (const s of [...this.#open]) s.close();
  }

  open(request: FastifyRequest, reply: FastifyReply, principal: Principal): void {
    const { ctx } = this;
    const mine = [...this.#open].filter((s) => s.userId === principal.userId);
    if (mine.length >= MAX_PER_USER) mine[0]?.close();

    reply.hijack();
    const res = reply.raw;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
    res.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
      // Not kept alive once the stream ends: a stopping server then has no idle socket to wait for.
      connection: 'close',
      'x-request-id': request.id,
    });
    res.write(`retry: ${RETRY_MS}\n\n`);

    let closed = false;
    const send = (e: NotificationStreamEvent) => {
      if (!closed) res.write(`event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`);
    };
    const failed = (err: unknown) => ctx.log.warn({ err, userId: principal.userId }, 'notification stream: reading failed');
    // Counts are read one at a time, in order, so the last one sent is the latest.
    let queue = Promise.resolve();
    const later = (work: () => Promise<void>) => {
      queue = queue.then(work).catch(failed);
    };
    const sendUnread = () => later(async () => send({ event: 'unread', data: { unread: await unreadCount(ctx, principal.userId) } }));
    const sendNotification = (n: AppNotification) => {
      send({ event: 'notification', data: n });
      sendUnread();
    };

    const unsubscribe = [
      ctx.live.subscribe(notificationTopic(principal.userId), (data) => {
        const m = data as NotificationLiveMessage;
        if ('notification' in m) sendNotification(m.notification);
        else if ('notificationId' in m)
          later(async () => {
            const n = await findNotification(ctx, principal.userId, m.notificationId);
            if (n) sendNotification(n);
          });
        else sendUnread();
      }),
      ctx.live.subscribe(RESYNC_TOPIC, sendUnread),
      ctx.live.subscribe(sessionsEndedTopic(principal.userId), (data) => {
        const hash = (data as { sessionHash: string | null }).sessionHash;
        if (hash === null || hash === principal.sessionHash) stream.close();
      }),
    ];
    const heartbeat = setInterval(() => {
      if (!closed) res.write(': heartbeat\n\n');
      const hash = principal.sessionHash;
      if (hash)
        later(async () => {
          if (!(await sessionAlive(ctx, hash))) stream.close();
        });
    }, this.heartbeatMs);
    heartbeat.unref();

    const stream: OpenStream = {
      userId: principal.userId,
      close: () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        for (const u of unsubscribe) u();
        this.#open.delete(stream);
        res.end();
      },
    };
    this.#open.add(stream);
    res.on('close', stream.close);
    sendUnread();
  }
}
