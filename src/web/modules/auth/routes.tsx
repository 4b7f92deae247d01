// Signing in and one's own account:
//   /login                    sign in (?next=/path to come back to), public
//   /profile[/password|/tokens]  own account, password change, API tokens
import { UserOutlined } from '@ant-design/icons';
import type { RouteObject } from 'react-router-dom';
import type { NavGroup } from '../../lib/webModule';

export const authRoutes: RouteObject[] = [
  {
    path: 'profile/:tab?',
    lazy: () => import('./pages/ProfilePage').then((m) => ({ Component: m.ProfilePage })),
  },
];

export const authPublicRoutes: RouteObject[] = [
  {
    path: '/login',
    lazy: () => import('./pages/LoginPage').then((m) => ({ Component: m.LoginPage })),
  },
];

export const authNav: NavGroup = {
  items: [
    { key: 'profile', path: '/profile', label: 'nav.profile', icon: <UserOutlined />, testId: 'menu-profile' },
  ],
};
