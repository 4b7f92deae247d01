// The home page (/).
import { HomeOutlined } from '@ant-design/icons';
import type { RouteObject } from 'react-router-dom';
import type { NavGroup } from '../../lib/webModule';

export const homeRoutes: RouteObject[] = [
  {
    index: true,
    lazy: () => import('./pages/HomePage').then((m) => ({ Component: m.HomePage })),
  },
];

export const homeNav: NavGroup = {
  items: [
    { key: 'home', path: '/', label: 'nav.home', icon: <HomeOutlined />, testId: 'menu-home' },
  ],
};
