import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { PageSpinner } from '../ui/PageSpinner';
import { AppLayout } from './AppLayout';
import { AppRoot } from './AppRoot';
import { NotFoundPage } from './NotFoundPage';
import { RequireAuth } from './RequireAuth';
import { RequirePermission } from './RequirePermission';
import { RouteError } from './RouteError';

// Every page is its own chunk, loaded when first visited.
// URL map (also the e2e tests' entry points):
//   /login                    sign in (?next=/path to come back to)
//   /                         home
//   /profile[/password|/tokens]  own account, password change, API tokens
//   /admin/users[/:id]        users and role assignments      (admin.user.read)
//   /admin/audit              audit log                       (audit.read)
export const routes: RouteObject[] = [
  {
    element: <AppRoot />,
    errorElement: <RouteError />,
    HydrateFallback: () => <PageSpinner fullScreen />,
    children: [
      {
        path: '/login',
        lazy: () => import('../modules/auth/pages/LoginPage').then((m) => ({ Component: m.LoginPage })),
      },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            errorElement: <RouteError />,
            children: [
              {
                index: true,
                lazy: () => import('../modules/home/pages/HomePage').then((m) => ({ Component: m.HomePage })),
              },
              {
                path: 'profile/:tab?',
                lazy: () => import('../modules/auth/pages/ProfilePage').then((m) => ({ Component: m.ProfilePage })),
              },
              {
                path: 'admin/users',
                element: <RequirePermission permission="admin.user.read" />,
                children: [
                  {
                    index: true,
                    lazy: () => import('../modules/admin/pages/UsersPage').then((m) => ({ Component: m.UsersPage })),
                  },
                  {
                    path: ':id',
                    lazy: () =>
                      import('../modules/admin/pages/UserDetailPage').then((m) => ({ Component: m.UserDetailPage })),
                  },
                ],
              },
              {
                path: 'admin/audit',
                element: <RequirePermission permission="audit.read" />,
                children: [
                  {
                    index: true,
                    lazy: () =>
                      import('../modules/admin/pages/AuditLogPage').then((m) => ({ Component: m.AuditLogPage })),
                  },
                ],
              },
              { path: '*', Component: NotFoundPage },
            ],
          },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
