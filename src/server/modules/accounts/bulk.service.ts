/**
 * issueAccounts: accounts for chosen members in one request (ids, a unit's members, a community's
 * residents or only those reported in, narrowed by a name filter). Each member without an
 * activated account gets an account name and a one-time activation code: 16 characters from a
 * 32-letter alphabet (80 bits), stored only as a keyed HMAC-SHA-256 (a fast hash: no
 * password hashing on this path), expiring after the configured days. Every chosen member must be
 * one the caller may change, or nothing is written. accountSheet hands the codes out as .xlsx.
 */
import { randomBytes } from 'node:crypto';
import { sql, type SqlBool } from 'kysely';
import type { BulkAccountsBody, BulkAccountsResult, IssuedAccount } from '../../../contracts/accounts';
import { writeAudit, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { badRequest, forbidden } from '../../platform/errors';
import { can, type Principal } from '../../platform/principal';
import { writeSheet } from '../../platform/xlsx';
import { textCondition, writableSides } from '../directory';
import {
  chunked,
  freeAccountName,
  memberRoleScope,
  PENDING_PASSWORD_HASH,
  selectMembersForAccounts,
  setMemberUsers,
  takenAccountNames,
  takenPhoneHashes,
  type MemberForAccount,
} from './accounts.repository';

const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A new activation code, grouped for reading aloud: 7KQ2-M9XA-… */
export function newActivationCode(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => CODE_ALPHABET[b % 32]!);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** The code as typed (any case, dashes or spaces) reduced to its characters. */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

export function activationCodeHash(ctx: AppContext, code: string): string {
  return ctx.cipher.hash(`activation-code:${normalizeCode(code)}`);
}

const INSERT_CHUNK = 500;

async function chooseMembers(ctx: AppContext, input: BulkAccountsBody): Promise<MemberForAccount[]> {
  const selectors = [input.memberIds, input.organizationId, input.communityId].filter((x) => x !== undefined).length;
  if (selectors !== 1) throw badRequest('ACCOUNTS_SELECTION', 'Choose the members one way: memberIds, organizationId or communityId', [{ path: 'body', message: 'exactly one of memberIds, organizationId, communityId' }]);
  if (input.reportedIn && !input.communityId) throw badRequest('ACCOUNTS_SELECTION', 'reportedIn goes with communityId', [{ path: 'body/reportedIn', message: 'needs communityId' }]);
  const narrowed = (q: ReturnType<typeof selectMembersForAccounts>) =>
    input.q?.trim() ? q.where(textCondition(ctx, input.q, { name: 'm.name', initials: 'm.name_initials', phoneTail: 'm.phone_tail', phoneHash: 'm.phone_hash', idTail: 'm.id_tail', idHash: 'm.id_number_hash' })) : q;
  if (input.memberIds) {
    const ids = input.memberIds;
    const rows = await chunked(ids, 1000, (c) => narrowed(selectMembersForAccounts(ctx.db).where('m.id', 'in', c)).execute());
    if (!input.q && rows.length < ids.length) {
      const found = new Set(rows.map((r) => r.id));
      const missing = ids.filter((id) => !found.has(id));
      throw badRequest('MEMBERS_NOT_FOUND', `${missing.length} of the chosen members do not exist`, { memberIds: missing.slice(0, 50) });
    }
    return rows;
  }
  if (input.organizationId) {
    const org = await ctx.db.selectFrom('organization').select('path').where('id', '=', input.organizationId).executeTakeFirst();
    if (!org) throw badRequest('ORGANIZATION_NOT_FOUND', 'The organisation does not exist', [{ path: 'body/organizationId', message: 'not found' }]);
    return narrowed(selectMembersForAccounts(ctx.db).where('eo.path', 'like', `${org.path}%`).where('m.status', '=', 'active')).execute();
  }
  const community = await ctx.db.selectFrom('region').select(['path', 'kind']).where('id', '=', input.communityId!).executeTakeFirst();
  if (!community || community.kind !== 'community') throw badRequest('REGION_NOT_FOUND', 'The community does not exist', [{ path: 'body/communityId', message: 'not a community' }]);
  let q = selectMembersForAccounts(ctx.db).where('m.status', '=', 'active');
  q = input.reportedIn
    ? q.where(sql<SqlBool>`exists (select 1 from registration g where g.member_id = m.id and g.community_id = ${input.communityId!} and g.status = 'confirmed')`)
    : q.where('rr.path', 'like', `${community.path}%`);
  return narrowed(q).execute();
}

export async function issueAccounts(ctx: AppContext, principal: Principal, input: BulkAccountsBody, actor: AuditActor): Promise<BulkAccountsResult> {
  if (!can(principal, 'accounts.manage')) throw forbidden('You cannot create accounts', { permission: 'accounts.manage' });
  const chosen = await chooseMembers(ctx, input);
  // All or nothing: one member outside the caller's reach refuses the whole request.
  const outside = chosen.filter((m) => writableSides(principal, { residencePath: m.residence_path, employerPath: m.employer_path }).size === 0);
  if (outside.length) throw forbidden(`${outside.length} of the chosen members are outside your scope; nothing was created`, { permission: 'accounts.manage', memberIds: outside.slice(0, 50).map((m) => m.id) });
  const days = input.expiresInDays ?? ctx.config.activationCodeDays;
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  const open = chosen.filter((m) => m.status === 'active' && !m.has_password && memberRoleScope(m) !== null);
  const skipped = chosen.length - open.length;
  const fresh = open.filter((m) => !m.user_id);
  const pending = open.filter((m) => m.user_id);

  const issued = await ctx.db.transaction().execute(async (trx) => {
    const taken = await takenAccountNames(trx);
    const phones = await takenPhoneHashes(trx, fresh.map((m) => m.phone_hash).filter((h): h is string => !!h));
    const users: Array<{ member: MemberForAccount; userId: string; account: string }> = pending.map((m) => ({ member: m, userId: m.user_id!, account: m.account! }));
    for (let i = 0; i < fresh.length; i += INSERT_CHUNK) {
      const chunk = fresh.slice(i, i + INSERT_CHUNK).map((m) => {
        const phoneFree = !!m.phone_hash && !phones.has(m.phone_hash);
        if (phoneFree) phones.add(m.phone_hash!);
        return {
          member: m,
          values: {
            account: freeAccountName(m.name_initials, taken),
            display_name: m.name,
            password_hash: PENDING_PASSWORD_HASH,
            phone_hash: phoneFree ? m.phone_hash : null,
            phone_encrypted: phoneFree ? m.phone_encrypted : null,
            phone_masked: phoneFree ? m.phone_masked : null,
          },
        };
      });
      const rows = await trx
        .insertInto('app_user')
        .values(chunk.map((c) => c.values))
        .returning(['id', 'account'])
        .execute();
      const byAccount = new Map(rows.map((r) => [r.account, r.id]));
      for (const c of chunk) users.push({ member: c.member, userId: byAccount.get(c.values.account)!, account: c.values.account });
    }
    const created = users.slice(pending.length);
    for (let i = 0; i < created.length; i += INSERT_CHUNK) {
      await trx
        .insertInto('role_assignment')
        .values(created.slice(i, i + INSERT_CHUNK).map((u) => ({ user_id: u.userId, role: 'member', ...memberRoleScope(u.member)!, created_by: principal.userId })))
        .execute();
    }
    await setMemberUsers(trx, created.map((u) => ({ memberId: u.member.id, userId: u.userId })));
    // A new code replaces any earlier unused one of the same account.
    if (pending.length) await chunked(pending, 1000, async (c) => (await trx.deleteFrom('activation_code').where('user_id', 'in', c.map((m) => m.user_id!)).where('used_at', 'is', null).execute(), []));
    const items: IssuedAccount[] = [];
    const codes: Array<{ user_id: string; code_hash: string; expires_at: Date; created_by: string }> = [];
    for (const u of users) {
      const code = newActivationCode();
      codes.push({ user_id: u.userId, code_hash: activationCodeHash(ctx, code), expires_at: expiresAt, created_by: principal.userId });
      items.push({ memberId: u.member.id, name: u.member.name, account: u.account, phoneMasked: u.member.phone_masked, code });
    }
    for (let i = 0; i < codes.length; i += INSERT_CHUNK) await trx.insertInto('activation_code').values(codes.slice(i, i + INSERT_CHUNK)).execute();
    await writeAudit(trx, actor, {
      action: 'account.bulk_issue',
      entityType: 'member',
      entityId: null,
      after: { created: created.length, reissued: pending.length, skipped, expiresAt: expiresAt.toISOString(), memberIds: users.map((u) => u.member.id) },
    });
    return items;
  });
  return { created: issued.length, skipped, expiresAt: expiresAt.toISOString(), items: issued };
}

/** The codes as a sheet to hand out: names, account names, masked phones, codes and the expiry. */
export async function accountSheet(result: BulkAccountsResult): Promise<Buffer> {
  const until = result.expiresAt.slice(0, 10);
  return writeSheet(
    '账号与激活码',
    [{ header: '姓名' }, { header: '账号', width: 16 }, { header: '手机号', width: 16 }, { header: '激活码', width: 24 }, { header: '有效期至', width: 14 }],
    result.items.map((i) => [i.name, i.account, i.phoneMasked ?? '', i.code, until]),
    [
      ['激活码', '一次有效：在手机上打开“激活账号”页面，输入账号和激活码，设置自己的密码。'],
      ['有效期', `激活码在 ${until} 前有效；过期后请社区或单位重新生成。`],
      ['保管', '本表含激活码，请逐人发放，发放后妥善销毁。'],
    ],
  );
}
