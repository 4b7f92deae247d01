/**
 * Use cases of the auth module: logIn, logOut, logOutEverywhere, changePassword, and personal
 * API tokens. Failed logins are counted per account name: after the configured number of
 * failures within the window the name is locked for the lock period, whether or not it exists,
 * so the answer never tells which accounts exist. Failures are also counted per address, at a
 * much higher threshold: the members of one unit log in from one office address, so only
 * failures (someone trying many accounts) refuse an address, never successful logins.
 */
import { sql } from 'kysely';
import { isPermission } from '../../../domain/access/roles';
import type { ApiToken, CurrentUser } from '../../../contracts/auth';
import { writeAudit, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { normalizePhone } from '../../platform/crypto';
import { AppError, badRequest, notFound } from '../../platform/errors';
import { assertPasswordAcceptable, burnVerify, hashPassword, verifyPassword } from '../../platform/passwords';
import type { Principal, ResolvedAssignment } from '../../platform/principal';
import { createSession, deleteSession, deleteUserSessions, newApiTokenSecret, sessionsEndedTopic } from '../../platform/sessions';

export function toRoleAssignmentDto(a: ResolvedAssignment) {
  return {
    id: a.id,
    userId: a.userId,
    role: a.role,
    scopeType: a.scopeType,
    scopeId: a.scopeId,
    scopeName: a.scopeName,
    createdAt: a.createdAt.toISOString(),
  };
}

export function toCurrentUser(p: Principal): CurrentUser {
  return {
    id: p.userId,
    account: p.account,
    displayName: p.displayName,
    phoneMasked: p.phoneMasked,
    status: p.status,
    mustChangePassword: p.mustChangePassword,
    roles: p.assignments.map(toRoleAssignmentDto),
    permissions: [...p.permissions].sort(),
  };
}

function accountKey(account: string): string {
  return account.trim().toLowerCase();
}

const invalidCredentials = () => new AppError('AUTH_INVALID_CREDENTIALS', 401, 'The account or password is not correct');

async function lockedFor(ctx: AppContext, key: string): Promise<number> {
  const lock = await ctx.db.selectFrom('login_lock').select('locked_until').where('account_key', '=', key).executeTakeFirst();
  if (!lock) return 0;
  const ms = lock.locked_until.getTime() - Date.now();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/** Seconds until an address with too many failed logins (across accounts) in the window may try again; 0 when it may. */
async function addressLockedFor(ctx: AppContext, ip: string | null): Promise<number> {
  if (!ip) return 0;
  const { loginMaxFailuresPerAddress, loginWindowMinutes } = ctx.config;
  const row = await ctx.db
    .selectFrom('login_failure')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('first')])
    .where('ip', '=', ip)
    .where('at', '>', sql<Date>`now() - make_interval(mins => ${loginWindowMinutes})`)
    .executeTakeFirstOrThrow();
  if (Number(row.n) < loginMaxFailuresPerAddress || !row.first) return 0;
  const first = new Date(row.first as unknown as string | Date).getTime();
  return Math.max(1, Math.ceil((first + loginWindowMinutes * 60_000 - Date.now()) / 1000));
}

async function recordFailure(ctx: AppContext, key: string, ip: string | null): Promise<void> {
  const { loginMaxFailures, loginWindowMinutes, loginLockMinutes } = ctx.config;
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('login_failure').values({ account_key: key, ip }).execute();
    const { n } = await trx
      .selectFrom('login_failure')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account_key', '=', key)
      .where('at', '>', sql<Date>`now() - make_interval(mins => ${loginWindowMinutes})`)
      .executeTakeFirstOrThrow();
    if (Number(n) >= loginMaxFailures) {
      const until = new Date(Date.now() + loginLockMinutes * 60_000);
      await trx
        .insertInto('login_lock')
        .values({ account_key: key, locked_until: until })
        .onConflict((oc) => oc.column('account_key').doUpdateSet({ locked_until: until }))
        .execute();
      await trx.deleteFrom('login_failure').where('account_key', '=', key).execute();
    }
  });
}

