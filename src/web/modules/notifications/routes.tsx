// The notifications page (under the signed-in layout); the bell in the header is app/NotificationBell.tsx.
//
//   /notifications[?status=unread|read&page=]   all the caller's notifications   (any signed-in user)
import type { RouteObject } from 'react-router-dom';

export const notificationsRoutes: RouteObject[] = [
  {
    path: 'notifications',
    lazy: () => import('./pages/NotificationsPage').then((m) => ({ Component: m.NotificationsPage })),
  },
];
