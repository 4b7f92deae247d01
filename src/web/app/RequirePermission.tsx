import { Outlet } from 'react-router-dom';
import { ForbiddenResult } from '../ui/ForbiddenResult';
import { useAuth } from './useAuth';

/** Pages below need `permission`; without it the user sees a 403 page (the server refuses anyway). */
export function RequirePermission({ permission }: { permission: string }) {
  const { can } = useAuth();
  return can(permission) ? <Outlet /> : <ForbiddenResult />;
}
