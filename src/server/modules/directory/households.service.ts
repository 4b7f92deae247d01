/**
 * Households: listHouseholds, getHousehold, createHousehold, updateHousehold, revealHousehold.
 * A household belongs to a community (and a grid and building in it); its hardship tags carry the
 * date each was verified. Only region scopes reach households.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { CreateHouseholdBody, Household, HouseholdsQuery, UpdateHouseholdBody } from '../../../contracts/directory';
import { checkIdNumber } from '../../../domain/directory/id-number';
import { nameInitials } from '../../../domain/directory/names';
import type { DB, HouseholdTagName } from '../../db/schema';
import { writeAudit, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { sealIdNumber, sealPhone } from '../../platform/crypto';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { pageOf } from '../../platform/paging';
import { assertRegionInReach, directoryReach, householdInReach } from './directory.policy';
import { textCondition } from './members.service';
import { assertInside, requireRegion } from './places.repository';

function selectHouseholds(db: Kysely<DB>) {
  return db
    .selectFrom('household as h')
    .innerJoin('region as hc', 'hc.id', 'h.community_id')
    .leftJoin('region as hg', 'hg.id', 'h.grid_id')
    .leftJoin('region as hb', 'hb.id', 'h.building_id')
    .select([
      'h.id',
      'h.community_id',
      'hc.name as community_name',
      'hc.path as community_path',
      'h.grid_id',
      'hg.name as grid_name',
      'h.building_id',
      'hb.name as building_name',
      'h.unit_no',
      'h.room',
      'h.head_name',
      'h.head_phone_masked',
      'h.head_id_number_masked',
      'h.people_count',
      'h.is_lead_household',
      'h.notes',
      'h.updated_at',
    ]);
}

type HouseholdRow = Awaited<ReturnType<ReturnType<typeof selectHouseholds>['executeTakeFirstOrThrow']>>;

export function householdAddress(r: { community_name: string; grid_name: string | null; building_name: string | null; unit_no: string | null; room: string | null }): string {
  return [r.community_name, r.building_name, r.unit_no ? `${r.unit_no}单元` : null, r.room].filter(Boolean).join(' ');
}

async function withTags(db: Kysely<DB>, rows: HouseholdRow[]): Promise<Household[]> {
  const ids = rows.map((r) => r.id);
  const tags = ids.length
    ? await db.selectFrom('household_tag').select(['household_id', 'tag', 'verified_on']).where('household_id', 'in', ids).orderBy('tag').execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    communityId: r.community_id,
    communityName: r.community_name,
    gridId: r.grid_id,
    gridName: r.grid_name,
    buildingId: r.building_id,
    buildingName: r.building_name,
    unitNo: r.unit_no,
    room: r.room,
    address: householdAddress(r),
    headName: r.head_name,
    headPhoneMasked: r.head_phone_masked,
    headIdNumberMasked: r.head_id_number_masked,
    peopleCount: r.people_count,
    isLeadHousehold: r.is_lead_household,
    tags: tags.filter((t) => t.household_id === r.id).map((t) => ({ tag: t.tag, verifiedOn: t.verified_on })),
    notes: r.notes,
    updatedAt: r.updated_at.toISOString(),
  }));
}

const SORT = { address: 'hc.name', headName: 'h.head_name_initials', peopleCount: 'h.people_count', updatedAt: 'h.updated_at' } as const;

export function filteredHouseholds(ctx: AppContext, principal: Principal, query: Omit<HouseholdsQuery, 'page' | 'pageSize' | 'sort' | 'order'>) {
  let q = selectHouseholds(ctx.db).where(householdInReach(directoryReach(principal, 'directory.household.read')));
  if (query.q?.trim()) {
    q = q.where(textCondition(ctx, query.q, { name: 'h.head_name', initials: 'h.head_name_initials', phoneTail: 'h.head_phone_tail', phoneHash: 'h.head_phone_hash', idHash: 'h.head_id_number_hash', extra: ['h.room'] }));
  }
  if (query.regionId) {
    const id = query.regionId;
    q = q.where(sql<SqlBool>`exists (select 1 from region f where f.id = ${id} and (hc.path like f.path || '%' or h.grid_id = f.id or h.building_id = f.id))`);
  }
  if (query.tag) {
    const tag = query.tag;
    q = q.where(sql<SqlBool>`exists (select 1 from household_tag t where t.household_id = h.id and t.tag = ${tag})`);
  }
  if (query.lead !== undefined) q = q.where('h.is_lead_household', '=', query.lead);
  return q;
}

export async function listHouseholds(ctx: AppContext, principal: Principal, query: HouseholdsQuery): Promise<{ items: Household[]; total: number }> {
  const base = filteredHouseholds(ctx, principal, query);
  const { rows, total } = await pageOf(ctx, base, query, { order: [[SORT[query.sort ?? 'address'], query.order ?? 'asc'], ['h.building_id', 'asc'], ['h.unit_no', 'asc'], ['h.room', 'asc'], ['h.id', 'asc']] });
  return { items: await withTags(ctx.db, rows), total };
}

export async function householdsWithTags(ctx: AppContext, rows: HouseholdRow[]): Promise<Household[]> {
  return withTags(ctx.db, rows);
}

async function loadVisible(ctx: AppContext, principal: Principal, id: string) {
  const row = await selectHouseholds(ctx.db)
    .where('h.id', '=', id)
    .where(householdInReach(directoryReach(principal, 'directory.household.read')))
    .executeTakeFirst();
  if (!row) throw notFound('household');
  return row;
}

export async function getHousehold(ctx: AppContext, principal: Principal, id: string): Promise<Household> {
  const [h] = await withTags(ctx.db, [await loadVisible(ctx, principal, id)]);
  return h!;
}

/** Validates and normalises household input into column values and tags. */
export async function householdColumns(ctx: AppContext, input: Partial<CreateHouseholdBody>, current?: { community_id: string; grid_id: string | null }) {
  const values: Record<string, unknown> = {};
  let communityPath: string | null = null;
  const communityId = input.communityId ?? current?.community_id;
  const community = communityId ? await requireRegion(ctx.db, communityId, ['community'], 'communityId') : null;
  if (input.communityId !== undefined) {
    values.community_id = input.communityId;
    communityPath = community!.path;
  }
  if (input.gridId !== undefined) {
    values.grid_id = input.gridId;
    if (input.gridId) assertInside(await requireRegion(ctx.db, input.gridId, ['grid'], 'gridId'), community!, 'gridId');
  }
  if (input.buildingId !== undefined) {
    values.building_id = input.buildingId;
    if (input.buildingId) {
      const building = await requireRegion(ctx.db, input.buildingId, ['building'], 'buildingId');
      const gridId = input.gridId !== undefined ? input.gridId : (current?.grid_id ?? null);
      assertInside(building, gridId ? await requireRegion(ctx.db, gridId, ['grid'], 'gridId') : community!, 'buildingId');
    }
  }
  if (input.unitNo !== undefined) values.unit_no = input.unitNo?.trim() || null;
  if (input.room !== undefined) values.room = input.room?.trim() || null;
  if (input.headName !== undefined) {
    values.head_name = input.headName.trim();
    values.head_name_initials = nameInitials(input.headName);
  }
  if (input.headPhone !== undefined) {
    if (input.headPhone === null) Object.assign(values, { head_phone_encrypted: null, head_phone_hash: null, head_phone_masked: null, head_phone_tail: null });
    else {
      const p = sealPhone(ctx.cipher, input.headPhone);
      Object.assign(values, { head_phone_encrypted: p.encrypted, head_phone_hash: p.hash, head_phone_masked: p.masked, head_phone_tail: p.tail });
    }
  }
  if (input.headIdNumber !== undefined) {
    if (input.headIdNumber === null) Object.assign(values, { head_id_number_encrypted: null, head_id_number_hash: null, head_id_number_masked: null, head_id_last6_hash: null });
    else {
      const problem = checkIdNumber(input.headIdNumber);
      if (problem) throw badRequest('ID_NUMBER_INVALID', `The ID number is not valid (${problem})`, [{ path: 'body/headIdNumber', message: problem }]);
      const s = sealIdNumber(ctx.cipher, input.headIdNumber);
      Object.assign(values, { head_id_number_encrypted: s.encrypted, head_id_number_hash: s.hash, head_id_number_masked: s.masked, head_id_last6_hash: s.last6Hash });
    }
  }
  if (input.peopleCount !== undefined) values.people_count = input.peopleCount;
  if (input.isLeadHousehold !== undefined) values.is_lead_household = input.isLeadHousehold;
  if (input.notes !== undefined) values.notes = input.notes;
  const tags = input.tags?.map((t) => ({ tag: t.tag as HouseholdTagName, verified_on: t.verifiedOn ?? null }));
  if (tags && new Set(tags.map((t) => t.tag)).size !== tags.length) throw badRequest('DUPLICATE_TAG', 'A tag appears twice', [{ path: 'body/tags', message: 'duplicate tag' }]);
  return { values, tags, communityPath: communityPath ?? community?.path ?? null };
}

