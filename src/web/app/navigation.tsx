import {
  ApartmentOutlined,
  AuditOutlined,
  CloudUploadOutlined,
  ContactsOutlined,
  FlagOutlined,
  HeartOutlined,
  HomeOutlined,
  IdcardOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../lib/i18n/messages';

export interface NavItem {
  key: string;
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Shown only to users with this permission; absent = every signed-in user. */
  permission?: string;
  testId: string;
}

export interface NavGroup {
  /** Absent for the top group, which has no heading. */
  label?: MessageKey;
  items: NavItem[];
}

/** The side menu. A new module adds its pages here (and its routes in router.tsx). */
export const NAVIGATION: NavGroup[] = [
  {
    items: [
      { key: 'home', path: '/', label: 'nav.home', icon: <HomeOutlined />, testId: 'menu-home' },
    ],
  },
  {
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
  },
  {
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
  },
  {
    items: [
      { key: 'profile', path: '/profile', label: 'nav.profile', icon: <UserOutlined />, testId: 'menu-profile' },
    ],
  },
];

/** The menu key of the page at `pathname`: the item with the longest matching path. */
export function selectedNavKey(pathname: string): string | undefined {
  let best: NavItem | undefined;
  for (const item of NAVIGATION.flatMap((g) => g.items)) {
    const matches = item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`);
    if (matches && (!best || item.path.length > best.path.length)) best = item;
  }
  return best?.key;
}
