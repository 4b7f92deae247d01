/**
 * In-app notifications for volunteering (promotion from the waitlist, cancellations, quota
 * reminders), written to the notification table the registration module reads and lists. Kept
 * here because modules meet only through their index.ts; the rows have the same shape.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';

export interface VolunteeringNotice {
  userId: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  dedupeKey?: string | null;
}

/** Writes notices (several in one statement); a dedupe key already used for that user is skipped. Returns how many were written. */
export async function notifyMany(db: Kysely<DB> | Transaction<DB>, notices: readonly VolunteeringNotice[]): Promise<number> {
  if (notices.length === 0) return 0;
  let written = 0;
  for (let i = 0; i < notices.length; i += 500) {
    const rows = await db
      .insertInto('notification')
      .values(notices.slice(i, i + 500).map((n) => ({ user_id: n.userId, kind: n.kind, title: n.title, body: n.body, link: n.link, dedupe_key: n.dedupeKey ?? null })))
      .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing())
      .returning('id')
      .execute();
    written += rows.length;
  }
  return written;
}