function auditView(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !k.endsWith('_encrypted') && !k.endsWith('_hash') && !k.endsWith('_tail') && k !== 'head_name_initials'));
}

async function assertNoDuplicate(ctx: AppContext, values: Record<string, unknown>, exceptId?: string): Promise<void> {
  if (typeof values.head_id_number_hash !== 'string') return;
  const clash = await ctx.db
    .selectFrom('household')
    .select('id')
    .where('head_id_number_hash', '=', values.head_id_number_hash)
    .$if(exceptId !== undefined, (qb) => qb.where('id', '!=', exceptId as string))
    .executeTakeFirst();
  if (clash) throw conflict('HOUSEHOLD_EXISTS', 'A household with this head’s ID number exists already', { householdId: clash.id });
}

export async function createHousehold(ctx: AppContext, principal: Principal, input: CreateHouseholdBody, actor: AuditActor): Promise<Household> {
  const { values, tags, communityPath } = await householdColumns(ctx, input);
  assertRegionInReach(principal, 'directory.household.write', communityPath!);
  await assertNoDuplicate(ctx, values);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('household').values(values as never).returning('id').executeTakeFirstOrThrow();
    if (tags?.length) await trx.insertInto('household_tag').values(tags.map((t) => ({ ...t, household_id: row.id, verified_by: principal.userId }))).execute();
    await writeAudit(trx, actor, { action: 'household.create', entityType: 'household', entityId: row.id, after: { ...auditView(values), tags } });
    return row.id;
  });
  return getHousehold(ctx, principal, id);
}

