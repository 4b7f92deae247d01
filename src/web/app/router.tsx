import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { PageSpinner } from '../ui/PageSpinner';
import { AppLayout } from './AppLayout';
import { AppRoot } from './AppRoot';
import { NotFoundPage } from './NotFoundPage';
import { RequireAuth } from './RequireAuth';
import { RequirePermission } from './RequirePermission';
import { RouteError } from './RouteError';
import { listsRoutes } from '../modules/lists/routes';
import { volunteeringRoutes } from '../modules/volunteering/routes';

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
//   /registration/me                   a member reports in, the card   (registration.apply)
//   /registration/cards/:id            a card's print view (A6)        (registration.read)
//   /registration/queue[?status=&kind=] confirm or reject              (registration.decide)
//   /registration/missing[?kind=]      who has not reported in yet     (registration.read + pairing.read)
//   /registration/pairings             pairs of units and communities  (pairing.read)
//   /registration/agreements[/:id[/print]]  agreements, print view (A4) (agreement.read)
//   /registration/dashboard            charts and numbers              (registration.read + pairing.read)
//   /verify/:cardNo                    public check of a card (its QR code), no login
//   /verify/certificate/:certNo        public check of a service certificate (its QR code), no login
//   /volunteering/…                    see modules/volunteering/routes.tsx
//   /wall/lists/:communityId           a community's three lists on a wall screen, no login (lists/routes.tsx has the rest)
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
        // What scanning a registration card's QR code opens: public, no login.
        path: '/verify/:cardNo',
        lazy: () => import('../modules/registration/pages/VerifyCardPage').then((m) => ({ Component: m.VerifyCardPage })),
      },
      {
        // What scanning a service certificate's QR code opens: public, no login.
        path: '/verify/certificate/:certNo',
        lazy: () => import('../modules/volunteering/pages/VerifyCertificatePage').then((m) => ({ Component: m.VerifyCertificatePage })),
      },
      {
        // A community's published lists on a wall screen (大屏): public, no login.
        path: '/wall/lists/:communityId',
        lazy: () => import('../modules/lists/pages/WallPage').then((m) => ({ Component: m.WallPage })),
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
              {
                path: 'registration/me',
                element: <RequirePermission permission="registration.apply" />,
                children: [
                  {
                    index: true,
                    lazy: () =>
                      import('../modules/registration/pages/MyRegistrationPage').then((m) => ({ Component: m.MyRegistrationPage })),
                  },
                ],
              },
              {
                path: 'registration/cards/:id',
                element: <RequirePermission permission="registration.read" />,
                children: [
                  {
                    index: true,
                    lazy: () => import('../modules/registration/pages/CardPrintPage').then((m) => ({ Component: m.CardPrintPage })),
                  },
                ],
              },
              {
                path: 'registration/queue',
                element: <RequirePermission permission="registration.decide" />,
                children: [
                  {
                    index: true,
                    lazy: () => import('../modules/registration/pages/QueuePage').then((m) => ({ Component: m.QueuePage })),
                  },
                ],
              },
              {
                path: 'registration/missing',
                element: <RequirePermission permission={['registration.read', 'pairing.read']} />,
                children: [
                  {
                    index: true,
                    lazy: () => import('../modules/registration/pages/MissingPage').then((m) => ({ Component: m.MissingPage })),
                  },
                ],
              },
              {
                path: 'registration/pairings',
                element: <RequirePermission permission="pairing.read" />,
                children: [
                  {
                    index: true,
                    lazy: () => import('../modules/registration/pages/PairingsPage').then((m) => ({ Component: m.PairingsPage })),
                  },
                ],
              },
              {
                path: 'registration/agreements',
                element: <RequirePermission permission="agreement.read" />,
                children: [
                  {
                    index: true,
                    lazy: () => import('../modules/registration/pages/AgreementsPage').then((m) => ({ Component: m.AgreementsPage })),
                  },
                  {
                    path: ':id',
                    lazy: () =>
                      import('../modules/registration/pages/AgreementDetailPage').then((m) => ({ Component: m.AgreementDetailPage })),
                  },
                  {
                    path: ':id/print',
                    lazy: () =>
                      import('../modules/registration/pages/AgreementPrintPage').then((m) => ({ Component: m.AgreementPrintPage })),
                  },
                ],
              },
              {
                path: 'registration/dashboard',
                element: <RequirePermission permission={['registration.read', 'pairing.read']} />,
                children: [
                  {
                    index: true,
                    lazy: () => import('../modules/registration/pages/DashboardPage').then((m) => ({ Component: m.DashboardPage })),
                  },
                ],
              },
              ...volunteeringRoutes,
              ...listsRoutes,
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
