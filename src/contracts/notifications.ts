/**
 * Contract of the notifications (platform service): a notification is a kind and its parameters,
 * never a text; the web app words each kind in the reader's language from the module dictionaries
 * (`notification.<kind>.title` / `.body`) and falls back to a generic text for a kind it does not
 * know. The stream (`GET /notifications/stream`, text/event-stream) sends the events below.
 */
import Type, { type Static } from 'typebox';
import { Nullable, PageQuery, Timestamp, Uuid } from './common';

/** The parameters of each kind; values are short texts or numbers the web interpolates. */
export interface NotificationParams {
  'registration.confirmed': { communityName: string; cardNo: string };
  'registration.rejected': { communityName: string; reason: string };
  'registration.reminder': { communityName: string; cycleName: string; endsOn: string };
  'registration.unit_reminder': { unitName: string; communityName: string; cycleName: string; endsOn: string };
  'agreement.expiring': { agreementTitle: string; termEnd: string };
  'volunteering.supplementary.approved': { activityTitle: string; hours: number };
  'volunteering.supplementary.rejected': { activityTitle: string; note: string };
  'volunteering.correction.approved': { activityTitle: string; hours: number };
  'volunteering.correction.rejected': { activityTitle: string; note: string };
  'volunteering.promoted': { activityTitle: string };
  'volunteering.cancelled': { activityTitle: string; reason: string };
  'volunteering.quota_behind': { year: number; quarter: number; hoursShort: number; hoursDone: number; hoursRequired: number; daysRemaining: number };
  'lists.claim.assigned': { projectTitle: string };
  'lists.project.signed_off': { projectTitle: string };
  'lists.project.sent_back': { projectTitle: string; reason: string };
}
export type NotificationKind = keyof NotificationParams;

/** A kind with its parameters, as the writers pass it. */
export type NotificationMessage = { [K in NotificationKind]: { kind: K; params: NotificationParams[K] } }[NotificationKind];

const ParamValue = Type.Union([Type.String(), Type.Number()]);

export const AppNotification = Type.Object({
  id: Uuid,
  kind: Type.String({ description: 'e.g. lists.claim.assigned; the web words it (unknown kinds get a generic text)' }),
  params: Type.Record(Type.String(), ParamValue),
  /** A path inside the web app (the notification's object), if any. */
  link: Nullable(Type.String()),
  createdAt: Timestamp,
  readAt: Nullable(Timestamp),
});
export type AppNotification = Static<typeof AppNotification>;

export const NotificationReadFilter = Type.Union([Type.Literal('all'), Type.Literal('unread'), Type.Literal('read')]);
export type NotificationReadFilter = Static<typeof NotificationReadFilter>;

export const NotificationsQuery = Type.Object({ status: Type.Optional(NotificationReadFilter), ...PageQuery });
export type NotificationsQuery = Static<typeof NotificationsQuery>;

export const NotificationList = Type.Object({ items: Type.Array(AppNotification), total: Type.Integer(), unread: Type.Integer() });
export type NotificationList = Static<typeof NotificationList>;

export const UnreadCount = Type.Object({ unread: Type.Integer() });
export type UnreadCount = Static<typeof UnreadCount>;

/** The events of the stream: `event: unread` with UnreadCount, `event: notification` with an AppNotification. */
export type NotificationStreamEvent = { event: 'unread'; data: UnreadCount } | { event: 'notification'; data: AppNotification };
