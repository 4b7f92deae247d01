// The volunteering module's pages: its routes (under the signed-in layout) and its side-menu group.
// index.ts declares them; the app's router and menu loop over the modules.
//   /verify/certificate/:certNo            public check of a certificate (its QR code), no login
//
//   /volunteering/activities[?tab=&view=&kind=&from=&to=&maxDistance=&q=]  browse: list and calendar (volunteering.activity.read)
//   /volunteering/activities/:id            one activity: sign up, cancel, check in; organiser's actions
//   /volunteering/activities/:id/roster     the roster, export, check people in     (volunteering.activity.manage)
//   /volunteering/activities/:id/screen     the rotating QR code and 6-char code    (volunteering.activity.manage)
//   /volunteering/check-in                  type the code of today's activity       (volunteering.checkin)
//   /volunteering/check-in/:activityId?t=   what the scanned QR code opens          (volunteering.checkin)
//   /volunteering/me/signups                own sign-ups, the .ics feed             (volunteering.signup)
//   /volunteering/me/hours                  own ledger, totals, stars, points, requests (volunteering.hours.read)
//   /volunteering/me/quota                  own standing this quarter               (volunteering.hours.read)
//   /volunteering/review[?status=]          supplementary entries and corrections   (volunteering.hours.verify)
//   /volunteering/certificates[/:id]        certificates, issue, A4 print view      (volunteering.hours.read)
//   /volunteering/quota                     standing of a unit or community, who is behind (volunteering.quota.read)
//   /volunteering/settings                  the year's rules                        (volunteering.activity.read; changes: volunteering.quota.manage)
import {
  BarChartOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  AuditOutlined,
  QrcodeOutlined,
  SettingOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../app/RequirePermission';
import type { NavGroup } from '../../lib/webModule';

export const volunteeringRoutes: RouteObject[] = [
  {
    path: 'volunteering/activities',
    element: <RequirePermission permission="volunteering.activity.read" />,
    children: [
      { index: true, lazy: () => import('./pages/ActivitiesPage').then((m) => ({ Component: m.ActivitiesPage })) },
      { path: ':id', lazy: () => import('./pages/ActivityDetailPage').then((m) => ({ Component: m.ActivityDetailPage })) },
      {
        path: ':id/roster',
        element: <RequirePermission permission="volunteering.activity.manage" />,
        children: [{ index: true, lazy: () => import('./pages/RosterPage').then((m) => ({ Component: m.RosterPage })) }],
      },
      {
        path: ':id/screen',
        element: <RequirePermission permission="volunteering.activity.manage" />,
        children: [{ index: true, lazy: () => import('./pages/CheckScreenPage').then((m) => ({ Component: m.CheckScreenPage })) }],
      },
    ],
  },
  {
    path: 'volunteering/check-in',
    element: <RequirePermission permission="volunteering.checkin" />,
    children: [
      { index: true, lazy: () => import('./pages/CheckInPage').then((m) => ({ Component: m.CheckInPage })) },
      { path: ':activityId', lazy: () => import('./pages/ScanCheckInPage').then((m) => ({ Component: m.ScanCheckInPage })) },
    ],
  },
  {
    path: 'volunteering/me/signups',
    element: <RequirePermission permission="volunteering.signup" />,
    children: [{ index: true, lazy: () => import('./pages/MySignupsPage').then((m) => ({ Component: m.MySignupsPage })) }],
  },
  {
    path: 'volunteering/me/hours',
    element: <RequirePermission permission="volunteering.hours.read" />,
    children: [{ index: true, lazy: () => import('./pages/MyHoursPage').then((m) => ({ Component: m.MyHoursPage })) }],
  },
  {
    path: 'volunteering/me/quota',
    element: <RequirePermission permission="volunteering.hours.read" />,
    children: [{ index: true, lazy: () => import('./pages/MyQuotaPage').then((m) => ({ Component: m.MyQuotaPage })) }],
  },
  {
    path: 'volunteering/review',
    element: <RequirePermission permission="volunteering.hours.verify" />,
    children: [{ index: true, lazy: () => import('./pages/ReviewPage').then((m) => ({ Component: m.ReviewPage })) }],
  },
  {
    path: 'volunteering/certificates',
    element: <RequirePermission permission="volunteering.hours.read" />,
    children: [
      { index: true, lazy: () => import('./pages/CertificatesPage').then((m) => ({ Component: m.CertificatesPage })) },
      { path: ':id', lazy: () => import('./pages/CertificatePrintPage').then((m) => ({ Component: m.CertificatePrintPage })) },
    ],
  },
  {
    path: 'volunteering/quota',
    element: <RequirePermission permission="volunteering.quota.read" />,
    children: [{ index: true, lazy: () => import('./pages/QuotaBoardPage').then((m) => ({ Component: m.QuotaBoardPage })) }],
  },
  {
    path: 'volunteering/settings',
    element: <RequirePermission permission="volunteering.activity.read" />,
    children: [{ index: true, lazy: () => import('./pages/SettingsPage').then((m) => ({ Component: m.SettingsPage })) }],
  },
];

export const volunteeringPublicRoutes: RouteObject[] = [
  {
    // What scanning a service certificate's QR code opens: public, no login.
    path: '/verify/certificate/:certNo',
    lazy: () => import('./pages/VerifyCertificatePage').then((m) => ({ Component: m.VerifyCertificatePage })),
  },
];

export const volunteeringNav: NavGroup = {
  label: 'nav.volunteering',
  items: [
    {
      key: 'vol-activities',
      path: '/volunteering/activities',
      label: 'nav.volActivities',
      icon: <CalendarOutlined />,
      permission: 'volunteering.activity.read',
      testId: 'menu-vol-activities',
    },
    {
      key: 'vol-check-in',
      path: '/volunteering/check-in',
      label: 'nav.volCheckIn',
      icon: <QrcodeOutlined />,
      permission: 'volunteering.checkin',
      testId: 'menu-vol-check-in',
    },
    {
      key: 'vol-my-signups',
      path: '/volunteering/me/signups',
      label: 'nav.volMySignups',
      icon: <CarryOutOutlined />,
      permission: 'volunteering.signup',
      testId: 'menu-vol-my-signups',
    },
    {
      key: 'vol-my-hours',
      path: '/volunteering/me/hours',
      label: 'nav.volMyHours',
      icon: <FieldTimeOutlined />,
      // Members (staff read hours through the review and quota pages).
      permission: ['volunteering.hours.read', 'volunteering.signup'],
      testId: 'menu-vol-my-hours',
    },
    {
      key: 'vol-my-quota',
      path: '/volunteering/me/quota',
      label: 'nav.volMyQuota',
      icon: <TrophyOutlined />,
      permission: ['volunteering.hours.read', 'volunteering.signup'],
      testId: 'menu-vol-my-quota',
    },
    {
      key: 'vol-review',
      path: '/volunteering/review',
      label: 'nav.volReview',
      icon: <AuditOutlined />,
      permission: 'volunteering.hours.verify',
      testId: 'menu-vol-review',
    },
    {
      key: 'vol-certificates',
      path: '/volunteering/certificates',
      label: 'nav.volCertificates',
      icon: <FileDoneOutlined />,
      permission: 'volunteering.hours.read',
      testId: 'menu-vol-certificates',
    },
    {
      key: 'vol-quota',
      path: '/volunteering/quota',
      label: 'nav.volQuota',
      icon: <BarChartOutlined />,
      permission: 'volunteering.quota.read',
      testId: 'menu-vol-quota',
    },
    {
      key: 'vol-settings',
      path: '/volunteering/settings',
      label: 'nav.volSettings',
      icon: <SettingOutlined />,
      permission: 'volunteering.quota.manage',
      testId: 'menu-vol-settings',
    },
  ],
};
