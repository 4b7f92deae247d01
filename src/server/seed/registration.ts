/**
 * The demo city's programme front door: two registration cycles (this half-year and the last),
 * pairings of every unit with the communities where its members live, agreements in every state,
 * and registrations of units and members — most confirmed with cards, some pending, a few
 * rejected. Deterministic and idempotent (a marker in app_setting). The demo `member` account has
 * not reported in for the current cycle, so that it can try.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { writeAudit } from '../platform/audit';
import { localDate } from '../platform/time';
import { rng } from './city';
import { stableId } from './demo';

const MARKER = 'demo_registration';
const FILED_WITH = '临江市精神文明建设委员会办公室';


const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (date: string, days: number) => iso(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000));

/** This half-year and the previous one, from a date. */
export function demoCycles(todayIso: string) {
  const year = Number(todayIso.slice(0, 4));
  const firstHalf = Number(todayIso.slice(5, 7)) <= 6;
  const current = firstHalf
    ? { name: `${year}年上半年`, starts_on: `${year}-01-01`, ends_on: `${year}-06-30` }
    : { name: `${year}年下半年`, starts_on: `${year}-07-01`, ends_on: `${year}-12-31` };
  const previous = firstHalf
    ? { name: `${year - 1}年下半年`, starts_on: `${year - 1}-07-01`, ends_on: `${year - 1}-12-31` }
    : { name: `${year}年上半年`, starts_on: `${year}-01-01`, ends_on: `${year}-06-30` };
  return { current: { ...current, id: stableId(`cycle:${current.name}`) }, previous: { ...previous, id: stableId(`cycle:${previous.name}`) } };
}

async function chunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>, size = 500) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

