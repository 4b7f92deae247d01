// Small helpers the list forms share: trimmed texts to null, dates to 'YYYY-MM-DD' and back.
import dayjs, { type Dayjs } from 'dayjs';

export const DATE_ONLY = 'YYYY-MM-DD';

/** A trimmed text, or null when empty. */
export function orNull(value: string | null | undefined): string | null {
  const v = value?.trim();
  return v ? v : null;
}

/** A number, or null when the box is empty. */
export function numberOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function toDay(value: string | null | undefined): Dayjs | null {
  return value ? dayjs(value) : null;
}

export function fromDay(value: Dayjs | null | undefined): string | null {
  return value ? value.format(DATE_ONLY) : null;
}

/** For Descriptions: leave out the rows with nothing to show. */
export function filled(item: { children?: unknown }): boolean {
  return item.children !== '' && item.children !== null && item.children !== undefined && !(Array.isArray(item.children) && item.children.length === 0);
}
