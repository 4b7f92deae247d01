import type { Locale } from '../../lib/i18n/messages';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (enough for the clauses of an agreement). */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n);
  if (n < 20) return `十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
  return String(n);
}

/** The number in front of a clause of the paper agreement: `一、` in Chinese, `1. ` in English. */
export function clauseNumber(locale: Locale, n: number): string {
  return locale === 'zh-CN' ? `${chineseNumeral(n)}、` : `${n}. `;
}
