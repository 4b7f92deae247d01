/** The notifications endpoints: the caller's list, marking read, the unread count and the live stream. */
import Type from 'typebox';
import { IdParams } from './common';
import { endpoint } from './endpoint';
import { NotificationList, NotificationsQuery, UnreadCount } from './notifications';

const tags = ['notifications'];

export const listNotifications = endpoint({
  method: 'GET',
  path: '/notifications',
  query: NotificationsQuery,
  response: NotificationList,
  permission: 'authenticated',
  summary: 'The caller’s notifications, newest first (status=all|unread|read, in pages)',
  tags,
});

export const getUnreadCount = endpoint({
  method: 'GET',
  path: '/notifications/unread-count',
  response: UnreadCount,
  permission: 'authenticated',
  summary: 'How many of the caller’s notifications are unread',
  tags,
});

export const markAllNotificationsRead = endpoint({
  method: 'POST',
  path: '/notifications/read-all',
  response: Type.Object({ marked: Type.Integer() }),
  permission: 'authenticated',
  summary: 'Mark all the caller’s notifications read',
  tags,
});

export const markNotificationRead = endpoint({
  method: 'POST',
  path: '/notifications/:id/read',
  params: IdParams,
  permission: 'authenticated',
  summary: 'Mark one of the caller’s notifications read (another user’s answers 404)',
  tags,
});

/** text/event-stream, written by hand: `unread` ({ unread }) on opening and after each change, `notification` as each arrives, a comment every 25 s. */
export const notificationStream = endpoint({
  method: 'GET',
  path: '/notifications/stream',
  permission: 'authenticated',
  sessionOnly: true,
  status: 200,
  summary: 'Server-sent events: `unread` ({ unread }) on opening and after each change, `notification` (a notification) as each arrives; a comment every 25 s',
  tags,
});
