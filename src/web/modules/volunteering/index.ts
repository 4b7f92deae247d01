// The volunteering web module: activities, sign-ups, check-in, hours, quotas and certificates. Other modules and the app import it only through this file.
import { volunteeringEnUS, volunteeringZhCN } from './i18n';
import type { WebModule } from '../../lib/webModule';
import { volunteeringNav, volunteeringPublicRoutes, volunteeringRoutes } from './routes';

export const volunteeringModule: WebModule<typeof volunteeringZhCN> = {
  name: 'volunteering',
  routes: volunteeringRoutes,
  publicRoutes: volunteeringPublicRoutes,
  nav: volunteeringNav,
  messages: { 'zh-CN': volunteeringZhCN, 'en-US': volunteeringEnUS },
};
