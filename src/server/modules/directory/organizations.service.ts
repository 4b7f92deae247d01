/**
 * Organisations of every kind with parent, region, secretary, liaison, contact, member count and
 * leading group; units carry a sector and strengths. listOrganizations, getOrganization,
 * createOrganization, updateOrganization, setLeadingGroup.
 */
import { sql, type SqlBool } from 'kysely';
import type {
  CreateOrganizationBody,
  LeadingGroupMember,
  Organization,
  OrganizationDetail,
  OrganizationsQuery,
  UpdateOrganizationBody,
} from '../../../contracts/directory';
import type { OrganizationKind, Sector } from '../../db/schema';
import { writeAudit, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { sealPhone } from '../../platform/crypto';
import { badRequest, conflict, notFound } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { assertOrgInReach, assertRegionInReach, directoryReach, type DirectoryReach } from './directory.policy';
import { escapeLike } from '../../platform/sql';
import { pageOf } from '../../platform/paging';
import { getOrg, getRegion, namesOf } from './places.repository';

function selectOrgs(ctx: AppContext) {
  return ctx.db
    .selectFrom('organization as o')
    .leftJoin('organization as op', 'op.id', 'o.parent_id')
    .leftJoin('region as orr', 'orr.id', 'o.region_id')
    .select([
      'o.id',
      'o.parent_id',
      'op.name as parent_name',
      'o.kind',
      'o.name',
      'o.code',
      'o.region_id',
      'orr.name as region_name',
      'orr.path as region_path',
      'o.path',
      'o.sector',
      'o.strengths',
      'o.secretary_name',
      'o.liaison_name',
      'o.contact_phone_masked',
      'o.address',
    ])
    .select(sql<number>`(select count(*) from member mc where mc.employer_org_id = o.id)`.as('member_count'));
}

type OrgRow = Awaited<ReturnType<ReturnType<typeof selectOrgs>['executeTakeFirstOrThrow']>>;

function toOrganization(r: OrgRow): Organization {
  return {
    id: r.id,
    parentId: r.parent_id,
    parentName: r.parent_name,
    kind: r.kind,
    name: r.name,
    code: r.code,
    regionId: r.region_id,
    regionName: r.region_name,
    sector: r.sector,
    strengths: r.strengths,
    secretaryName: r.secretary_name,
    liaisonName: r.liaison_name,
    contactPhoneMasked: r.contact_phone_masked,
    address: r.address,
    memberCount: Number(r.member_count),
  };
}

function orgInReach(reach: DirectoryReach) {
  if (reach.all) return sql<SqlBool>`true`;
  const ors = [
    ...reach.orgPaths.map((p) => sql<SqlBool>`o.path like ${`${p}%`}`),
    ...reach.regionPaths.map((p) => sql<SqlBool>`orr.path like ${`${p}%`}`),
  ];
  return ors.length ? sql<SqlBool>`(${sql.join(ors, sql` or `)})` : sql<SqlBool>`false`;
}

const SORT = { name: 'o.name', memberCount: 'member_count', kind: 'o.kind' } as const;

export async function listOrganizations(ctx: AppContext, principal: Principal, query: OrganizationsQuery): Promise<{ items: Organization[]; total: number }> {
  let q = selectOrgs(ctx).where(orgInReach(directoryReach(principal, 'directory.organization.read')));
  if (query.q?.trim()) q = q.where(sql<SqlBool>`lower(o.name) like ${`%${escapeLike(query.q.trim().toLowerCase())}%`}`);
  if (query.kind) q = q.where('o.kind', '=', query.kind);
  if (query.sector) q = q.where('o.sector', '=', query.sector);
  if (query.regionId) {
    const id = query.regionId;
    q = q.where(sql<SqlBool>`orr.path like (select path from region where id = ${id}) || '%'`);
  }
  const { rows, total } = await pageOf(ctx, q, query, { order: [[SORT[query.sort ?? 'name'], query.order ?? 'asc'], ['o.id', 'asc']] });
  return { items: rows.map(toOrganization), total };
}

async function loadVisible(ctx: AppContext, principal: Principal, id: string) {
  const row = await selectOrgs(ctx).where('o.id', '=', id).where(orgInReach(directoryReach(principal, 'directory.organization.read'))).executeTakeFirst();
  if (!row) throw notFound('organization');
  return row;
}

export async function getOrganization(ctx: AppContext, principal: Principal, id: string): Promise<OrganizationDetail> {
  const row = await loadVisible(ctx, principal, id);
  const group = await ctx.db.selectFrom('leading_group_member').select(['name', 'post', 'title']).where('organization_id', '=', id).orderBy('sort_order').execute();
  const names = await namesOf(ctx.db, 'organization', [row.path]);
  return { ...toOrganization(row), leadingGroup: group, pathNames: names(row.path) };
}

async function organizationColumns(ctx: AppContext, input: Partial<CreateOrganizationBody>) {
  const values: Record<string, unknown> = {};
  if (input.name !== undefined) values.name = input.name.trim();
  if (input.code !== undefined) values.code = input.code?.trim() || null;
  if (input.sector !== undefined) values.sector = input.sector as Sector | null;
  if (input.strengths !== undefined) values.strengths = [...new Set(input.strengths.map((s) => s.trim()).filter(Boolean))];
  if (input.secretaryName !== undefined) values.secretary_name = input.secretaryName;
  if (input.liaisonName !== undefined) values.liaison_name = input.liaisonName;
  if (input.address !== undefined) values.address = input.address;
  if (input.contactPhone !== undefined) {
    const p = input.contactPhone ? sealPhone(ctx.cipher, input.contactPhone) : null;
    values.contact_phone_encrypted = p?.encrypted ?? null;
    values.contact_phone_masked = p?.masked ?? null;
  }
  let regionPath: string | null = null;
  if (input.regionId !== undefined) {
    values.region_id = input.regionId;
    if (input.regionId) {
      const r = await getRegion(ctx.db, input.regionId);
      if (!r) throw badRequest('REGION_NOT_FOUND', 'The region does not exist', [{ path: 'body/regionId', message: 'not found' }]);
      regionPath = r.path;
    }
  }
  return { values, regionPath };
}

async function assertCodeFree(ctx: AppContext, code: unknown, exceptId?: string) {
  if (typeof code !== 'string') return;
  const clash = await ctx.db.selectFrom('organization').select('id').where('code', '=', code).$if(exceptId !== undefined, (qb) => qb.where('id', '!=', exceptId as string)).executeTakeFirst();
  if (clash) throw conflict('ORGANIZATION_CODE_TAKEN', 'Another organisation has this code', [{ path: 'body/code', message: 'already used' }]);
}

export async function createOrganization(ctx: AppContext, principal: Principal, input: CreateOrganizationBody, actor: AuditActor): Promise<OrganizationDetail> {
  const { values, regionPath: givenRegionPath } = await organizationColumns(ctx, input);
  const parent = input.parentId ? await getOrg(ctx.db, input.parentId) : null;
  if (input.parentId && !parent) throw badRequest('ORGANIZATION_NOT_FOUND', 'The parent organisation does not exist', [{ path: 'body/parentId', message: 'not found' }]);
  // Without a region of its own, an organisation sits where its parent sits.
  let regionPath = givenRegionPath;
  if (input.regionId === undefined && parent) {
    values.region_id = parent.region_id;
    regionPath = parent.region_path;
  }
  // The new organisation must sit inside the creator's reach: under a parent it reaches, or in a region it reaches.
  if (parent) assertOrgInReach(principal, 'directory.organization.write', { orgPath: parent.path, regionPath: regionPath ?? parent.region_path });
  else if (regionPath) assertRegionInReach(principal, 'directory.organization.write', regionPath);
  else assertOrgInReach(principal, 'directory.organization.write', { orgPath: '/', regionPath: null });
  await assertCodeFree(ctx, values.code);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const { id } = await trx.selectNoFrom(sql<string>`gen_random_uuid()`.as('id')).executeTakeFirstOrThrow();
    await trx
      .insertInto('organization')
      .values({ ...values, id, kind: input.kind as OrganizationKind, parent_id: parent?.id ?? null, path: `${parent?.path ?? '/'}${id}/` } as never)
      .execute();
    await writeAudit(trx, actor, { action: 'organization.create', entityType: 'organization', entityId: id, after: { kind: input.kind, parentId: parent?.id ?? null, ...values } });
    return id;
  });
  return getOrganization(ctx, principal, id);
}

