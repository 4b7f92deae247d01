// The notifications module's UI strings: the bell, the page, and the generic text of a kind the
// dictionaries do not know. Each module words its own kinds (`notification.<kind>.title/.body`) in
// its own messages. zh-CN is the source; en-US must have the same keys.

export const notificationsZhCN = {
  'notifications.title': '通知',
  'notifications.label': '通知，{n} 条未读',
  'notifications.empty': '没有通知',
  'notifications.all': '全部',
  'notifications.unread': '未读',
  'notifications.read': '已读',
  'notifications.viewAll': '查看全部通知',
  'notifications.markAllRead': '全部标为已读',
  'notifications.markRead': '标为已读',
  'notifications.open': '查看',
  'notifications.markedAllRead': '已将 {n} 条通知标为已读',
  'notifications.generic.title': '您有一条新通知',
  'notifications.generic.body': '请更新页面后查看详情',
} as const satisfies Record<string, string>;

export const notificationsEnUS: Record<keyof typeof notificationsZhCN, string> = {
  'notifications.title': 'Notifications',
  'notifications.label': 'Notifications, {n} unread',
  'notifications.empty': 'No notifications',
  'notifications.all': 'All',
  'notifications.unread': 'Unread',
  'notifications.read': 'Read',
  'notifications.viewAll': 'All notifications',
  'notifications.markAllRead': 'Mark all read',
  'notifications.markRead': 'Mark read',
  'notifications.open': 'Open',
  'notifications.markedAllRead': '{n} notifications marked read',
  'notifications.generic.title': 'You have a new notification',
  'notifications.generic.body': 'Update the app to see its details',
};
