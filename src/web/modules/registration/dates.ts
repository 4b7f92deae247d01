import dayjs from 'dayjs';
import { DEFAULT_TERM_YEARS } from './constants';

/** The date format of the API's date-only fields. */
export const DATE_ONLY = 'YYYY-MM-DD';

/** Today as 'YYYY-MM-DD' in the browser's time zone. */
export function todayDate(): string {
  return dayjs().format(DATE_ONLY);
}

/** The default term of a new agreement: from today, two years (the last day included). */
export function defaultTerm(): [string, string] {
  const start = dayjs();
  return [start.format(DATE_ONLY), start.add(DEFAULT_TERM_YEARS, 'year').subtract(1, 'day').format(DATE_ONLY)];
}
