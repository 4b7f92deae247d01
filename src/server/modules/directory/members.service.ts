/**
 * Members: listMembers, getMember, createMember, updateMember, revealMember. Personal data is
 * encrypted with a keyed hash for matching, a masked copy for lists and a tail for search; the full
 * value is shown only through revealMember, which is audited.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { CreateMemberBody, Member, MembersQuery, UpdateMemberBody } from '../../../contracts/directory';
import { checkIdNumber, idBirthDate, idGender } from '../../../domain/directory/id-number';
import { isInitialsQuery, nameInitials } from '../../../domain/directory/names';
import type { DB } from '../../db/schema';
import { writeAudit, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { normalizePhone, sealIdNumber, sealPhone } from '../../platform/crypto';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors';
import { cachedCount } from '../../platform/count-cache';
import { escapeLike } from '../../platform/sql';
import type { Principal } from '../../platform/principal';
import { directoryReach, memberInReach, memberVisible, writableSides, type DirectoryReach, type MemberSide } from './directory.policy';
import { assertInside, requireOrg, requireRegion } from './places.repository';


/** The member query with the joins every read needs: residence (rr), employer (eo), grid and building. */
export function memberQuery(db: Kysely<DB>) {
  return db
    .selectFrom('member as m')
    .leftJoin('region as rr', 'rr.id', 'm.residence_region_id')
    .leftJoin('organization as eo', 'eo.id', 'm.employer_org_id')
    .leftJoin('region as gr', 'gr.id', 'm.grid_region_id')
    .leftJoin('region as br', 'br.id', 'm.building_region_id');
}

const MEMBER_COLUMNS = [
  'm.id',
  'm.name',
  'm.gender',
  'm.birth_date',
  'm.phone_masked',
  'm.id_number_masked',
  'm.is_party_member',
  'm.party_joined_on',
  'm.employer_org_id',
  'eo.name as employer_name',
  'eo.path as employer_path',
  'm.residence_region_id',
  'rr.name as residence_name',
  'rr.path as residence_path',
  'm.grid_region_id',
  'gr.name as grid_name',
  'm.building_region_id',
  'br.name as building_name',
  'm.skills',
  'm.status',
  'm.user_id',
  'm.updated_at',
] as const;

type MemberRow = Awaited<ReturnType<ReturnType<typeof selectMembers>['executeTakeFirstOrThrow']>>;

function selectMembers(db: Kysely<DB>) {
  return memberQuery(db).select(MEMBER_COLUMNS);
}

export function toMember(r: MemberRow): Member {
  return {
    id: r.id,
    name: r.name,
    gender: r.gender,
    birthDate: r.birth_date,
    phoneMasked: r.phone_masked,
    idNumberMasked: r.id_number_masked,
    isPartyMember: r.is_party_member,
    partyJoinedOn: r.party_joined_on,
    employerOrgId: r.employer_org_id,
    employerName: r.employer_name,
    residenceRegionId: r.residence_region_id,
    residenceName: r.residence_name,
    gridRegionId: r.grid_region_id,
    gridName: r.grid_name,
    buildingRegionId: r.building_region_id,
    buildingName: r.building_name,
    skills: r.skills,
    status: r.status,
    hasAccount: r.user_id !== null,
    updatedAt: r.updated_at.toISOString(),
  };
}

