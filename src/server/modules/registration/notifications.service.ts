/** The caller's notifications (listed and marked read); writing them is platform/notifications.ts. */
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import type { Principal } from '../../platform/principal';

export { notify } from '../../platform/notifications';

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
