/** The caller's notifications: listed (read/unread, pages), counted, marked read. Writing them is platform/notifications.ts. */
import { sql } from 'kysely';
import type { AppNotification, NotificationList, NotificationsQuery } from '../../../contracts/notifications';
import { writeAudit, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { notificationTopic, toAppNotification, type NotificationLiveMessage } from '../../platform/notifications';
import type { Principal } from '../../platform/principal';

const COLUMNS = ['id', 'kind', 'params', 'link', 'created_at', 'read_at'] as const;

export async function unreadCount(ctx: AppContext, userId: string): Promise<number> {
  const { n } = await ctx.db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(n);
}

export async function listNotifications(ctx: AppContext, principal: Principal, query: NotificationsQuery): Promise<NotificationList> {
  const status = query.status ?? 'all';
  const pageSize = query.pageSize ?? 20;
  const page = query.page ?? 1;
  const base = ctx.db
    .selectFrom('notification')
    .where('user_id', '=', principal.userId)
    .$if(status === 'unread', (qb) => qb.where('read_at', 'is', null))
    .$if(status === 'read', (qb) => qb.where('read_at', 'is not', null));
  const [rows, { total }, unread] = await Promise.all([
    base
      .select(COLUMNS)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    unreadCount(ctx, principal.userId),
  ]);
  return { items: rows.map(toAppNotification), total: Number(total), unread };
}

/** One of the user's notifications, or null (another user's is as absent as a missing one). */
export async function findNotification(ctx: AppContext, userId: string, id: string): Promise<AppNotification | null> {
  const row = await ctx.db.selectFrom('notification').select(COLUMNS).where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return row ? toAppNotification(row) : null;
}

/** The user's other open pages hear that the count changed. */
function countChanged(ctx: AppContext, userId: string): void {
  const message: NotificationLiveMessage = { unread: true };
  ctx.live.publish(notificationTopic(userId), message);
}

export async function markRead(ctx: AppContext, principal: Principal, id: string, actor: AuditActor): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const res = await trx.updateTable('notification').set({ read_at: sql`coalesce(read_at, now())` }).where('id', '=', id).where('user_id', '=', principal.userId).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw notFound('notification');
    await writeAudit(trx, actor, { action: 'notification.read', entityType: 'notification', entityId: id });
  });
  countChanged(ctx, principal.userId);
}

export async function markAllRead(ctx: AppContext, principal: Principal, actor: AuditActor): Promise<{ marked: number }> {
  const marked = await ctx.db.transaction().execute(async (trx) => {
    const res = await trx.updateTable('notification').set({ read_at: sql`now()` }).where('user_id', '=', principal.userId).where('read_at', 'is', null).executeTakeFirst();
    const n = Number(res.numUpdatedRows);
    await writeAudit(trx, actor, { action: 'notification.read_all', entityType: 'user', entityId: principal.userId, after: { marked: n } });
    return n;
  });
  countChanged(ctx, principal.userId);
  return { marked };
}
