/** Small SQL helpers shared by the repositories. */

/** Escapes LIKE wildcards so that user text matches itself: `50%_off` finds "50%_off", not everything. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `%text%` for a contains-search, wildcards in the text escaped. */
export function containsPattern(s: string): string {
  return `%${escapeLike(s)}%`;
}