export interface LoginResult {
  sessionToken: string;
  sessionHash: string;
  userId: string;
}

export async function logIn(
  ctx: AppContext,
  input: { account: string; password: string },
  actor: AuditActor,
): Promise<LoginResult> {
  const key = accountKey(input.account);
  const addressWait = await addressLockedFor(ctx, actor.ip);
  if (addressWait > 0) {
    await writeAudit(ctx.db, { ...actor, account: key }, { action: 'auth.login', entityType: 'account', entityId: key, after: { reason: 'address_locked' }, outcome: 'failure' });
    throw new AppError('AUTH_ADDRESS_LOCKED', 429, 'Too many failed logins from this address; try again later', { retryAfterSeconds: addressWait }, {
      'retry-after': String(addressWait),
    });
  }
  const wait = await lockedFor(ctx, key);
  if (wait > 0) {
    await writeAudit(ctx.db, { ...actor, account: key }, { action: 'auth.login', entityType: 'account', entityId: key, after: { reason: 'locked' }, outcome: 'failure' });
    throw new AppError('AUTH_LOCKED', 429, 'Too many failed logins; the account is locked for a while', { retryAfterSeconds: wait }, {
      'retry-after': String(wait),
    });
  }

  const phone = normalizePhone(input.account);
  const byPhone = /^\d{5,15}$/.test(phone) ? ctx.cipher.hash(phone) : null;
  const user = await ctx.db
    .selectFrom('app_user')
    .select(['id', 'account', 'password_hash', 'status'])
    .where((eb) => {
      const ors = [eb(sql<string>`lower(account)`, '=', key)];
      if (byPhone) ors.push(eb('phone_hash', '=', byPhone));
      return eb.or(ors);
    })
    .executeTakeFirst();

  const ok = user ? await verifyPassword(user.password_hash, input.password) : (await burnVerify(input.password), false);
  if (!user || !ok || user.status !== 'active') {
    await recordFailure(ctx, key, actor.ip);
    await writeAudit(ctx.db, { ...actor, userId: user?.id ?? null, account: key }, {
      action: 'auth.login',
      entityType: 'account',
      entityId: key,
      after: { reason: !user ? 'unknown_account' : !ok ? 'wrong_password' : 'disabled' },
      outcome: 'failure',
    });
    throw invalidCredentials();
  }

  await ctx.db.deleteFrom('login_failure').where('account_key', '=', key).execute();
  await ctx.db.updateTable('app_user').set({ last_login_at: sql<Date>`now()` }).where('id', '=', user.id).execute();
  const session = await createSession(ctx, user.id, { ip: actor.ip, userAgent: actor.userAgent });
  await writeAudit(ctx.db, { ...actor, userId: user.id, account: user.account }, { action: 'auth.login', entityType: 'user', entityId: user.id });
  return { sessionToken: session.token, sessionHash: session.hash, userId: user.id };
}

export async function logOut(ctx: AppContext, principal: Principal, actor: AuditActor): Promise<void> {
  if (principal.sessionHash) await deleteSession(ctx.db, principal.sessionHash);
  await writeAudit(ctx.db, actor, { action: 'auth.logout', entityType: 'user', entityId: principal.userId });
  ctx.live.publish(sessionsEndedTopic(principal.userId), { sessionHash: principal.sessionHash });
}

export async function logOutEverywhere(ctx: AppContext, principal: Principal, actor: AuditActor): Promise<number> {
  const n = await deleteUserSessions(ctx.db, principal.userId);
  await writeAudit(ctx.db, actor, { action: 'auth.logout_all', entityType: 'user', entityId: principal.userId, after: { sessionsEnded: n } });
  ctx.live.publish(sessionsEndedTopic(principal.userId), { sessionHash: null });
  return n;
}

