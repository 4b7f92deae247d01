import type { ModuleMessages } from '../../modules';
import type { zhCN } from './zh-CN';

/** Every key of the UI dictionaries (the app's and the modules'); zh-CN is the source, other locales must match it. */
export type MessageKey = keyof typeof zhCN | keyof ModuleMessages;
export type Messages = Record<MessageKey, string>;

export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export type Vars = Record<string, string | number>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Put `{name}` values into a message; unknown placeholders stay as they are. */
export function interpolate(message: string, vars?: Vars): string {
  if (!vars) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}
