// Write workloads for the fault tests. Each one drives writes over HTTP, remembers what the
// server acknowledged (a 2xx answer) and what was sent but never answered (in flight when the
// fault struck), and checks afterwards — over HTTP on the restarted server and with SQL on the
// store — that every acknowledged write is there and that its invariants hold. A workload is a
// plain object: add one for each module that writes something with an invariant.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema';
import { FAULT_SECRETS, type Api } from './support';

export interface Workload {
  name: string;
  /** After each (re)start and login: look up what the writes need. */
  prepare(api: Api): Promise<void>;
  /** How many writers this workload runs side by side. */
  writers: number;
  /** One writer: writes until stop() or until the connection fails (the server died). */
  writer(api: Api, index: number, stop: () => boolean): Promise<void>;
  /** Over HTTP, on the restarted server: every acknowledged write is visible. Returns the problems. */
  checkHttp(api: Api): Promise<string[]>;
  /** With SQL on the store: acknowledged writes are there and the invariants hold. Returns the problems. */
  checkStore(db: Kysely<DB>): Promise<string[]>;
  /** Counts for the test's log line. */
  stats(): Record<string, number>;
}

/** Sends one write; a thrown error means no answer (the connection failed). */
async function attempt<T>(send: () => Promise<T>): Promise<{ answered: true; value: T } | { answered: false }> {
  try {
    return { answered: true, value: await send() };
  } catch {
    return { answered: false };
  }
}

const TAGS = ['veteran', 'elderly_alone'] as const;

/**
 * Households with two tags each: three rows (household, two tags) plus the audit row in one
 * transaction. Invariants: each acknowledged household is there; every household of the run has
 * both its tags and exactly one `household.create` audit row; no audit row names a household
 * that is not there (all or nothing).
 */
export function householdsWorkload(runTag: string): Workload {
  const acked: string[] = [];
  let sent = 0;
  let refused = 0;
  let communityId = '';
  return {
    name: 'households',
    writers: 3,
    async prepare(api) {
      const list = await api.get<{ items: Array<{ communityId: string }> }>('households?pageSize=1');
      if (list.status !== 200 || !list.body.items[0]) throw new Error(`no household to copy a community from: ${JSON.stringify(list)}`);
      communityId = list.body.items[0].communityId;
    },
    async writer(api, index, stop) {
      while (!stop()) {
        const n = sent++;
        const r = await attempt(() =>
          api.call<{ id: string }>('POST', 'households', {
            communityId,
            headName: `故障户${index}-${n}`,
            peopleCount: 2,
            notes: `fault:${runTag}:${n}`,
            tags: TAGS.map((tag) => ({ tag })),
          }),
        );
        if (!r.answered) return;
        if (r.value.status === 201) acked.push(r.value.body.id);
        else refused++;
      }
    },
    async checkHttp(api) {
      const problems: string[] = [];
      for (let i = 0; i < acked.length; i += 8) {
        const replies = await Promise.all(acked.slice(i, i + 8).map((id) => api.get<{ tags: unknown[] }>(`households/${id}`)));
        replies.forEach((r, j) => {
          if (r.status !== 200) problems.push(`acknowledged household ${acked[i + j]} answers ${r.status}`);
          else if (r.body.tags.length !== TAGS.length) problems.push(`household ${acked[i + j]} has ${r.body.tags.length} tags`);
        });
      }
      return problems;
    },
    async checkStore(db) {
      const problems: string[] = [];
      const rows = await db
        .selectFrom('household as h')
        .leftJoin('household_tag as t', 't.household_id', 'h.id')
        .select(['h.id', sql<number>`count(t.tag)::int`.as('tags')])
        .where('h.notes', 'like', `fault:${runTag}:%`)
        .groupBy('h.id')
        .execute();
      const present = new Set(rows.map((r) => r.id));
      for (const id of acked) if (!present.has(id)) problems.push(`acknowledged household ${id} is missing`);
      for (const r of rows) if (r.tags !== TAGS.length) problems.push(`household ${r.id} has ${r.tags} of its ${TAGS.length} tags`);
      const audits = await db
        .selectFrom('audit_event')
        .select(['entity_id', sql<number>`count(*)::int`.as('n')])
        .where('action', '=', 'household.create')
        .where(sql<boolean>`after->>'notes' like ${`fault:${runTag}:%`}`)
        .groupBy('entity_id')
        .execute();
      const audited = new Map(audits.map((a) => [a.entity_id, a.n]));
      for (const r of rows) if (audited.get(r.id) !== 1) problems.push(`household ${r.id} has ${audited.get(r.id) ?? 0} creation audit rows`);
      for (const a of audits) if (!present.has(a.entity_id!)) problems.push(`audit row for household ${a.entity_id}, which is not there`);
      return problems;
    },
    stats: () => ({ sent, acknowledged: acked.length, refused }),
  };
}

