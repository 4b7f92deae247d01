import type { NavGroup, NavItem } from '../lib/webModule';
import { WEB_MODULES } from '../modules';

/** The side menu: each module's group, in the order of the module list. */
export const NAVIGATION: NavGroup[] = WEB_MODULES.flatMap((m) => (m.nav ? [m.nav] : []));

/** Whether a user with `can` may see `item`. */
export function navItemVisible(item: NavItem, can: (permission: string) => boolean): boolean {
  if (!item.permission) return true;
  return typeof item.permission === 'string' ? can(item.permission) : item.permission.every(can);
}

/** The menu key of the page at `pathname`: the item with the longest matching path. */
export function selectedNavKey(pathname: string): string | undefined {
  let best: NavItem | undefined;
  for (const item of NAVIGATION.flatMap((g) => g.items)) {
    const matches = item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`);
    if (matches && (!best || item.path.length > best.path.length)) best = item;
  }
  return best?.key;
}
