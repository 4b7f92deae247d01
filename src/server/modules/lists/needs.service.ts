/**
 * Needs (需求清单): createNeed, updateNeed, publishNeed, closeNeed, reopenNeed, listNeeds, getNeed.
 * A community's staff (or the street above it) write them; who sees them is lists.policy.ts.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { CreateNeedBody, Need, NeedsQuery, UpdateNeedBody } from '../../../contracts/lists';
import { nextNeedStatus, type NeedEvent } from '../../../domain/lists/lifecycle';
import { needText, packTerms, termsOf } from '../../../domain/lists/text';
import type { DB } from '../../db/schema';
import { writeAudit, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors';
import { containsPattern } from '../../platform/sql';
import type { Principal } from '../../platform/principal';
import { pageOf } from '../../platform/paging';
import { actsForCommunity, communityRowVisible, reachOf } from './lists.policy';
import { attachmentsFor, ownUploads } from './uploads.service';

const NEED_WRITERS: ReadonlySet<string> = new Set(['system_admin', 'street_staff', 'community_staff']);

export function needTerms(n: { title: string; description: string; beneficiaries?: string | null; materials?: string | null; place?: string | null }): string[] {
  return termsOf(needText(n));
}

function selectNeeds(db: Kysely<DB>) {
  return db
    .selectFrom('need as n')
    .innerJoin('region as c', 'c.id', 'n.community_id')
    .leftJoin('region as st', 'st.id', 'c.parent_id')
    .select([
      'n.id',
      'n.community_id',
      'c.name as community_name',
      'c.path as community_path',
      'st.name as street_name',
      'n.title',
      'n.description',
      'n.category',
      'n.place',
      'n.starts_on',
      'n.ends_on',
      'n.people_needed',
      'n.budget_yuan',
      'n.materials',
      'n.priority',
      'n.beneficiaries',
      'n.status',
      'n.close_reason',
      'n.created_at',
      'n.updated_at',
      'n.published_at',
    ])
    .select(sql<number>`(select count(*) from project_need pn join project p on p.id = pn.project_id where pn.need_id = n.id and p.status <> 'cancelled')`.as('project_count'));
}
type NeedRow = Awaited<ReturnType<ReturnType<typeof selectNeeds>['executeTakeFirstOrThrow']>>;

async function toNeeds(db: Kysely<DB>, principal: Principal, rows: NeedRow[]): Promise<Need[]> {
  const files = await attachmentsFor(db, 'need', rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    communityId: r.community_id,
    communityName: r.community_name,
    streetName: r.street_name,
    title: r.title,
    description: r.description,
    category: r.category,
    place: r.place,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    peopleNeeded: r.people_needed,
    budgetYuan: r.budget_yuan,
    materials: r.materials,
    priority: r.priority,
    beneficiaries: r.beneficiaries,
    status: r.status,
    closeReason: r.close_reason,
    attachments: files.get(r.id) ?? [],
    projectCount: Number(r.project_count),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    publishedAt: r.published_at?.toISOString() ?? null,
    canEdit: r.status !== 'closed' && actsForCommunity(principal, 'lists.need.write', r.community_path, NEED_WRITERS),
  }));
}

export const publishedNeed = sql<SqlBool>`n.status = 'published'`;

export async function listNeeds(ctx: AppContext, principal: Principal, q: NeedsQuery): Promise<{ items: Need[]; total: number }> {
  const reach = await reachOf(ctx, principal, 'lists.need.read');
  let query = selectNeeds(ctx.db).where(communityRowVisible(reach, publishedNeed));
  if (q.communityId) query = query.where('n.community_id', '=', q.communityId);
  if (q.regionId) query = query.where(sql<SqlBool>`c.path like (select path from region where id = ${q.regionId}) || '%'`);
  if (q.status) query = query.where('n.status', '=', q.status);
  if (q.category) query = query.where('n.category', '=', q.category);
  if (q.q) query = query.where((eb) => eb.or([eb('n.title', 'like', containsPattern(q.q!)), eb('n.description', 'like', containsPattern(q.q!))]));
  const { rows, total } = await pageOf(ctx, query, q, { order: [sql`case n.priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end`, ['n.updated_at', 'desc'], ['n.id', 'asc']] });
  return { items: await toNeeds(ctx.db, principal, rows), total };
}

export async function loadNeed(ctx: AppContext, principal: Principal, id: string): Promise<NeedRow> {
  const reach = await reachOf(ctx, principal, 'lists.need.read');
  const row = await selectNeeds(ctx.db).where('n.id', '=', id).where(communityRowVisible(reach, publishedNeed)).executeTakeFirst();
  if (!row) throw notFound('need');
  return row;
}

export async function getNeed(ctx: AppContext, principal: Principal, id: string): Promise<Need> {
  const [n] = await toNeeds(ctx.db, principal, [await loadNeed(ctx, principal, id)]);
  return n!;
}

function checkWindow(startsOn: string | null | undefined, endsOn: string | null | undefined): void {
  if (startsOn && endsOn && endsOn < startsOn) throw badRequest('DATES_ORDER', 'The end date is before the start date', [{ path: 'body/endsOn', message: 'before startsOn' }]);
}

export async function createNeed(ctx: AppContext, principal: Principal, input: CreateNeedBody, actor: AuditActor): Promise<Need> {
  const community = await ctx.db.selectFrom('region').select(['id', 'kind', 'path']).where('id', '=', input.communityId).executeTakeFirst();
  if (!community || community.kind !== 'community') throw badRequest('COMMUNITY_NOT_FOUND', 'The community does not exist', [{ path: 'body/communityId', message: 'not a community' }]);
  if (!actsForCommunity(principal, 'lists.need.write', community.path, NEED_WRITERS)) throw forbidden('Only the community (or its street) publishes its needs');
  checkWindow(input.startsOn, input.endsOn);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const uploads = await ownUploads(trx, principal, input.attachmentIds);
    const row = await trx
      .insertInto('need')
      .values({
        community_id: community.id,
        title: input.title,
        description: input.description,
        category: input.category,
        place: input.place ?? null,
        starts_on: input.startsOn ?? null,
        ends_on: input.endsOn ?? null,
        people_needed: input.peopleNeeded ?? null,
        budget_yuan: input.budgetYuan ?? null,
        materials: input.materials ?? null,
        priority: input.priority ?? 'normal',
        beneficiaries: input.beneficiaries ?? null,
        tokens: packTerms(needTerms(input)),
        created_by: principal.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (uploads.length) await trx.insertInto('need_attachment').values(uploads.map((u) => ({ need_id: row.id, upload_id: u }))).execute();
    await writeAudit(trx, actor, { action: 'lists.need.create', entityType: 'need', entityId: row.id, after: input });
    return row.id;
  });
  return getNeed(ctx, principal, id);
}

async function loadWritable(ctx: AppContext, principal: Principal, id: string, event: NeedEvent): Promise<NeedRow & { next: Need['status'] }> {
  const row = await loadNeed(ctx, principal, id);
  if (!actsForCommunity(principal, 'lists.need.write', row.community_path, NEED_WRITERS)) throw forbidden('Only the community (or its street) changes its needs');
  const next = nextNeedStatus(row.status, event);
  if (!next) throw conflict('NEED_STATE', `A ${row.status} need cannot take "${event}"`);
  return { ...row, next };
}

export async function updateNeed(ctx: AppContext, principal: Principal, id: string, input: UpdateNeedBody, actor: AuditActor): Promise<Need> {
  const row = await loadWritable(ctx, principal, id, 'edit');
  const merged = {
    title: input.title ?? row.title,
    description: input.description ?? row.description,
    beneficiaries: input.beneficiaries !== undefined ? input.beneficiaries : row.beneficiaries,
    materials: input.materials !== undefined ? input.materials : row.materials,
  };
  checkWindow(input.startsOn !== undefined ? input.startsOn : row.starts_on, input.endsOn !== undefined ? input.endsOn : row.ends_on);
  await ctx.db.transaction().execute(async (trx) => {
    const uploads = input.attachmentIds ? await ownUploadsOrKept(trx, principal, id, input.attachmentIds) : null;
    const { attachmentIds: _ignored, ...fields } = input;
    const done = await trx
      .updateTable('need')
      .set({
        ...(fields.title !== undefined && { title: fields.title }),
        ...(fields.description !== undefined && { description: fields.description }),
        ...(fields.category !== undefined && { category: fields.category }),
        ...(fields.place !== undefined && { place: fields.place }),
        ...(fields.startsOn !== undefined && { starts_on: fields.startsOn }),
        ...(fields.endsOn !== undefined && { ends_on: fields.endsOn }),
        ...(fields.peopleNeeded !== undefined && { people_needed: fields.peopleNeeded }),
        ...(fields.budgetYuan !== undefined && { budget_yuan: fields.budgetYuan }),
        ...(fields.materials !== undefined && { materials: fields.materials }),
        ...(fields.priority !== undefined && { priority: fields.priority }),
        ...(fields.beneficiaries !== undefined && { beneficiaries: fields.beneficiaries }),
        tokens: packTerms(needTerms(merged)),
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .where('status', '=', row.status)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw conflict('NEED_STATE', 'The need changed meanwhile');
    if (uploads) {
      await trx.deleteFrom('need_attachment').where('need_id', '=', id).execute();
      if (uploads.length) await trx.insertInto('need_attachment').values(uploads.map((u) => ({ need_id: id, upload_id: u }))).execute();
    }
    await writeAudit(trx, actor, { action: 'lists.need.update', entityType: 'need', entityId: id, before: { title: row.title, status: row.status }, after: input });
  });
  return getNeed(ctx, principal, id);
}

/** Attachments kept on an edit may be the need's own (uploaded by a colleague); new ones must be the caller's. */
async function ownUploadsOrKept(trx: Kysely<DB>, principal: Principal, needId: string, ids: string[]): Promise<string[]> {
  const kept = await trx.selectFrom('need_attachment').select('upload_id').where('need_id', '=', needId).execute();
  const keptIds = new Set(kept.map((k) => k.upload_id));
  const fresh = ids.filter((i) => !keptIds.has(i));
  await ownUploads(trx, principal, fresh);
  return [...new Set(ids)];
}

export async function changeNeedStatus(ctx: AppContext, principal: Principal, id: string, event: 'publish' | 'close' | 'reopen', reason: string | null, actor: AuditActor): Promise<Need> {
  const row = await loadWritable(ctx, principal, id, event);
  await ctx.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('need')
      .set({
        status: row.next,
        updated_at: sql`now()`,
        ...(event === 'close' ? { close_reason: reason } : { close_reason: null }),
        ...(row.next === 'published' && !row.published_at ? { published_at: sql`now()` } : {}),
      })
      .where('id', '=', id)
      .where('status', '=', row.status)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw conflict('NEED_STATE', 'The need changed meanwhile');
    await writeAudit(trx, actor, { action: `lists.need.${event}`, entityType: 'need', entityId: id, before: { status: row.status }, after: { status: row.next, reason } });
  });
  return getNeed(ctx, principal, id);
}
