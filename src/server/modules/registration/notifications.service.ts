/** In-app notifications (reminders and decisions). Delivery channels beyond the app can read the same rows. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { AppContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import type { Principal } from '../../platform/principal';

export interface NewNotification {
  kind: string;
  title: string;
  body?: string;
  link?: string | null;
  /** At most one notification per user and key (e.g. one reminder per cycle). */
  dedupeKey?: string | null;
}

/** Returns true when a notification was written (false when the dedupe key had one already). */
export async function notify(db: Kysely<DB> | Transaction<DB>, userId: string, n: NewNotification): Promise<boolean> {
  const row = await db
    .insertInto('notification')
    .values({ user_id: userId, kind: n.kind, title: n.title, body: n.body ?? '', link: n.link ?? null, dedupe_key: n.dedupeKey ?? null })
    .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function listNotifications(ctx: AppContext, principal: Principal) {
  const rows = await ctx.db
    .selectFrom('notification')
    .select(['id', 'kind', 'title', 'body', 'link', 'created_at', 'read_at'])
    .where('user_id', '=', principal.userId)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
  const { n } = await ctx.db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', principal.userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    unread: Number(n),
    items: rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, createdAt: r.created_at.toISOString(), readAt: r.read_at?.toISOString() ?? null })),
  };
}

export async function markRead(ctx: AppContext, principal: Principal, id: string): Promise<void> {
  const res = await ctx.db.updateTable('notification').set({ read_at: sql`coalesce(read_at, now())` }).where('id', '=', id).where('user_id', '=', principal.userId).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw notFound('notification');
}
