// The lists module's pages: its routes (under the signed-in layout) and its side-menu group.
// index.ts declares them; the app's router and menu loop over the modules.
// URL map (also the e2e tests' entry points):
//   /lists/needs[/:id]                 needs (需求清单), a need with its suggested resources  (lists.need.read)
//   /lists/resources[/:id]             resources (资源清单), a resource with its suggested needs (lists.resource.read)
//   /lists/projects[?year=&communityId=&claimable=&mine=]  the year's projects (项目清单)  (lists.project.read)
//   /lists/projects/:id                a project: claims, milestones, reports, sign-off, ratings (lists.project.read)
//   /lists/claim-rule[?year=]          each unit claims at least N projects a year        (lists.project.read)
//   /lists/match-terms                 the matching dictionary and the feedback export   (lists.match.manage)
//   /wall/lists/:communityId[?year=]   a community's wall screen, public (outside the signed-in layout)
import { AimOutlined, BarChartOutlined, BookOutlined, GiftOutlined, ProjectOutlined } from '@ant-design/icons';
import type { RouteObject } from 'react-router-dom';
import type { NavGroup } from '../../lib/webModule';
import { RequirePermission } from '../../app/RequirePermission';

export const listsRoutes: RouteObject[] = [
  {
    path: 'lists/needs',
    element: <RequirePermission permission="lists.need.read" />,
    children: [
      { index: true, lazy: () => import('./pages/NeedsPage').then((m) => ({ Component: m.NeedsPage })) },
      { path: ':id', lazy: () => import('./pages/NeedDetailPage').then((m) => ({ Component: m.NeedDetailPage })) },
    ],
  },
  {
    path: 'lists/resources',
    element: <RequirePermission permission="lists.resource.read" />,
    children: [
      { index: true, lazy: () => import('./pages/ResourcesPage').then((m) => ({ Component: m.ResourcesPage })) },
      { path: ':id', lazy: () => import('./pages/ResourceDetailPage').then((m) => ({ Component: m.ResourceDetailPage })) },
    ],
  },
  {
    path: 'lists/projects',
    element: <RequirePermission permission="lists.project.read" />,
    children: [
      { index: true, lazy: () => import('./pages/ProjectsPage').then((m) => ({ Component: m.ProjectsPage })) },
      { path: ':id', lazy: () => import('./pages/ProjectDetailPage').then((m) => ({ Component: m.ProjectDetailPage })) },
    ],
  },
  {
    path: 'lists/claim-rule',
    element: <RequirePermission permission={['lists.project.read', 'lists.need.read']} />,
    children: [{ index: true, lazy: () => import('./pages/ClaimRulePage').then((m) => ({ Component: m.ClaimRulePage })) }],
  },
  {
    path: 'lists/match-terms',
    element: <RequirePermission permission="lists.match.manage" />,
    children: [{ index: true, lazy: () => import('./pages/MatchDictionaryPage').then((m) => ({ Component: m.MatchDictionaryPage })) }],
  },
];

export const listsPublicRoutes: RouteObject[] = [
  {
    // A community's published lists on a wall screen (大屏): public, no login.
    path: '/wall/lists/:communityId',
    lazy: () => import('./pages/WallPage').then((m) => ({ Component: m.WallPage })),
  },
];

export const listsNav: NavGroup = {
  label: 'nav.lists',
  items: [
    {
      key: 'lists-needs',
      path: '/lists/needs',
      label: 'nav.lists.needs',
      icon: <AimOutlined />,
      permission: 'lists.need.read',
      testId: 'menu-lists-needs',
    },
    {
      key: 'lists-resources',
      path: '/lists/resources',
      label: 'nav.lists.resources',
      icon: <GiftOutlined />,
      permission: 'lists.resource.read',
      testId: 'menu-lists-resources',
    },
    {
      key: 'lists-projects',
      path: '/lists/projects',
      label: 'nav.lists.projects',
      icon: <ProjectOutlined />,
      permission: 'lists.project.read',
      testId: 'menu-lists-projects',
    },
    {
      key: 'lists-claim-rule',
      path: '/lists/claim-rule',
      label: 'nav.lists.claimRule',
      icon: <BarChartOutlined />,
      // Staff, units and members (a resident reads only projects).
      permission: ['lists.project.read', 'lists.need.read'],
      testId: 'menu-lists-claim-rule',
    },
    {
      key: 'lists-match-terms',
      path: '/lists/match-terms',
      label: 'nav.lists.dictionary',
      icon: <BookOutlined />,
      permission: 'lists.match.manage',
      testId: 'menu-lists-dictionary',
    },
  ],
};
