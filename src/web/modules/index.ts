// The web modules, in the order of the side menu. Adding a module: its folder with an index.ts
// (routes, menu group, messages) and one line here; the router, the menu and the dictionaries loop
// over this list.
import type { MessagesOf, WebModule } from '../lib/webModule';
import { accountsModule } from './accounts';
import { adminModule } from './admin';
import { authModule } from './auth';
import { directoryModule } from './directory';
import { homeModule } from './home';
import { listsModule } from './lists';
import { notificationsModule } from './notifications';
import { registrationModule } from './registration';
import { volunteeringModule } from './volunteering';

export const WEB_MODULES = [
  homeModule,
  registrationModule,
  volunteeringModule,
  listsModule,
  directoryModule,
  adminModule,
  authModule,
  accountsModule,
  notificationsModule,
] as const satisfies readonly WebModule<any>[];

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The zh-CN messages of every module, as one type (their keys join the core dictionary's). */
export type ModuleMessages = UnionToIntersection<MessagesOf<(typeof WEB_MODULES)[number]>>;
