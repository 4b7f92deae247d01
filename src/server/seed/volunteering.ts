/**
 * The demo city's volunteering season: from the start of the previous quarter to six weeks ahead,
 * every community publishes a weekend service and a weekday evening activity each week, every unit
 * holds one concentrated activity a quarter; residents sign up (the popular ones fill up and keep a
 * waitlist), most turn up and scan in and out, so the ledger has hours by scan, code and organiser,
 * some supplementary entries (approved or waiting) and a few corrections. The demo `member` (陈晓明)
 * has hours, a certificate, an upcoming sign-up and upcoming activities to join. Deterministic for
 * a given day and idempotent (a marker in app_setting); rows go in in large chunks to stay fast.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import { certificateNumber } from '../../domain/volunteering/certificate';
import { quarterDates, quarterOf } from '../../domain/volunteering/calendar';
import type { ActivityKind, DB, Eligibility, HourEntryTable, HourRequestTable, RecordMethod, VolunteerActivityTable, VolunteerSignupTable } from '../db/schema';
import { writeAudit } from '../platform/audit';
import { localDate } from '../platform/time';
import { CITY_FIXED, Rng } from './city';
import { stableId } from './demo';

const MARKER = 'demo_volunteering';

const WEEKEND: ReadonlyArray<{ kind: ActivityKind; title: string; place: string; hours: number; capacity: [number, number]; skills: string[] }> = [
  { kind: 'clean_up', title: '清洁家园环境整治', place: '小区中心广场', hours: 2, capacity: [20, 40], skills: [] },
  { kind: 'health_clinic', title: '党员义诊进社区', place: '社区卫生服务站门前', hours: 3, capacity: [8, 15], skills: ['医疗'] },
  { kind: 'legal_aid', title: '法律咨询便民服务', place: '社区党群服务中心一楼', hours: 2, capacity: [4, 8], skills: ['法律咨询'] },
  { kind: 'volunteer_service', title: '关爱空巢老人上门服务', place: '社区党群服务中心集合', hours: 3, capacity: [10, 20], skills: ['陪护'] },
  { kind: 'volunteer_service', title: '便民理发与家电维修', place: '社区文化广场', hours: 3, capacity: [6, 12], skills: ['电脑维修', '理发'] },
];
const WEEKDAY: ReadonlyArray<{ kind: ActivityKind; title: string; place: string; hours: number; capacity: [number, number]; skills: string[] }> = [
  { kind: 'civility_patrol', title: '文明劝导夜间巡逻', place: '社区警务室集合', hours: 2, capacity: [8, 16], skills: [] },
  { kind: 'lecture', title: '党的创新理论宣讲', place: '社区党群服务中心会议室', hours: 1.5, capacity: [30, 60], skills: ['政策宣讲'] },
  { kind: 'party_day', title: '主题党日活动', place: '社区党群服务中心会议室', hours: 2, capacity: [30, 60], skills: [] },
  { kind: 'training', title: '应急救护技能培训', place: '社区党群服务中心二楼', hours: 2, capacity: [20, 30], skills: [] },
];
const UNIT_TITLES = ['下沉社区集中志愿服务日', '“我为群众办实事”集中服务', '共建单位集中服务活动'];

const pad = (n: number) => String(n).padStart(2, '0');
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** The instant of a Beijing wall-clock time (UTC+8, no daylight saving). */
const beijing = (date: string, hour: number, minute = 0) => new Date(Date.parse(`${date}T${pad(hour)}:${pad(minute)}:00+08:00`));
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/**
 * Inserts many rows as one JSON parameter per chunk (json_populate_recordset): far faster than
 * thousands of bound parameters on PGlite. Every row names the same columns.
 */
async function insertMany(trx: Transaction<DB>, table: keyof DB & string, rows: ReadonlyArray<Record<string, unknown>>, size = 5000): Promise<void> {
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0]!);
  const list = sql.join(cols.map((c) => sql.ref(c)));
  for (let i = 0; i < rows.length; i += size) {
    const chunk = JSON.stringify(rows.slice(i, i + size));
    await sql`insert into ${sql.table(table)} (${list}) select ${list} from json_populate_recordset(null::${sql.table(table)}, ${chunk}::json)`.execute(trx);
  }
}

