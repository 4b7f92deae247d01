/**
 * The member's iCalendar feed: a secret URL (the token is stored only as a hash, shown once,
 * replaceable and revocable) that calendar apps fetch without a cookie.
 */
import type { CalendarFeed } from '../../../contracts/volunteering';
import { renderCalendar, type CalendarEvent } from '../../../domain/volunteering/ical';
import { writeAudit, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { randomToken, sha256 } from '../../platform/crypto';
import { notFound } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { requireMember } from './volunteering.policy';

const FEED_PATH = '/api/v1/public/volunteering/calendar/';

export async function getFeed(ctx: AppContext, principal: Principal): Promise<CalendarFeed> {
  const row = await ctx.db.selectFrom('volunteer_calendar_feed').select('created_at').where('user_id', '=', principal.userId).executeTakeFirst();
  return { active: row !== undefined, createdAt: row?.created_at.toISOString() ?? null, url: null };
}

export async function createFeed(ctx: AppContext, principal: Principal, origin: string, actor: AuditActor): Promise<CalendarFeed> {
  await requireMember(ctx, principal);
  const token = randomToken(24).replace(/[^A-Za-z0-9_-]/g, '');
  const createdAt = new Date();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('volunteer_calendar_feed')
      .values({ user_id: principal.userId, token_hash: sha256(token), created_at: createdAt })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ token_hash: sha256(token), created_at: createdAt }))
      .execute();
    await writeAudit(trx, actor, { action: 'volunteering.calendar.create', entityType: 'volunteer_calendar_feed', entityId: principal.userId });
  });
  return { active: true, createdAt: createdAt.toISOString(), url: `${origin}${FEED_PATH}${token}.ics` };
}

export async function revokeFeed(ctx: AppContext, principal: Principal, actor: AuditActor): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const res = await trx.deleteFrom('volunteer_calendar_feed').where('user_id', '=', principal.userId).executeTakeFirst();
    if (Number(res.numDeletedRows) === 0) throw notFound('calendar feed');
    await writeAudit(trx, actor, { action: 'volunteering.calendar.revoke', entityType: 'volunteer_calendar_feed', entityId: principal.userId });
  });
}

const STATUS_ZH = { confirmed: '已报名', waitlisted: '候补', cancelled: '已取消' } as const;

/** The .ics text for a feed token (404 for an unknown or revoked one). */
export async function feedCalendar(ctx: AppContext, tokenWithSuffix: string): Promise<string> {
  const token = tokenWithSuffix.replace(/\.ics$/, '');
  const feed = await ctx.db
    .selectFrom('volunteer_calendar_feed as f')
    .innerJoin('member as m', 'm.user_id', 'f.user_id')
    .select(['m.id as member_id'])
    .where('f.token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!feed) throw notFound('calendar feed');
  const rows = await ctx.db
    .selectFrom('volunteer_signup as s')
    .innerJoin('volunteer_activity as a', 'a.id', 's.activity_id')
    .select(['s.id', 's.status', 's.created_at', 's.cancelled_at', 'a.title', 'a.place', 'a.starts_at', 'a.ends_at', 'a.status as activity_status', 'a.contact', 'a.organiser_name', 'a.updated_at'])
    .where('s.member_id', '=', feed.member_id)
    .where('a.ends_at', '>', new Date(Date.now() - 90 * 86_400_000))
    .orderBy('a.starts_at')
    .limit(1000)
    .execute();
  const events: CalendarEvent[] = rows.map((r) => {
    const cancelled = r.status === 'cancelled' || r.activity_status === 'cancelled';
    return {
      uid: `${r.id}@gongjian`,
      title: r.title,
      place: r.place,
      description: `${r.activity_status === 'cancelled' ? '活动已取消' : STATUS_ZH[r.status]}；组织者 ${r.organiser_name}，联系 ${r.contact}`,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      status: cancelled ? 'CANCELLED' : r.status === 'waitlisted' ? 'TENTATIVE' : 'CONFIRMED',
      updatedAt: [r.updated_at, r.created_at, r.cancelled_at].filter((d): d is Date => d !== null).reduce((a, b) => (a > b ? a : b)),
    };
  });
  return renderCalendar('我的志愿服务', events);
}