export async function updateHousehold(ctx: AppContext, principal: Principal, id: string, input: UpdateHouseholdBody, actor: AuditActor): Promise<Household> {
  const row = await loadVisible(ctx, principal, id);
  assertRegionInReach(principal, 'directory.household.write', row.community_path);
  const current = await ctx.db.selectFrom('household').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const { values, tags, communityPath } = await householdColumns(ctx, input, current);
  if (input.communityId !== undefined && communityPath) assertRegionInReach(principal, 'directory.household.write', communityPath);
  await assertNoDuplicate(ctx, values, id);
  const before = Object.fromEntries(Object.keys(auditView(values)).map((k) => [k, (current as Record<string, unknown>)[k]]));
  await ctx.db.transaction().execute(async (trx) => {
    if (Object.keys(values).length) await trx.updateTable('household').set({ ...values, updated_at: sql`now()` } as never).where('id', '=', id).execute();
    if (tags) {
      await trx.deleteFrom('household_tag').where('household_id', '=', id).execute();
      if (tags.length) await trx.insertInto('household_tag').values(tags.map((t) => ({ ...t, household_id: id, verified_by: principal.userId }))).execute();
      await trx.updateTable('household').set({ updated_at: sql`now()` }).where('id', '=', id).execute();
    }
    await writeAudit(trx, actor, { action: 'household.update', entityType: 'household', entityId: id, before, after: { ...auditView(values), ...(tags ? { tags } : {}) } });
  });
  return getHousehold(ctx, principal, id);
}

export async function revealHousehold(ctx: AppContext, principal: Principal, id: string, field: 'phone' | 'idNumber', reason: string, actor: AuditActor) {
  const row = await loadVisible(ctx, principal, id);
  const ok = directoryReach(principal, 'directory.household.reveal');
  if (!ok.all && !ok.regionPaths.some((p) => row.community_path.startsWith(p))) throw forbidden('You may not see this household’s full data', { permission: 'directory.household.reveal' });
  const enc = await ctx.db.selectFrom('household').select(['head_phone_encrypted', 'head_id_number_encrypted']).where('id', '=', id).executeTakeFirstOrThrow();
  const encrypted = field === 'phone' ? enc.head_phone_encrypted : enc.head_id_number_encrypted;
  await writeAudit(ctx.db, actor, { action: 'household.reveal', entityType: 'household', entityId: id, after: { field, reason } });
  return { field, value: encrypted ? ctx.cipher.decrypt(encrypted) : null };
}
