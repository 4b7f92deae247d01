/**
 * Who hears what in the three lists: an assignee is told of the assignment, the claimants of a
 * project are told when the community signs it off or sends it back (with the reason). In-app
 * notifications (platform/notifications.ts), written in the same transaction as the change.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { notifyMany } from '../../platform/notifications';

type Db = Kysely<DB> | Transaction<DB>;

/** The accounts that answer for a claimant: the unit's administrators, or the member's own account. */
async function usersOf(db: Db, party: { unitOrgId: string | null; memberId: string | null }): Promise<string[]> {
  if (party.unitOrgId) {
    const rows = await db.selectFrom('role_assignment').select('user_id').where('organization_id', '=', party.unitOrgId).where('role', '=', 'unit_admin').execute();
    return [...new Set(rows.map((r) => r.user_id))];
  }
  if (party.memberId) {
    const row = await db.selectFrom('member').select('user_id').where('id', '=', party.memberId).executeTakeFirst();
    return row?.user_id ? [row.user_id] : [];
  }
  return [];
}

export async function noticeAssigned(db: Db, project: { id: string; title: string }, party: { unitOrgId: string | null; memberId: string | null }): Promise<void> {
  const users = await usersOf(db, party);
  await notifyMany(
    db,
    users.map((userId) => ({ userId, kind: 'lists.claim.assigned' as const, params: { projectTitle: project.title }, link: `/lists/projects/${project.id}` })),
  );
}

export async function noticeSignOff(db: Db, project: { id: string; title: string }, decision: 'approve' | 'send_back', reason: string | null): Promise<void> {
  const claims = await db.selectFrom('project_claim').select(['unit_org_id', 'member_id']).where('project_id', '=', project.id).where('status', '=', 'active').execute();
  const users = new Set<string>();
  for (const c of claims) for (const u of await usersOf(db, { unitOrgId: c.unit_org_id, memberId: c.member_id })) users.add(u);
  await notifyMany(
    db,
    [...users].map((userId) => ({
      userId,
      ...(decision === 'approve' ? { kind: 'lists.project.signed_off' as const, params: { projectTitle: project.title } } : { kind: 'lists.project.sent_back' as const, params: { projectTitle: project.title, reason: reason ?? '' } }),
      link: `/lists/projects/${project.id}`,
    })),
  );
}
