/**
 * Export of the member and household lists a user can see, as .xlsx with the same columns as the
 * import templates (so an export can be edited and imported back). Personal data is masked unless
 * the caller asks for full values and holds the reveal permission; a full export is audited with
 * its row count.
 */
import type { HouseholdsQuery, MembersQuery } from '../../../contracts/directory';
import { writeAudit, type AuditActor } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import { forbidden } from '../../platform/errors';
import { can, type Principal } from '../../platform/principal';
import { writeSheet } from '../../platform/xlsx';
import { directoryReach } from './directory.policy';
import { filteredHouseholds, householdsWithTags } from './households.service';
import { COLUMNS, TAGS } from './import.service';
import { filteredMembers } from './members.service';

const MAX_EXPORT_ROWS = 50_000;
const STATUS_ZH: Record<string, string> = { active: '在册', transferred: '已转出', deceased: '已故', left: '已离开' };
const TAG_ZH = Object.fromEntries(Object.entries(TAGS).map(([zh, code]) => [code, zh]));

function decryptOr(ctx: AppContext, full: boolean, encrypted: string | null, masked: string | null): string {
  if (!full) return masked ?? '';
  return encrypted ? ctx.cipher.decrypt(encrypted) : '';
}

export async function exportMembers(ctx: AppContext, principal: Principal, query: MembersQuery, full: boolean, actor: AuditActor): Promise<Buffer> {
  if (full && !can(principal, 'directory.member.reveal')) throw forbidden('A full export needs the reveal permission', { permission: 'directory.member.reveal' });
  const reach = directoryReach(principal, 'directory.member.read');
  if (full) {
    // Full values only for the members the reveal permission reaches.
    const revealReach = directoryReach(principal, 'directory.member.reveal');
    Object.assign(reach, revealReach);
  }
  const rows = await filteredMembers(ctx, reach, query)
    .select(['m.phone_encrypted', 'm.id_number_encrypted'])
    .orderBy('rr.name')
    .orderBy('m.name_initials')
    .limit(MAX_EXPORT_ROWS)
    .execute();
  const data = rows.map((r) => [
    r.name,
    r.gender === 'male' ? '男' : r.gender === 'female' ? '女' : '',
    r.birth_date ?? '',
    decryptOr(ctx, full, r.phone_encrypted, r.phone_masked),
    decryptOr(ctx, full, r.id_number_encrypted, r.id_number_masked),
    r.is_party_member ? '是' : '否',
    r.party_joined_on ?? '',
    r.employer_name ?? '',
    r.residence_name ?? '',
    r.grid_name ?? '',
    r.building_name ?? '',
    r.skills.join('、'),
    STATUS_ZH[r.status] ?? r.status,
  ]);
  await writeAudit(ctx.db, actor, { action: 'member.export', entityType: 'member', entityId: null, after: { rows: data.length, full, filters: query } });
  return writeSheet('党员', COLUMNS.members.map((c) => ({ header: c.header })), data);
}

export async function exportHouseholds(ctx: AppContext, principal: Principal, query: HouseholdsQuery, full: boolean, actor: AuditActor): Promise<Buffer> {
  if (full && !can(principal, 'directory.household.reveal')) throw forbidden('A full export needs the reveal permission', { permission: 'directory.household.reveal' });
  const rows = await filteredHouseholds(ctx, principal, query)
    .select(['h.head_phone_encrypted', 'h.head_id_number_encrypted'])
    .orderBy('hc.name')
    .orderBy('h.building_id')
    .orderBy('h.unit_no')
    .orderBy('h.room')
    .limit(MAX_EXPORT_ROWS)
    .execute();
  const withTags = await householdsWithTags(ctx, rows);
  const data = rows.map((r, i) => [
    r.community_name,
    r.grid_name ?? '',
    r.building_name ?? '',
    r.unit_no ?? '',
    r.room ?? '',
    r.head_name,
    decryptOr(ctx, full, r.head_phone_encrypted, r.head_phone_masked),
    decryptOr(ctx, full, r.head_id_number_encrypted, r.head_id_number_masked),
    String(r.people_count),
    withTags[i]!.tags.map((t) => TAG_ZH[t.tag] ?? t.tag).join('、'),
    r.is_lead_household ? '是' : '否',
    r.notes ?? '',
  ]);
  await writeAudit(ctx.db, actor, { action: 'household.export', entityType: 'household', entityId: null, after: { rows: data.length, full, filters: query } });
  return writeSheet('住户', COLUMNS.households.map((c) => ({ header: c.header })), data);
}
