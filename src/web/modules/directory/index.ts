// The directory web module: regions, organisations, members, households, teams and the import. Other modules and the app import it only through this file.
import type { WebModule } from '../../lib/webModule';
import { directoryNav, directoryRoutes } from './routes';

export const directoryModule: WebModule = {
  name: 'directory',
  routes: directoryRoutes,
  nav: directoryNav,
};
