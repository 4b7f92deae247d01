import { useContext } from 'react';
import { AuthContext, type Auth } from './AuthContext';

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth() needs an <AuthProvider> above it');
  return auth;
}

/** The signed-in user; only for pages behind <RequireAuth>. */
export function useCurrentUser() {
  const { user } = useAuth();
  if (!user) throw new Error('useCurrentUser() used outside <RequireAuth>');
  return user;
}
