import { createContext } from 'react';
import type { Locale, MessageKey, Vars } from './messages';

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  /** The message for `key` in the current locale, with `{name}` placeholders filled from `vars`. */
  t: (key: MessageKey, vars?: Vars) => string;
  /**
   * For names that come from the server (permissions, audit actions, scope kinds): the message for
   * `prefix.name` when the dictionary has one, else `name` itself.
   */
  tName: (prefix: string, name: string, vars?: Vars) => string;
  /** The message for a key made at run time (a notification's kind), or undefined when the dictionary has none. */
  message: (key: string, vars?: Vars) => string | undefined;
  /** The names the dictionary knows under `prefix` (`action` → `auth.login`, `user.create`…). */
  knownNames: (prefix: string) => string[];
  /** `2025年3月8日` / `8 Mar 2025`; '' for null. */
  formatDate: (value: string | Date | null | undefined) => string;
  /** `2025年3月8日 14:05` / `8 Mar 2025 14:05`; '' for null. */
  formatDateTime: (value: string | Date | null | undefined, withSeconds?: boolean) => string;
}

export const I18nContext = createContext<I18n | null>(null);
