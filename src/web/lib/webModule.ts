// The shape of a web module: what a folder under src/web/modules declares in its index.ts. The app
// shell (router, side menu, dictionaries) loops over the list in src/web/modules/index.ts.
import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router-dom';
import type { MessageKey } from './i18n/messages';

export interface NavItem {
  key: string;
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Shown only to users with this permission (with a list: all of them); absent = every signed-in user. */
  permission?: string | readonly string[];
  testId: string;
}

export interface NavGroup {
  /** Absent for a group with no heading. */
  label?: MessageKey;
  items: NavItem[];
}

/**
 * A web module, declared with its messages' type: `export const listsModule: WebModule<typeof listsZhCN> = { … }`
 * (the annotation, not inference, lets the dictionaries' keys come from the module list).
 */
export interface WebModule<M extends Record<string, string> = Record<never, string>> {
  name: string;
  /** Pages under the signed-in layout (paths without a leading slash). */
  routes?: RouteObject[];
  /** Pages anyone may open without signing in (a QR code's check, a wall screen). */
  publicRoutes?: RouteObject[];
  /** Its side-menu group; groups appear in the order of the module list. */
  nav?: NavGroup;
  /** Its UI strings: zh-CN is the source, en-US has exactly the same keys. */
  messages?: { 'zh-CN': M; 'en-US': Record<keyof M, string> };
}

/** The zh-CN messages of a web module's type. */
export type MessagesOf<W> = W extends WebModule<infer M> ? M : never;
