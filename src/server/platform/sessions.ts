/**
 * Server-side sessions and personal API tokens. The browser holds a random session id in an
 * httpOnly cookie; the database holds only its SHA-256. The CSRF token is an HMAC of the session
 * hash under the session secret, so it needs no storage. API tokens are stored hashed too.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { hmac, randomToken, sha256 } from './crypto';
import type { AppContext } from './context';
import { loadAssignments, permissionsOf, type Principal } from './principal';
import { principalCache } from './principal-cache';
import { passwordExpired } from '../../domain/access/password-policy';

export const SESSION_COOKIE = 'gj_session';
export const CSRF_COOKIE = 'gj_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const TOKEN_PREFIX = 'gj_';

/** How often last_seen_at is written: idle timeouts are exact to this many seconds. */
const TOUCH_SECONDS = 30;

/** The live topic (platform/live.ts) told when a user's sessions end: { sessionHash } for one, { sessionHash: null } for all. */
export const sessionsEndedTopic = (userId: string) => `sessions-ended:${userId}`;

/** Is the session still there and neither expired nor idle? (Reads only: an open stream does not keep it alive.) */
export async function sessionAlive(ctx: AppContext, hash: string): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select(['s.last_seen_at', 's.expires_at', 'u.status'])
    .where('s.id_hash', '=', hash)
    .executeTakeFirst();
  const now = Date.now();
  return !!row && row.status === 'active' && row.expires_at.getTime() > now && now - row.last_seen_at.getTime() <= ctx.config.sessionIdleMinutes * 60_000;
}

export function csrfTokenFor(ctx: AppContext, sessionHash: string): string {
  return hmac(ctx.secrets.sessionSecret, `csrf:${sessionHash}`);
}

export async function createSession(
  ctx: AppContext,
  userId: string,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; hash: string; expiresAt: Date }> {
  const token = randomToken(32);
  const hash = sha256(token);
  const expiresAt = new Date(Date.now() + ctx.config.sessionMaxHours * 3_600_000);
  await ctx.db
    .insertInto('session')
    .values({ id_hash: hash, user_id: userId, expires_at: expiresAt, ip: meta.ip, user_agent: meta.userAgent?.slice(0, 500) ?? null })
    .execute();
  return { token, hash, expiresAt };
}

export async function deleteSession(db: Kysely<DB>, hash: string): Promise<void> {
  await db.deleteFrom('session').where('id_hash', '=', hash).execute();
}

export async function deleteUserSessions(db: Kysely<DB>, userId: string): Promise<number> {
  const res = await db.deleteFrom('session').where('user_id', '=', userId).executeTakeFirst();
  return Number(res.numDeletedRows);
}

async function principalFor(
  ctx: AppContext,
  user: { id: string; account: string; display_name: string; phone_masked: string | null; status: 'active' | 'disabled'; must_change_password: boolean; password_changed_at: Date },
  via: { sessionHash: string } | { tokenId: string; scopes: string[] },
): Promise<Principal> {
  const assignments = await loadAssignments(ctx.db, [user.id]);
  const tokenScopes = 'tokenId' in via ? via.scopes : null;
  return {
    userId: user.id,
    account: user.account,
    displayName: user.display_name,
    phoneMasked: user.phone_masked,
    status: user.status,
    mustChangePassword: user.must_change_password || passwordExpired(user.password_changed_at, ctx.config.password.expiryDays),
    via: 'tokenId' in via ? 'token' : 'session',
    sessionHash: 'sessionHash' in via ? via.sessionHash : null,
    tokenId: 'tokenId' in via ? via.tokenId : null,
    assignments,
    permissions: permissionsOf(assignments, tokenScopes),
  };
}

/** What a principal needs of its user, for both sessions and tokens. */
const PRINCIPAL_USER_COLUMNS = ['u.id', 'u.account', 'u.display_name', 'u.phone_masked', 'u.status', 'u.must_change_password', 'u.password_changed_at'] as const;

/**
 * Resolves a session cookie to its principal; expired or idle sessions are removed and yield null.
 * A principal resolved in the last few seconds is reused when nothing that shapes it changed since
 * (platform/principal-cache.ts); last_seen_at is then written on the next database lookup.
 */
export async function principalFromSession(ctx: AppContext, token: string): Promise<Principal | null> {
  const hash = sha256(token);
  const cache = principalCache(ctx);
  const key = `s:${hash}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const readAt = cache.current();
  const row = await ctx.db
    .selectFrom('session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select(['s.last_seen_at', 's.expires_at', ...PRINCIPAL_USER_COLUMNS])
    .where('s.id_hash', '=', hash)
    .executeTakeFirst();
  if (!row) return null;
  const now = Date.now();
  const idleLimit = ctx.config.sessionIdleMinutes * 60_000;
  if (row.expires_at.getTime() <= now || now - row.last_seen_at.getTime() > idleLimit || row.status !== 'active') {
    await deleteSession(ctx.db, hash);
    return null;
  }
  if (now - row.last_seen_at.getTime() > TOUCH_SECONDS * 1000) {
    await ctx.db.updateTable('session').set({ last_seen_at: sql<Date>`now()` }).where('id_hash', '=', hash).execute();
  }
  const principal = await principalFor(ctx, row, { sessionHash: hash });
  cache.set(key, principal, readAt, row.expires_at.getTime());
  return principal;
}

export async function principalFromToken(ctx: AppContext, token: string): Promise<Principal | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const hash = sha256(token);
  const cache = principalCache(ctx);
  const key = `t:${hash}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const readAt = cache.current();
  const row = await ctx.db
    .selectFrom('api_token as t')
    .innerJoin('app_user as u', 'u.id', 't.user_id')
    .select(['t.id as token_id', 't.scopes', 't.last_used_at', 't.expires_at', ...PRINCIPAL_USER_COLUMNS])
    .where('t.token_hash', '=', hash)
    .where('t.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', sql<Date>`now()`)]))
    .executeTakeFirst();
  if (!row || row.status !== 'active') return null;
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > TOUCH_SECONDS * 1000) {
    await ctx.db.updateTable('api_token').set({ last_used_at: sql<Date>`now()` }).where('id', '=', row.token_id).execute();
  }
  const principal = await principalFor(ctx, row, { tokenId: row.token_id, scopes: row.scopes });
  cache.set(key, principal, readAt, row.expires_at ? row.expires_at.getTime() : Number.POSITIVE_INFINITY);
  return principal;
}

export function newApiTokenSecret(): { token: string; prefix: string; hash: string } {
  const token = `${TOKEN_PREFIX}${randomToken(32)}`;
  return { token, prefix: token.slice(0, 10), hash: sha256(token) };
}

/** Removes expired sessions, old login failures and stale locks. */
export async function sweepSessions(db: Kysely<DB>, idleMinutes: number, windowMinutes: number): Promise<void> {
  await db
    .deleteFrom('session')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', sql<Date>`now()`),
        eb('last_seen_at', '<', sql<Date>`now() - make_interval(mins => ${idleMinutes})`),
      ]),
    )
    .execute();
  await db.deleteFrom('login_failure').where('at', '<', sql<Date>`now() - make_interval(mins => ${windowMinutes})`).execute();
  await db.deleteFrom('login_lock').where('locked_until', '<', sql<Date>`now()`).execute();
}
