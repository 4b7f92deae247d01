// The lists web module: 三单式服务: needs, resources and projects. Other modules and the app import it only through this file.
import { listsEnUS, listsZhCN } from './i18n';
import type { WebModule } from '../../lib/webModule';
import { listsNav, listsPublicRoutes, listsRoutes } from './routes';

export const listsModule: WebModule<typeof listsZhCN> = {
  name: 'lists',
  routes: listsRoutes,
  publicRoutes: listsPublicRoutes,
  nav: listsNav,
  messages: { 'zh-CN': listsZhCN, 'en-US': listsEnUS },
};
