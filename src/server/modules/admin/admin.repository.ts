/** SQL of the admin module: users seen through a scope, scopes to pick from, and the audit log. */
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Kysely } from 'kysely';
import type { DB, ScopeType } from '../../db/schema';
import { inReach, reachesPlaces, type Reach } from '../../platform/scope';
import { escapeLike } from '../../platform/sql';

export type { Reach };

/** A condition: the user (by its id column) holds at least one role assignment inside the reach. */
export function userInReach(eb: ExpressionBuilder<DB, any>, userIdColumn: Expression<string | null>, reach: Reach): Expression<SqlBool> {
  if (reach.all) return sql<SqlBool>`true`;
  if (!reachesPlaces(reach)) return sql<SqlBool>`false`;
  return eb.exists(
    eb
      .selectFrom('role_assignment as ra')
      .leftJoin('region as r', 'r.id', 'ra.region_id')
      .leftJoin('organization as o', 'o.id', 'ra.organization_id')
      .leftJoin('region as orr', 'orr.id', 'o.region_id')
      .select(sql`1`.as('one'))
      .whereRef('ra.user_id', '=', userIdColumn as never)
      .where(inReach(reach, { region: ['r.path', 'orr.path'], org: 'o.path' })),
  );
}

export const USER_COLUMNS = ['u.id', 'u.account', 'u.display_name', 'u.phone_masked', 'u.status', 'u.last_login_at', 'u.created_at'] as const;

export interface ListUsersFilter {
  q?: string;
  status?: 'active' | 'disabled';
  role?: string;
  sort: 'account' | 'displayName' | 'createdAt';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const SORT_COLUMNS = { account: 'u.account', displayName: 'u.display_name', createdAt: 'u.created_at' } as const;


export async function findUsers(db: Kysely<DB>, reach: Reach, f: ListUsersFilter, phoneHash: string | null) {
  let query = db.selectFrom('app_user as u').where((eb) => userInReach(eb, eb.ref('u.id'), reach));
  if (f.q) {
    const like = `%${escapeLike(f.q.toLowerCase())}%`;
    query = query.where((eb) => {
      const ors = [eb(sql`lower(u.account)`, 'like', like), eb(sql`lower(u.display_name)`, 'like', like)];
      if (phoneHash) ors.push(eb('u.phone_hash', '=', phoneHash));
      return eb.or(ors);
    });
  }
  if (f.status) query = query.where('u.status', '=', f.status);
  if (f.role) {
    const role = f.role;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('role_assignment as rf').select(sql`1`.as('one')).whereRef('rf.user_id', '=', 'u.id').where('rf.role', '=', role)),
    );
  }
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .select(USER_COLUMNS)
    .orderBy(SORT_COLUMNS[f.sort], f.order)
    .orderBy('u.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { rows, total: Number(total) };
}

export async function findUser(db: Kysely<DB>, id: string) {
  return db.selectFrom('app_user as u').select(USER_COLUMNS).where('u.id', '=', id).executeTakeFirst();
}

export async function findScope(db: Kysely<DB>, type: ScopeType, id: string | null) {
  if (type === 'system' || id === null) return null;
  if (type === 'region') {
    return db
      .selectFrom('region')
      .select(['id', 'kind', 'name', 'path', sql<string | null>`path`.as('region_path')])
      .where('id', '=', id)
      .executeTakeFirst();
  }
  return db
    .selectFrom('organization as o')
    .leftJoin('region as r', 'r.id', 'o.region_id')
    .select(['o.id', 'o.kind', 'o.name', 'o.path', 'r.path as region_path'])
    .where('o.id', '=', id)
    .executeTakeFirst();
}

export interface ScopeRow {
  id: string;
  name: string;
  kind: string;
  path: string;
}

export async function searchScopes(
  db: Kysely<DB>,
  type: 'region' | 'organization',
  q: string | undefined,
  reach: Reach,
  limit: number,
  kinds?: readonly string[],
): Promise<ScopeRow[]> {
  const nameLike = q ? sql<SqlBool>`lower(s.name) like ${`%${escapeLike(q.toLowerCase())}%`}` : sql<SqlBool>`true`;
  const kindIn = kinds && kinds.length > 0 ? sql<SqlBool>`s.kind in (${sql.join(kinds)})` : sql<SqlBool>`true`;
  if (type === 'region') {
    return db.selectFrom('region as s').select(['s.id', 's.name', 's.kind', 's.path']).where(nameLike).where(kindIn).where(inReach(reach, { region: 's.path' })).orderBy('s.path').limit(limit).execute();
  }
  return db
    .selectFrom('organization as s')
    .leftJoin('region as sr', 'sr.id', 's.region_id')
    .select(['s.id', 's.name', 's.kind', 's.path'])
    .where(nameLike)
    .where(kindIn)
    .where(inReach(reach, { region: 'sr.path', org: 's.path' }))
    .orderBy('s.path')
    .limit(limit)
    .execute();
}
