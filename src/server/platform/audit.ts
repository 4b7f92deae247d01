/**
 * The audit log: every write and every authentication event, with who, when, from where, what,
 * and the before/after values with personal data masked. Rows are append-only (a trigger refuses
 * updates and deletes except the retention purge below).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuditOutcome, DB } from '../db/schema';
import { maskIdNumber, maskPhone } from './crypto';

export interface AuditActor {
  userId: string | null;
  account: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface AuditEntry {
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  outcome?: AuditOutcome;
}

const SECRET_KEY = /(password|secret|token|hash|encrypted|csrf|cookie)/i;
const PHONE_KEY = /phone/i;
const ID_KEY = /^(id_?number|idNumber|id_card|idCard)$/i;

/** Masks personal data and drops secrets from a value before it is written to the audit log. */
export function maskForAudit(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined || depth > 8) return value ?? null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => maskForAudit(v, depth + 1));
  if (typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (SECRET_KEY.test(key)) {
      if (v !== null && v !== undefined) out[key] = '[redacted]';
      continue;
    }
    if (typeof v === 'string' && PHONE_KEY.test(key) && !/masked/i.test(key)) out[key] = maskPhone(v);
    else if (typeof v === 'string' && ID_KEY.test(key)) out[key] = maskIdNumber(v);
    else out[key] = maskForAudit(v, depth + 1);
  }
  return out;
}

function auditValues(actor: AuditActor, entry: AuditEntry) {
  return {
    actor_user_id: actor.userId,
    actor_account: actor.account,
    ip: actor.ip,
    user_agent: actor.userAgent ? actor.userAgent.slice(0, 500) : null,
    request_id: actor.requestId,
    action: entry.action,
    entity_type: entry.entityType ?? null,
    entity_id: entry.entityId ?? null,
    before: entry.before === undefined ? null : JSON.stringify(maskForAudit(entry.before)),
    after: entry.after === undefined ? null : JSON.stringify(maskForAudit(entry.after)),
    outcome: entry.outcome ?? 'success',
  };
}

export async function writeAudit(db: Kysely<DB> | Transaction<DB>, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_event').values(auditValues(actor, entry)).execute();
}

/** Many audit rows from one actor (a bulk decision audits each row), 1,000 to a statement. */
export async function writeAuditMany(db: Kysely<DB> | Transaction<DB>, actor: AuditActor, entries: readonly AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 1000) {
    await db
      .insertInto('audit_event')
      .values(entries.slice(i, i + 1000).map((entry) => auditValues(actor, entry)))
      .execute();
  }
}

/** Deletes audit rows older than the retention period; the only way rows ever leave the log. */
export async function purgeAudit(db: Kysely<DB>, retentionDays: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('gongjian.audit_purge', 'on', true)`.execute(trx);
    const res = await trx
      .deleteFrom('audit_event')
      .where('at', '<', sql<Date>`now() - make_interval(days => ${retentionDays})`)
      .executeTakeFirst();
    return Number(res.numDeletedRows);
  });
}
