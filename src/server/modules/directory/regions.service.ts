/**
 * Regions: the tree city → district → street → community (or village) → grid → building.
 * listRegions, getRegion, createRegion, updateRegion (rename, move — the subtree moves with it —
 * and the village flag), regionHistory. Every change is kept in region_history and audited.
 */
import { sql, type SqlBool } from 'kysely';
import type { CreateRegionBody, Region, RegionsQuery, UpdateRegionBody } from '../../../contracts/directory';
import type { RegionKind } from '../../db/schema';
import { writeAudit, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors';
import { hasSystemScope, type Principal } from '../../platform/principal';
import { assertRegionInReach, directoryReach, type DirectoryReach } from './directory.policy';
import { escapeLike } from '../../platform/sql';
import { getRegion, namesOf, type PlaceRow } from './places.repository';

export const REGION_LEVELS: readonly RegionKind[] = ['city', 'district', 'street', 'community', 'grid', 'building'];

/** A child sits below its parent; a level may be skipped (a county-level city has streets directly). */
export function childKindFits(parent: string, child: string): boolean {
  return REGION_LEVELS.indexOf(child as RegionKind) > REGION_LEVELS.indexOf(parent as RegionKind);
}

/** Regions inside the reach, and the ancestors on the way down to it (so the tree can be walked). */
function visibleCondition(reach: DirectoryReach) {
  if (reach.all) return sql<SqlBool>`true`;
  const ors = reach.regionPaths.flatMap((p) => [sql<SqlBool>`s.path like ${`${p}%`}`, sql<SqlBool>`${p} like s.path || '%'`]);
  return ors.length ? sql<SqlBool>`(${sql.join(ors, sql` or `)})` : sql<SqlBool>`false`;
}

async function toRegions(ctx: AppContext, rows: Array<PlaceRow & { child_count: number | string }>): Promise<Region[]> {
  const names = await namesOf(ctx.db, 'region', rows.map((r) => r.path));
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    kind: r.kind as RegionKind,
    name: r.name,
    village: r.village,
    pathNames: names(r.path),
    childCount: Number(r.child_count),
  }));
}

function selectRegions(ctx: AppContext) {
  return ctx.db
    .selectFrom('region as s')
    .select(['s.id', 's.parent_id', 's.kind', 's.name', 's.path', 's.village'])
    .select(sql<number>`(select count(*) from region c where c.parent_id = s.id)`.as('child_count'));
}

/**
 * Place names are not personal data: whoever reads regions through an organisation or as a member
 * (to say where a unit serves or where one lives) sees the whole tree; region scopes see theirs.
 */
function readReach(principal: Principal): DirectoryReach {
  const reach = directoryReach(principal, 'directory.region.read');
  return !reach.all && reach.regionPaths.length === 0 && (reach.orgPaths.length > 0 || reach.selfUserId) ? { ...reach, all: true } : reach;
}

export async function listRegions(ctx: AppContext, principal: Principal, query: RegionsQuery): Promise<Region[]> {
  const reach = readReach(principal);
  let q = selectRegions(ctx).where(visibleCondition(reach));
  if (query.parentId) q = q.where('s.parent_id', '=', query.parentId);
  else if (query.q?.trim()) q = q.where('s.name', 'like', `%${escapeLike(query.q.trim())}%`);
  else if (reach.all) q = q.where('s.parent_id', 'is', null);
  else q = q.where('s.path', 'in', reach.regionPaths.length ? reach.regionPaths : ['-']);
  if (query.kind) q = q.where('s.kind', '=', query.kind);
  const rows = await q.orderBy('s.sort_order').orderBy('s.name').limit(query.q ? 50 : 2000).execute();
  return toRegions(ctx, rows);
}

async function loadVisible(ctx: AppContext, principal: Principal, id: string) {
  const reach = readReach(principal);
  const row = await selectRegions(ctx).where('s.id', '=', id).where(visibleCondition(reach)).executeTakeFirst();
  if (!row) throw notFound('region');
  return row;
}

