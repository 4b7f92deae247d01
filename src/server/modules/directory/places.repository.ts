/** Looking up places (regions) and organisations by id or name, and naming paths. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { badRequest } from '../../platform/errors';

export interface PlaceRow {
  id: string;
  parent_id: string | null;
  kind: string;
  name: string;
  path: string;
  village: boolean;
}

export interface OrgRow {
  id: string;
  kind: string;
  name: string;
  path: string;
  region_id: string | null;
  region_path: string | null;
}

export async function getRegion(db: Kysely<DB>, id: string): Promise<PlaceRow | undefined> {
  return db.selectFrom('region').select(['id', 'parent_id', 'kind', 'name', 'path', 'village']).where('id', '=', id).executeTakeFirst();
}

export async function getOrg(db: Kysely<DB>, id: string): Promise<OrgRow | undefined> {
  return db
    .selectFrom('organization as o')
    .leftJoin('region as r', 'r.id', 'o.region_id')
    .select(['o.id', 'o.kind', 'o.name', 'o.path', 'o.region_id', 'r.path as region_path'])
    .where('o.id', '=', id)
    .executeTakeFirst();
}

/** Resolves a region id that must exist and be of one of the kinds; 400 with the field otherwise. */
export async function requireRegion(db: Kysely<DB>, id: string, kinds: readonly string[], field: string): Promise<PlaceRow> {
  const r = await getRegion(db, id);
  if (!r) throw badRequest('REGION_NOT_FOUND', 'The place does not exist', [{ path: `body/${field}`, message: 'not found' }]);
  if (!kinds.includes(r.kind)) throw badRequest('REGION_KIND_MISMATCH', `The place must be a ${kinds.join(' or ')}`, [{ path: `body/${field}`, message: `must be a ${kinds.join(' or ')}` }]);
  return r;
}

export async function requireOrg(db: Kysely<DB>, id: string, kinds: readonly string[] | null, field: string): Promise<OrgRow> {
  const o = await getOrg(db, id);
  if (!o) throw badRequest('ORGANIZATION_NOT_FOUND', 'The organisation does not exist', [{ path: `body/${field}`, message: 'not found' }]);
  if (kinds && !kinds.includes(o.kind)) {
    throw badRequest('ORGANIZATION_KIND_MISMATCH', `The organisation must be a ${kinds.join(' or ')}`, [{ path: `body/${field}`, message: `must be a ${kinds.join(' or ')}` }]);
  }
  return o;
}

/** Checks that `child` lies inside `parent` (e.g. a grid in the residence community). */
export function assertInside(child: PlaceRow, parent: PlaceRow, field: string): void {
  if (!child.path.startsWith(parent.path)) {
    throw badRequest('REGION_NOT_INSIDE', `${child.name} is not inside ${parent.name}`, [{ path: `body/${field}`, message: `not inside ${parent.name}` }]);
  }
}

export { namesOf } from '../../db/tree';