export async function updateOrganization(ctx: AppContext, principal: Principal, id: string, input: UpdateOrganizationBody, actor: AuditActor): Promise<OrganizationDetail> {
  const row = await loadVisible(ctx, principal, id);
  assertOrgInReach(principal, 'directory.organization.write', { orgPath: row.path, regionPath: row.region_path });
  if (input.parentId !== undefined && input.parentId !== row.parent_id) {
    throw badRequest('ORGANIZATION_MOVE_UNSUPPORTED', 'Moving an organisation under another parent is done by the supervisor through a new pairing', [{ path: 'body/parentId', message: 'cannot change here' }]);
  }
  const { values, regionPath } = await organizationColumns(ctx, input);
  if (regionPath) assertOrgInReach(principal, 'directory.organization.write', { orgPath: row.path, regionPath });
  await assertCodeFree(ctx, values.code, id);
  const current = await ctx.db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const before = Object.fromEntries(Object.keys(values).map((k) => [k, (current as Record<string, unknown>)[k]]));
  await ctx.db.transaction().execute(async (trx) => {
    if (Object.keys(values).length) await trx.updateTable('organization').set({ ...values, updated_at: sql`now()` } as never).where('id', '=', id).execute();
    await writeAudit(trx, actor, { action: 'organization.update', entityType: 'organization', entityId: id, before, after: values });
  });
  return getOrganization(ctx, principal, id);
}

export async function setLeadingGroup(ctx: AppContext, principal: Principal, id: string, members: LeadingGroupMember[], actor: AuditActor): Promise<OrganizationDetail> {
  const row = await loadVisible(ctx, principal, id);
  assertOrgInReach(principal, 'directory.organization.write', { orgPath: row.path, regionPath: row.region_path });
  const before = await ctx.db.selectFrom('leading_group_member').select(['name', 'post', 'title']).where('organization_id', '=', id).orderBy('sort_order').execute();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('leading_group_member').where('organization_id', '=', id).execute();
    if (members.length) {
      await trx
        .insertInto('leading_group_member')
        .values(members.map((m, i) => ({ organization_id: id, name: m.name.trim(), post: m.post, title: m.title ?? null, sort_order: i })))
        .execute();
    }
    await writeAudit(trx, actor, { action: 'organization.leading_group', entityType: 'organization', entityId: id, before, after: members });
  });
  return getOrganization(ctx, principal, id);
}
