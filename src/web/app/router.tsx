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
//   /directory/regions[?id=&q=]        region tree             (directory.region.read)
//   /directory/organizations[/:id]     party organisations     (directory.organization.read)
//   /directory/members[/:id]           members                 (directory.member.read)
//   /directory/households[/:id]        households              (directory.household.read)
//   /directory/teams[/:id]             volunteer teams         (directory.team.read)
//   /directory/import[?kind=]          import from .xlsx       (directory.import)
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
              {
                path: 'directory/regions',
                element: <RequirePermission permission="directory.region.read" />,
                children: [
                  {
                    index: true,
                    lazy: () => import('../modules/directory/pages/RegionsPage').then((m) => ({ Component: m.RegionsPage })),
                  },
                ],
              },
              {
                path: 'directory/organizations',
                element: <RequirePermission permission="directory.organization.read" />,
                children: [
                  {
                    index: true,
                    lazy: () =>
                      import('../modules/directory/pages/OrganizationsPage').then((m) => ({ Component: m.OrganizationsPage })),
                  },
                  {
                    path: ':id',
                    lazy: () =>
                      import('../modules/directory/pages/OrganizationDetailPage').then((m) => ({
                        Component: m.OrganizationDetailPage,
                      })),
                  },
                ],
              },
              {
                path: 'directory/members',
                element: <RequirePermission permission="directory.member.read" />,
                children: [
                  {
                    index: true,
                    lazy: () => import('../modules/directory/pages/MembersPage').then((m) => ({ Component: m.MembersPage })),
                  },
                  {
                    path: ':id',
                    lazy: () =>
                      import('../modules/directory/pages/MemberDetailPage').then((m) => ({ Component: m.MemberDetailPage })),
                  },
                ],
              },
              {
                path: 'directory/households',
                element: <RequirePermission permission="directory.household.read" />,
                children: [
                  {
                    index: true,
                    lazy: () => import('../modules/directory/pages/HouseholdsPage').then((m) => ({ Component: m.HouseholdsPage })),
                  },
                  {
                    path: ':id',
                    lazy: () =>
                      import('../modules/directory/pages/HouseholdDetailPage').then((m) => ({ Component: m.HouseholdDetailPage })),
                  },
                ],
              },
              {
                path: 'directory/teams',
                element: <RequirePermission permission="directory.team.read" />,
                children: [
                  {
                    index: true,
                    lazy: () => import('../modules/directory/pages/TeamsPage').then((m) => ({ Component: m.TeamsPage })),
                  },
                  {
                    path: ':id',
                    lazy: () => import('../modules/directory/pages/TeamDetailPage').then((m) => ({ Component: m.TeamDetailPage })),
                  },
                ],
              },
              {
                path: 'directory/import',
                element: <RequirePermission permission="directory.import" />,
                children: [
                  {
                    index: true,
                    lazy: () => import('../modules/directory/pages/ImportPage').then((m) => ({ Component: m.ImportPage })),
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