/**
 * Team membership replaced as a whole (PUT /volunteer-teams/:id/members: delete, insert many,
 * audit, in one transaction), one writer per team so that each team's writes are in order.
 * Invariant: a team's members are exactly its last acknowledged set, or the set of the request
 * that was in flight when the fault struck — never a mixture or an empty half.
 */
export function teamsWorkload(): Workload {
  const teams: string[] = [];
  let members: string[] = [];
  const last = new Map<string, { acked: string[] | null; pending: string[] | null }>();
  let sent = 0;
  let acknowledged = 0;
  let refused = 0;
  const setFor = (n: number) => {
    const k = 3 + (n % 5);
    return Array.from({ length: k }, (_, i) => members[(n * 7 + i) % members.length]!);
  };
  const allowed = (teamId: string): string[][] => {
    const s = last.get(teamId);
    return [s?.acked, s?.pending].filter((x): x is string[] => Array.isArray(x)).map((x) => [...x].sort());
  };
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  return {
    name: 'team members',
    writers: 2,
    async prepare(api) {
      const m = await api.get<{ items: Array<{ id: string }> }>('members?pageSize=40');
      members = m.body.items.map((x) => x.id);
      if (members.length < 10) throw new Error(`the demo has too few members (${members.length})`);
      if (teams.length === 0) {
        // Teams of the workload's own, so that the demo's are left alone.
        const t = await api.get<{ items: Array<{ organizationId: string }> }>('volunteer-teams?pageSize=1');
        for (let i = 0; i < this.writers; i++) {
          const r = await api.call<{ id: string }>('POST', 'volunteer-teams', { name: `故障测试队${i}-${Date.now()}`, organizationId: t.body.items[0]!.organizationId });
          if (r.status !== 201) throw new Error(`could not create a team: ${r.status} ${JSON.stringify(r.body)}`);
          teams.push(r.body.id);
        }
      }
    },
    async writer(api, index, stop) {
      const teamId = teams[index]!;
      while (!stop()) {
        const n = sent++;
        const set = setFor(n);
        const state = last.get(teamId) ?? { acked: null, pending: null };
        last.set(teamId, state);
        state.pending = set;
        const r = await attempt(() => api.call('PUT', `volunteer-teams/${teamId}/members`, { members: set.map((memberId, i) => ({ memberId, isLeader: i === 0 })) }));
        if (!r.answered) return; // stays pending: it may or may not have been written
        state.pending = null;
        if (r.value.status === 200) {
          state.acked = set;
          acknowledged++;
        } else refused++;
      }
    },
    async checkHttp(api) {
      const problems: string[] = [];
      for (const [teamId, state] of last) {
        if (!state.acked) continue;
        const r = await api.get<{ members: Array<{ memberId: string }> }>(`volunteer-teams/${teamId}`);
        const actual = r.body.members.map((x) => x.memberId).sort();
        if (!allowed(teamId).some((s) => same(s, actual))) problems.push(`team ${teamId} has ${actual.length} members, neither its acknowledged set nor the one in flight`);
        // What the restarted server shows is durable now: the next round starts from it (a write
        // in flight at the last kill may have been committed without being acknowledged).
        else {
          state.acked = actual;
          state.pending = null;
        }
      }
      return problems;
    },
    async checkStore(db) {
      const problems: string[] = [];
      for (const [teamId, state] of last) {
        // Without an acknowledged set, the one in flight may or may not have been written, and
        // what was there before the run is not known: only acknowledged teams can be judged.
        if (!state.acked) continue;
        const rows = await db.selectFrom('volunteer_team_member').select(['member_id', 'is_leader']).where('team_id', '=', teamId).execute();
        const actual = rows.map((x) => x.member_id).sort();
        if (!allowed(teamId).some((s) => same(s, actual))) problems.push(`team ${teamId}: ${actual.length} members, neither the acknowledged set nor the one in flight`);
        // Each set is written whole, its leader with the rest.
        const leaders = rows.filter((x) => x.is_leader).length;
        if (leaders !== 1) problems.push(`team ${teamId} has ${leaders} leaders`);
      }
      return problems;
    },
    stats: () => ({ sent, acknowledged, refused }),
  };
}