export async function seedRegistration(db: Kysely<DB>, todayIso = localDate()): Promise<{ seeded: boolean; counts: Record<string, number> }> {
  const done = await db.selectFrom('app_setting').select('value').where('key', '=', MARKER).executeTakeFirst();
  if (done) return { seeded: false, counts: done.value as Record<string, number> };
  const random = rng(20261122);
  const { current, previous } = demoCycles(todayIso);
  const memberUserId = stableId('user:member');

  return db.transaction().execute(async (trx) => {
    await trx.insertInto('registration_cycle').values([current, previous]).onConflict((oc) => oc.doNothing()).execute();

    // Units pair with the one or two communities where most of their members live.
    const homes = await trx
      .selectFrom('member as m')
      .innerJoin('organization as u', 'u.id', 'm.employer_org_id')
      .select(['m.employer_org_id as unit_id', 'm.residence_region_id as community_id', sql<number>`count(*)`.as('n')])
      .where('u.kind', '=', 'unit')
      .where('m.residence_region_id', 'is not', null)
      .groupBy(['m.employer_org_id', 'm.residence_region_id'])
      .orderBy('m.employer_org_id')
      .orderBy(sql`count(*)`, 'desc')
      .orderBy('m.residence_region_id')
      .execute();
    const byUnit = new Map<string, string[]>();
    for (const h of homes) {
      const list = byUnit.get(h.unit_id!) ?? [];
      if (list.length < 2 && (list.length === 0 || Number(h.n) >= 5)) list.push(h.community_id!);
      byUnit.set(h.unit_id!, list);
    }
    const communityOrgs = await trx.selectFrom('organization').select(['name', 'region_id']).where('kind', '=', 'community').execute();
    const units = await trx.selectFrom('organization').select(['id', 'name']).where('kind', '=', 'unit').execute();
    const communities = await trx.selectFrom('region').select(['id', 'name', 'village']).where('kind', '=', 'community').execute();
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const communityById = new Map(communities.map((c) => [c.id, c]));

    const pairings: Array<{ id: string; unit_org_id: string; community_id: string; status: 'active' | 'proposed'; proposed_by_side: 'supervisor' | 'unit'; decided_at: Date | null; created_at: Date }> = [];
    for (const [unitId, list] of byUnit) {
      for (const communityId of list) {
        pairings.push({ id: stableId(`pairing:${unitId}:${communityId}`), unit_org_id: unitId, community_id: communityId, status: 'active', proposed_by_side: 'supervisor', decided_at: new Date(`${previous.starts_on}T09:00:00Z`), created_at: new Date(`${previous.starts_on}T09:00:00Z`) });
      }
    }
    // One proposal waits for its community, to show the flow.
    const waiting = units.find((u) => !byUnit.get(u.id)?.includes(communities[0]!.id));
    if (waiting) pairings.push({ id: stableId(`pairing:${waiting.id}:${communities[0]!.id}`), unit_org_id: waiting.id, community_id: communities[0]!.id, status: 'proposed', proposed_by_side: 'unit', decided_at: null, created_at: new Date(`${current.starts_on}T09:00:00Z`) });
    await chunks(pairings, (c) => trx.insertInto('pairing').values(c).onConflict((oc) => oc.doNothing()).execute());

    // Agreements: most in force for two years, some drafts, some signed by one side, some expired.
    const agreements = [];
    const tasks = [];
    for (const p of pairings.filter((x) => x.status === 'active')) {
      const r = random();
      if (r > 0.93) continue; // a few pairs have no agreement yet
      const c = communityById.get(p.community_id)!;
      const partyA = communityOrgs.find((o) => o.region_id === p.community_id)?.name ?? `${c.name}党组织`;
      const partyB = unitName.get(p.unit_org_id)!;
      const expired = r > 0.88;
      // A few agreements run out within the month, so that the renewal reminders have work.
      const expiringSoon = r >= 0.1 && r < 0.14;
      const termStart = expired ? addDays(previous.starts_on, -730) : expiringSoon ? addDays(todayIso, 20 - 729) : addDays(previous.starts_on, -Math.floor(random() * 300));
      const termEnd = addDays(termStart, 730 - 1);
      const state = r < 0.05 ? 'draft' : r < 0.1 ? 'signed_by_one' : 'signed_by_both';
      const id = stableId(`agreement:${p.id}`);
      agreements.push({
        id,
        pairing_id: p.id,
        title: `${partyB}与${partyA}结对共建协议书`,
        party_a: partyA,
        party_b: partyB,
        term_start: termStart,
        term_end: termEnd,
        goals: `围绕${c.name}居民所需、${partyB}所能，推动组织共建、资源共享、活动共办、难题共解，助力${c.village ? '乡村振兴' : '基层治理'}。`,
        principles: '坚持党建引领、优势互补、共驻共建、务实高效的原则。',
        filed_with: FILED_WITH,
        end_condition: c.village ? '村未脱贫不脱钩' : null,
        status: state as 'draft' | 'signed_by_one' | 'signed_by_both',
        signatory_a: state === 'draft' ? null : '社区党委书记',
        signed_a_at: state === 'draft' ? null : new Date(`${termStart}T10:00:00Z`),
        signatory_b: state === 'signed_by_both' ? '单位党组织书记' : null,
        signed_b_at: state === 'signed_by_both' ? new Date(`${termStart}T11:00:00Z`) : null,
        created_at: new Date(`${addDays(termStart, -10)}T09:00:00Z`),
      });
      tasks.push(
        { agreement_id: id, side: 'a' as const, description: '每季度向乙方提供需求清单，组织居民参与共建活动', owner: '社区党委', due_on: null, sort_order: 0 },
        { agreement_id: id, side: 'a' as const, description: '为在职党员报到、服务提供场地和岗位', owner: '社区党委', due_on: null, sort_order: 1 },
        { agreement_id: id, side: 'b' as const, description: '每季度至少开展1次集中志愿服务活动', owner: partyB, due_on: null, sort_order: 2 },
        { agreement_id: id, side: 'b' as const, description: '每年认领共建项目不少于2个，帮助解决1—2个实际困难', owner: partyB, due_on: addDays(termStart, 364), sort_order: 3 },
      );
    }
    await chunks(agreements, (c) => trx.insertInto('agreement').values(c).onConflict((oc) => oc.doNothing()).execute());
    await chunks(tasks, (c) => trx.insertInto('agreement_task').values(c).execute());

    // Registrations: units to their paired communities, in-service members where they live.
    const cardSql = (year: string) => sql<string>`${`GJ${year}-`} || lpad(nextval('registration_card_seq')::text, 6, '0')`;
    const regs: Array<Record<string, unknown>> = [];
    const decided = (cycle: typeof current, r: number) => {
      const last = cycle.ends_on < todayIso ? cycle.ends_on : todayIso;
      const span = Math.max(1, Math.round((Date.parse(last) - Date.parse(cycle.starts_on)) / 86_400_000));
      return new Date(Date.parse(`${cycle.starts_on}T08:00:00Z`) + Math.floor(r * span) * 86_400_000 + 3_600_000 * 9);
    };
    const add = (cycle: typeof current, kind: 'unit' | 'member', status: 'confirmed' | 'pending' | 'rejected', v: { unit: string | null; member: string | null; community: string }) => {
      const at = decided(cycle, random());
      regs.push({
        id: stableId(`registration:${cycle.id}:${kind}:${v.member ?? v.unit}:${v.community}`),
        kind,
        cycle_id: cycle.id,
        unit_org_id: v.unit,
        member_id: v.member,
        community_id: v.community,
        status,
        applied_at: new Date(at.getTime() - 86_400_000),
        decided_at: status === 'pending' ? null : at,
        reject_reason: status === 'rejected' ? '居住地与名录不符，请先核实居住社区' : null,
        card_no: status === 'confirmed' ? cardSql(cycle.starts_on.slice(0, 4)) : null,
      });
    };
    for (const p of pairings.filter((x) => x.status === 'active')) {
      add(previous, 'unit', 'confirmed', { unit: p.unit_org_id, member: null, community: p.community_id });
      const r = random();
      if (r < 0.8) add(current, 'unit', 'confirmed', { unit: p.unit_org_id, member: null, community: p.community_id });
      else if (r < 0.9) add(current, 'unit', 'pending', { unit: p.unit_org_id, member: null, community: p.community_id });
    }
    const members = await trx
      .selectFrom('member')
      .select(['id', 'employer_org_id', 'residence_region_id', 'user_id'])
      .where('status', '=', 'active')
      .where('is_party_member', '=', true)
      .where('employer_org_id', 'is not', null)
      .where('residence_region_id', 'is not', null)
      .orderBy('id')
      .execute();
    for (const m of members) {
      const v = { unit: m.employer_org_id, member: m.id, community: m.residence_region_id! };
      if (random() < 0.9) add(previous, 'member', 'confirmed', v);
      if (m.user_id === memberUserId) continue; // the demo member reports in by hand
      const r = random();
      if (r < 0.65) add(current, 'member', 'confirmed', v);
      else if (r < 0.73) add(current, 'member', 'pending', v);
      else if (r < 0.75) add(current, 'member', 'rejected', v);
    }
    await chunks(regs, (c) => trx.insertInto('registration').values(c as never).onConflict((oc) => oc.doNothing()).execute());

    const counts = { registration_cycle: 2, pairing: pairings.length, agreement: agreements.length, agreement_task: tasks.length, registration: regs.length };
    await trx.insertInto('app_setting').values({ key: MARKER, value: JSON.stringify(counts) }).execute();
    await writeAudit(trx, { userId: null, account: 'seed', ip: null, userAgent: 'gongjian seed', requestId: null }, { action: 'demo.registration.seed', entityType: 'demo', entityId: 'registration', after: counts });
    return { seeded: true, counts };
  });
}
