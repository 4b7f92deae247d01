/**
 * First use of an account. activateAccount: the account name and the one-time code from the
 * handed-out sheet set the password. selfActivate: a member (or a household head) who is in the
 * directory proves who they are with name, phone and the ID number's last six characters,
 * checked against the keyed hashes the directory stores, and sets a password. Failures are
 * counted per person and per address; the errors never say whether a person or account exists.
 */
import { sql, type Transaction } from 'kysely';
import type { ActivateBody, ActivatedAccount, SelfActivateBody } from '../../../contracts/accounts';
import type { DB } from '../../db/schema';
import { writeAudit, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { idLast6Hash, normalizePhone } from '../../platform/crypto';
import { AppError } from '../../platform/errors';
import { assertPasswordAcceptable, burnVerify, hashPassword } from '../../platform/passwords';
import { freeAccountName, memberRoleScope, PENDING_PASSWORD_HASH, selectMembersForAccounts, takenAccountNames, takenPhoneHashes } from './accounts.repository';
import { activationCodeHash } from './bulk.service';

const invalidCode = () => new AppError('ACTIVATION_INVALID', 400, 'The account name or the activation code is not correct');
const notConfirmed = () =>
  new AppError('ACTIVATION_NOT_CONFIRMED', 400, 'These details could not be confirmed. Check them, or ask your community or unit; if you have an account already, log in.');

/** Refuses with 429 while a person or an address has too many recent failures. */
async function assertNotLocked(ctx: AppContext, keys: Array<{ key: string; max: number }>): Promise<void> {
  for (const { key, max } of keys) {
    const row = await ctx.db
      .selectFrom('activation_failure')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('first')])
      .where('key', '=', key)
      .where('at', '>', sql<Date>`now() - make_interval(mins => ${ctx.config.loginWindowMinutes})`)
      .executeTakeFirstOrThrow();
    if (Number(row.n) >= max && row.first) {
      const wait = Math.max(1, Math.ceil((new Date(row.first as unknown as string).getTime() + ctx.config.loginWindowMinutes * 60_000 - Date.now()) / 1000));
      throw new AppError('ACTIVATION_LOCKED', 429, 'Too many failed attempts; try again later', { retryAfterSeconds: wait }, { 'retry-after': String(wait) });
    }
  }
}

async function recordFailure(ctx: AppContext, keys: string[], actor: AuditActor, action: string, reason: string): Promise<void> {
  await ctx.db.insertInto('activation_failure').values(keys.map((key) => ({ key }))).execute();
  await writeAudit(ctx.db, { ...actor, userId: null }, { action, entityType: 'account', entityId: null, after: { reason }, outcome: 'failure' });
}

function limitKeys(ctx: AppContext, personKey: string, ip: string | null) {
  return [{ key: personKey, max: ctx.config.activationMaxFailures }, ...(ip ? [{ key: `ip:${ip}`, max: ctx.config.activationMaxFailuresPerAddress }] : [])];
}