interface Plan {
  id: string;
  kind: ActivityKind;
  title: string;
  place: string;
  startsAt: Date;
  endsAt: Date;
  regionId: string;
  ownerOrgId: string | null;
  capacity: number;
  eligibility: Eligibility;
  skills: string[];
  concentrated: boolean;
  cancelled: boolean;
  /** Members who sign up, in arrival order. */
  people: string[];
}

export async function seedVolunteering(db: Kysely<DB>, todayIso = localDate()): Promise<{ seeded: boolean; counts: Record<string, number> }> {
  const done = await db.selectFrom('app_setting').select('value').where('key', '=', MARKER).executeTakeFirst();
  if (done) return { seeded: false, counts: done.value as Record<string, number> };
  const rng = new Rng(`volunteering:${todayIso}`);
  const now = new Date();
  const current = quarterOf(beijing(todayIso, 12), 'Asia/Shanghai');
  const previous = current.quarter === 1 ? { year: current.year - 1, quarter: 4 as const } : { year: current.year, quarter: (current.quarter - 1) as 1 | 2 | 3 };
  const seasonFrom = quarterDates(previous).from;
  const seasonTo = addDays(todayIso, 42);

  const communities = await db
    .selectFrom('region as c')
    .leftJoin('organization as o', (j) => j.onRef('o.region_id', '=', 'c.id').on('o.kind', '=', 'community'))
    .select(['c.id', 'c.name', 'o.id as org_id'])
    .where('c.kind', '=', 'community')
    .orderBy('c.id')
    .execute();
  const members = await db
    .selectFrom('member')
    .select(['id', 'residence_region_id', 'employer_org_id'])
    .where('status', '=', 'active')
    .where('residence_region_id', 'is not', null)
    .orderBy('id')
    .execute();
  const units = await db.selectFrom('organization').select(['id', 'name']).where('kind', '=', 'unit').orderBy('id').execute();
  const pairings = await db.selectFrom('pairing').select(['unit_org_id', 'community_id']).where('status', '=', 'active').orderBy('unit_org_id').orderBy('community_id').execute();
  const residents = new Map<string, string[]>();
  const staff = new Map<string, string[]>();
  for (const m of members) {
    residents.set(m.residence_region_id!, [...(residents.get(m.residence_region_id!) ?? []), m.id]);
    if (m.employer_org_id) staff.set(m.employer_org_id, [...(staff.get(m.employer_org_id) ?? []), m.id]);
  }
  const chen = CITY_FIXED.memberChenXiaoming;
  const hasChen = members.some((m) => m.id === chen);

  // ---------- activities and who signs up ----------
  const plans: Plan[] = [];
  const fill = (pool: readonly string[], capacity: number, popular: boolean, upcoming: boolean) => {
    const want = Math.round(capacity * (popular ? 1 + rng.next() * 0.4 : 0.35 + rng.next() * 0.45) * (upcoming ? 0.6 : 1));
    return rng.sample(pool, want);
  };
  for (const c of communities) {
    const pool = residents.get(c.id) ?? [];
    if (pool.length === 0) continue;
    for (let date = seasonFrom; date <= seasonTo; date = addDays(date, 1)) {
      const dow = weekday(date);
      // Saturdays every week; Wednesday evenings every other week.
      const evening = dow === 3 && Math.floor(Date.parse(date) / (7 * 86_400_000)) % 2 === 0;
      const template = dow === 6 ? rng.pick(WEEKEND) : evening ? rng.pick(WEEKDAY) : null;
      if (!template) continue;
      const startHour = dow === 6 ? 9 : 19;
      const startsAt = beijing(date, startHour);
      const capacity = rng.int(template.capacity[0], template.capacity[1]);
      const upcoming = startsAt.getTime() > now.getTime();
      const popular = rng.chance(0.2);
      plans.push({
        id: stableId(`activity:${c.id}:${date}`),
        kind: template.kind,
        title: template.title,
        place: `${c.name}${template.place.replace(/^社区/, '')}`,
        startsAt,
        endsAt: new Date(startsAt.getTime() + template.hours * 3_600_000),
        regionId: c.id,
        ownerOrgId: c.org_id,
        capacity,
        eligibility: template.kind === 'party_day' ? 'community_members' : 'anyone',
        skills: template.skills,
        concentrated: false,
        cancelled: !upcoming && rng.chance(0.01),
        people: fill(pool, capacity, popular, upcoming),
      });
    }
  }
  // Each unit: one concentrated activity a quarter in a paired community (this quarter's still ahead for some).
  const pairedWith = new Map<string, string>();
  for (const p of pairings) if (!pairedWith.has(p.unit_org_id)) pairedWith.set(p.unit_org_id, p.community_id);
  const communityName = new Map(communities.map((c) => [c.id, c.name]));
  for (const u of units) {
    const where = pairedWith.get(u.id);
    const pool = staff.get(u.id) ?? [];
    if (!where || pool.length === 0) continue;
    for (const q of [previous, current]) {
      const { from, to } = quarterDates(q);
      if (q === current && rng.chance(0.25)) continue; // some units are behind this quarter
      const span = Math.max(1, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
      let date = addDays(from, rng.int(5, span - 5));
      while (weekday(date) !== 6) date = addDays(date, 1);
      const startsAt = beijing(date, 8, 30);
      const upcoming = startsAt.getTime() > now.getTime();
      const capacity = Math.max(10, Math.min(60, pool.length));
      plans.push({
        id: stableId(`activity:unit:${u.id}:${q.year}Q${q.quarter}`),
        kind: 'volunteer_service',
        title: `${u.name.replace(/(机关)?党(支部|委|总支)$/, '')}${rng.pick(UNIT_TITLES)}`,
        place: `${communityName.get(where) ?? ''}党群服务中心`,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
        regionId: where,
        ownerOrgId: u.id,
        capacity,
        eligibility: 'unit_members',
        skills: [],
        concentrated: true,
        cancelled: false,
        people: rng.sample(pool, Math.round(capacity * (upcoming ? 0.5 : 0.85))),
      });
    }
  }
  // The demo member: in several past activities of 幸福社区, one upcoming sign-up, and upcoming ones left to join.
  const xingfu = CITY_FIXED.regions.xingfu;
  if (hasChen) {
    const past = plans.filter((p) => p.regionId === xingfu && !p.cancelled && p.endsAt < now).slice(-8);
    for (const p of past) if (!p.people.includes(chen)) p.people.unshift(chen);
    const ahead = plans.filter((p) => p.regionId === xingfu && p.startsAt > now);
    const mine = ahead[0];
    if (mine && !mine.people.includes(chen)) mine.people.unshift(chen);
    for (const p of ahead.slice(1)) p.people = p.people.filter((x) => x !== chen);
  }

  // ---------- rows ----------
  const communityStaffUser = stableId('user:community');
  const activityRows: Array<Insertable<VolunteerActivityTable>> = [];
  const signupRows: Array<Insertable<VolunteerSignupTable>> = [];
  const entryRows: Array<Insertable<HourEntryTable> & { id: string; member_id: string; minutes: number; service_date: string; activity_id: string }> = [];
  const requestRows: Array<Insertable<HourRequestTable>> = [];
  const methods: RecordMethod[] = ['scan', 'scan', 'scan', 'scan', 'scan', 'scan', 'scan', 'code', 'code', 'organiser'];
  let supplementaryForChen = 0;
  for (const p of plans) {
    const confirmed = Math.min(p.capacity, p.people.length);
    activityRows.push({
      id: p.id,
      kind: p.kind,
      title: p.title,
      description: p.concentrated ? '单位党员下沉社区集中开展志愿服务，请按时签到。' : '请提前10分钟到场，扫码签到、签退。',
      place: p.place,
      starts_at: p.startsAt,
      ends_at: p.endsAt,
      region_id: p.regionId,
      owner_org_id: p.ownerOrgId,
      capacity: p.capacity,
      confirmed_count: confirmed,
      waitlist_count: p.people.length - confirmed,
      last_seq: p.people.length,
      eligibility: p.eligibility,
      skills: p.skills,
      organiser_user_id: p.regionId === xingfu && !p.concentrated ? communityStaffUser : null,
      organiser_name: p.concentrated ? '单位党支部' : '社区党委',
      contact: '社区党群服务中心',
      concentrated: p.concentrated,
      cancel_deadline_hours: 2,
      status: p.cancelled ? ('cancelled' as const) : ('published' as const),
      cancel_reason: p.cancelled ? '天气原因取消' : null,
      checkin_secret: randomBytes(18).toString('base64url'),
      created_at: new Date(Math.min(now.getTime() - 2 * 86_400_000, p.startsAt.getTime() - 10 * 86_400_000)),
    });
    const past = p.endsAt < now && !p.cancelled;
    p.people.forEach((memberId, i) => {
      const status = i < confirmed ? ('confirmed' as const) : ('waitlisted' as const);
      const id = stableId(`signup:${p.id}:${memberId}`);
      const isChen = memberId === chen;
      const attended = past && status === 'confirmed' && (isChen || rng.chance(0.85));
      const forgot = attended && (isChen ? supplementaryForChen < 2 : rng.chance(0.04));
      const inAt = attended && !forgot ? new Date(p.startsAt.getTime() - rng.int(0, 15) * 60_000) : null;
      const outAt = inAt ? new Date(p.endsAt.getTime() - rng.int(0, 40) * 60_000) : null;
      const method = methods[rng.int(0, methods.length - 1)]!;
      signupRows.push({ id, activity_id: p.id, member_id: memberId, status, seq: i + 1, created_at: new Date(Math.min(now.getTime() - 3_600_000, p.startsAt.getTime() - rng.int(1, 9) * 86_400_000)), checked_in_at: inAt, check_in_method: inAt ? method : null, checked_out_at: outAt, check_out_method: outAt ? method : null });
      if (inAt && outAt) {
        const actual = Math.floor((outAt.getTime() - inAt.getTime()) / 60_000);
        const minutes = Math.floor(Math.min(actual, (p.endsAt.getTime() - p.startsAt.getTime()) / 60_000) / 30) * 30;
        entryRows.push({ id: stableStr(`entry:${id}`), entry_group_id: stableStr(`entry:${id}`), member_id: memberId, activity_id: p.id, region_id: p.regionId, owner_org_id: p.ownerOrgId, content: p.title, service_date: localDate(p.startsAt), started_at: inAt, ended_at: outAt, minutes, method, recorded_by: null, verified_by: p.regionId === xingfu ? communityStaffUser : null, verified_at: outAt });
      } else if (forgot) {
        // Forgot to scan: asked for supplementary hours; most approved, the demo member's latest still waiting.
        const waiting = isChen ? supplementaryForChen === 1 : rng.chance(0.3);
        if (isChen) supplementaryForChen++;
        const reqId = stableStr(`request:${id}`);
        const minutes = Math.floor((p.endsAt.getTime() - p.startsAt.getTime()) / 60_000 / 30) * 30;
        const entryId = stableStr(`entry:${id}`);
        requestRows.push({ id: reqId, kind: 'supplementary' as const, status: waiting ? ('pending' as const) : ('approved' as const), member_id: memberId, activity_id: p.id, entry_id: null, started_at: p.startsAt, ended_at: p.endsAt, minutes, reason: '忘记扫码签到，请组织者核实', decided_by: waiting ? null : communityStaffUser, decided_at: waiting ? null : new Date(p.endsAt.getTime() + 86_400_000), decision_note: null, result_entry_id: waiting ? null : entryId, created_at: new Date(p.endsAt.getTime() + 3_600_000) });
        if (!waiting) {
          entryRows.push({ id: entryId, entry_group_id: entryId, member_id: memberId, activity_id: p.id, region_id: p.regionId, owner_org_id: p.ownerOrgId, content: p.title, service_date: localDate(p.startsAt), started_at: p.startsAt, ended_at: p.endsAt, minutes, method: 'supplementary' as const, recorded_by: communityStaffUser, verified_by: communityStaffUser, verified_at: new Date(p.endsAt.getTime() + 86_400_000), request_id: reqId });
        }
      }
    });
  }

  // A correction of the demo member's first entry: the first version stays, superseded by the second.
  const corrections: Array<{ old: (typeof entryRows)[number]; v2: string; reqId: string; act: Plan; fixedMinutes: number }> = [];
  const chenEntry = entryRows.find((e) => e.member_id === chen && e.method !== 'supplementary');
  if (chenEntry) {
    const v2 = stableStr(`entry:${chenEntry.id}:v2`);
    const reqId = stableStr(`request:${chenEntry.id}:correction`);
    const act = plans.find((p) => p.id === chenEntry.activity_id)!;
    const fixedMinutes = Math.floor((act.endsAt.getTime() - act.startsAt.getTime()) / 60_000 / 30) * 30;
    requestRows.push({ id: reqId, kind: 'correction' as const, status: 'approved' as const, member_id: chen, activity_id: null, entry_id: chenEntry.id, started_at: act.startsAt, ended_at: act.endsAt, minutes: fixedMinutes, reason: '签退时手机没电，实际服务到活动结束', decided_by: communityStaffUser, decided_at: new Date(act.endsAt.getTime() + 2 * 86_400_000), decision_note: '经核实属实', result_entry_id: v2, created_at: new Date(act.endsAt.getTime() + 86_400_000) });
    corrections.push({ old: chenEntry, v2, reqId, act, fixedMinutes });
  }

  return db.transaction().execute(async (trx) => {
    await insertMany(trx, 'volunteer_activity', activityRows);
    await insertMany(trx, 'volunteer_signup', signupRows);
    const v2Of = new Map(corrections.map((x) => [x.old.id, x.v2]));
    await insertMany(
      trx,
      'hour_entry',
      entryRows.map((e) => ({ request_id: null, ...e, superseded_by: v2Of.get(e.id) ?? null })),
    );
    for (const x of corrections) {
      await trx
        .insertInto('hour_entry')
        .values({ ...x.old, id: x.v2, version: 2, supersedes_id: x.old.id, superseded_by: null, started_at: x.act.startsAt, ended_at: x.act.endsAt, minutes: x.fixedMinutes, recorded_by: communityStaffUser, verified_by: communityStaffUser, verified_at: new Date(x.act.endsAt.getTime() + 2 * 86_400_000), request_id: x.reqId, note: '签退时手机没电，实际服务到活动结束' })
        .execute();
    }
    await insertMany(trx, 'hour_request', requestRows);

    // The demo member's certificate for the previous quarter.
    let certificates = 0;
    if (hasChen) {
      const { from, to } = quarterDates(previous);
      const minutes = entryRows.filter((e) => e.member_id === chen && e.service_date >= from && e.service_date <= to && !corrections.some((x) => x.old.id === e.id)).reduce((s, e) => s + e.minutes, 0) + corrections.filter((x) => localDate(x.act.startsAt) >= from && localDate(x.act.startsAt) <= to).reduce((s, x) => s + x.fixedMinutes, 0);
      if (minutes > 0) {
        const year = Number(todayIso.slice(0, 4));
        const { last_seq: seq } = await trx.insertInto('certificate_counter').values({ year, last_seq: 1 }).onConflict((oc) => oc.column('year').doUpdateSet({ last_seq: (eb) => eb('certificate_counter.last_seq', '+', 1) })).returning('last_seq').executeTakeFirstOrThrow();
        await trx
          .insertInto('service_certificate')
          .values({ cert_no: certificateNumber(year, seq), year, seq, member_id: chen, period_from: from, period_to: to, minutes, content: `社区志愿服务 ${Math.round((minutes / 60) * 100) / 100} 小时`, issuer_org_id: CITY_FIXED.organizations.xingfu, issuer_name: '幸福社区党委', person_in_charge: '王书记', handler: '张丽华', contact: '0571-88886666', issued_on: todayIso, issued_by: communityStaffUser })
          .execute();
        certificates = 1;
      }
    }
    const counts = { volunteer_activity: activityRows.length, volunteer_signup: signupRows.length, hour_entry: entryRows.length + corrections.length, hour_request: requestRows.length, service_certificate: certificates };
    await trx.insertInto('app_setting').values({ key: MARKER, value: JSON.stringify(counts) }).execute();
    await writeAudit(trx, { userId: null, account: 'seed', ip: null, userAgent: 'gongjian seed', requestId: null }, { action: 'demo.volunteering.seed', entityType: 'demo', entityId: 'volunteering', after: counts });
    return { seeded: true, counts };
  });
}

/** A stable UUID from a name (as stableId, kept apart so the seed's ids do not collide with the city's). */
function stableStr(name: string): string {
  return stableId(`volunteering:${name}`);
}