/** A free-text search: 4 digits match phone or ID tails, a full phone or ID number its hash, latin letters pinyin initials, anything else the name. */
export function textCondition(
  ctx: AppContext,
  q: string,
  cols: { name: string; initials: string; phoneTail: string; phoneHash: string; idTail?: string; idHash?: string; extra?: string[] },
): ReturnType<typeof sql<SqlBool>> {
  const t = q.trim();
  const ref = sql.ref;
  if (/^\d{4}$/.test(t)) {
    const ors = [sql<SqlBool>`${ref(cols.phoneTail)} = ${t}`];
    if (cols.idTail) ors.push(sql<SqlBool>`${ref(cols.idTail)} = ${t}`);
    for (const e of cols.extra ?? []) ors.push(sql<SqlBool>`${ref(e)} = ${t}`);
    return sql<SqlBool>`(${sql.join(ors, sql` or `)})`;
  }
  const phone = normalizePhone(t);
  if (/^1\d{10}$/.test(phone)) return sql<SqlBool>`${ref(cols.phoneHash)} = ${ctx.cipher.hash(phone)}`;
  if (cols.idHash && /^\d{17}[\dXx]$/.test(t)) return sql<SqlBool>`${ref(cols.idHash)} = ${ctx.cipher.hash(t.toUpperCase())}`;
  if (isInitialsQuery(t)) return sql<SqlBool>`${ref(cols.initials)} like ${`${escapeLike(t.toLowerCase())}%`}`;
  const ors = [sql<SqlBool>`${ref(cols.name)} like ${`%${escapeLike(t)}%`}`];
  for (const e of cols.extra ?? []) ors.push(sql<SqlBool>`${ref(e)} = ${t}`);
  return sql<SqlBool>`(${sql.join(ors, sql` or `)})`;
}

const MEMBER_SORT = { name: 'm.name_initials', birthDate: 'm.birth_date', partyJoinedOn: 'm.party_joined_on', updatedAt: 'm.updated_at' } as const;

export function filteredMembers(ctx: AppContext, reach: DirectoryReach, query: Omit<MembersQuery, 'page' | 'pageSize' | 'sort' | 'order'>) {
  let q = selectMembers(ctx.db).where(memberInReach(reach));
  if (query.q?.trim()) {
    q = q.where(textCondition(ctx, query.q, { name: 'm.name', initials: 'm.name_initials', phoneTail: 'm.phone_tail', phoneHash: 'm.phone_hash', idTail: 'm.id_tail', idHash: 'm.id_number_hash' }));
  }
  if (query.employerOrgId) {
    const id = query.employerOrgId;
    q = q.where(sql<SqlBool>`eo.path like (select path from organization where id = ${id}) || '%'`);
  }
  if (query.regionId) {
    const id = query.regionId;
    // A community or anything above it by path; a grid or building by the member's own grid and building.
    q = q.where(sql<SqlBool>`exists (select 1 from region f where f.id = ${id} and (rr.path like f.path || '%' or m.grid_region_id = f.id or m.building_region_id = f.id))`);
  }
  if (query.status) q = q.where('m.status', '=', query.status);
  if (query.skill) q = q.where(sql<SqlBool>`${query.skill} = any(m.skills)`);
  return q;
}

export async function listMembers(ctx: AppContext, principal: Principal, query: MembersQuery): Promise<{ items: Member[]; total: number }> {
  const reach = directoryReach(principal, 'directory.member.read');
  const base = filteredMembers(ctx, reach, query);
  const pageSize = query.pageSize ?? 20;
  const offset = ((query.page ?? 1) - 1) * pageSize;
  const rows = await base
    .orderBy(MEMBER_SORT[query.sort ?? 'name'], query.order ?? 'asc')
    .orderBy('m.id')
    .limit(pageSize)
    .offset(offset)
    .execute();
  // A short page is the last one: its rows give the total. Otherwise count (cached while nothing is written, platform/count-cache.ts).
  const total =
    rows.length < pageSize && (rows.length > 0 || offset === 0)
      ? offset + rows.length
      : await cachedCount(ctx, `members:${JSON.stringify([reach, query.q ?? null, query.employerOrgId ?? null, query.regionId ?? null, query.status ?? null, query.skill ?? null])}`, async () => {
          const { total: n } = await base
            .clearSelect()
            .select((eb) => eb.fn.countAll<number>().as('total'))
            .executeTakeFirstOrThrow();
          return Number(n);
        });
  return { items: rows.map(toMember), total };
}