interface Rusher {
  cookie: string;
  csrf: string;
  memberId: string;
}

/**
 * Sign-ups for volunteering activities (POST /volunteering/activities/:id/signup: the counter
 * update and the row in one transaction, grouped by the sign-up batcher). Members with accounts
 * and sessions are written into the store before the first start (argon2 logins for a hundred
 * members would take longer than the test). Invariants per activity: confirmed_count equals the
 * confirmed rows and never exceeds the capacity; waitlist_count equals the waitlisted rows; the
 * sequence numbers are unique and last_seq covers them; every acknowledged sign-up is there with
 * the status it was acknowledged with.
 */
export function signupWorkload(options: { members?: number; activities?: number; capacity?: number } = {}): Workload & { setup(db: Kysely<DB>): Promise<void> } {
  const MEMBERS = options.members ?? 120;
  const ACTIVITIES = options.activities ?? 3;
  const CAPACITY = options.capacity ?? 25;
  const rushers: Rusher[] = [];
  const activities: string[] = [];
  const acked: Array<{ activityId: string; memberId: string; status: string }> = [];
  let next = 0;
  let sent = 0;
  let refused = 0;
  return {
    name: 'sign-ups',
    writers: 3,
    async setup(db) {
      const { randomBytes, randomUUID } = await import('node:crypto');
      const { sha256, hmac } = await import('../../src/server/platform/crypto');
      const regionId = randomUUID();
      await db.insertInto('region').values({ id: regionId, kind: 'community', name: `故障社区${regionId.slice(0, 4)}`, parent_id: null, path: `/${regionId}/` }).execute();
      for (let a = 0; a < ACTIVITIES; a++) {
        const id = randomUUID();
        await db
          .insertInto('volunteer_activity')
          .values({
            id,
            kind: 'volunteer_service',
            title: `故障测试活动${a}`,
            place: '社区广场',
            starts_at: new Date(Date.now() + 86_400_000),
            ends_at: new Date(Date.now() + 90_000_000),
            region_id: regionId,
            capacity: CAPACITY,
            eligibility: 'anyone',
            organiser_name: 'faults',
            contact: 'faults',
            checkin_secret: randomBytes(16).toString('hex'),
          })
          .execute();
        activities.push(id);
      }
      const tag = randomBytes(3).toString('hex');
      const users = [];
      const roles = [];
      const members = [];
      const sessions = [];
      for (let i = 0; i < MEMBERS; i++) {
        const userId = randomUUID();
        const memberId = randomUUID();
        const token = randomBytes(32).toString('base64url');
        const hash = sha256(token);
        users.push({ id: userId, account: `fault_${tag}_${i}`, display_name: `故障${i}`, password_hash: 'x', password_changed_at: new Date() });
        roles.push({ user_id: userId, role: 'member' as const, scope_type: 'region' as const, region_id: regionId, organization_id: null });
        members.push({ id: memberId, name: `故障${i}`, name_initials: 'gz', residence_region_id: regionId, user_id: userId });
        sessions.push({ id_hash: hash, user_id: userId, expires_at: new Date(Date.now() + 86_400_000), ip: null, user_agent: 'faults' });
        rushers.push({ cookie: `gj_session=${token}`, csrf: hmac(FAULT_SECRETS.GONGJIAN_SESSION_SECRET, `csrf:${hash}`), memberId });
      }
      await db.insertInto('app_user').values(users).execute();
      await db.insertInto('role_assignment').values(roles).execute();
      await db.insertInto('member').values(members).execute();
      await db.insertInto('session').values(sessions).execute();
    },
    async prepare() {
      if (activities.length === 0) throw new Error('signupWorkload.setup() must run before the first start');
    },
    async writer(api, _index, stop) {
      while (!stop()) {
        const n = next++;
        const rusher = rushers[Math.floor(n / activities.length)];
        if (!rusher) return; // every member has signed up for every activity
        const activityId = activities[n % activities.length]!;
        sent++;
        const r = await attempt(async () => {
          const res = await fetch(`${api.url}/api/v1/volunteering/activities/${activityId}/signup`, { method: 'POST', headers: { cookie: rusher.cookie, 'x-csrf-token': rusher.csrf } });
          return { status: res.status, body: (await res.json()) as { status?: string } };
        });
        if (!r.answered) return;
        if (r.value.status === 201 && r.value.body.status) acked.push({ activityId, memberId: rusher.memberId, status: r.value.body.status });
        else refused++;
      }
    },
    async checkHttp(api) {
      const problems: string[] = [];
      for (const id of activities) {
        const r = await api.get<{ capacity: number; confirmedCount: number; waitlistCount: number }>(`volunteering/activities/${id}`);
        if (r.status !== 200) {
          problems.push(`activity ${id} answers ${r.status}`);
          continue;
        }
        const confirmed = acked.filter((a) => a.activityId === id && a.status === 'confirmed').length;
        const waitlisted = acked.filter((a) => a.activityId === id && a.status === 'waitlisted').length;
        if (r.body.confirmedCount < confirmed) problems.push(`activity ${id}: ${r.body.confirmedCount} confirmed, ${confirmed} acknowledged`);
        if (r.body.waitlistCount < waitlisted) problems.push(`activity ${id}: ${r.body.waitlistCount} waitlisted, ${waitlisted} acknowledged`);
        if (r.body.confirmedCount > r.body.capacity) problems.push(`activity ${id}: ${r.body.confirmedCount} confirmed over a capacity of ${r.body.capacity}`);
      }
      return problems;
    },
    async checkStore(db) {
      const problems: string[] = [];
      for (const id of activities) {
        const a = await db.selectFrom('volunteer_activity').select(['capacity', 'confirmed_count', 'waitlist_count', 'last_seq']).where('id', '=', id).executeTakeFirstOrThrow();
        const rows = await db.selectFrom('volunteer_signup').select(['member_id', 'status', 'seq']).where('activity_id', '=', id).execute();
        const confirmed = rows.filter((r) => r.status === 'confirmed').length;
        const waitlisted = rows.filter((r) => r.status === 'waitlisted').length;
        if (a.confirmed_count !== confirmed) problems.push(`activity ${id}: confirmed_count ${a.confirmed_count}, ${confirmed} confirmed rows`);
        if (a.confirmed_count > a.capacity) problems.push(`activity ${id}: ${a.confirmed_count} confirmed over a capacity of ${a.capacity}`);
        if (a.waitlist_count !== waitlisted) problems.push(`activity ${id}: waitlist_count ${a.waitlist_count}, ${waitlisted} waitlisted rows`);
        const seqs = rows.map((r) => r.seq);
        if (new Set(seqs).size !== seqs.length) problems.push(`activity ${id}: duplicate sequence numbers`);
        if (seqs.some((s) => s > a.last_seq)) problems.push(`activity ${id}: a sequence number above last_seq ${a.last_seq}`);
        const byMember = new Map(rows.map((r) => [r.member_id, r.status]));
        for (const k of acked.filter((x) => x.activityId === id)) {
          const status = byMember.get(k.memberId);
          if (status !== k.status) problems.push(`acknowledged ${k.status} sign-up of member ${k.memberId} for activity ${id} is ${status ?? 'missing'}`);
        }
      }
      return problems;
    },
    stats: () => ({ sent, acknowledged: acked.length, refused }),
  };
}
