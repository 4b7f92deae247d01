// The home web module: the home page. Other modules and the app import it only through this file.
import type { WebModule } from '../../lib/webModule';
import { homeNav, homeRoutes } from './routes';

export const homeModule: WebModule = {
  name: 'home',
  routes: homeRoutes,
  nav: homeNav,
};
