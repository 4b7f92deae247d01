// The accounts module's pages: the setup page of an empty system (signed in) and the phone's
// activation page (public). index.ts declares them; the app's router loops over the modules.
// URL map (also the e2e tests' entry points):
//   /activate[?way=identity&account=]  first password with an activation code or proof of identity, no login
//   /setup                             first run of an empty system: top region, imports, accounts (system administrator)
import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from '../../app/RequirePermission';

export const accountsRoutes: RouteObject[] = [
  {
    path: 'setup',
    element: <RequirePermission permission={['directory.region.write', 'admin.role.assign']} />,
    children: [{ index: true, lazy: () => import('./pages/SetupPage').then((m) => ({ Component: m.SetupPage })) }],
  },
];

export const accountsPublicRoutes: RouteObject[] = [
  {
    // A member or resident sets the first password (activation code, or proof of identity): public, no login.
    path: '/activate',
    lazy: () => import('./pages/ActivatePage').then((m) => ({ Component: m.ActivatePage })),
  },
];
