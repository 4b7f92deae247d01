import { Outlet } from 'react-router-dom';
import { AuthProvider } from './AuthProvider';

/** The root route: providers that need the router (navigation on 401) wrap every page. */
export function AppRoot() {
  return (
    <AuthProvider>
      <Outlet />
    </AuthProvider>
  );
}