export async function getRegionById(ctx: AppContext, principal: Principal, id: string): Promise<Region> {
  const [r] = await toRegions(ctx, [await loadVisible(ctx, principal, id)]);
  return r!;
}

/** The kinds a top region may have: the first run creates the city or the county (a district). */
export const TOP_REGION_KINDS: readonly RegionKind[] = ['city', 'district'];

/** A region with no parent: only a system-scope administrator creates one (the first run). */
export async function createTopRegion(ctx: AppContext, principal: Principal, input: { kind: RegionKind; name: string }, actor: AuditActor): Promise<Region> {
  if (!hasSystemScope(principal, 'directory.region.write')) throw forbidden('Only a system administrator creates a top region', { permission: 'directory.region.write' });
  if (!TOP_REGION_KINDS.includes(input.kind)) {
    throw badRequest('REGION_KIND_MISMATCH', `A top region is a ${TOP_REGION_KINDS.join(' or ')}`, [{ path: 'body/kind', message: `must be ${TOP_REGION_KINDS.join(' or ')}` }]);
  }
  const name = input.name.trim();
  const same = await ctx.db.selectFrom('region').select('id').where('parent_id', 'is', null).where('name', '=', name).executeTakeFirst();
  if (same) throw conflict('REGION_NAME_TAKEN', `There is already a top region named ${name}`, [{ path: 'body/name', message: 'already used' }]);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const { id } = await trx.selectNoFrom(sql<string>`gen_random_uuid()`.as('id')).executeTakeFirstOrThrow();
    const after = { parentId: null, kind: input.kind, name, village: false };
    await trx.insertInto('region').values({ id, parent_id: null, kind: input.kind, name, village: false, path: `/${id}/` }).execute();
    await trx.insertInto('region_history').values({ region_id: id, action: 'create', after: JSON.stringify(after), actor_user_id: principal.userId }).execute();
    await writeAudit(trx, actor, { action: 'region.create', entityType: 'region', entityId: id, after });
    return id;
  });
  return getRegionById(ctx, principal, id);
}

export async function createRegion(ctx: AppContext, principal: Principal, input: CreateRegionBody, actor: AuditActor): Promise<Region> {
  if (!input.parentId) return createTopRegion(ctx, principal, input, actor);
  const parent = await getRegion(ctx.db, input.parentId);
  if (!parent) throw badRequest('REGION_NOT_FOUND', 'The parent place does not exist', [{ path: 'body/parentId', message: 'not found' }]);
  assertRegionInReach(principal, 'directory.region.write', parent.path);
  if (!childKindFits(parent.kind, input.kind)) {
    throw badRequest('REGION_KIND_MISMATCH', `A ${input.kind} cannot sit under a ${parent.kind}`, [{ path: 'body/kind', message: `must be below ${parent.kind}` }]);
  }
  const name = input.name.trim();
  const sibling = await ctx.db.selectFrom('region').select('id').where('parent_id', '=', parent.id).where('name', '=', name).executeTakeFirst();
  if (sibling) throw conflict('REGION_NAME_TAKEN', `${parent.name} already has a place named ${name}`, [{ path: 'body/name', message: 'already used here' }]);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const { id } = await trx.selectNoFrom(sql<string>`gen_random_uuid()`.as('id')).executeTakeFirstOrThrow();
    const after = { parentId: parent.id, kind: input.kind, name, village: input.village ?? false };
    await trx
      .insertInto('region')
      .values({ id, parent_id: parent.id, kind: input.kind, name, village: input.village ?? false, path: `${parent.path}${id}/` })
      .execute();
    await trx.insertInto('region_history').values({ region_id: id, action: 'create', after: JSON.stringify(after), actor_user_id: principal.userId }).execute();
    await writeAudit(trx, actor, { action: 'region.create', entityType: 'region', entityId: id, after });
    return id;
  });
  return getRegionById(ctx, principal, id);
}

