import { Outlet } from 'react-router-dom';
import { ForbiddenResult } from '../ui/ForbiddenResult';
import { useAuth } from './useAuth';

/** Pages below need `permission` (a list: all of them); without it the user sees a 403 page (the server refuses anyway). */
export function RequirePermission({ permission }: { permission: string | readonly string[] }) {
  const { can } = useAuth();
  const allowed = typeof permission === 'string' ? can(permission) : permission.every(can);
  return allowed ? <Outlet /> : <ForbiddenResult />;
}
