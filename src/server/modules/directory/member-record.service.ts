/**
 * What the directory publishes about members to the other modules (through its index.ts): the
 * caller's member record (read once per request), a member's record by id, and the residence
 * correction a confirmed registration asks for (the directory updates the member and announces
 * member.residence_changed).
 */
import { sql, type Kysely } from 'kysely';
import type { DB, MemberStatus } from '../../db/schema';
import { writeAudit, type AuditActor } from '../../platform/audit';
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

/**
 * A registration confirmed at another community than the directory knows corrects the member's
 * residence (in the caller's transaction, audited). Returns the change to announce once committed
 * (announceResidenceChange), or null when the directory had it right already.
 */
export async function correctResidence(trx: Kysely<DB>, input: { memberId: string; communityId: string; registrationId: string }, actor: AuditActor): Promise<ResidenceChange | null> {
  const current = await trx.selectFrom('member').select('residence_region_id').where('id', '=', input.memberId).executeTakeFirst();
  if (!current || current.residence_region_id === input.communityId) return null;
  await trx
    .updateTable('member')
    .set({ residence_region_id: input.communityId, grid_region_id: null, building_region_id: null, updated_at: sql`now()` })
    .where('id', '=', input.memberId)
    .execute();
  await writeAudit(trx, actor, { action: 'member.residence_corrected', entityType: 'member', entityId: input.memberId, after: { residenceRegionId: input.communityId, registrationId: input.registrationId } });
  return { memberId: input.memberId, fromCommunityId: current.residence_region_id, toCommunityId: input.communityId };
}

/** Tells the other modules a member's residence changed (after the change is committed). */
export async function announceResidenceChange(ctx: AppContext, change: ResidenceChange, actor: AuditActor): Promise<void> {
  await ctx.events.emit('member.residence_changed', { ...change, actor });
}
