import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setCsrfToken, setPasswordChangeHandler, setUnauthorizedHandler, toApiError } from '../lib/api';
import type { CurrentUser, SessionResponse } from '../lib/types';
import { AuthContext, type Auth } from './AuthContext';

async function fetchSession(): Promise<CurrentUser | null> {
  try {
    const session = await api.get<SessionResponse>('/auth/me', { noAuthRedirect: true });
    setCsrfToken(session.csrfToken);
    return session.user;
  } catch (error) {
    if (toApiError(error).status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<CurrentUser | null | undefined>(undefined);
  const [signedOut, setSignedOut] = useState(false);

  useEffect(() => {
    let live = true;
    fetchSession().then(
      (u) => {
        if (live) setUser(u);
      },
      () => {
        // The server cannot be reached: show the login page, which reports the error on submit.
        if (live) setUser(null);
      },
    );
    return () => {
      live = false;
    };
  }, []);

  // A 401 from any request means the session is gone: forget the user; <RequireAuth> then sends
  // the browser to the login page, keeping the page to come back to.
  useEffect(
    () =>
      setUnauthorizedHandler(() => {
        setCsrfToken(null);
        setUser(null);
      }),
    [],
  );

  const login = useCallback(async (account: string, password: string) => {
    const session = await api.post<SessionResponse>('/auth/login', { account, password }, { noAuthRedirect: true });
    setCsrfToken(session.csrfToken);
    setUser(session.user);
    setSignedOut(false);
    return session.user;
  }, []);

  const endSession = useCallback(async (path: '/auth/logout' | '/auth/logout-all') => {
    try {
      await api.post(path, undefined, { noAuthRedirect: true });
    } finally {
      setCsrfToken(null);
      setSignedOut(true);
      setUser(null);
    }
  }, []);

  const refresh = useCallback(async () => {
    const u = await fetchSession();
    setUser(u);
    return u;
  }, []);

  // The server wants a new password first: reading /auth/me again sets mustChangePassword, and
  // <RequireAuth> then shows the password page.
  useEffect(
    () =>
      setPasswordChangeHandler(() => {
        refresh().catch(() => undefined);
      }),
    [refresh],
  );

  const value = useMemo<Auth>(
    () => ({
      user,
      signedOut,
      login,
      logout: () => endSession('/auth/logout'),
      logoutEverywhere: () => endSession('/auth/logout-all'),
      refresh,
      can: (permission) => user?.permissions.includes(permission) ?? false,
    }),
    [user, signedOut, login, endSession, refresh],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
