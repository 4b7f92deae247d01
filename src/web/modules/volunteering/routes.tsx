// The volunteering module's pages: its routes (under the signed-in layout) and its side-menu group.
// router.tsx and navigation.tsx include both; this module adds its pages here only.
import type { RouteObject } from 'react-router-dom';
import type { NavGroup } from '../../app/navigation';

export const volunteeringRoutes: RouteObject[] = [];

export const volunteeringNav: NavGroup = {
  label: 'nav.volunteering',
  items: [],
};
