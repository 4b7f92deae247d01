// The notifications web module: the page of all the caller's notifications; the app shell's bell uses
// the live state, one item and opening one. Other modules and the app import it only through this file.
import type { WebModule } from '../../lib/webModule';
import { notificationsEnUS, notificationsZhCN } from './i18n';
import { notificationsRoutes } from './routes';

export { NotificationItem } from './components/NotificationItem';
export { useOpenNotification } from './hooks/useOpenNotification';
export { useNotificationStream } from './notificationStream';
export { renderNotification } from './renderNotification';

export const notificationsModule: WebModule<typeof notificationsZhCN> = {
  name: 'notifications',
  routes: notificationsRoutes,
  messages: { 'zh-CN': notificationsZhCN, 'en-US': notificationsEnUS },
};
