// 双报到's pages (also the e2e tests' entry points):
//   /registration/me                   a member reports in, the card   (registration.apply)
//   /registration/cards/:id            a card's print view (A6)        (registration.read)
//   /registration/queue[?status=&kind=] confirm or reject              (registration.decide)
//   /registration/missing[?kind=]      who has not reported in yet     (registration.read + pairing.read)
//   /registration/pairings             pairs of units and communities  (pairing.read)
//   /registration/agreements[/:id[/print]]  agreements, print view (A4) (agreement.read)
//   /registration/dashboard            charts and numbers              (registration.read + pairing.read)
//   /verify/:cardNo                    public check of a card (its QR code), no login
import { BarChartOutlined, CheckSquareOutlined, FileProtectOutlined, LinkOutlined, SolutionOutlined, UserSwitchOutlined } from '@ant-design/icons';
import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../app/RequirePermission';
import type { NavGroup } from '../../lib/webModule';

export const registrationRoutes: RouteObject[] = [
  {
    path: 'registration/me',
    element: <RequirePermission permission="registration.apply" />,
    children: [
      {
        index: true,
        lazy: () =>
          import('./pages/MyRegistrationPage').then((m) => ({ Component: m.MyRegistrationPage })),
      },
    ],
  },
  {
    path: 'registration/cards/:id',
    element: <RequirePermission permission="registration.read" />,
    children: [
      {
        index: true,
        lazy: () => import('./pages/CardPrintPage').then((m) => ({ Component: m.CardPrintPage })),
      },
    ],
  },
  {
    path: 'registration/queue',
    element: <RequirePermission permission="registration.decide" />,
    children: [
      {
        index: true,
        lazy: () => import('./pages/QueuePage').then((m) => ({ Component: m.QueuePage })),
      },
    ],
  },
  {
    path: 'registration/missing',
    element: <RequirePermission permission={['registration.read', 'pairing.read']} />,
    children: [
      {
        index: true,
        lazy: () => import('./pages/MissingPage').then((m) => ({ Component: m.MissingPage })),
      },
    ],
  },
  {
    path: 'registration/pairings',
    element: <RequirePermission permission="pairing.read" />,
    children: [
      {
        index: true,
        lazy: () => import('./pages/PairingsPage').then((m) => ({ Component: m.PairingsPage })),
      },
    ],
  },
  {
    path: 'registration/agreements',
    element: <RequirePermission permission="agreement.read" />,
    children: [
      {
        index: true,
        lazy: () => import('./pages/AgreementsPage').then((m) => ({ Component: m.AgreementsPage })),
      },
      {
        path: ':id',
        lazy: () =>
          import('./pages/AgreementDetailPage').then((m) => ({ Component: m.AgreementDetailPage })),
      },
      {
        path: ':id/print',
        lazy: () =>
          import('./pages/AgreementPrintPage').then((m) => ({ Component: m.AgreementPrintPage })),
      },
    ],
  },
  {
    path: 'registration/dashboard',
    element: <RequirePermission permission={['registration.read', 'pairing.read']} />,
    children: [
      {
        index: true,
        lazy: () => import('./pages/DashboardPage').then((m) => ({ Component: m.DashboardPage })),
      },
    ],
  },
];

export const registrationPublicRoutes: RouteObject[] = [
  {
    // What scanning a registration card's QR code opens: public, no login.
    path: '/verify/:cardNo',
    lazy: () => import('./pages/VerifyCardPage').then((m) => ({ Component: m.VerifyCardPage })),
  },
];

export const registrationNav: NavGroup = {
  label: 'nav.registration',
  items: [
    {
      key: 'registration-me',
      path: '/registration/me',
      label: 'nav.myRegistration',
      icon: <SolutionOutlined />,
      permission: 'registration.apply',
      testId: 'menu-registration-me',
    },
    {
      key: 'registration-queue',
      path: '/registration/queue',
      label: 'nav.registrationQueue',
      icon: <CheckSquareOutlined />,
      permission: 'registration.decide',
      testId: 'menu-registration-queue',
    },
    {
      key: 'registration-missing',
      path: '/registration/missing',
      label: 'nav.registrationMissing',
      icon: <UserSwitchOutlined />,
      // Staff and unit admins (a member reads only his or her own registrations).
      permission: ['registration.read', 'pairing.read'],
      testId: 'menu-registration-missing',
    },
    {
      key: 'registration-pairings',
      path: '/registration/pairings',
      label: 'nav.pairings',
      icon: <LinkOutlined />,
      permission: 'pairing.read',
      testId: 'menu-registration-pairings',
    },
    {
      key: 'registration-agreements',
      path: '/registration/agreements',
      label: 'nav.agreements',
      icon: <FileProtectOutlined />,
      permission: 'agreement.read',
      testId: 'menu-registration-agreements',
    },
    {
      key: 'registration-dashboard',
      path: '/registration/dashboard',
      label: 'nav.registrationDashboard',
      icon: <BarChartOutlined />,
      permission: ['registration.read', 'pairing.read'],
      testId: 'menu-registration-dashboard',
    },
  ],
};
