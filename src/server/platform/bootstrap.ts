/**
 * The first administrator. On an empty database the first start creates one: from
 * GONGJIAN_ADMIN_ACCOUNT / GONGJIAN_ADMIN_PASSWORD when set, otherwise `admin` with a generated
 * password that is printed once. The CLI's create-admin uses the same function.
 */
import { randomInt } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { checkPassword } from '../../domain/access/password-policy';
import type { PasswordPolicy } from '../config';
import type { DB } from '../db/schema';
import { writeAudit } from './audit';
import { hashPassword } from './passwords';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** A readable random password: four groups of four, with every character class. */
export function generatePassword(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `Gj-${group()}-${group()}-${group()}-${randomInt(10)}`;
}

export interface CreatedAdmin {
  id: string;
  account: string;
  password: string | null;
  created: boolean;
}

export async function countUsers(db: Kysely<DB>): Promise<number> {
  const { n } = await db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(n);
}

/**
 * Creates a system administrator (or, with `resetExisting`, sets the password of an existing
 * account and gives it the role). Returns the generated password when none was given.
 */
export async function createAdmin(
  db: Kysely<DB>,
  policy: PasswordPolicy,
  input: { account: string; password?: string | null; displayName?: string; resetExisting?: boolean },
): Promise<CreatedAdmin> {
  const password = input.password ?? generatePassword();
  const problems = checkPassword(password, policy, input.account);
  if (problems.length > 0) throw new Error(`The admin password does not meet the password policy: ${problems.join(', ')}`);
  const hashed = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('app_user').select('id').where(sql`lower(account)`, '=', input.account.toLowerCase()).executeTakeFirst();
    if (existing && !input.resetExisting) throw new Error(`The account ${input.account} exists already (use --reset to set its password)`);
    const id = existing
      ? (await trx
          .updateTable('app_user')
          .set({ password_hash: hashed, password_changed_at: sql`now()`, status: 'active', must_change_password: false })
          .where('id', '=', existing.id)
          .returning('id')
          .executeTakeFirstOrThrow()).id
      : (await trx
          .insertInto('app_user')
          .values({ account: input.account, display_name: input.displayName ?? '系统管理员', password_hash: hashed })
          .returning('id')
          .executeTakeFirstOrThrow()).id;
    await trx.insertInto('password_history').values({ user_id: id, password_hash: hashed }).execute();
    await trx
      .insertInto('role_assignment')
      .values({ user_id: id, role: 'system_admin', scope_type: 'system' })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await writeAudit(trx, { userId: null, account: 'cli', ip: null, userAgent: 'gongjian', requestId: null }, {
      action: existing ? 'user.admin_reset' : 'user.create_admin',
      entityType: 'user',
      entityId: id,
      after: { account: input.account, role: 'system_admin' },
    });
    return { id, account: input.account, password: input.password ? null : password, created: !existing };
  });
}

/** On an empty database, creates the first administrator. */
export async function ensureFirstAdmin(
  db: Kysely<DB>,
  policy: PasswordPolicy,
  configured: { account: string | null; password: string | null },
): Promise<CreatedAdmin | null> {
  if ((await countUsers(db)) > 0) return null;
  return createAdmin(db, policy, { account: configured.account ?? 'admin', password: configured.password });
}
