/**
 * Pinyin initials for names, so that people find 张建军 by typing `zjj`. Surnames read as
 * surnames (单 is shan, 曾 is zeng); letters and digits pass through lower-cased.
 */
import { pinyin } from 'pinyin-pro';

export function nameInitials(name: string): string {
  const letters = pinyin(name.trim(), { pattern: 'first', toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' });
  return letters
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Does a search string look like pinyin initials (latin letters only)? */
export function isInitialsQuery(q: string): boolean {
  return /^[a-zA-Z]{1,20}$/.test(q.trim());
}
