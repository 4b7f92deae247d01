/**
 * Bulk decisions (confirm hundreds of registrations, approve a page of hour requests): all or
 * nothing. Every row is checked before anything is written; when any row is refused the whole
 * request fails with one report line per refused row, and nothing changes.
 */
import { AppError } from './errors';

/** Why one row of a bulk request was refused: `NOT_FOUND` (not there or not visible), `FORBIDDEN` (out of the caller's scope), or the module's state code. */
export interface BulkRefusal {
  id: string;
  code: string;
  /** The row's state when the state is the reason (e.g. `confirmed`). */
  status: string | null;
}

/** Most rows one bulk request takes (a community's reported-in members fit many times over). */
export const BULK_MAX_ROWS = 10_000;

/** Ids in the order given, each once. */
export function uniqueIds(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/**
 * The error of a refused bulk request: 403 when any row is out of the caller's scope (or not
 * visible), else 409; `details.rows` names each refused row and why.
 */
export function bulkRefused(total: number, rows: BulkRefusal[]): AppError {
  const scope = rows.some((r) => r.code === 'FORBIDDEN' || r.code === 'NOT_FOUND');
  return new AppError('BULK_REFUSED', scope ? 403 : 409, `${rows.length} of ${total} rows cannot be decided; nothing was changed`, { total, refused: rows.length, rows });
}
