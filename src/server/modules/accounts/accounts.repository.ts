/**
 * SQL of the accounts module: members with the places that decide who may give them an account,
 * new member and resident users (no password yet, or one set at activation), the member role
 * that makes a login a member, and account names that are free.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { randomInt } from 'node:crypto';

/** The password hash of an account nobody has activated yet: never verifies (not an argon2 string). */
export const PENDING_PASSWORD_HASH = '!activation-pending';

export interface MemberForAccount {
  id: string;
  name: string;
  name_initials: string;
  status: string;
  user_id: string | null;
  phone_hash: string | null;
  phone_encrypted: string | null;
  phone_masked: string | null;
  employer_org_id: string | null;
  employer_path: string | null;
  employer_kind: string | null;
  residence_region_id: string | null;
  residence_path: string | null;
  residence_kind: string | null;
  account: string | null;
  /** The member has a login with a password (activated, or made by hand): no code for it. */
  has_password: boolean;
}

export function selectMembersForAccounts(db: Kysely<DB> | Transaction<DB>) {
  return db
    .selectFrom('member as m')
    .leftJoin('region as rr', 'rr.id', 'm.residence_region_id')
    .leftJoin('organization as eo', 'eo.id', 'm.employer_org_id')
    .leftJoin('app_user as u', 'u.id', 'm.user_id')
    .select([
      'm.id',
      'm.name',
      'm.name_initials',
      'm.status',
      'm.user_id',
      'm.phone_hash',
      'm.phone_encrypted',
      'm.phone_masked',
      'm.employer_org_id',
      'eo.path as employer_path',
      'eo.kind as employer_kind',
      'm.residence_region_id',
      'rr.path as residence_path',
      'rr.kind as residence_kind',
      'u.account',
      sql<boolean>`coalesce(u.password_hash <> ${PENDING_PASSWORD_HASH}, false)`.as('has_password'),
    ]);
}

export async function chunked<T, R>(items: readonly T[], size: number, fn: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await fn(items.slice(i, i + size))));
  return out;
}

const MEMBER_ORG_KINDS = new Set(['unit', 'community', 'grid_branch', 'building_group']);

/** Where a member's member-role sits: the employing organisation, else the community of residence. */
export function memberRoleScope(m: Pick<MemberForAccount, 'employer_org_id' | 'employer_kind' | 'residence_region_id' | 'residence_kind'>) {
  if (m.employer_org_id && m.employer_kind && MEMBER_ORG_KINDS.has(m.employer_kind)) return { scope_type: 'organization', region_id: null, organization_id: m.employer_org_id } as const;
  if (m.residence_region_id && m.residence_kind === 'community') return { scope_type: 'region', region_id: m.residence_region_id, organization_id: null } as const;
  return null;
}

/** Account names from a person's pinyin initials and four digits (zjj4821), free among the taken ones (lower-case set, updated). */
export function freeAccountName(initials: string, taken: Set<string>): string {
  const base = (initials.toLowerCase().replace(/[^a-z]/g, '') || 'gj').slice(0, 12);
  for (let digits = 4; ; digits++) {
    for (let attempt = 0; attempt < 20; attempt++) {
      const name = `${base}${String(randomInt(0, 10 ** digits)).padStart(digits, '0')}`;
      if (!taken.has(name)) {
        taken.add(name);
        return name;
      }
    }
  }
}

/** Every account name taken (lower case): a county has thousands, which is one small query. */
export async function takenAccountNames(db: Kysely<DB> | Transaction<DB>): Promise<Set<string>> {
  const rows = await db.selectFrom('app_user').select(sql<string>`lower(account)`.as('account')).execute();
  return new Set(rows.map((r) => r.account));
}

/** Phone hashes already on a user (the login by phone needs them unique). */
export async function takenPhoneHashes(db: Kysely<DB> | Transaction<DB>, hashes: string[]): Promise<Set<string>> {
  const rows = await chunked(hashes, 1000, (c) => db.selectFrom('app_user').select('phone_hash').where('phone_hash', 'in', c).execute());
  return new Set(rows.map((r) => r.phone_hash as string));
}

/** Links members to users in one statement per chunk. */
export async function setMemberUsers(trx: Transaction<DB>, pairs: Array<{ memberId: string; userId: string }>): Promise<void> {
  for (let i = 0; i < pairs.length; i += 1000) {
    const chunk = pairs.slice(i, i + 1000);
    const values = sql.join(chunk.map((p) => sql`(${p.memberId}::uuid, ${p.userId}::uuid)`));
    await sql`update member m set user_id = v.user_id, updated_at = now() from (values ${values}) as v(member_id, user_id) where m.id = v.member_id`.execute(trx);
  }
}
