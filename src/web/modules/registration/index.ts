// The registration web module: 双报到: reporting in, cards, pairings, agreements and the dashboard. Other modules and the app import it only through this file.
import type { WebModule } from '../../lib/webModule';
import { registrationNav, registrationPublicRoutes, registrationRoutes } from './routes';

export const registrationModule: WebModule = {
  name: 'registration',
  routes: registrationRoutes,
  publicRoutes: registrationPublicRoutes,
  nav: registrationNav,
};
