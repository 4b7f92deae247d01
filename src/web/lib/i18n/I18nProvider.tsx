import dayjs from 'dayjs';
import 'dayjs/locale/en';
import 'dayjs/locale/zh-cn';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { setApiLanguage } from '../api';
import { I18nContext, type I18n } from './I18nContext';
import { DEFAULT_LOCALE, interpolate, isLocale, type Locale, type MessageKey, type Messages } from './messages';

const STORAGE_KEY = 'gongjian.locale';
const DAYJS_LOCALES: Record<Locale, string> = { 'zh-CN': 'zh-cn', 'en-US': 'en' };

function storedLocale(): Locale {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE; // storage blocked (private mode): use the default
  }
}

/** Applies a locale to the pieces outside React: dayjs, <html lang>, the API's Accept-Language. */
function applyLocale(locale: Locale, messages: Messages): void {
  dayjs.locale(DAYJS_LOCALES[locale]);
  document.documentElement.lang = locale;
  document.title = messages['app.fullTitle'];
  setApiLanguage(locale);
}

/** The language of the app; `dictionaries` are the app's and its modules' strings (app/dictionaries.ts). */
export function I18nProvider({ dictionaries, children }: { dictionaries: Record<Locale, Messages>; children: ReactNode }) {
  // Applied once, before anything renders a date.
  const [locale, setLocaleState] = useState<Locale>(() => {
    const initial = storedLocale();
    applyLocale(initial, dictionaries[initial]);
    return initial;
  });

  const setLocale = useCallback((next: Locale) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not remembered, still switched
    }
    // dayjs must switch before the children render with the new locale
    applyLocale(next, dictionaries[next]);
    setLocaleState(next);
  }, [dictionaries]);

  const value = useMemo<I18n>(() => {
    const messages = dictionaries[locale];
    const lookup = messages as Readonly<Record<string, string | undefined>>;
    const t = (key: MessageKey, vars?: Record<string, string | number>) => interpolate(messages[key], vars);
    const tName = (prefix: string, name: string, vars?: Record<string, string | number>) => {
      const message = lookup[`${prefix}.${name}`];
      return message === undefined ? name : interpolate(message, vars);
    };
    const message = (key: string, vars?: Record<string, string | number>) => {
      const found = lookup[key];
      return found === undefined ? undefined : interpolate(found, vars);
    };
    const knownNames = (prefix: string) =>
      Object.keys(messages)
        .filter((k) => k.startsWith(`${prefix}.`))
        .map((k) => k.slice(prefix.length + 1));
    const format = (pattern: string) => (input: string | Date | null | undefined) => {
      if (input === null || input === undefined || input === '') return '';
      const d = dayjs(input);
      return d.isValid() ? d.format(pattern) : String(input);
    };
    const date = format(messages['format.date']);
    const dateTime = format(messages['format.dateTime']);
    const dateTimeSeconds = format(messages['format.dateTimeSeconds']);
    return {
      locale,
      setLocale,
      t,
      tName,
      message,
      knownNames,
      formatDate: date,
      formatDateTime: (input, withSeconds) => (withSeconds ? dateTimeSeconds(input) : dateTime(input)),
    };
  }, [dictionaries, locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
