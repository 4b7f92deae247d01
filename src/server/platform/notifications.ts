/**
 * In-app notifications: one table every module writes to (reminders, decisions, assignments), as a
 * kind and its parameters (src/contracts/notifications.ts) — the web app words them in the reader's
 * language. Rows with a dedupe key are written at most once per user and key. Each row written is
 * published live (platform/live.ts) once its transaction commits; the notifications module lists
 * them and streams them to open pages.
 */
import type { Kysely, Transaction } from 'kysely';
import type { AppNotification, NotificationMessage } from '../../contracts/notifications';
import type { DB } from '../db/schema';
import { MAX_MESSAGE_BYTES, publishOnCommit } from './live';

export type Notice = NotificationMessage & {
  userId: string;
  /** A path inside the web app: the notification's object. */
  link?: string | null;
  /** At most one notification per user and key (e.g. one reminder per cycle). */
  dedupeKey?: string | null;
};

/** The live topic of one user's notifications: messages are { notification } or { unread } (after marking read). */
export const notificationTopic = (userId: string) => `notifications:${userId}`;

export type NotificationLiveMessage = { notification: AppNotification } | { notificationId: string } | { unread: true };

export function toAppNotification(r: { id: string; kind: string; params: unknown; link: string | null; created_at: Date; read_at: Date | null }): AppNotification {
  return {
    id: r.id,
    kind: r.kind,
    params: (r.params && typeof r.params === 'object' ? r.params : {}) as AppNotification['params'],
    link: r.link,
    createdAt: r.created_at.toISOString(),
    readAt: r.read_at?.toISOString() ?? null,
  };
}

/** Writes notices (500 to a statement); a dedupe key already used for that user is skipped. Returns how many were written. */
export async function notifyMany(db: Kysely<DB> | Transaction<DB>, notices: readonly Notice[]): Promise<number> {
  let written = 0;
  for (let i = 0; i < notices.length; i += 500) {
    const rows = await db
      .insertInto('notification')
      .values(notices.slice(i, i + 500).map((n) => ({ user_id: n.userId, kind: n.kind, params: JSON.stringify(n.params), link: n.link ?? null, dedupe_key: n.dedupeKey ?? null })))
      .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing())
      .returning(['id', 'user_id', 'kind', 'params', 'link', 'created_at', 'read_at'])
      .execute();
    written += rows.length;
    await publishOnCommit(
      db,
      rows.map((r) => {
        const notification = toAppNotification(r);
        // A notification too long for one live message goes by id; the stream reads it.
        const data: NotificationLiveMessage = Buffer.byteLength(JSON.stringify(notification)) > MAX_MESSAGE_BYTES - 200 ? { notificationId: r.id } : { notification };
        return { topic: notificationTopic(r.user_id), data };
      }),
    );
  }
  return written;
}

/** One notice; true when it was written (false when its dedupe key had one already). */
export async function notify(db: Kysely<DB> | Transaction<DB>, userId: string, n: Omit<Notice, 'userId'>): Promise<boolean> {
  return (await notifyMany(db, [{ ...n, userId } as Notice])) === 1;
}
