// The accounts web module: first-run setup, activation on the phone, bulk accounts and a member's login. Other modules and the app import it only through this file.
import type { WebModule } from '../../lib/webModule';
import { accountsEnUS, accountsZhCN } from './i18n';
import { accountsPublicRoutes, accountsRoutes } from './routes';

export const accountsModule: WebModule<typeof accountsZhCN> = {
  name: 'accounts',
  routes: accountsRoutes,
  publicRoutes: accountsPublicRoutes,
  messages: { 'zh-CN': accountsZhCN, 'en-US': accountsEnUS },
};

export { BulkAccountsButton } from './components/BulkAccountsButton';
export { MemberAccountCard } from './components/MemberAccountCard';
export { SetupRedirect } from './components/SetupRedirect';
