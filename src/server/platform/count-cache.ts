/**
 * Totals of paged lists, kept for a few seconds while nothing is written. A list page shows "n
 * in all"; counting every matching row on every page is most of a list's cost on a large table.
 * A total is reused only while this process has committed no write of any kind since it was
 * counted (db/write-watch.ts), and for at most COUNT_CACHE_MS; so in one process a total is
 * never stale, and with several server processes on one PostgreSQL database it may lag another
 * process's writes by COUNT_CACHE_MS at most (the rows of the page itself are always read fresh).
 */
import type { AppContext } from './context';

export const COUNT_CACHE_MS = 5_000;
const MAX_ENTRIES = 1_000;

interface Entry {
  total: number;
  writes: number;
  at: number;
}

const caches = new WeakMap<object, Map<string, Entry>>();

export async function cachedCount(ctx: AppContext, key: string, count: () => Promise<number>): Promise<number> {
  const writes = typeof ctx.database?.writeGeneration === 'function' ? () => ctx.database.writeGeneration() : null;
  if (!writes) return count();
  let cache = caches.get(ctx.db);
  if (!cache) caches.set(ctx.db, (cache = new Map()));
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.writes === writes() && now - hit.at < COUNT_CACHE_MS) return hit.total;
  const before = writes();
  const total = await count();
  if (writes() === before) {
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(key, { total, writes: before, at: now });
  }
  return total;
}
