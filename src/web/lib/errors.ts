import { toApiError } from './api';
import type { I18n } from './i18n/I18nContext';

/** "5 分钟" / "40 秒" for a Retry-After in seconds (rounded up to whole minutes from one minute on). */
export function waitText(t: I18n['t'], seconds: number | null): string {
  const s = Math.max(1, Math.ceil(seconds ?? 60));
  return s < 60 ? t('time.seconds', { n: s }) : t('time.minutes', { n: Math.ceil(s / 60) });
}

function detailNumber(details: unknown, key: string): number | null {
  const value = (details as Record<string, unknown> | null | undefined)?.[key];
  return typeof value === 'number' ? value : null;
}

/** What to tell the user about a failed request, in the user's language. */
export function errorText(i18n: Pick<I18n, 't' | 'tName'>, error: unknown): string {
  const e = toApiError(error);
  const { t, tName } = i18n;
  switch (e.code) {
    case 'AUTH_LOCKED':
      return t('error.AUTH_LOCKED', { wait: waitText(t, e.retryAfter ?? detailNumber(e.details, 'retryAfterSeconds')) });
    case 'RATE_LIMITED':
      return t('error.RATE_LIMITED', { wait: waitText(t, e.retryAfter) });
    default:
      break;
  }
  const known = tName('error', e.code);
  if (known !== e.code) return known;
  if (e.status === 403) return t('error.FORBIDDEN');
  if (e.status === 404) return t('error.NOT_FOUND');
  return e.message || e.code;
}

/** The translated reasons of a PASSWORD_POLICY error (`details.reasons`), else []. */
export function passwordPolicyReasons(i18n: Pick<I18n, 'tName'>, error: unknown): string[] {
  const e = toApiError(error);
  if (e.code !== 'PASSWORD_POLICY') return [];
  const details = (e.details ?? {}) as { reasons?: unknown; minLength?: unknown; requireClasses?: unknown };
  if (!Array.isArray(details.reasons)) return [];
  const vars = {
    minLength: typeof details.minLength === 'number' ? details.minLength : '',
    requireClasses: typeof details.requireClasses === 'number' ? details.requireClasses : '',
  };
  return details.reasons.filter((r): r is string => typeof r === 'string').map((r) => i18n.tName('password.reason', r, vars));
}