async function loadVisible(ctx: AppContext, principal: Principal, id: string, permission: 'directory.member.read' | 'directory.member.reveal' = 'directory.member.read') {
  const row = await selectMembers(ctx.db).where('m.id', '=', id).executeTakeFirst();
  const reach = directoryReach(principal, 'directory.member.read');
  if (!row || !memberVisible(reach, { userId: row.user_id, residencePath: row.residence_path, employerPath: row.employer_path })) throw notFound('member');
  if (permission !== 'directory.member.read') {
    const r2 = directoryReach(principal, permission);
    if (!memberVisible(r2, { userId: row.user_id, residencePath: row.residence_path, employerPath: row.employer_path })) throw forbidden('You may not see this member’s full data', { permission });
  }
  return row;
}

export async function getMember(ctx: AppContext, principal: Principal, id: string): Promise<Member> {
  return toMember(await loadVisible(ctx, principal, id));
}

// The employer side is the employer itself; identity, party facts, skills and status are shared.
const EMPLOYER_FIELDS = ['employerOrgId'] as const;
const RESIDENCE_FIELDS = ['residenceRegionId', 'gridRegionId', 'buildingRegionId'] as const;

export interface MemberPlaces {
  residencePath: string | null;
  employerPath: string | null;
}

/** Validates and normalises member input into column values (personal data sealed). */
export async function memberColumns(ctx: AppContext, input: Partial<CreateMemberBody>, current?: { residence_region_id: string | null; grid_region_id: string | null }) {
  const values: Record<string, unknown> = {};
  const places: MemberPlaces = { residencePath: null, employerPath: null };
  if (input.name !== undefined) {
    values.name = input.name.trim();
    values.name_initials = nameInitials(input.name);
  }
  if (input.gender !== undefined) values.gender = input.gender;
  if (input.birthDate !== undefined) values.birth_date = input.birthDate;
  if (input.phone !== undefined) {
    if (input.phone === null) Object.assign(values, { phone_encrypted: null, phone_hash: null, phone_masked: null, phone_tail: null });
    else {
      const p = sealPhone(ctx.cipher, input.phone);
      Object.assign(values, { phone_encrypted: p.encrypted, phone_hash: p.hash, phone_masked: p.masked, phone_tail: p.tail });
    }
  }
  if (input.idNumber !== undefined) {
    if (input.idNumber === null) Object.assign(values, { id_number_encrypted: null, id_number_hash: null, id_number_masked: null, id_tail: null, id_last6_hash: null });
    else {
      const problem = checkIdNumber(input.idNumber);
      if (problem) throw badRequest('ID_NUMBER_INVALID', `The ID number is not valid (${problem})`, [{ path: 'body/idNumber', message: problem }]);
      const s = sealIdNumber(ctx.cipher, input.idNumber);
      Object.assign(values, { id_number_encrypted: s.encrypted, id_number_hash: s.hash, id_number_masked: s.masked, id_tail: s.tail, id_last6_hash: s.last6Hash });
      // The ID number knows the birth date and gender; fill them in when not given.
      if (input.birthDate === undefined) values.birth_date = idBirthDate(input.idNumber.toUpperCase());
      if (input.gender === undefined) values.gender = idGender(input.idNumber.toUpperCase());
    }
  }
  if (input.isPartyMember !== undefined) values.is_party_member = input.isPartyMember;
  if (input.partyJoinedOn !== undefined) values.party_joined_on = input.partyJoinedOn;
  if (input.skills !== undefined) values.skills = [...new Set(input.skills.map((s) => s.trim()).filter(Boolean))];
  if (input.status !== undefined) values.status = input.status;
  if (input.employerOrgId !== undefined) {
    values.employer_org_id = input.employerOrgId;
    if (input.employerOrgId) places.employerPath = (await requireOrg(ctx.db, input.employerOrgId, ['unit'], 'employerOrgId')).path;
  }
  const residenceId = input.residenceRegionId !== undefined ? input.residenceRegionId : (current?.residence_region_id ?? null);
  let residence = null;
  if (input.residenceRegionId !== undefined) {
    values.residence_region_id = input.residenceRegionId;
    if (input.residenceRegionId) {
      residence = await requireRegion(ctx.db, input.residenceRegionId, ['community'], 'residenceRegionId');
      places.residencePath = residence.path;
    }
  }
  // A new residence drops the old community's grid and building unless new ones are given.
  const moved = input.residenceRegionId !== undefined && current !== undefined && input.residenceRegionId !== current.residence_region_id;
  if (moved && input.gridRegionId === undefined) values.grid_region_id = null;
  if (moved && input.buildingRegionId === undefined) values.building_region_id = null;
  if (input.gridRegionId !== undefined) {
    values.grid_region_id = input.gridRegionId;
    if (input.gridRegionId) {
      const grid = await requireRegion(ctx.db, input.gridRegionId, ['grid'], 'gridRegionId');
      const parent = residence ?? (residenceId ? await requireRegion(ctx.db, residenceId, ['community'], 'residenceRegionId') : null);
      if (!parent) throw badRequest('RESIDENCE_REQUIRED', 'A grid needs the residence community', [{ path: 'body/residenceRegionId', message: 'is required with a grid' }]);
      assertInside(grid, parent, 'gridRegionId');
    }
  }
  if (input.buildingRegionId !== undefined) {
    values.building_region_id = input.buildingRegionId;
    if (input.buildingRegionId) {
      const building = await requireRegion(ctx.db, input.buildingRegionId, ['building'], 'buildingRegionId');
      const gridId = input.gridRegionId !== undefined ? input.gridRegionId : moved ? null : (current?.grid_region_id ?? null);
      if (gridId) assertInside(building, await requireRegion(ctx.db, gridId, ['grid'], 'gridRegionId'), 'buildingRegionId');
      else if (residenceId) assertInside(building, residence ?? (await requireRegion(ctx.db, residenceId, ['community'], 'residenceRegionId')), 'buildingRegionId');
    }
  }
  return { values, places };
}

