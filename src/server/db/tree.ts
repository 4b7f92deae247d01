/** The region and organisation trees keep a materialised path of ids (`/<id>/<id>/…/`). */
import type { Kysely } from 'kysely';
import type { DB } from './schema';

/** Names for every id in the given paths, in one query: turns a path into 临江市 / 东城街道 / 幸福社区. */
export async function namesOf(db: Kysely<DB>, table: 'region' | 'organization', paths: Array<string | null>): Promise<(path: string | null) => string[]> {
  const ids = [...new Set(paths.flatMap((p) => (p ? p.split('/').filter(Boolean) : [])))];
  const rows = ids.length ? await db.selectFrom(table).select(['id', 'name']).where('id', 'in', ids).execute() : [];
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return (path) => (path ? path.split('/').filter(Boolean).map((id) => names.get(id) ?? '?') : []);
}
