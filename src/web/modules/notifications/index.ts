// What the app shell uses of the notifications module: the live state, one item, opening one, the page's route.
export { NotificationItem } from './components/NotificationItem';
export { useOpenNotification } from './hooks/useOpenNotification';
export { useNotificationStream } from './notificationStream';
export { renderNotification } from './renderNotification';
export { notificationsRoutes } from './routes';
