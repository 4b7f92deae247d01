/**
 * signup-rush: members rushing one activity through the HTTP API (bench/run.ts imports
 * `signupRush(opts)`; `npx tsx bench/signup-rush.ts [--stores pglite,postgres] [--seconds 10]`
 * runs it alone on fresh stores).
 *
 *   signup-rush-exact       2,000 members, 64 concurrent HTTP clients, one activity of capacity 500:
 *                           exactly 500 confirmed, 1,500 waitlisted in arrival order, counters equal
 *                           to the rows (value: oversold seats, must be 0)
 *   signup-rush-throughput  sign-ups per second over ≥ 10 s of rushes back to back (2,000 members
 *                           on a fresh activity of capacity 500 each time), against the raw SQL
 *                           doing the same sign-up (counter update + row insert) as one transaction
 *                           per sign-up from as many concurrent clients on the same database
 *                           (target on PostgreSQL: ratio ≥ 2.0, reached by group commit)
 */
import type { AddressInfo } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { sql, type Kysely } from 'kysely';
import { buildApp } from '../src/server/app';
import type { DB } from '../src/server/db/schema';
import { csrfTokenFor } from '../src/server/platform/sessions';
import { sha256 } from '../src/server/platform/crypto';
import { batcherOf } from '../src/server/modules/volunteering/signups.service';
import type { BenchEntry, BenchOptions } from './lib';

const MEMBERS = 2_000;
const CAPACITY = 500;
const CLIENTS = 64;

interface Rusher {
  cookie: string;
  csrf: string;
  memberId: string;
}

/** 2,000 members with accounts and sessions, written directly (no password hashing). */
async function makeRushers(db: Kysely<DB>, ctx: Parameters<typeof csrfTokenFor>[0], regionId: string): Promise<Rusher[]> {
  const rushers: Rusher[] = [];
  const tag = randomBytes(3).toString('hex');
  for (let start = 0; start < MEMBERS; start += 500) {
    const users = [];
    const members = [];
    const sessions = [];
    const roles = [];
    for (let i = start; i < Math.min(MEMBERS, start + 500); i++) {
      const userId = randomUUID();
      const memberId = randomUUID();
      const token = randomBytes(32).toString('base64url');
      const hash = sha256(token);
      users.push({ id: userId, account: `rush_${tag}_${i}`, display_name: `抢报${i}`, password_hash: 'x', password_changed_at: new Date() });
      roles.push({ user_id: userId, role: 'member', scope_type: 'region' as const, region_id: regionId, organization_id: null });
      members.push({ id: memberId, name: `抢报${i}`, name_initials: 'qb', residence_region_id: regionId, user_id: userId });
      sessions.push({ id_hash: hash, user_id: userId, expires_at: new Date(Date.now() + 86_400_000), ip: null, user_agent: 'signup-rush' });
      rushers.push({ cookie: `gj_session=${token}`, csrf: csrfTokenFor(ctx, hash), memberId });
    }
    await db.insertInto('app_user').values(users).execute();
    await db.insertInto('role_assignment').values(roles).execute();
    await db.insertInto('member').values(members).execute();
    await db.insertInto('session').values(sessions).execute();
  }
  return rushers;
}

/** A community for an empty store (the bench normally runs on the seeded demo city). */
async function benchCommunity(db: Kysely<DB>): Promise<{ id: string }> {
  const id = randomUUID();
  await db.insertInto('region').values({ id, kind: 'community', name: `抢报社区${id.slice(0, 4)}`, parent_id: null, path: `/${id}/` }).execute();
  return { id };
}

async function newActivity(db: Kysely<DB>, regionId: string, capacity: number): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('volunteer_activity')
    .values({
      id,
      kind: 'volunteer_service',
      title: '抢报活动',
      place: '社区广场',
      starts_at: new Date(Date.now() + 86_400_000),
      ends_at: new Date(Date.now() + 90_000_000),
      region_id: regionId,
      capacity,
      eligibility: 'anyone',
      organiser_name: 'bench',
      contact: 'bench',
      checkin_secret: randomBytes(16).toString('hex'),
    })
    .execute();
  return id;
}

/**
 * The HTTP clients run in a worker thread (plain JavaScript, evaluated), so that generating the load
 * does not take the server's event loop: CLIENTS concurrent keep-alive connections, each sending the
 * next member's sign-up when its previous answer is in.
 */