function sidesTouched(input: Record<string, unknown>): Set<MemberSide> {
  const sides = new Set<MemberSide>();
  if (EMPLOYER_FIELDS.some((f) => input[f] !== undefined)) sides.add('employer');
  if (RESIDENCE_FIELDS.some((f) => input[f] !== undefined)) sides.add('residence');
  return sides;
}

async function assertNoDuplicate(ctx: AppContext, values: Record<string, unknown>, exceptId?: string): Promise<void> {
  if (typeof values.id_number_hash !== 'string') return;
  const clash = await ctx.db
    .selectFrom('member')
    .select('id')
    .where('id_number_hash', '=', values.id_number_hash)
    .$if(exceptId !== undefined, (qb) => qb.where('id', '!=', exceptId as string))
    .executeTakeFirst();
  if (clash) throw conflict('MEMBER_EXISTS', 'A member with this ID number exists already', { memberId: clash.id });
}

/** Audit view of a member: what changed, masked. */
function auditView(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (k.endsWith('_encrypted') || k.endsWith('_hash') || k.endsWith('_tail') || k === 'name_initials' || k === 'updated_at') continue;
    out[k] = v;
  }
  return out;
}

export async function createMember(ctx: AppContext, principal: Principal, input: CreateMemberBody, actor: AuditActor): Promise<Member> {
  const { values, places } = await memberColumns(ctx, input);
  const sides = writableSides(principal, places);
  if (sides.size === 0) throw forbidden('The member must work in your unit or live in your area');
  for (const side of sidesTouched(input)) {
    if (!sides.has(side)) throw forbidden(`You cannot set the ${side} of this member`, { side });
  }
  await assertNoDuplicate(ctx, values);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('member').values(values as never).returning('id').executeTakeFirstOrThrow();
    await writeAudit(trx, actor, { action: 'member.create', entityType: 'member', entityId: row.id, after: auditView(values) });
    return row.id;
  });
  return getMember(ctx, principal, id);
}

