/**
 * Group commit for sign-ups. Concurrent sign-ups for one activity queue in a lane; while one
 * transaction is in flight the next requests gather, and the following transaction takes them all
 * in arrival order: it locks the activity row, skips members already signed up, gives each the next
 * arrival number, confirms while there is room and waitlists the rest, inserts the rows, moves the
 * counters once (the CHECK on the activity backs the capacity), and writes one audit row per
 * sign-up — all in one statement. Each request is answered only after its transaction has committed. A request's own
 * error (already signed up) fails that request alone; if a whole transaction fails, its requests
 * are retried one by one so that one bad request cannot fail the others.
 *
 * Lanes are per activity, so different activities commit in parallel; the row lock keeps several
 * app servers exact as well.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { AuditActor } from '../../platform/audit';
import { AppError, conflict, notFound } from '../../platform/errors';

export interface SignupRequest {
  activityId: string;
  memberId: string;
  actor: AuditActor;
}

export interface SignupOutcome {
  id: string;
  activityId: string;
  title: string;
  place: string;
  startsAt: Date;
  endsAt: Date;
  status: 'confirmed' | 'waitlisted';
  seq: number;
  /** Place on the waitlist at the time of signing up (1 = next). */
  position: number | null;
  createdAt: Date;
}

interface Pending {
  req: SignupRequest;
  resolve(o: SignupOutcome): void;
  reject(e: unknown): void;
}

interface Lane {
  queue: Pending[];
  running: boolean;
}

export interface BatcherStats {
  commits: number;
  signups: number;
  largestBatch: number;
}

export class SignupBatcher {
  private readonly lanes = new Map<string, Lane>();
  readonly stats: BatcherStats = { commits: 0, signups: 0, largestBatch: 0 };

  /**
   * @param lingerMs how long a batch waits for company before it goes. 0 on PostgreSQL (requests
   * gather while the previous batch is in flight); a few ms on PGlite, whose one connection runs
   * the requests' own reads (session, member) between batches, so that they do not go one by one.
   */
  constructor(
    private readonly db: Kysely<DB>,
    private readonly lingerMs = 0,
    private readonly maxBatch = 1000,
  ) {}

  submit(req: SignupRequest): Promise<SignupOutcome> {
    return new Promise<SignupOutcome>((resolve, reject) => {
      let lane = this.lanes.get(req.activityId);
      if (!lane) this.lanes.set(req.activityId, (lane = { queue: [], running: false }));
      lane.queue.push({ req, resolve, reject });
      if (!lane.running) void this.drain(req.activityId, lane);
    });
  }

  private async drain(activityId: string, lane: Lane): Promise<void> {
    lane.running = true;
    try {
      while (lane.queue.length > 0) {
        if (this.lingerMs > 0) await new Promise((r) => setTimeout(r, this.lingerMs));
        const batch = lane.queue.splice(0, this.maxBatch);
        await this.commitSafely(batch);
      }
    } finally {
      lane.running = false;
      if (lane.queue.length === 0) this.lanes.delete(activityId);
      else void this.drain(activityId, lane);
    }
  }

  private async commitSafely(batch: Pending[]): Promise<void> {
    let outcomes: Array<SignupOutcome | AppError>;
    try {
      // One statement, so one transaction of its own (autocommit): nothing of it is written unless all of it is.
      outcomes = await commitBatch(this.db, batch.map((p) => p.req));
    } catch (err) {
      if (batch.length === 1 || err instanceof CountsMismatch) {
        for (const p of batch) p.reject(err);
        return;
      }
      // Something failed the whole transaction: take the requests one at a time.
      for (const p of batch) await this.commitSafely([p]);
      return;
    }
    this.stats.commits++;
    this.stats.signups += batch.length;
    this.stats.largestBatch = Math.max(this.stats.largestBatch, batch.length);
    batch.forEach((p, i) => {
      const o = outcomes[i]!;
      if (o instanceof AppError) p.reject(o);
      else p.resolve(o);
    });
  }
}

class CountsMismatch extends Error {
  constructor() {
    super('sign-up counters did not move with the rows');
  }
}

/**
 * One transaction for a batch of sign-ups to one activity, in arrival order, as one statement:
 * lock the activity row; drop members who hold an open sign-up; number the rest in arrival order
 * after the last arrival; confirm while confirmed + k ≤ capacity, waitlist the others; insert the
 * rows; move the counters by what was inserted (the CHECK on the activity is the backstop); add an
 * audit row per sign-up. One statement is one transaction: one round trip and one commit per batch.
 */
