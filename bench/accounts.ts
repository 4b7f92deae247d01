/**
 * bulk-accounts-4k and activation (issue 11), on a fresh copy of the seeded demo city, through the
 * app as the bench administrator. bulk-accounts-4k: one POST /api/v1/accounts/bulk for 4,000
 * members without an account (account names and one-time codes, kept as keyed HMACs: no password
 * hashing on this path); target ≤ 5 s on PGlite. activation: POST /api/v1/accounts/activate with
 * those codes one after another (argon2id of the new password dominates), median and p95.
 */
import { buildApp } from '../src/server/app';
import { percentile, type BenchEntry, type BenchOptions } from './lib';

const MEMBERS = 4000;
const ACTIVATIONS = 40;
const BULK_TARGET_MS = 5000;
const ACTIVATION_TARGET_MS = 500;

export async function accountsBench(opts: BenchOptions): Promise<BenchEntry[]> {
  const bulkTimes: number[] = [];
  const medians: number[] = [];
  const p95s: number[] = [];
  for (let run = 0; run < opts.runs; run++) {
    // Each run on its own copy: every run creates 4,000 accounts.
    const handle = await opts.seededStore();
    const db = await handle.open();
    try {
      const app = await buildApp(handle.config, db, { logger: false });
      await app.ready();
      try {
        const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: opts.admin });
        if (login.statusCode !== 200) throw new Error(`admin login failed: ${login.statusCode}`);
        const headers = { cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join('; '), 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken };
        const ids = (await db.db.selectFrom('member').select('id').where('user_id', 'is', null).where('status', '=', 'active').orderBy('id').limit(MEMBERS).execute()).map((m) => m.id);
        if (ids.length < MEMBERS) throw new Error(`the seeded store has ${ids.length} members without an account, fewer than ${MEMBERS}`);
        const t = performance.now();
        const bulk = await app.inject({ method: 'POST', url: '/api/v1/accounts/bulk', headers, payload: { memberIds: ids } });
        bulkTimes.push(performance.now() - t);
        if (bulk.statusCode !== 201) throw new Error(`bulk accounts answered ${bulk.statusCode}: ${bulk.body.slice(0, 200)}`);
        const items = bulk.json<{ items: Array<{ account: string; code: string }> }>().items;
        if (items.length !== MEMBERS) throw new Error(`bulk accounts made ${items.length} of ${MEMBERS}`);
        const times: number[] = [];
        for (const item of items.slice(0, ACTIVATIONS)) {
          const a = performance.now();
          const res = await app.inject({ method: 'POST', url: '/api/v1/accounts/activate', payload: { account: item.account, code: item.code, password: 'Bench-activation-2026' } });
          times.push(performance.now() - a);
          if (res.statusCode !== 200) throw new Error(`activation answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
        }
        medians.push(percentile(times, 50));
        p95s.push(percentile(times, 95));
        opts.log(`run ${run + 1}: bulk ${bulkTimes.at(-1)!.toFixed(0)} ms for ${MEMBERS}; activation median ${medians.at(-1)!.toFixed(1)} ms, p95 ${p95s.at(-1)!.toFixed(1)} ms`);
      } finally {
        await app.close();
      }
    } finally {
      await db.close();
      await handle.dispose();
    }
  }
  const extra = { members: MEMBERS, activations_per_run: ACTIVATIONS, scale: opts.scale };
  return [
    opts.entry(opts.store, 'bulk-accounts-4k', bulkTimes, 'ms', { name: 'fixed target', value: BULK_TARGET_MS }, (v) => BULK_TARGET_MS / v, `≤ ${BULK_TARGET_MS / 1000} s on PGlite`, extra),
    opts.entry(opts.store, 'activation-median', medians, 'ms', { name: 'fixed target', value: ACTIVATION_TARGET_MS }, (v) => ACTIVATION_TARGET_MS / v, `median < ${ACTIVATION_TARGET_MS} ms (one argon2id hash)`, extra),
    opts.entry(opts.store, 'activation-p95', p95s, 'ms', { name: 'fixed target', value: ACTIVATION_TARGET_MS }, (v) => ACTIVATION_TARGET_MS / v, `p95 < ${ACTIVATION_TARGET_MS} ms`, extra),
  ];
}
