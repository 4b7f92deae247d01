/** argon2id hashing (OWASP parameters: 19 MiB, 2 passes, 1 lane) and policy checks with history. */
import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import { checkPassword, type PasswordProblem } from '../../domain/access/password-policy';
import type { PasswordPolicy } from '../config';
import type { DB } from '../db/schema';
import { AppError } from './errors';

/** algorithm 2 is Argon2id (a const enum in the typings, which isolated modules cannot read). */
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  // An account not activated yet has no argon2 hash: it never verifies, and takes as long as one that does.
  if (!hashed.startsWith('$argon2')) {
    await burnVerify(password);
    return false;
  }
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;
/** Verifies against a throw-away hash so that an unknown account takes as long as a known one. */
export async function burnVerify(password: string): Promise<void> {
  dummyHash ??= hashPassword('gongjian-timing-equaliser');
  await verifyPassword(await dummyHash, password);
}

const HISTORY_DEPTH = 5;

/** Throws PASSWORD_POLICY (400) with the reasons when a new password breaks the policy or repeats a recent one. */
export async function assertPasswordAcceptable(
  db: Kysely<DB>,
  policy: PasswordPolicy,
  password: string,
  account: string,
  userId?: string,
): Promise<void> {
  const all: Array<PasswordProblem | 'reused'> = checkPassword(password, policy, account);
  if (userId && all.length === 0) {
    const recent = await db
      .selectFrom('password_history')
      .select('password_hash')
      .where('user_id', '=', userId)
      .orderBy('changed_at', 'desc')
      .limit(HISTORY_DEPTH)
      .execute();
    for (const r of recent) {
      if (await verifyPassword(r.password_hash, password)) {
        all.push('reused');
        break;
      }
    }
  }
  if (all.length > 0) {
    throw new AppError('PASSWORD_POLICY', 400, 'The password does not meet the password policy', {
      reasons: all,
      minLength: policy.minLength,
      requireClasses: policy.requireClasses,
    });
  }
}
