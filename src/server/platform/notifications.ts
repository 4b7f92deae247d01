/**
 * In-app notifications: one table every module writes to (reminders, decisions, assignments) and
 * the registration module lists (`/notifications`, the bell). Delivery channels beyond the app can
 * read the same rows. Rows with a dedupe key are written at most once per user and key.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';

export interface Notice {
  userId: string;
  kind: string;
  title: string;
  body?: string;
  link?: string | null;
  /** At most one notification per user and key (e.g. one reminder per cycle). */
  dedupeKey?: string | null;
}

/** Writes notices (500 to a statement); a dedupe key already used for that user is skipped. Returns how many were written. */
export async function notifyMany(db: Kysely<DB> | Transaction<DB>, notices: readonly Notice[]): Promise<number> {
  let written = 0;
  for (let i = 0; i < notices.length; i += 500) {
    const rows = await db
      .insertInto('notification')
      .values(notices.slice(i, i + 500).map((n) => ({ user_id: n.userId, kind: n.kind, title: n.title, body: n.body ?? '', link: n.link ?? null, dedupe_key: n.dedupeKey ?? null })))
      .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing())
      .returning('id')
      .execute();
    written += rows.length;
  }
  return written;
}

/** One notice; true when it was written (false when its dedupe key had one already). */
export async function notify(db: Kysely<DB> | Transaction<DB>, userId: string, n: Omit<Notice, 'userId'>): Promise<boolean> {
  return (await notifyMany(db, [{ ...n, userId }])) === 1;
}
