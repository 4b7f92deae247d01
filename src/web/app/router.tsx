import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { WEB_MODULES } from '../modules';
import { PageSpinner } from '../ui/PageSpinner';
import { AppLayout } from './AppLayout';
import { AppRoot } from './AppRoot';
import { NotFoundPage } from './NotFoundPage';
import { RequireAuth } from './RequireAuth';
import { RouteError } from './RouteError';

// Every page is its own chunk, loaded when first visited. Each module's routes.tsx has its URL map
// (also the e2e tests' entry points); the modules are listed in src/web/modules/index.ts.
export const routes: RouteObject[] = [
  {
    element: <AppRoot />,
    errorElement: <RouteError />,
    HydrateFallback: () => <PageSpinner fullScreen />,
    children: [
      ...WEB_MODULES.flatMap((m) => m.publicRoutes ?? []),
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            errorElement: <RouteError />,
            children: [...WEB_MODULES.flatMap((m) => m.routes ?? []), { path: '*', Component: NotFoundPage }],
          },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
