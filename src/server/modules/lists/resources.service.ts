/**
 * Resources (资源清单): createResource, updateResource, publishResource, withdrawResource,
 * listResources, getResource. A unit's admin writes them. A published resource is an offer and is
 * visible to everyone who reads resources (that is how communities find units to pair with);
 * drafts and withdrawn ones only to the unit's side and the staff whose region reaches the unit.
 */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { CreateResourceBody, Resource, ResourcesQuery, UpdateResourceBody } from '../../../contracts/lists';
import { nextResourceStatus, type ResourceEvent } from '../../../domain/lists/lifecycle';
import { packTerms, resourceText, termsOf } from '../../../domain/lists/text';
import type { DB } from '../../db/schema';
import { writeAudit, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors';
import { containsPattern } from '../../platform/sql';
import { grantsFor, type Principal } from '../../platform/principal';
import { pageOf } from '../../platform/paging';
import { actingUnits, mayActForUnit } from './lists.policy';
import { poolChanged } from './suggestion-pool';

export function resourceTerms(r: { title: string; description: string; skills?: readonly string[] | null; availabilityNote?: string | null }): string[] {
  return termsOf(resourceText(r));
}

function selectResources(db: Kysely<DB>) {
  return db
    .selectFrom('resource as r')
    .innerJoin('organization as u', 'u.id', 'r.unit_org_id')
    .leftJoin('region as ur', 'ur.id', 'u.region_id')
    .select([
      'r.id',
      'r.unit_org_id',
      'u.name as unit_name',
      'u.path as unit_path',
      'ur.path as unit_region_path',
      'r.kind',
      'r.title',
      'r.description',
      'r.category',
      'r.skills',
      'r.quantity',
      'r.available_from',
      'r.available_until',
      'r.availability_note',
      'r.status',
      'r.created_at',
      'r.updated_at',
    ]);
}
type ResourceRow = Awaited<ReturnType<ReturnType<typeof selectResources>['executeTakeFirstOrThrow']>>;

/** Published to all readers; the rest to the unit's side (organisation grants) and staff whose region reaches the unit. */
async function visible(principal: Principal): Promise<Expression<SqlBool>> {
  const ors: Expression<SqlBool>[] = [sql<SqlBool>`r.status = 'published'`];
  for (const g of grantsFor(principal, 'lists.resource.read')) {
    if (g.role === 'member' || g.role === 'resident') continue;
    if (g.scope.type === 'system') return sql<SqlBool>`true`;
    if (g.scope.orgPath) ors.push(sql<SqlBool>`u.path like ${`${g.scope.orgPath}%`}`);
    if (g.role !== 'unit_admin' && g.scope.regionPath) ors.push(sql<SqlBool>`ur.path like ${`${g.scope.regionPath}%`}`);
  }
  return sql<SqlBool>`(${sql.join(ors, sql` or `)})`;
}

async function toResources(ctx: AppContext, principal: Principal, rows: ResourceRow[]): Promise<Resource[]> {
  const units = rows.length ? await actingUnits(ctx.db, principal, 'lists.resource.write') : [];
  return rows.map((r) => ({
    id: r.id,
    unitOrgId: r.unit_org_id,
    unitName: r.unit_name,
    kind: r.kind,
    title: r.title,
    description: r.description,
    category: r.category,
    skills: r.skills,
    quantity: r.quantity,
    availableFrom: r.available_from,
    availableUntil: r.available_until,
    availabilityNote: r.availability_note,
    status: r.status,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    canEdit: r.status !== 'withdrawn' && mayActForUnit(units, r.unit_org_id),
  }));
}

export async function listResources(ctx: AppContext, principal: Principal, q: ResourcesQuery): Promise<{ items: Resource[]; total: number }> {
  let query = selectResources(ctx.db).where(await visible(principal));
  if (q.unitOrgId) query = query.where('r.unit_org_id', '=', q.unitOrgId);
  if (q.kind) query = query.where('r.kind', '=', q.kind);
  if (q.category) query = query.where('r.category', '=', q.category);
  if (q.status) query = query.where('r.status', '=', q.status);
  if (q.q) query = query.where((eb) => eb.or([eb('r.title', 'like', containsPattern(q.q!)), eb('r.description', 'like', containsPattern(q.q!)), eb('u.name', 'like', containsPattern(q.q!))]));
  const { rows, total } = await pageOf(ctx, query, q, { order: [['r.updated_at', 'desc'], ['r.id', 'asc']] });
  return { items: await toResources(ctx, principal, rows), total };
}

export async function loadResource(ctx: AppContext, principal: Principal, id: string): Promise<ResourceRow> {
  const row = await selectResources(ctx.db).where('r.id', '=', id).where(await visible(principal)).executeTakeFirst();
  if (!row) throw notFound('resource');
  return row;
}

export async function getResource(ctx: AppContext, principal: Principal, id: string): Promise<Resource> {
  const [r] = await toResources(ctx, principal, [await loadResource(ctx, principal, id)]);
  return r!;
}

function checkWindow(from: string | null | undefined, until: string | null | undefined): void {
  if (from && until && until < from) throw badRequest('DATES_ORDER', 'The end date is before the start date', [{ path: 'body/availableUntil', message: 'before availableFrom' }]);
}

export async function createResource(ctx: AppContext, principal: Principal, input: CreateResourceBody, actor: AuditActor): Promise<Resource> {
  const unit = await ctx.db.selectFrom('organization').select(['id', 'kind']).where('id', '=', input.unitOrgId).executeTakeFirst();
  if (!unit || unit.kind !== 'unit') throw badRequest('UNIT_NOT_FOUND', 'The unit does not exist', [{ path: 'body/unitOrgId', message: 'not a unit' }]);
  if (!mayActForUnit(await actingUnits(ctx.db, principal, 'lists.resource.write'), unit.id)) throw forbidden('Only the unit publishes its resources');
  checkWindow(input.availableFrom, input.availableUntil);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('resource')
      .values({
        unit_org_id: unit.id,
        kind: input.kind,
        title: input.title,
        description: input.description,
        category: input.category,
        skills: input.skills ?? [],
        quantity: input.quantity ?? null,
        available_from: input.availableFrom ?? null,
        available_until: input.availableUntil ?? null,
        availability_note: input.availabilityNote ?? null,
        tokens: packTerms(resourceTerms(input)),
        created_by: principal.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'lists.resource.create', entityType: 'resource', entityId: row.id, after: input });
    return row.id;
  });
  poolChanged();
  return getResource(ctx, principal, id);
}