const CLIENT_CODE = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const agent = new http.Agent({ keepAlive: true, maxSockets: workerData.clients });
function post(path, r) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: workerData.port, path, method: 'POST', agent, headers: { cookie: r.cookie, 'x-csrf-token': r.csrf, 'content-length': '0' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode, body: res.statusCode === 201 ? '' : body }));
    });
    req.on('error', reject);
    req.end();
  });
}
parentPort.on('message', async ({ activityId, rushers }) => {
  let next = 0;
  const answers = [];
  const worker = async () => {
    while (next < rushers.length) {
      const r = rushers[next++];
      answers.push(await post('/api/v1/volunteering/activities/' + activityId + '/signup', r));
    }
  };
  await Promise.all(Array.from({ length: workerData.clients }, worker));
  parentPort.postMessage(answers);
});
`;

class Clients {
  readonly #worker: Worker;
  constructor(port: number) {
    this.#worker = new Worker(CLIENT_CODE, { eval: true, workerData: { port, clients: CLIENTS } });
  }

  /** One rush: every member signs up once for `activityId`, CLIENTS at a time. Returns the answers in order of completion. */
  rush(activityId: string, rushers: Rusher[]): Promise<Array<{ status: number; body: string }>> {
    return new Promise((resolve, reject) => {
      const done = (answers: Array<{ status: number; body: string }>) => {
        this.#worker.off('error', fail);
        resolve(answers);
      };
      const fail = (err: unknown) => {
        this.#worker.off('message', done);
        reject(err instanceof Error ? err : new Error(String(err)));
      };
      this.#worker.once('message', done);
      this.#worker.once('error', fail);
      this.#worker.postMessage({ activityId, rushers });
    });
  }

  async close(): Promise<void> {
    await this.#worker.terminate();
  }
}

async function verify(db: Kysely<DB>, activityId: string) {
  const a = await db.selectFrom('volunteer_activity').select(['capacity', 'confirmed_count', 'waitlist_count', 'last_seq']).where('id', '=', activityId).executeTakeFirstOrThrow();
  const rows = await db.selectFrom('volunteer_signup').select(['status', 'seq']).where('activity_id', '=', activityId).orderBy('seq').execute();
  const confirmed = rows.filter((r) => r.status === 'confirmed');
  const waitlisted = rows.filter((r) => r.status === 'waitlisted');
  // In order: the first `capacity` arrivals are confirmed, every later one waitlisted.
  const inOrder = confirmed.every((r) => r.seq <= a.capacity) && waitlisted.every((r) => r.seq > a.capacity) && rows.every((r, i) => r.seq === i + 1);
  return { confirmed: confirmed.length, waitlisted: waitlisted.length, counterConfirmed: a.confirmed_count, counterWaitlisted: a.waitlist_count, rows: rows.length, inOrder };
}

/** The limit: the raw SQL of a sign-up as one transaction each, from CLIENTS concurrent clients. */
async function rawSignups(opts: { store: 'pglite' | 'postgres'; db: Kysely<DB>; url: string | null; activityId: string; memberIds: string[] }): Promise<number> {
  const one = async (q: (text: string, values: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }>, memberId: string) => {
    await q('begin', []);
    try {
      const { rows } = await q(
        `update volunteer_activity
            set last_seq = last_seq + 1,
                confirmed_count = confirmed_count + (case when confirmed_count < capacity then 1 else 0 end),
                waitlist_count = waitlist_count + (case when confirmed_count < capacity then 0 else 1 end)
          where id = $1 and status = 'published'
          returning last_seq, (confirmed_count <= capacity and waitlist_count = 0) as confirmed`,
        [opts.activityId],
      );
      const r = rows[0]!;
      await q(`insert into volunteer_signup (activity_id, member_id, status, seq) values ($1, $2, $3, $4)`, [opts.activityId, memberId, r.confirmed ? 'confirmed' : 'waitlisted', r.last_seq]);
      await q('commit', []);
    } catch (err) {
      await q('rollback', []);
      throw err;
    }
  };
  let next = 0;
  const t0 = performance.now();
  if (opts.store === 'postgres') {
    const pool = new pg.Pool({ connectionString: opts.url!, max: CLIENTS });
    try {
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          const client = await pool.connect();
          try {
            while (next < opts.memberIds.length) await one((t, v) => client.query(t, v), opts.memberIds[next++]!);
          } finally {
            client.release();
          }
        }),
      );
    } finally {
      await pool.end();
    }
  } else {
    // PGlite has one connection: the clients queue for it, each sign-up its own transaction.
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < opts.memberIds.length) {
          const memberId = opts.memberIds[next++]!;
          await opts.db.transaction().execute(async (trx) => {
            const { rows } = await sql<{ last_seq: number; confirmed: boolean }>`
              update volunteer_activity
                 set last_seq = last_seq + 1,
                     confirmed_count = confirmed_count + (case when confirmed_count < capacity then 1 else 0 end),
                     waitlist_count = waitlist_count + (case when confirmed_count < capacity then 0 else 1 end)
               where id = ${opts.activityId} and status = 'published'
               returning last_seq, (confirmed_count <= capacity and waitlist_count = 0) as confirmed`.execute(trx);
            const r = rows[0]!;
            await sql`insert into volunteer_signup (activity_id, member_id, status, seq) values (${opts.activityId}, ${memberId}, ${r.confirmed ? 'confirmed' : 'waitlisted'}, ${r.last_seq})`.execute(trx);
          });
        }
      }),
    );
  }
  return performance.now() - t0;
}

export async function signupRush(opts: BenchOptions): Promise<BenchEntry[]> {
  const handle = await opts.seededStore();
  const database = await handle.open();
  const db = database.db;
  const app = await buildApp(handle.config, database, { logger: false });
  let clients: Clients | null = null;
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const port = (app.server.address() as AddressInfo).port;
    clients = new Clients(port);
    const rush = (activityId: string, who: Rusher[]) => clients!.rush(activityId, who);
    const region = (await db.selectFrom('region').select('id').where('kind', '=', 'community').orderBy('path').executeTakeFirst()) ?? (await benchCommunity(db));
    const rushers = await makeRushers(db, app.ctx, region.id);
    opts.log(`${MEMBERS} members ready; ${CLIENTS} concurrent clients`);

    // Warm-up (schemas, caches, connections) on a throw-away activity.
    await rush(await newActivity(db, region.id, CAPACITY), rushers.slice(0, 200));

    // Exactness: one rush, checked row by row.
    const exact: Array<{ oversold: number; ok: boolean; confirmed: number; waitlisted: number }> = [];
    for (let run = 0; run < opts.runs; run++) {
      const id = await newActivity(db, region.id, CAPACITY);
      const answers = await rush(id, rushers);
      const bad = answers.filter((a) => a.status !== 201);
      const v = await verify(db, id);
      const ok = bad.length === 0 && v.confirmed === CAPACITY && v.waitlisted === MEMBERS - CAPACITY && v.counterConfirmed === v.confirmed && v.counterWaitlisted === v.waitlisted && v.inOrder;
      exact.push({ oversold: Math.max(0, v.confirmed - CAPACITY), ok, confirmed: v.confirmed, waitlisted: v.waitlisted });
      opts.log(`rush ${run + 1}: ${v.confirmed} confirmed, ${v.waitlisted} waitlisted, counters ${v.counterConfirmed}/${v.counterWaitlisted}, in order ${v.inOrder}, ${bad.length} errors`);
      if (!ok) throw new Error(`rush ${run + 1} was not exact: ${JSON.stringify({ ...v, errors: bad.slice(0, 3) })}`);
    }

    // Throughput: rushes back to back for ≥ `seconds` (at least 10), then the raw SQL for as many sign-ups.
    const seconds = Math.max(10, opts.seconds);
    const apiRates: number[] = [];
    const rawRates: number[] = [];
    const stats0 = { ...batcherOf(app.ctx).stats };
    for (let run = 0; run < opts.runs; run++) {
      let signups = 0;
      const t0 = performance.now();
      while (performance.now() - t0 < seconds * 1000) {
        const id = await newActivity(db, region.id, CAPACITY);
        const answers = await rush(id, rushers);
        signups += answers.filter((a) => a.status === 201).length;
      }
      const apiMs = performance.now() - t0;
      apiRates.push(signups / (apiMs / 1000));
      let rawMs = 0;
      let rawCount = 0;
      while (rawMs < seconds * 1000) {
        const id = await newActivity(db, region.id, CAPACITY);
        rawMs += await rawSignups({ store: opts.store, db, url: handle.config.databaseUrl, activityId: id, memberIds: rushers.map((r) => r.memberId) });
        rawCount += MEMBERS;
        const v = await verify(db, id);
        if (v.confirmed !== CAPACITY || v.counterConfirmed !== CAPACITY) throw new Error(`raw SQL rush was not exact: ${JSON.stringify(v)}`);
      }
      rawRates.push(rawCount / (rawMs / 1000));
      opts.log(`throughput run ${run + 1}: API ${Math.round(apiRates.at(-1)!)}/s over ${(apiMs / 1000).toFixed(1)} s, raw SQL ${Math.round(rawRates.at(-1)!)}/s over ${(rawMs / 1000).toFixed(1)} s`);
    }
    const stats = batcherOf(app.ctx).stats;
    const commits = stats.commits - stats0.commits;
    const perCommit = commits ? (stats.signups - stats0.signups) / commits : 0;
    opts.log(`group commit: ${commits} transactions, ${perCommit.toFixed(1)} sign-ups each on average, largest batch ${stats.largestBatch}`);
    const rawMedian = [...rawRates].sort((a, b) => a - b)[Math.floor(rawRates.length / 2)]!;
    return [
      opts.entry(opts.store, 'signup-rush-exact', exact.map((e) => e.oversold), 'seats oversold', { name: 'capacity', value: CAPACITY }, (v) => (v === 0 ? 1 : 0), 'exactly 500 confirmed, rest waitlisted in order, counter = rows', {
        confirmed: exact[0]!.confirmed,
        waitlisted: exact[0]!.waitlisted,
        capacity: CAPACITY,
        oversold: Math.max(...exact.map((e) => e.oversold)),
        members: MEMBERS,
        clients: CLIENTS,
      }),
      opts.entry(opts.store, 'signup-rush-throughput', apiRates, 'sign-ups/s', { name: 'raw SQL, one transaction per sign-up', value: rawMedian }, (v) => v / rawMedian, opts.store === 'postgres' ? 'ratio ≥ 2.0' : 'reported', {
        clients: CLIENTS,
        seconds,
        raw_runs: rawRates.map((r) => Math.round(r)),
        signups_per_commit: Math.round(perCommit * 10) / 10,
        capacity: CAPACITY,
        oversold: 0,
      }),
    ];
  } finally {
    await clients?.close();
    await app.close();
    await database.close();
    await handle.dispose();
  }
}