async function commitBatch(db: Kysely<DB>, reqs: SignupRequest[]): Promise<Array<SignupOutcome | AppError>> {
  const activityId = reqs[0]!.activityId;
  const now = new Date();
  // The same member twice in one batch: the first request counts, the others are refused.
  const seen = new Set<string>();
  const first = reqs.map((r) => (seen.has(r.memberId) ? false : (seen.add(r.memberId), true)));
  const batch = JSON.stringify(
    reqs
      .map((r, n) => ({ r, n }))
      .filter((x) => first[x.n])
      .map(({ r, n }) => ({
        n,
        member_id: r.memberId,
        actor_user_id: r.actor.userId,
        actor_account: r.actor.account,
        ip: r.actor.ip,
        user_agent: r.actor.userAgent ? r.actor.userAgent.slice(0, 500) : null,
        request_id: r.actor.requestId,
      })),
  );
  const { rows } = await sql<{
    a_status: string;
    a_ends_at: Date;
    title: string;
    place: string;
    starts_at: Date;
    old_waitlist: number;
    capacity: number;
    id: string | null;
    member_id: string | null;
    status: 'confirmed' | 'waitlisted' | null;
    seq: number | null;
    moved: number;
    new_confirmed: number | null;
  }>`
    with a as (
      select id, capacity, confirmed_count, waitlist_count, last_seq, status, ends_at, title, place, starts_at
      from volunteer_activity where id = ${activityId} for update
    ),
    batch as (
      select * from json_to_recordset(${batch}::json)
        as x(n integer, member_id uuid, actor_user_id uuid, actor_account text, ip text, user_agent text, request_id text)
    ),
    fresh as (
      select b.*, row_number() over (order by b.n) as k from batch b
      where not exists (select 1 from volunteer_signup s where s.activity_id = ${activityId} and s.member_id = b.member_id and s.status <> 'cancelled')
    ),
    ins as (
      insert into volunteer_signup (activity_id, member_id, status, seq, created_at)
      select a.id, f.member_id, case when a.confirmed_count + f.k <= a.capacity then 'confirmed' else 'waitlisted' end, a.last_seq + f.k, ${now}
      from fresh f cross join a
      where a.status = 'published' and a.ends_at > ${now}
      returning id, member_id, status, seq
    ),
    upd as (
      update volunteer_activity v
         set confirmed_count = v.confirmed_count + (select count(*) from ins where ins.status = 'confirmed'),
             waitlist_count = v.waitlist_count + (select count(*) from ins where ins.status = 'waitlisted'),
             last_seq = v.last_seq + (select count(*) from ins)
       where v.id = ${activityId} and exists (select 1 from ins)
       returning v.confirmed_count
    ),
    audit as (
      insert into audit_event (actor_user_id, actor_account, ip, user_agent, request_id, action, entity_type, entity_id, after, outcome)
      select b.actor_user_id, b.actor_account, b.ip, b.user_agent, b.request_id, 'volunteering.signup', 'volunteer_signup', ins.id::text,
             jsonb_build_object('activityId', ${activityId}::text, 'memberId', ins.member_id, 'status', ins.status, 'seq', ins.seq), 'success'
      from ins join batch b on b.member_id = ins.member_id
    )
    select a.status as a_status, a.ends_at as a_ends_at, a.title, a.place, a.starts_at, a.waitlist_count as old_waitlist, a.capacity,
           ins.id, ins.member_id, ins.status, ins.seq,
           (select count(*) from upd)::int as moved, (select confirmed_count from upd) as new_confirmed
    from a left join ins on true
    order by ins.seq`.execute(db);

  const head = rows[0];
  if (!head) return reqs.map(() => notFound('activity'));
  if (head.a_status !== 'published') return reqs.map(() => conflict('ACTIVITY_CANCELLED', 'The activity was cancelled'));
  if (head.a_ends_at.getTime() <= now.getTime()) return reqs.map(() => conflict('ACTIVITY_ENDED', 'The activity is over'));
  const written = rows.filter((r) => r.id !== null);
  // Cannot happen (the counters move by what the same statement inserted, under the CHECK); never retried, as the statement has committed.
  if (written.length > 0 && (head.moved !== 1 || head.new_confirmed === null || head.new_confirmed > head.capacity)) throw new CountsMismatch();
  let waiting = Number(head.old_waitlist);
  const byMember = new Map<string, SignupOutcome>();
  for (const r of written) {
    const position = r.status === 'waitlisted' ? ++waiting : null;
    byMember.set(r.member_id!, { id: r.id!, activityId, title: head.title, place: head.place, startsAt: head.starts_at, endsAt: head.a_ends_at, status: r.status!, seq: Number(r.seq), position, createdAt: now });
  }
  return reqs.map((r, n) => (first[n] && byMember.get(r.memberId)) || conflict('ALREADY_SIGNED_UP', 'You have signed up for this activity already'));
}
