// The auth web module: signing in, one's account and API tokens. Other modules and the app import it only through this file.
import type { WebModule } from '../../lib/webModule';
import { authNav, authPublicRoutes, authRoutes } from './routes';

export const authModule: WebModule = {
  name: 'auth',
  routes: authRoutes,
  publicRoutes: authPublicRoutes,
  nav: authNav,
};
