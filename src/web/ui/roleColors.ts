import type { Role } from '../lib/types';

/** One antd tag colour per role, the same everywhere. */
export const ROLE_COLORS: Record<Role, string> = {
  system_admin: 'magenta',
  supervisor: 'red',
  street_staff: 'volcano',
  community_staff: 'orange',
  unit_admin: 'blue',
  member: 'gold',
  resident: 'default',
};
