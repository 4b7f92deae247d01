// The directory's pages (also the e2e tests' entry points):
//   /directory/regions[?id=&q=]        region tree             (directory.region.read)
//   /directory/organizations[/:id]     party organisations     (directory.organization.read)
//   /directory/members[/:id]           members                 (directory.member.read)
//   /directory/households[/:id]        households              (directory.household.read)
//   /directory/teams[/:id]             volunteer teams         (directory.team.read)
//   /directory/import[?kind=]          import from .xlsx       (directory.import)
import { ApartmentOutlined, CloudUploadOutlined, ContactsOutlined, FlagOutlined, HeartOutlined, IdcardOutlined } from '@ant-design/icons';
import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../app/RequirePermission';
import type { NavGroup } from '../../lib/webModule';

export const directoryRoutes: RouteObject[] = [
  {
    path: 'directory/regions',
    element: <RequirePermission permission="directory.region.read" />,
    children: [
      {
        index: true,
        lazy: () => import('./pages/RegionsPage').then((m) => ({ Component: m.RegionsPage })),
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
          import('./pages/OrganizationsPage').then((m) => ({ Component: m.OrganizationsPage })),
      },
      {
        path: ':id',
        lazy: () =>
          import('./pages/OrganizationDetailPage').then((m) => ({
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
        lazy: () => import('./pages/MembersPage').then((m) => ({ Component: m.MembersPage })),
      },
      {
        path: ':id',
        lazy: () =>
          import('./pages/MemberDetailPage').then((m) => ({ Component: m.MemberDetailPage })),
      },
    ],
  },
  {
    path: 'directory/households',
    element: <RequirePermission permission="directory.household.read" />,
    children: [
      {
        index: true,
        lazy: () => import('./pages/HouseholdsPage').then((m) => ({ Component: m.HouseholdsPage })),
      },
      {
        path: ':id',
        lazy: () =>
          import('./pages/HouseholdDetailPage').then((m) => ({ Component: m.HouseholdDetailPage })),
      },
    ],
  },
  {
    path: 'directory/teams',
    element: <RequirePermission permission="directory.team.read" />,
    children: [
      {
        index: true,
        lazy: () => import('./pages/TeamsPage').then((m) => ({ Component: m.TeamsPage })),
      },
      {
        path: ':id',
        lazy: () => import('./pages/TeamDetailPage').then((m) => ({ Component: m.TeamDetailPage })),
      },
    ],
  },
  {
    path: 'directory/import',
    element: <RequirePermission permission="directory.import" />,
    children: [
      {
        index: true,
        lazy: () => import('./pages/ImportPage').then((m) => ({ Component: m.ImportPage })),
      },
    ],
  },
];

export const directoryNav: NavGroup = {
  label: 'nav.directory',
  items: [
    {
      key: 'directory-regions',
      path: '/directory/regions',
      label: 'nav.regions',
      icon: <ApartmentOutlined />,
      permission: 'directory.region.read',
      testId: 'menu-directory-regions',
    },
    {
      key: 'directory-organizations',
      path: '/directory/organizations',
      label: 'nav.organizations',
      icon: <FlagOutlined />,
      permission: 'directory.organization.read',
      testId: 'menu-directory-organizations',
    },
    {
      key: 'directory-members',
      path: '/directory/members',
      label: 'nav.members',
      icon: <IdcardOutlined />,
      permission: 'directory.member.read',
      testId: 'menu-directory-members',
    },
    {
      key: 'directory-households',
      path: '/directory/households',
      label: 'nav.households',
      icon: <ContactsOutlined />,
      permission: 'directory.household.read',
      testId: 'menu-directory-households',
    },
    {
      key: 'directory-teams',
      path: '/directory/teams',
      label: 'nav.teams',
      icon: <HeartOutlined />,
      permission: 'directory.team.read',
      testId: 'menu-directory-teams',
    },
    {
      key: 'directory-import',
      path: '/directory/import',
      label: 'nav.import',
      icon: <CloudUploadOutlined />,
      permission: 'directory.import',
      testId: 'menu-directory-import',
    },
  ],
};
