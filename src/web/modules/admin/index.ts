// The admin web module: users, role assignments and the audit log. Other modules and the app import it only through this file.
import type { WebModule } from '../../lib/webModule';
import { adminNav, adminRoutes } from './routes';

export const adminModule: WebModule = {
  name: 'admin',
  routes: adminRoutes,
  nav: adminNav,
};
