import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  ContactsOutlined,
  FileProtectOutlined,
  FlagOutlined,
  HeartOutlined,
  HomeOutlined,
  IdcardOutlined,
  LinkOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../lib/i18n/messages';
import { listsNav } from '../modules/lists/routes';
import { volunteeringNav } from '../modules/volunteering/routes';

export interface NavItem {
  key: string;
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Shown only to users with this permission (with a list: all of them); absent = every signed-in user. */
  permission?: string | readonly string[];
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
  },
  volunteeringNav,
  listsNav,
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

/** Whether a user with `can` may see `item`. */
export function navItemVisible(item: NavItem, can: (permission: string) => boolean): boolean {
  if (!item.permission) return true;
  return typeof item.permission === 'string' ? can(item.permission) : item.permission.every(can);
}

/** The menu key of the page at `pathname`: the item with the longest matching path. */
export function selectedNavKey(pathname: string): string | undefined {
  let best: NavItem | undefined;
  for (const item of NAVIGATION.flatMap((g) => g.items)) {
    const matches = item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`);
    if (matches && (!best || item.path.length > best.path.length)) best = item;
  }
  return best?.key;
}
