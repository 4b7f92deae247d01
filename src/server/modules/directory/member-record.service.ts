/**
 * What the directory publishes about members to the other modules (through its index.ts): the
 * caller's member record (read once per request), a member's record by id, and the residence
 * corrections confirmed registrations ask for (the directory updates the member and announces
 * member.residence_changed).
 */
import { sql, type Kysely } from 'kysely';
import type { DB, MemberStatus } from '../../db/schema';
import { writeAuditMany, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import type { Principal } from '../../platform/principal';
import { cachedForPrincipal } from '../../platform/scope';

export interface MemberRecord {
  id: string;
  userId: string | null;
  name: string;
  status: MemberStatus;
  residenceRegionId: string | null;
  residencePath: string | null;
  employerOrgId: string | null;
  employerPath: string | null;
}

function selectRecords(db: Kysely<DB>) {
  return db
    .selectFrom('member as m')
    .leftJoin('region as r', 'r.id', 'm.residence_region_id')
    .leftJoin('organization as o', 'o.id', 'm.employer_org_id')
    .select(['m.id', 'm.user_id', 'm.name', 'm.status', 'm.residence_region_id', 'r.path as residence_path', 'm.employer_org_id', 'o.path as employer_path']);
}

type RecordRow = Awaited<ReturnType<ReturnType<typeof selectRecords>['executeTakeFirstOrThrow']>>;

const toRecord = (m: RecordRow): MemberRecord => ({
  id: m.id,
  userId: m.user_id,
  name: m.name,
  status: m.status,
  residenceRegionId: m.residence_region_id,
  residencePath: m.residence_path,
  employerOrgId: m.employer_org_id,
  employerPath: m.employer_path,
});

/** The member record linked to a user account, if any. */
export async function memberOfUser(db: Kysely<DB>, userId: string): Promise<MemberRecord | null> {
  const m = await selectRecords(db).where('m.user_id', '=', userId).executeTakeFirst();
  return m ? toRecord(m) : null;
}

/** A member's record by id, if it exists. */
export async function memberById(db: Kysely<DB>, memberId: string): Promise<MemberRecord | null> {
  const m = await selectRecords(db).where('m.id', '=', memberId).executeTakeFirst();
  return m ? toRecord(m) : null;
}

/**
 * The caller's member record: read once for a principal and kept while this process commits no
 * write, so the checks of one request share one read.
 */
export function callerMember(ctx: AppContext, principal: Principal): Promise<MemberRecord | null> {
  const generation = typeof ctx.database?.writeGeneration === 'function' ? ctx.database.writeGeneration() : Number.NaN;
  return cachedForPrincipal(principal, 'directory.member', generation, () => memberOfUser(ctx.db, principal.userId));
}

export interface ResidenceChange {
  memberId: string;
  fromCommunityId: string | null;
  toCommunityId: string;
}

export interface ResidenceCorrection {
  memberId: string;
  communityId: string;
  registrationId: string;
}

/**
 * Registrations confirmed at another community than the directory knows correct the members'
 * residences (in the caller's transaction, one statement, audited). Returns the changes to
 * announce once committed (announceResidenceChanges); a member the directory had right already
 * is left alone.
 */
export async function correctResidences(trx: Kysely<DB>, corrections: readonly ResidenceCorrection[], actor: AuditActor): Promise<ResidenceChange[]> {
  if (corrections.length === 0) return [];
  const { rows } = await sql<{ member_id: string; from_id: string | null; community_id: string; registration_id: string }>`
    with v as (
      select * from unnest(${corrections.map((c) => c.memberId)}::uuid[], ${corrections.map((c) => c.communityId)}::uuid[], ${corrections.map((c) => c.registrationId)}::uuid[])
        as v(member_id, community_id, registration_id)
    ), old as (
      select m.id, m.residence_region_id as from_id, v.community_id, v.registration_id
      from member m join v on v.member_id = m.id
      where m.residence_region_id is distinct from v.community_id
    )
    update member m set residence_region_id = old.community_id, grid_region_id = null, building_region_id = null, updated_at = now()
    from old where m.id = old.id
    returning m.id as member_id, old.from_id, old.community_id, old.registration_id`.execute(trx);
  await writeAuditMany(
    trx,
    actor,
    rows.map((c) => ({ action: 'member.residence_corrected', entityType: 'member', entityId: c.member_id, after: { residenceRegionId: c.community_id, registrationId: c.registration_id } })),
  );
  return rows.map((c) => ({ memberId: c.member_id, fromCommunityId: c.from_id, toCommunityId: c.community_id }));
}

/** Tells the other modules that members' residences changed (after the changes are committed). */
export async function announceResidenceChanges(ctx: AppContext, changes: readonly ResidenceChange[], actor: AuditActor): Promise<void> {
  for (const change of changes) await ctx.events.emit('member.residence_changed', { ...change, actor });
}
