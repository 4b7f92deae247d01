// Administration:
//   /admin/users[/:id]        users and role assignments      (admin.user.read)
//   /admin/audit              audit log                       (audit.read)
import { AuditOutlined, TeamOutlined } from '@ant-design/icons';
import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../app/RequirePermission';
import type { NavGroup } from '../../lib/webModule';

export const adminRoutes: RouteObject[] = [
  {
    path: 'admin/users',
    element: <RequirePermission permission="admin.user.read" />,
    children: [
      {
        index: true,
        lazy: () => import('./pages/UsersPage').then((m) => ({ Component: m.UsersPage })),
      },
      {
        path: ':id',
        lazy: () =>
          import('./pages/UserDetailPage').then((m) => ({ Component: m.UserDetailPage })),
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
          import('./pages/AuditLogPage').then((m) => ({ Component: m.AuditLogPage })),
      },
    ],
  },
];

export const adminNav: NavGroup = {
  label: 'nav.admin',
  items: [
    {
      key: 'users',
      path: '/admin/users',
      label: 'nav.users',
      icon: <TeamOutlined />,
      permission: 'admin.user.read',
      testId: 'menu-users',
    },
    {
      key: 'audit',
      path: '/admin/audit',
      label: 'nav.audit',
      icon: <AuditOutlined />,
      permission: 'audit.read',
      testId: 'menu-audit',
    },
  ],
};
