import { createContext } from 'react';
import type { CurrentUser } from '../lib/types';

export interface Auth {
  /** undefined while the first /auth/me is on its way, null when nobody is signed in. */
  user: CurrentUser | null | undefined;
  /** True after the user logged out here (then the login page is shown without a page to return to). */
  signedOut: boolean;
  login: (account: string, password: string) => Promise<CurrentUser>;
  logout: () => Promise<void>;
  logoutEverywhere: () => Promise<void>;
  /** Reads /auth/me again (after a password change, a role change of oneself…). */
  refresh: () => Promise<CurrentUser | null>;
  can: (permission: string) => boolean;
}

export const AuthContext = createContext<Auth | null>(null);