export async function updateRegion(ctx: AppContext, principal: Principal, id: string, input: UpdateRegionBody, actor: AuditActor): Promise<Region> {
  const node = await getRegion(ctx.db, id);
  if (!node) throw notFound('region');
  assertRegionInReach(principal, 'directory.region.write', node.path);
  const changes: Array<{ action: 'rename' | 'move' | 'update'; before: Record<string, unknown>; after: Record<string, unknown> }> = [];
  let newParent: PlaceRow | null = null;
  if (input.parentId !== undefined && input.parentId !== node.parent_id) {
    newParent = (await getRegion(ctx.db, input.parentId)) ?? null;
    if (!newParent) throw badRequest('REGION_NOT_FOUND', 'The new parent does not exist', [{ path: 'body/parentId', message: 'not found' }]);
    if (newParent.path.startsWith(node.path)) throw conflict('REGION_MOVE_CYCLE', 'A place cannot move inside itself');
    if (!childKindFits(newParent.kind, node.kind)) throw badRequest('REGION_KIND_MISMATCH', `A ${node.kind} cannot sit under a ${newParent.kind}`, [{ path: 'body/parentId', message: `must be above ${node.kind}` }]);
    assertRegionInReach(principal, 'directory.region.write', newParent.path);
    const oldParent = node.parent_id ? await getRegion(ctx.db, node.parent_id) : undefined;
    changes.push({ action: 'move', before: { parentId: node.parent_id, parentName: oldParent?.name ?? null }, after: { parentId: newParent.id, parentName: newParent.name } });
  }
  const name = input.name?.trim();
  if (name !== undefined && name !== node.name) changes.push({ action: 'rename', before: { name: node.name }, after: { name } });
  if (input.village !== undefined && input.village !== node.village) changes.push({ action: 'update', before: { village: node.village }, after: { village: input.village } });
  if (changes.length === 0) return getRegionById(ctx, principal, id);
  // Names are unique among siblings (imports find places by name).
  const finalName = name ?? node.name;
  const finalParent = newParent?.id ?? node.parent_id;
  if (name !== undefined || newParent) {
    const clash = await ctx.db
      .selectFrom('region')
      .select('id')
      .where('name', '=', finalName)
      .where('id', '!=', id)
      .where((eb) => (finalParent ? eb('parent_id', '=', finalParent) : eb('parent_id', 'is', null)))
      .executeTakeFirst();
    if (clash) throw conflict('REGION_NAME_TAKEN', `There is already a place named ${finalName} there`, [{ path: name !== undefined ? 'body/name' : 'body/parentId', message: 'name already used there' }]);
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (name !== undefined || input.village !== undefined) {
      await trx
        .updateTable('region')
        .set({ ...(name !== undefined ? { name } : {}), ...(input.village !== undefined ? { village: input.village } : {}), updated_at: sql`now()` })
        .where('id', '=', id)
        .execute();
    }
    if (newParent) {
      const newPath = `${newParent.path}${id}/`;
      // The whole subtree moves: every path under the old one gets the new prefix.
      await trx
        .updateTable('region')
        .set({ path: sql`${newPath} || substr(path, ${node.path.length + 1})`, updated_at: sql`now()` })
        .where('path', 'like', `${node.path}%`)
        .execute();
      await trx.updateTable('region').set({ parent_id: newParent.id }).where('id', '=', id).execute();
    }
    for (const c of changes) {
      await trx.insertInto('region_history').values({ region_id: id, action: c.action, before: JSON.stringify(c.before), after: JSON.stringify(c.after), actor_user_id: principal.userId }).execute();
      await writeAudit(trx, actor, { action: `region.${c.action}`, entityType: 'region', entityId: id, before: c.before, after: c.after });
    }
  });
  return getRegionById(ctx, principal, id);
}

export async function regionHistory(ctx: AppContext, principal: Principal, id: string) {
  await loadVisible(ctx, principal, id);
  const rows = await ctx.db.selectFrom('region_history').selectAll().where('region_id', '=', id).orderBy('at', 'desc').orderBy('id', 'desc').execute();
  return rows.map((r) => ({ id: String(r.id), at: r.at.toISOString(), action: r.action, before: r.before, after: r.after, actorUserId: r.actor_user_id }));
}