export async function updateMember(ctx: AppContext, principal: Principal, id: string, input: UpdateMemberBody, actor: AuditActor): Promise<Member> {
  const row = await loadVisible(ctx, principal, id);
  const current = await ctx.db.selectFrom('member').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const sides = writableSides(principal, { residencePath: row.residence_path, employerPath: row.employer_path });
  if (sides.size === 0) throw forbidden('You cannot change this member');
  const { values, places } = await memberColumns(ctx, input, current);
  for (const side of sidesTouched(input)) {
    if (!sides.has(side)) throw forbidden(`The ${side} side of this member is not yours to change`, { side });
  }
  // A new employer or residence must be inside the principal's reach too.
  const newSides = writableSides(principal, places);
  if (places.employerPath && !newSides.has('employer')) throw forbidden('The new employer is outside your scope');
  if (places.residencePath && !newSides.has('residence')) throw forbidden('The new residence is outside your scope');
  await assertNoDuplicate(ctx, values, id);
  const before: Record<string, unknown> = {};
  for (const k of Object.keys(auditView(values))) before[k] = (current as Record<string, unknown>)[k];
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('member').set({ ...values, updated_at: sql`now()` } as never).where('id', '=', id).execute();
    await writeAudit(trx, actor, { action: 'member.update', entityType: 'member', entityId: id, before, after: auditView(values) });
  });
  if (input.residenceRegionId !== undefined && input.residenceRegionId !== current.residence_region_id) {
    await ctx.events.emit('member.residence_changed', { memberId: id, fromCommunityId: current.residence_region_id, toCommunityId: input.residenceRegionId, actor });
  }
  return getMember(ctx, principal, id);
}

export async function revealMember(ctx: AppContext, principal: Principal, id: string, field: 'phone' | 'idNumber', reason: string, actor: AuditActor) {
  await loadVisible(ctx, principal, id, 'directory.member.reveal');
  const row = await ctx.db.selectFrom('member').select(['phone_encrypted', 'id_number_encrypted']).where('id', '=', id).executeTakeFirstOrThrow();
  const encrypted = field === 'phone' ? row.phone_encrypted : row.id_number_encrypted;
  await writeAudit(ctx.db, actor, { action: 'member.reveal', entityType: 'member', entityId: id, after: { field, reason } });
  return { field, value: encrypted ? ctx.cipher.decrypt(encrypted) : null };
}

/**
 * Erasing a person (个人信息保护法: delete what the purpose no longer needs). The record stays, so
 * that hours, projects and history keep their owner, but everything that identifies the person is
 * removed: phone, ID number, birth date and gender are cleared, the name is reduced to the surname
 * (张**), the account link is cut, and the status becomes `left`. Audited with the reason.
 */
export async function eraseMember(ctx: AppContext, principal: Principal, id: string, reason: string, actor: AuditActor): Promise<Member> {
  const row = await loadVisible(ctx, principal, id);
  const sides = writableSides(principal, { residencePath: row.residence_path, employerPath: row.employer_path });
  if (sides.size === 0) throw forbidden('You cannot erase this member');
  const masked = [...row.name][0] + '*'.repeat(Math.max(1, [...row.name].length - 1));
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('member')
      .set({
        name: masked,
        name_initials: nameInitials(masked.replace(/\*/g, '')),
        gender: null,
        birth_date: null,
        phone_encrypted: null,
        phone_hash: null,
        phone_masked: null,
        phone_tail: null,
        id_number_encrypted: null,
        id_number_hash: null,
        id_number_masked: null,
        id_tail: null,
        id_last6_hash: null,
        skills: [],
        user_id: null,
        household_id: null,
        status: 'left',
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, actor, { action: 'member.erase', entityType: 'member', entityId: id, before: { name: row.name }, after: { name: masked, reason } });
  });
  return getMember(ctx, principal, id);
}
