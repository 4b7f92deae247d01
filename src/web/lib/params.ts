// Reading list state (filters, paging, sorting) back from the URL's search parameters.

/** `value` when it is one of `allowed`, else undefined. */
export function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}

/** `value` as a whole number above zero, else `fallback`. */
export function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
