/**
 * my-hours and my-quota: what a member's phone asks for on the volunteering pages
 * (`GET /api/v1/volunteering/me/hours` and `/me/quota`), through the app, on the seeded demo city
 * with its registrations and a season of volunteering, as the demo `member` account.
 * Target (issue 7): under 50 ms each at the `--scale city` size. Each run times 40 requests of each
 * route one after another (no concurrency: the figure is the latency one member sees).
 */
import { sql } from 'kysely';
import { buildApp } from '../src/server/app';
import { DEMO_PASSWORD } from '../src/server/seed/demo';
import { seedRegistration } from '../src/server/seed/registration';
import { seedVolunteering } from '../src/server/seed/volunteering';
import { percentile, type BenchEntry, type BenchOptions } from './lib';

const REQUESTS = 40;
const TARGET_MS = 50;

export async function myPagesBench(opts: BenchOptions): Promise<BenchEntry[]> {
  const handle = await opts.seededStore();
  const db = await handle.open();
  try {
    await seedRegistration(db.db);
    await seedVolunteering(db.db);
    if (opts.store === 'postgres') await sql`analyze`.execute(db.db);
    const app = await buildApp(handle.config, db, { logger: false });
    await app.ready();
    try {
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { account: 'member', password: DEMO_PASSWORD } });
      if (login.statusCode !== 200) throw new Error(`member login failed: ${login.statusCode}`);
      const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const ledger = await db.db.selectFrom('hour_entry').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const entries: BenchEntry[] = [];
      for (const [name, url] of [
        ['my-hours', '/api/v1/volunteering/me/hours'],
        ['my-quota', '/api/v1/volunteering/me/quota'],
      ] as const) {
        const ask = async () => {
          const t = performance.now();
          const res = await app.inject({ method: 'GET', url, headers: { cookie } });
          if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
          return performance.now() - t;
        };
        for (let i = 0; i < 5; i++) await ask(); // warm up
        const medians: number[] = [];
        const p95s: number[] = [];
        for (let run = 0; run < opts.runs; run++) {
          const times: number[] = [];
          for (let i = 0; i < REQUESTS; i++) times.push(await ask());
          medians.push(percentile(times, 50));
          p95s.push(percentile(times, 95));
        }
        opts.log(`${name}: median ${medians.map((m) => m.toFixed(1)).join(' / ')} ms, p95 ${p95s.map((m) => m.toFixed(1)).join(' / ')} ms (${Number(ledger.n)} ledger rows)`);
        const extra = { ledger_rows: Number(ledger.n), requests_per_run: REQUESTS, scale: opts.scale };
        entries.push(
          opts.entry(opts.store, `${name}-median`, medians, 'ms', { name: 'fixed target', value: TARGET_MS }, (v) => TARGET_MS / v, `median < ${TARGET_MS} ms at --scale city`, extra),
          opts.entry(opts.store, `${name}-p95`, p95s, 'ms', { name: 'fixed target', value: TARGET_MS }, (v) => TARGET_MS / v, `p95 < ${TARGET_MS} ms at --scale city`, extra),
        );
      }
      return entries;
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
    await handle.dispose();
  }
}
