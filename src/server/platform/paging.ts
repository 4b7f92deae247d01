/**
 * Paging, once. `pageOf` runs a list query as one page: the total (through the count cache when
 * the list names a count key), the rows in a stable order, and either offset paging (`page`,
 * `pageSize`, what today's web pages use) or keyset paging (`cursor` → `nextCursor`, for long
 * lists: each page starts right after the last row of the one before, however deep). A cursor is
 * opaque to clients: the order keys of the last row, as the database spells them, in base64url.
 * Keyset order keys must be non-null columns and the last key unique (the id).
 */
import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { cachedCount } from './count-cache';
import type { AppContext } from './context';
import { badRequest } from './errors';

export interface PageParams {
  page?: number;
  pageSize?: number;
  cursor?: string;
}

export interface PageOfRows<Row> {
  rows: Row[];
  total: number;
  /** Where the next page starts (keyset lists only); null on the last page. */
  nextCursor?: string | null;
}

export type OrderKey = readonly [column: string, direction: 'asc' | 'desc'] | Expression<unknown>;

export interface PageOptions {
  /** The order, most significant first; a stable list ends with a unique column. */
  order: readonly OrderKey[];
  /** A key naming the list and its filters: the total is then reused while nothing is written. */
  countKey?: string;
  /** Keyset paging: takes `cursor` and returns `nextCursor` (every order key a column). */
  keyset?: boolean;
  /** The query that counts, when not the list query without its columns. */
  count?: SelectQueryBuilder<any, any, any>;
}

const DEFAULT_PAGE_SIZE = 20;

function encodeCursor(values: readonly string[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, keys: number): string[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === keys && values.every((v) => typeof v === 'string')) return values as string[];
  } catch {
    // falls through to the error below
  }
  throw invalidCursor();
}

const invalidCursor = () => badRequest('CURSOR_INVALID', 'The cursor is not one this list gave out', [{ path: 'querystring/cursor', message: 'is not valid' }]);

const isColumn = (k: OrderKey): k is readonly [string, 'asc' | 'desc'] => Array.isArray(k);

/** Rows after the cursor's row in this order: (a > x) or (a = x and b > y) or … */
function after(keys: ReadonlyArray<readonly [string, 'asc' | 'desc']>, values: readonly string[]): Expression<SqlBool> {
  const ors = keys.map(([column, direction], i) => {
    const ands = keys.slice(0, i).map(([c], j) => sql<SqlBool>`${sql.ref(c)} = ${values[j]}`);
    ands.push(direction === 'asc' ? sql<SqlBool>`${sql.ref(column)} > ${values[i]}` : sql<SqlBool>`${sql.ref(column)} < ${values[i]}`);
    return sql<SqlBool>`(${sql.join(ands, sql` and `)})`;
  });
  return sql<SqlBool>`(${sql.join(ors, sql` or `)})`;
}

/** One page of a list query (see the file comment). */
export async function pageOf<Row>(ctx: AppContext, query: SelectQueryBuilder<any, any, Row>, params: PageParams, opts: PageOptions): Promise<PageOfRows<Row>> {
  const pageSize = params.pageSize ?? DEFAULT_PAGE_SIZE;
  const counter = opts.count ?? query.clearSelect();
  const count = async () => Number((await counter.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()).total);
  const total = opts.countKey ? await cachedCount(ctx, opts.countKey, count) : await count();
  let rows = query;
  for (const key of opts.order) rows = isColumn(key) ? rows.orderBy(sql.ref(key[0]), key[1]) : rows.orderBy(key);
  if (!opts.keyset) {
    return { rows: await rows.limit(pageSize).offset(((params.page ?? 1) - 1) * pageSize).execute(), total };
  }
  const keys = opts.order.filter(isColumn);
  if (keys.length !== opts.order.length) throw new Error('keyset paging needs column order keys');
  if (params.cursor) rows = rows.where(after(keys, decodeCursor(params.cursor, keys.length)));
  else rows = rows.offset(((params.page ?? 1) - 1) * pageSize);
  const withKeys = rows.select(keys.map(([column], i) => sql<string>`${sql.ref(column)}::text`.as(`cursor_key_${i}`))).limit(pageSize + 1);
  const found = (await withKeys.execute().catch((e: unknown) => {
    // A forged cursor whose values are not of the keys' types: PostgreSQL's data exceptions (22…).
    if (params.cursor && /^22/.test(String((e as { code?: unknown }).code))) throw invalidCursor();
    throw e;
  })) as Array<Row & Record<string, string>>;
  const more = found.length > pageSize;
  const page = more ? found.slice(0, pageSize) : found;
  const last = page[page.length - 1];
  const nextCursor = more && last ? encodeCursor(keys.map((_, i) => last[`cursor_key_${i}`]!)) : null;
  return { rows: page, total, nextCursor };
}
