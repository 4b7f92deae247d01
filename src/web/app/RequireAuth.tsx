import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { loginPath } from '../lib/api';
import { PageSpinner } from '../ui/PageSpinner';
import { useAuth } from './useAuth';

export const CHANGE_PASSWORD_PATH = '/profile/password';

/** Pages below need a signed-in user; one who must change the password is sent to do that first. */
export function RequireAuth() {
  const { user, signedOut } = useAuth();
  const location = useLocation();
  if (user === undefined) return <PageSpinner fullScreen />;
  if (user === null) {
    return <Navigate to={signedOut ? '/login' : loginPath(`${location.pathname}${location.search}`)} replace />;
  }
  if (user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return <Outlet />;
}
