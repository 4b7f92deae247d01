/**
 * decideRegistrations: the community confirms or rejects hundreds of registrations in one request
 * (the chosen ids, or every pending one its queue's filter matches). All or nothing: each row is
 * checked first (visible, in the caller's decide scope, pending); a refused row fails the request
 * with a report per refused row. The writes are set-based (one UPDATE for all rows, card numbers
 * drawn from the sequence in one query, audit and notification rows in batches), so a county's
 * thousands of members are confirmed in one short transaction.
 */
import { sql, type SqlBool } from 'kysely';
import type { BulkRegistrationDecision, BulkRegistrationDecisionBody } from '../../../contracts/registration';
import { cardNumber, nextRegistrationStatus } from '../../../domain/registration/lifecycle';
import { writeAuditMany, type AuditActor } from '../../platform/audit';
import { BULK_MAX_ROWS, bulkRefused, uniqueIds, type BulkRefusal } from '../../platform/bulk';
import type { AppContext } from '../../platform/context';
import { badRequest, conflict, forbidden } from '../../platform/errors';
import { notifyMany } from '../../platform/notifications';
import type { Principal } from '../../platform/principal';
import { inReach as reachCondition } from '../../platform/scope';
import { announceResidenceChanges, correctResidences, type ResidenceChange } from '../directory';
import { inReach, reachOf } from './registration.policy';
import { CARD_PREFIX, filterRegistrations, selectRegistrations } from './registrations.service';

/** Regions the caller decides in (community staff and above), as a condition on `c.path`. */
function inDecideReach(principal: Principal) {
  const reach = reachOf(principal, 'registration.decide');
  return { all: reach.all, paths: reach.all ? [] : reach.regionPaths, where: reachCondition(reach, { region: 'c.path' }) };
}

export async function decideRegistrations(ctx: AppContext, principal: Principal, input: BulkRegistrationDecisionBody, actor: AuditActor): Promise<BulkRegistrationDecision> {
  if (!input.ids === !input.filter) throw badRequest('BULK_TARGET', 'Name the registrations by ids or by a filter (one of the two)', [{ path: 'body/ids', message: 'ids or filter, not both' }]);
  const reason = input.reason?.trim() ?? '';
  if (input.decision === 'reject' && reason.length < 2) throw badRequest('REASON_REQUIRED', 'A rejection needs a reason', [{ path: 'body/reason', message: 'is required to reject' }]);
  const decide = inDecideReach(principal);
  if (!decide.all && !decide.paths.length) throw forbidden('Only the community confirms or rejects', { permission: 'registration.decide' });

  const base = selectRegistrations(ctx.db).select(sql<boolean>`${inReach(reachOf(principal, 'registration.read'), { member: true })}`.as('visible'));
  let rows;
  if (input.ids) {
    const ids = uniqueIds(input.ids);
    const found = await base.where(sql<SqlBool>`r.id = any(${ids}::uuid[])`).execute();
    const byId = new Map(found.map((r) => [r.id, r]));
    const refused: BulkRefusal[] = [];
    for (const id of ids) {
      const r = byId.get(id);
      if (!r || !r.visible) refused.push({ id, code: 'NOT_FOUND', status: null });
      else if (!decide.all && !decide.paths.some((p) => r.community_path.startsWith(p))) refused.push({ id, code: 'FORBIDDEN', status: null });
      else if (!nextRegistrationStatus(r.status, input.decision)) refused.push({ id, code: 'REGISTRATION_STATE', status: r.status });
    }
    if (refused.length) throw bulkRefused(ids.length, refused);
    rows = ids.map((id) => byId.get(id)!);
  } else {
    rows = await filterRegistrations(base.where(decide.where), { ...input.filter, status: 'pending' }, principal)
      .where(inReach(reachOf(principal, 'registration.read'), { member: true }))
      .orderBy('r.applied_at')
      .orderBy('r.id')
      .limit(BULK_MAX_ROWS + 1)
      .execute();
    if (rows.length > BULK_MAX_ROWS) throw badRequest('BULK_TOO_LARGE', `At most ${BULK_MAX_ROWS} registrations in one request; narrow the filter`, [{ path: 'body/filter', message: 'matches too many' }]);
  }
  if (rows.length === 0) return { decided: 0, items: [] };

  const ids = rows.map((r) => r.id);
  let moved: ResidenceChange[] = [];
  const result = await ctx.db.transaction().execute(async (trx) => {
    let cards: string[] = [];
    if (input.decision === 'confirm') {
      const seqs = await sql<{ seq: string }>`select nextval('registration_card_seq') as seq from generate_series(1, ${rows.length}::int)`.execute(trx);
      cards = rows.map((r, i) => cardNumber(CARD_PREFIX, Number(r.cycle_starts_on.slice(0, 4)), Number(seqs.rows[i]!.seq)));
      const done = await sql`
        update registration r set status = 'confirmed', decided_by = ${principal.userId}, decided_at = now(), card_no = v.card_no
        from unnest(${ids}::uuid[], ${cards}::text[]) as v(id, card_no)
        where r.id = v.id and r.status = 'pending'`.execute(trx);
      if (Number(done.numAffectedRows ?? 0) !== rows.length) throw conflict('REGISTRATION_STATE', 'Some registrations were decided meanwhile; nothing was changed');
      // Members who said the directory had the wrong residence: confirming asks the directory to correct it.
      moved = await correctResidences(
        trx,
        rows.flatMap((r) => (r.residence_correction && r.member_id ? [{ memberId: r.member_id, communityId: r.community_id, registrationId: r.id }] : [])),
        actor,
      );
      await writeAuditMany(trx, actor, rows.map((r, i) => ({ action: 'registration.confirm', entityType: 'registration', entityId: r.id, after: { cardNo: cards[i], bulk: true } })));
      await notifyMany(
        trx,
        rows.flatMap((r, i) => (r.member_user_id ? [{ userId: r.member_user_id, kind: 'registration.confirmed' as const, params: { communityName: r.community_name, cardNo: cards[i]! }, link: '/registration/me' }] : [])),
      );
    } else {
      const done = await sql`
        update registration set status = 'rejected', decided_by = ${principal.userId}, decided_at = now(), reject_reason = ${reason}
        where id = any(${ids}::uuid[]) and status = 'pending'`.execute(trx);
      if (Number(done.numAffectedRows ?? 0) !== rows.length) throw conflict('REGISTRATION_STATE', 'Some registrations were decided meanwhile; nothing was changed');
      await writeAuditMany(trx, actor, rows.map((r) => ({ action: 'registration.reject', entityType: 'registration', entityId: r.id, after: { reason, bulk: true } })));
      await notifyMany(
        trx,
        rows.flatMap((r) => (r.member_user_id ? [{ userId: r.member_user_id, kind: 'registration.rejected' as const, params: { communityName: r.community_name, reason }, link: '/registration/me' }] : [])),
      );
    }
    return {
      decided: rows.length,
      items: rows.map((r, i) => ({ id: r.id, status: input.decision === 'confirm' ? ('confirmed' as const) : ('rejected' as const), cardNo: cards[i] ?? null })),
    };
  });
  await announceResidenceChanges(ctx, moved, actor);
  return result;
}