/** Sets a new password hash, keeps it in the history, and clears the must-change flag when it is the user's own change. */
export async function setPassword(ctx: AppContext, userId: string, password: string, opts: { mustChange: boolean }): Promise<void> {
  const hashed = await hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ password_hash: hashed, password_changed_at: sql<Date>`now()`, must_change_password: opts.mustChange, updated_at: sql<Date>`now()` })
      .where('id', '=', userId)
      .execute();
    await trx.insertInto('password_history').values({ user_id: userId, password_hash: hashed }).execute();
  });
}

export async function changePassword(
  ctx: AppContext,
  principal: Principal,
  input: { currentPassword: string; newPassword: string },
  actor: AuditActor,
): Promise<void> {
  const user = await ctx.db.selectFrom('app_user').select(['password_hash']).where('id', '=', principal.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    await writeAudit(ctx.db, actor, { action: 'auth.password_change', entityType: 'user', entityId: principal.userId, after: { reason: 'wrong_current' }, outcome: 'failure' });
    throw badRequest('AUTH_WRONG_PASSWORD', 'The current password is not correct');
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError('PASSWORD_POLICY', 400, 'The new password must differ from the current one', { reasons: ['reused'] });
  }
  await assertPasswordAcceptable(ctx.db, ctx.config.password, input.newPassword, principal.account, principal.userId);
  await setPassword(ctx, principal.userId, input.newPassword, { mustChange: false });
  // Other sessions end; this one stays.
  await ctx.db
    .deleteFrom('session')
    .where('user_id', '=', principal.userId)
    .$if(principal.sessionHash !== null, (qb) => qb.where('id_hash', '!=', principal.sessionHash as string))
    .execute();
  await writeAudit(ctx.db, actor, { action: 'auth.password_change', entityType: 'user', entityId: principal.userId });
}

function toApiToken(row: {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  created_at: Date;
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
}): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    expiresAt: row.expires_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

const TOKEN_COLUMNS = ['id', 'name', 'prefix', 'scopes', 'created_at', 'last_used_at', 'expires_at', 'revoked_at'] as const;

export async function listTokens(ctx: AppContext, principal: Principal): Promise<ApiToken[]> {
  const rows = await ctx.db
    .selectFrom('api_token')
    .select(TOKEN_COLUMNS)
    .where('user_id', '=', principal.userId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toApiToken);
}

export async function createToken(
  ctx: AppContext,
  principal: Principal,
  input: { name: string; scopes: string[]; expiresInDays?: number },
  actor: AuditActor,
): Promise<ApiToken & { token: string }> {
  const scopes = [...new Set(input.scopes)];
  const unknown = scopes.filter((s) => !isPermission(s));
  const notHeld = scopes.filter((s) => isPermission(s) && !principal.permissions.has(s));
  if (unknown.length > 0 || notHeld.length > 0) {
    throw badRequest('TOKEN_SCOPE_INVALID', 'A token can carry only permissions you hold', { unknown, notHeld });
  }
  const secret = newApiTokenSecret();
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  const row = await ctx.db
    .insertInto('api_token')
    .values({ user_id: principal.userId, name: input.name, prefix: secret.prefix, token_hash: secret.hash, scopes, expires_at: expiresAt })
    .returning(TOKEN_COLUMNS)
    .executeTakeFirstOrThrow();
  await writeAudit(ctx.db, actor, { action: 'auth.token.create', entityType: 'api_token', entityId: row.id, after: { name: row.name, scopes } });
  return { ...toApiToken(row), token: secret.token };
}

export async function revokeToken(ctx: AppContext, principal: Principal, id: string, actor: AuditActor): Promise<void> {
  const res = await ctx.db
    .updateTable('api_token')
    .set({ revoked_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('user_id', '=', principal.userId)
    .where('revoked_at', 'is', null)
    .returning(['id', 'name'])
    .executeTakeFirst();
  if (!res) throw notFound('token');
  await writeAudit(ctx.db, actor, { action: 'auth.token.revoke', entityType: 'api_token', entityId: id, before: { name: res.name } });
}
