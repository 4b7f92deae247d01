/**
 * A login and a member record: memberAccount (which login a member has), linkAccount (an existing
 * login becomes the member's, with the member role where the member belongs) and unlinkAccount
 * (the login stays, the member role goes). Within the caller's reach (a side of the member the
 * caller may change), audited. setupStatus tells the web app whether the first run is still to do.
 */
import { sql } from 'kysely';
import type { MemberAccount, SetupStatus } from '../../../contracts/accounts';
import { writeAudit, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { conflict, forbidden, notFound } from '../../platform/errors';
import { hasSystemScope, type Principal } from '../../platform/principal';
import { isSelfRole } from '../../platform/scope';
import { writableSides } from '../directory';
import { memberRoleScope, selectMembersForAccounts, type MemberForAccount } from './accounts.repository';

async function loadMember(ctx: AppContext, principal: Principal, memberId: string): Promise<MemberForAccount> {
  const m = await selectMembersForAccounts(ctx.db).where('m.id', '=', memberId).executeTakeFirst();
  if (!m) throw notFound('member');
  if (writableSides(principal, { residencePath: m.residence_path, employerPath: m.employer_path }).size === 0) throw forbidden('This member is outside your scope', { permission: 'accounts.manage' });
  return m;
}

const toMemberAccount = (m: Pick<MemberForAccount, 'id' | 'user_id' | 'account' | 'has_password'>): MemberAccount => ({
  memberId: m.id,
  userId: m.user_id,
  account: m.account,
  activated: m.user_id !== null && m.has_password,
});

export async function memberAccount(ctx: AppContext, principal: Principal, memberId: string): Promise<MemberAccount> {
  return toMemberAccount(await loadMember(ctx, principal, memberId));
}

export async function linkAccount(ctx: AppContext, principal: Principal, memberId: string, account: string, actor: AuditActor): Promise<MemberAccount> {
  const m = await loadMember(ctx, principal, memberId);
  if (m.user_id) throw conflict('MEMBER_ALREADY_LINKED', 'This member has an account already; unlink it first');
  const scope = memberRoleScope(m);
  if (!scope) throw conflict('MEMBER_WITHOUT_PLACE', 'The member has neither a unit nor a community of residence to hold the member role');
  const user = await ctx.db.selectFrom('app_user').select(['id', 'account']).where(sql`lower(account)`, '=', account.trim().toLowerCase()).executeTakeFirst();
  if (!user) throw notFound('account');
  const other = await ctx.db.selectFrom('member').select('id').where('user_id', '=', user.id).executeTakeFirst();
  if (other) throw conflict('ACCOUNT_ALREADY_LINKED', 'This account belongs to another member');
  // Below system scope, only logins that hold nothing but member or resident roles are linked: a staff login is not someone else's to give.
  if (!hasSystemScope(principal, 'accounts.manage')) {
    const roles = await ctx.db.selectFrom('role_assignment').select('role').where('user_id', '=', user.id).execute();
    if (roles.some((r) => !isSelfRole(r.role))) throw forbidden('Only a system administrator links a staff account to a member', { permission: 'accounts.manage' });
  }
  await ctx.db.transaction().execute(async (trx) => {
    const linked = await trx.updateTable('member').set({ user_id: user.id, updated_at: sql<Date>`now()` }).where('id', '=', m.id).where('user_id', 'is', null).returning('id').executeTakeFirst();
    if (!linked) throw conflict('MEMBER_ALREADY_LINKED', 'This member has an account already; unlink it first');
    const has = await trx.selectFrom('role_assignment').select('id').where('user_id', '=', user.id).where('role', '=', 'member').executeTakeFirst();
    if (!has) await trx.insertInto('role_assignment').values({ user_id: user.id, role: 'member', ...scope, created_by: principal.userId }).execute();
    await writeAudit(trx, actor, { action: 'member.account_link', entityType: 'member', entityId: m.id, before: { userId: null }, after: { userId: user.id, account: user.account } });
  });
  return memberAccount(ctx, principal, m.id);
}

export async function unlinkAccount(ctx: AppContext, principal: Principal, memberId: string, actor: AuditActor): Promise<MemberAccount> {
  const m = await loadMember(ctx, principal, memberId);
  if (!m.user_id) throw conflict('MEMBER_NOT_LINKED', 'This member has no account');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('member').set({ user_id: null, updated_at: sql<Date>`now()` }).where('id', '=', m.id).execute();
    await trx.deleteFrom('role_assignment').where('user_id', '=', m.user_id!).where('role', '=', 'member').execute();
    await writeAudit(trx, actor, { action: 'member.account_unlink', entityType: 'member', entityId: m.id, before: { userId: m.user_id, account: m.account }, after: { userId: null } });
  });
  return memberAccount(ctx, principal, m.id);
}

export async function setupStatus(ctx: AppContext, principal: Principal): Promise<SetupStatus> {
  const anyRegion = await ctx.db.selectFrom('region').select('id').limit(1).executeTakeFirst();
  if (!hasSystemScope(principal, 'directory.region.write')) return { needsSetup: !anyRegion, counts: null };
  const count = async (table: 'region' | 'organization' | 'member' | 'household') =>
    Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const accounts = await ctx.db
    .selectFrom('member as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select((eb) => [eb.fn.countAll<number>().as('n'), sql<number>`count(*) filter (where u.password_hash like '$argon2%')`.as('active')])
    .executeTakeFirstOrThrow();
  return {
    needsSetup: !anyRegion,
    counts: {
      regions: await count('region'),
      organizations: await count('organization'),
      members: await count('member'),
      households: await count('household'),
      memberAccounts: Number(accounts.n),
      activatedAccounts: Number(accounts.active),
    },
  };
}