async function loadWritable(ctx: AppContext, principal: Principal, id: string, event: ResourceEvent) {
  const row = await loadResource(ctx, principal, id);
  if (!mayActForUnit(await actingUnits(ctx.db, principal, 'lists.resource.write'), row.unit_org_id)) throw forbidden('Only the unit changes its resources');
  const next = nextResourceStatus(row.status, event);
  if (!next) throw conflict('RESOURCE_STATE', `A ${row.status} resource cannot take "${event}"`);
  return { ...row, next };
}

export async function updateResource(ctx: AppContext, principal: Principal, id: string, input: UpdateResourceBody, actor: AuditActor): Promise<Resource> {
  const row = await loadWritable(ctx, principal, id, 'edit');
  checkWindow(input.availableFrom !== undefined ? input.availableFrom : row.available_from, input.availableUntil !== undefined ? input.availableUntil : row.available_until);
  const merged = {
    title: input.title ?? row.title,
    description: input.description ?? row.description,
    skills: input.skills ?? row.skills,
    availabilityNote: input.availabilityNote !== undefined ? input.availabilityNote : row.availability_note,
  };
  await ctx.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('resource')
      .set({
        ...(input.kind !== undefined && { kind: input.kind }),
        ...(input.title !== undefined && { title: input.title }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.category !== undefined && { category: input.category }),
        ...(input.skills !== undefined && { skills: input.skills }),
        ...(input.quantity !== undefined && { quantity: input.quantity }),
        ...(input.availableFrom !== undefined && { available_from: input.availableFrom }),
        ...(input.availableUntil !== undefined && { available_until: input.availableUntil }),
        ...(input.availabilityNote !== undefined && { availability_note: input.availabilityNote }),
        tokens: packTerms(resourceTerms(merged)),
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .where('status', '=', row.status)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw conflict('RESOURCE_STATE', 'The resource changed meanwhile');
    await writeAudit(trx, actor, { action: 'lists.resource.update', entityType: 'resource', entityId: id, before: { title: row.title }, after: input });
  });
  poolChanged();
  return getResource(ctx, principal, id);
}

export async function changeResourceStatus(ctx: AppContext, principal: Principal, id: string, event: 'publish' | 'withdraw', actor: AuditActor): Promise<Resource> {
  const row = await loadWritable(ctx, principal, id, event);
  await ctx.db.transaction().execute(async (trx) => {
    const done = await trx.updateTable('resource').set({ status: row.next, updated_at: sql`now()` }).where('id', '=', id).where('status', '=', row.status).executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw conflict('RESOURCE_STATE', 'The resource changed meanwhile');
    await writeAudit(trx, actor, { action: `lists.resource.${event}`, entityType: 'resource', entityId: id, before: { status: row.status }, after: { status: row.next } });
  });
  poolChanged();
  return getResource(ctx, principal, id);
}