/** Sets the first password of a pending account: history, activation time, the account's unused codes spent. */
async function setFirstPassword(trx: Transaction<DB>, userId: string, hashed: string): Promise<void> {
  await trx
    .updateTable('app_user')
    .set({ password_hash: hashed, password_changed_at: sql<Date>`now()`, must_change_password: false, activated_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where('id', '=', userId)
    .execute();
  await trx.insertInto('password_history').values({ user_id: userId, password_hash: hashed }).execute();
  await trx.updateTable('activation_code').set({ used_at: sql<Date>`now()` }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
}

export async function activateAccount(ctx: AppContext, input: ActivateBody, actor: AuditActor): Promise<ActivatedAccount> {
  const account = input.account.trim().toLowerCase();
  const keys = limitKeys(ctx, `account:${account}`, actor.ip);
  await assertNotLocked(ctx, keys);
  const row = await ctx.db
    .selectFrom('activation_code as c')
    .innerJoin('app_user as u', 'u.id', 'c.user_id')
    .select(['c.id', 'c.user_id', 'c.expires_at', 'c.used_at', 'u.account', 'u.status', sql<boolean>`u.password_hash <> ${PENDING_PASSWORD_HASH}`.as('has_password')])
    .where('c.code_hash', '=', activationCodeHash(ctx, input.code))
    .executeTakeFirst();
  if (!row || row.account.toLowerCase() !== account || row.status !== 'active') {
    await recordFailure(ctx, keys.map((k) => k.key), { ...actor, account }, 'account.activate', 'wrong_code');
    throw invalidCode();
  }
  if (row.used_at || row.has_password) throw new AppError('ACTIVATION_USED', 409, 'This activation code has been used; log in with your password');
  if (row.expires_at.getTime() <= Date.now()) throw new AppError('ACTIVATION_EXPIRED', 400, 'This activation code has expired; ask your community or unit for a new one');
  await assertPasswordAcceptable(ctx.db, ctx.config.password, input.password, row.account, row.user_id);
  const hashed = await hashPassword(input.password);
  await ctx.db.transaction().execute(async (trx) => {
    // The code is spent once: of two activations at the same moment, one wins.
    const spent = await trx.updateTable('activation_code').set({ used_at: sql<Date>`now()` }).where('id', '=', row.id).where('used_at', 'is', null).returning('id').executeTakeFirst();
    if (!spent) throw new AppError('ACTIVATION_USED', 409, 'This activation code has been used; log in with your password');
    await setFirstPassword(trx, row.user_id, hashed);
    await writeAudit(trx, { ...actor, userId: row.user_id, account: row.account }, { action: 'account.activate', entityType: 'user', entityId: row.user_id });
  });
  return { account: row.account };
}

interface Proven {
  kind: 'member' | 'resident';
  entityId: string;
  name: string;
  userId: string | null;
  account: string | null;
  initials: string;
  phoneHash: string | null;
  phoneEncrypted: string | null;
  phoneMasked: string | null;
  scope: { scope_type: 'organization' | 'region'; region_id: string | null; organization_id: string | null } | null;
}

async function findPerson(ctx: AppContext, input: SelfActivateBody, phoneHash: string): Promise<Proven | null> {
  const name = input.name.trim();
  const last6 = idLast6Hash(ctx.cipher, input.idLast6);
  if (input.kind === 'member') {
    const rows = await selectMembersForAccounts(ctx.db)
      .select(['m.phone_hash', 'm.id_last6_hash'])
      .where('m.phone_hash', '=', phoneHash)
      .where('m.name', '=', name)
      .where('m.id_last6_hash', '=', last6)
      .where('m.status', '=', 'active')
      .execute();
    const m = rows.length === 1 ? rows[0]! : null;
    if (!m || m.has_password) return null;
    return {
      kind: 'member',
      entityId: m.id,
      name: m.name,
      userId: m.user_id,
      account: m.account,
      initials: m.name_initials,
      phoneHash: m.phone_hash,
      phoneEncrypted: m.phone_encrypted,
      phoneMasked: m.phone_masked,
      scope: memberRoleScope(m),
    };
  }
  const rows = await ctx.db
    .selectFrom('household as h')
    .leftJoin('app_user as u', 'u.id', 'h.user_id')
    .select(['h.id', 'h.head_name', 'h.head_name_initials', 'h.community_id', 'h.user_id', 'h.head_phone_hash', 'h.head_phone_encrypted', 'h.head_phone_masked', 'u.account', sql<boolean>`coalesce(u.password_hash <> ${PENDING_PASSWORD_HASH}, false)`.as('has_password')])
    .where('h.head_phone_hash', '=', phoneHash)
    .where('h.head_name', '=', name)
    .where('h.head_id_last6_hash', '=', last6)
    .execute();
  const h = rows.length === 1 ? rows[0]! : null;
  if (!h || h.has_password) return null;
  return {
    kind: 'resident',
    entityId: h.id,
    name: h.head_name,
    userId: h.user_id,
    account: h.account,
    initials: h.head_name_initials,
    phoneHash: h.head_phone_hash,
    phoneEncrypted: h.head_phone_encrypted,
    phoneMasked: h.head_phone_masked,
    scope: { scope_type: 'region', region_id: h.community_id, organization_id: null },
  };
}

export async function selfActivate(ctx: AppContext, input: SelfActivateBody, actor: AuditActor): Promise<ActivatedAccount> {
  const phoneHash = ctx.cipher.hash(normalizePhone(input.phone));
  const keys = limitKeys(ctx, `person:${phoneHash}`, actor.ip);
  await assertNotLocked(ctx, keys);
  // The policy first: it depends only on the password, so it tells nothing about the person.
  await assertPasswordAcceptable(ctx.db, ctx.config.password, input.password, '');
  const person = await findPerson(ctx, input, phoneHash);
  if (!person?.scope) {
    // As slow as a success, so the answer's timing tells nothing either.
    await burnVerify(input.password);
    await recordFailure(ctx, keys.map((k) => k.key), actor, 'account.self_activate', 'not_confirmed');
    throw notConfirmed();
  }
  const hashed = await hashPassword(input.password);
  const account = await ctx.db.transaction().execute(async (trx) => {
    let userId = person.userId;
    let account = person.account;
    if (!userId) {
      const taken = await takenAccountNames(trx);
      const phoneFree = !!person.phoneHash && (await takenPhoneHashes(trx, [person.phoneHash])).size === 0;
      account = freeAccountName(person.initials, taken);
      const user = await trx
        .insertInto('app_user')
        .values({
          account,
          display_name: person.name,
          password_hash: PENDING_PASSWORD_HASH,
          phone_hash: phoneFree ? person.phoneHash : null,
          phone_encrypted: phoneFree ? person.phoneEncrypted : null,
          phone_masked: phoneFree ? person.phoneMasked : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      userId = user.id;
      await trx
        .insertInto('role_assignment')
        .values({ user_id: userId, role: person.kind, ...person.scope! })
        .execute();
      if (person.kind === 'member') {
        const linked = await trx.updateTable('member').set({ user_id: userId, updated_at: sql<Date>`now()` }).where('id', '=', person.entityId).where('user_id', 'is', null).returning('id').executeTakeFirst();
        if (!linked) throw notConfirmed();
      } else {
        const linked = await trx.updateTable('household').set({ user_id: userId, updated_at: sql<Date>`now()` }).where('id', '=', person.entityId).where('user_id', 'is', null).returning('id').executeTakeFirst();
        if (!linked) throw notConfirmed();
      }
    }
    await setFirstPassword(trx, userId, hashed);
    await writeAudit(trx, { ...actor, userId, account }, { action: 'account.self_activate', entityType: person.kind === 'member' ? 'member' : 'household', entityId: person.entityId, after: { userId, account } });
    return account!;
  });
  return { account };
}
