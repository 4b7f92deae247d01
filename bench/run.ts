/**
 * `npm run bench`: measures against a limit taken in the same run, on this machine, on PGlite and
 * (when BENCH_DATABASE_URL or TEST_DATABASE_URL is set) on PostgreSQL, and writes
 * bench/results/<date>.json, bench/results/latest.json and the table in docs/benchmarks.md.
 * Traffic goes to loopback only; every benchmark stops by itself. On PostgreSQL the bench creates
 * its own databases (gongjian_bench_*) and drops them at the end.
 *
 *   read-route          authenticated GET /api/v1/members?pageSize=20 (the directory list: session,
 *                       scope filter, count and page) against a constant route on a bare Fastify in
 *                       the same process (requests/s ratio; target ≥ 0.5)
 *   read-route-me       authenticated GET /api/v1/auth/me (what every page load asks) against the same constant
 *   read-route-notifications  authenticated GET /api/v1/notifications (polled by the web app; one query)
 *   startup-empty       startServer() to listening on an empty store, against opening the bare store
 *   startup-<scale>     the same on a store holding the demo city (target ≤ 1.5× the bare open)
 *   startup-process     `gongjian serve` as a new process until it prints its address, against a new
 *                       Node process opening the bare store (PGlite only; includes loading the code)
 *   import-10k          validate and commit 10,000 members from .xlsx (target ≤ 5 s)
 *   peak-rss            the process's peak resident memory under the read load
 *   signup-rush, matching, my-pages, accounts  from bench/signup-rush.ts, bench/matching.ts, bench/my-pages.ts and
 *                       bench/accounts.ts (bulk-accounts-4k, activation median and p95)
 *
 * Flags: --scale county|city (demo size; default county), --runs N (default 3), --seconds N (read
 *        load per run, default 5), --stores pglite,postgres (default: both when a URL is set),
 *        --only name,name (run only these benchmarks; the results files are not written then),
 *        --skip name,name (run all but these; they are listed as skipped in the results).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import ExcelJS from 'exceljs';
import Fastify from 'fastify';
import pg from 'pg';
import { sql } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { buildApp } from '../src/server/app';
import { loadConfig, type Config } from '../src/server/config';
import { openPglite, openPostgres } from '../src/server/db/database';
import { migrateToLatest } from '../src/server/db/migrate';
import { startServer } from '../src/server/main';
import { createAdmin } from '../src/server/platform/bootstrap';
import { PersonalDataCipher } from '../src/server/platform/crypto';
import { resolveSecrets } from '../src/server/platform/secrets';
import { principalFromSession } from '../src/server/platform/sessions';
import { directoryReach } from '../src/server/modules/directory/directory.policy';
import { filteredMembers } from '../src/server/modules/directory/members.service';
import { seedCity } from '../src/server/seed/city';
import { makeIdNumber } from '../src/domain/directory/id-number';
import { entry, median, round, type BenchEntry, type BenchOptions, type BenchStore, type BenchStoreHandle } from './lib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const SCALE = arg('scale', 'county');
if (SCALE !== 'county' && SCALE !== 'city') throw new Error(`--scale must be county or city, not ${SCALE}`);
const RUNS = Math.max(1, Number(arg('runs', '3')));
const SECONDS = Math.max(1, Number(arg('seconds', '5')));
const ONLY = arg('only', '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const PG_URL = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || null;
const STORES = arg('stores', PG_URL ? 'pglite,postgres' : 'pglite').split(',') as BenchStore[];
const ADMIN = { account: 'loadtest', password: 'Bench-Chief-Pass-2026' };
const SKIP = arg('skip', '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const matches = (list: string[], name: string) => list.some((o) => name === o || name.startsWith(`${o}-`));
const wanted = (name: string) => (ONLY.length === 0 || matches(ONLY, name)) && !matches(SKIP, name);

const log = (s: string) => process.stdout.write(`${s}\n`);
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'gongjian-bench-'));

function benchConfig(env: Record<string, string>): Config {
  return {
    ...loadConfig({
      GONGJIAN_ENV: 'test',
      GONGJIAN_HOST: '127.0.0.1',
      GONGJIAN_PORT: '0',
      GONGJIAN_LOG_LEVEL: 'silent',
      GONGJIAN_SEED_DEMO: 'false',
      GONGJIAN_WEB_DIR: path.join(root, 'dist', 'web'),
      ...env,
    }),
    loginRateLimitPerMinute: 1_000_000,
  };
}

// ---------- stores ----------

function pgliteHandle(dataDir: string): BenchStoreHandle {
  return {
    store: 'pglite',
    config: benchConfig({ GONGJIAN_DATA_DIR: dataDir }),
    open: () => openPglite({ dir: path.join(dataDir, 'pgdata'), lockDir: dataDir }),
    async copy() {
      const dir = tmp();
      fs.cpSync(dataDir, dir, { recursive: true });
      fs.rmSync(path.join(dir, 'gongjian.lock'), { force: true });
      return pgliteHandle(dir);
    },
    async dispose() {
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

async function pgAdmin<T>(f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_URL! });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

const created = new Set<string>();

async function pgHandle(template: string | null): Promise<BenchStoreHandle> {
  const name = `gongjian_bench_${randomBytes(4).toString('hex')}`;
  await pgAdmin((c) => c.query(`create database ${name}${template ? ` template ${template}` : ''}`));
  created.add(name);
  const url = withDatabase(PG_URL!, name);
  return {
    store: 'postgres',
    config: benchConfig({ DATABASE_URL: url }),
    open: () => openPostgres(url, 10),
    copy: () => pgHandle(name),
    async dispose() {
      await pgAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
      created.delete(name);
    },
  };
}

async function dropCreatedDatabases(): Promise<void> {
  for (const name of [...created]) {
    await pgAdmin((c) => c.query(`drop database if exists ${name} with (force)`)).catch(() => undefined);
    created.delete(name);
  }
}

/** A migrated store with the bench administrator, and the demo city when a scale is given. */
async function prepare(store: BenchStore, scale: 'county' | 'city' | null): Promise<BenchStoreHandle> {
  const handle = store === 'pglite' ? pgliteHandle(tmp()) : await pgHandle(null);
  const db = await handle.open();
  try {
    await migrateToLatest(db.db);
    const { secrets } = await resolveSecrets(db.db, handle.config);
    if (scale) await seedCity(db.db, new PersonalDataCipher(secrets.encryptionKey), { scale });
    await createAdmin(db.db, handle.config.password, ADMIN);
    if (store === 'postgres') await sql`analyze`.execute(db.db);
  } finally {
    await db.close();
  }
  return handle;
}

/** Opening the bare store: PGlite.create on the same directory, or a PostgreSQL connection; both answer one query. */
async function bareOpen(handle: BenchStoreHandle): Promise<number> {
  const t = performance.now();
  if (handle.store === 'pglite') {
    const bare = await PGlite.create({ dataDir: path.join(handle.config.dataDir, 'pgdata') });
    await bare.query('select 1');
    const ms = performance.now() - t;
    await bare.close();
    return ms;
  }
  const c = new pg.Client({ connectionString: handle.config.databaseUrl! });
  await c.connect();
  await c.query('select 1');
  const ms = performance.now() - t;
  await c.end();
  return ms;
}

// ---------- start-up ----------

/** startServer() (open, migrate when needed, build the app, first-admin check, listen, jobs) until it listens. */
async function startupOnce(handle: BenchStoreHandle): Promise<{ server: number; bare: number }> {
  const bare = await bareOpen(handle);
  const t = performance.now();
  const server = await startServer(handle.config, () => undefined);
  const ms = performance.now() - t;
  await server.stop();
  return { server: ms, bare };
}

/** The same steps as startServer, timed one by one, for the breakdown column. */
async function startupSteps(handle: BenchStoreHandle): Promise<Record<string, number>> {
  const steps: Record<string, number> = {};
  let t = performance.now();
  const lap = (k: string) => {
    const now = performance.now();
    steps[k] = round(now - t, 1);
    t = now;
  };
  const db = await handle.open();
  lap('open_ms');
  await migrateToLatest(db.db);
  lap('migration_check_ms');
  const app = await buildApp(handle.config, db, { lazySchemas: true });
  lap('build_app_ms');
  await app.listen({ host: '127.0.0.1', port: 0 });
  lap('listen_ms');
  const compiled = await app.warmSchemas();
  lap('schemas_after_listen_ms');
  steps.schemas_compiled_after_listen = compiled;
  await app.close();
  await db.close();
  return steps;
}

/** A new `gongjian serve` process until it prints its address, against a new Node process opening the bare store. */
async function startupProcess(handle: BenchStoreHandle): Promise<{ server: number; bare: number }> {
  // Resolves with the time to ready once the process has exited again (it holds the store's lock until then).
  const run = (args: string[], env: Record<string, string>, ready: RegExp, stop: boolean) =>
    new Promise<number>((resolve, reject) => {
      const t = performance.now();
      const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let readyMs: number | null = null;
      const onData = (d: Buffer) => {
        out += d.toString();
        if (readyMs === null && ready.test(out)) {
          readyMs = performance.now() - t;
          if (stop) child.kill('SIGTERM');
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      child.on('exit', (code) => {
        if (readyMs !== null) resolve(readyMs);
        else reject(new Error(`process exited (${code}) before it was ready:\n${out.slice(-2000)}`));
      });
      setTimeout(() => {
        if (child.exitCode === null) {
          child.kill('SIGKILL');
          if (readyMs === null) reject(new Error(`not ready within 60 s:\n${out.slice(-2000)}`));
        }
      }, 60_000).unref();
    });
  const pgdata = path.join(handle.config.dataDir, 'pgdata');
  const bareScript = `const { PGlite } = await import('@electric-sql/pglite'); const db = await PGlite.create({ dataDir: ${JSON.stringify(pgdata)} }); await db.query('select 1'); console.log('ready'); await db.close();`;
  // The bare process closes the store and exits by itself; the server is stopped with SIGTERM (a graceful stop).
  const bare = await run(['--input-type=module', '-e', bareScript], {}, /ready/, false);
  const server = await run(
    [path.join(root, 'bin', 'gongjian.mjs'), 'serve', '--data-dir', handle.config.dataDir, '--host', '127.0.0.1', '--port', '0'],
    { GONGJIAN_ENV: 'test', GONGJIAN_SEED_DEMO: 'false', GONGJIAN_LOG_LEVEL: 'silent', GONGJIAN_WEB_DIR: path.join(root, 'dist', 'web') },
    /is running at/,
    true,
  );
  return { server, bare };
}

// ---------- read load ----------

async function load(url: string, headers: Record<string, string>): Promise<number> {
  const result = await autocannon({ url, connections: 10, duration: SECONDS, headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  return result.requests.average;
}

const READS = [
  { name: 'read-route', path: '/api/v1/members?pageSize=20', what: 'GET /api/v1/members?pageSize=20 (directory list, system scope, 20 of all members)' },
  { name: 'read-route-me', path: '/api/v1/auth/me', what: 'GET /api/v1/auth/me (the current user; asked on every page load)' },
  { name: 'read-route-notifications', path: '/api/v1/notifications', what: 'GET /api/v1/notifications (the bell, polled by the web app)' },
] as const;

interface ReadResult {
  rps: Record<string, number[]>;
  constant: number[];
  rss: number;
  queryMs: number;
}

async function readRoutes(handle: BenchStoreHandle): Promise<ReadResult> {
  const db = await handle.open();
  const app = await buildApp(handle.config, db, { logger: false });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  await app.warmSchemas();
  const bare = Fastify();
  bare.get('/constant', async () => ({ items: [], total: 0 }));
  const bareAddress = await bare.listen({ host: '127.0.0.1', port: 0 });
  try {
    const login = await fetch(`${address}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    if (!login.ok) throw new Error(`bench login failed: ${login.status} ${await login.text()}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;

    // The directory list's own SQL (count and page), run back to back without HTTP: what the route cannot go below.
    const principal = await principalFromSession(app.ctx, cookie.replace(/^gj_session=/, ''));
    if (!principal) throw new Error('no principal for the bench session');
    const base = filteredMembers(app.ctx, directoryReach(principal, 'directory.member.read'), {});
    const countQ = base.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')).compile();
    const pageQ = base.orderBy('m.name_initials', 'asc').orderBy('m.id').limit(20).offset(0).compile();
    const queryTimes: number[] = [];
    for (let i = 0; i < 220; i++) {
      const t = performance.now();
      await app.ctx.db.executeQuery(countQ);
      await app.ctx.db.executeQuery(pageQ);
      if (i >= 20) queryTimes.push(performance.now() - t);
    }

    let rss = process.memoryUsage().rss;
    const sampler = setInterval(() => (rss = Math.max(rss, process.memoryUsage().rss)), 100);
    const rps: Record<string, number[]> = {};
    const constant: number[] = [];
    const reads = READS.filter((r) => wanted(r.name) || wanted('peak-rss'));
    // Warm-up: JIT, lazy schemas, caches.
    for (const r of reads) for (let i = 0; i < 50; i++) await (await fetch(`${address}${r.path}`, { headers: { cookie } })).arrayBuffer();
    for (let i = 0; i < RUNS; i++) {
      constant.push(await load(`${bareAddress}/constant`, {}));
      for (const r of reads) (rps[r.name] ??= []).push(await load(`${address}${r.path}`, { cookie }));
    }
    clearInterval(sampler);
    return { rps, constant, rss, queryMs: median(queryTimes) };
  } finally {
    await bare.close();
    await app.close();
    await db.close();
  }
}

// ---------- import ----------

async function memberWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员');
  ws.addRow(['姓名', '手机号', '身份证号', '工作单位', '居住社区', '技能特长']);
  for (let i = 0; i < 10_000; i++) {
    const birth = new Date(Date.UTC(1960, 0, 1) + i * 86_400_000 * 1.3).toISOString().slice(0, 10);
    ws.addRow([`导入${i}`, `135${String(10_000_000 + i)}`, makeIdNumber('330106', birth, 501 + (i % 400)), '临江市税务局机关党支部', '幸福社区', '摄影']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function import10k(seeded: BenchStoreHandle, file: Buffer): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // Each run imports into a fresh copy of the seeded store, so every run writes 10,000 members.
    const copy = await seeded.copy();
    const db = await copy.open();
    try {
      const app = await buildApp(copy.config, db, { logger: false });
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: ADMIN });
      const headers = { cookie: `gj_session=${login.cookies.find((c) => c.name === 'gj_session')!.value}`, 'x-csrf-token': login.json().csrfToken };
      const t = performance.now();
      const v = await app.inject({ method: 'POST', url: '/api/v1/imports/members?fileName=bench.xlsx', headers: { ...headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, payload: file });
      const c = await app.inject({ method: 'POST', url: `/api/v1/imports/${v.json().batchId}/commit`, headers });
      times.push((performance.now() - t) / 1000);
      const written = c.json().toCreate + c.json().toUpdate;
      if (written !== 10_000) throw new Error(`import wrote ${written} of 10,000 rows (${v.json().errorRows} error rows)`);
      await app.close();
    } finally {
      await db.close();
      await copy.dispose();
    }
  }
  return times;
}

// ---------- benchmarks written by other modules ----------

const PLUGINS = [
  { name: 'signup-rush', file: 'signup-rush.ts', fn: 'signupRush' },
  { name: 'matching', file: 'matching.ts', fn: 'matchingBench' },
  { name: 'my-pages', file: 'my-pages.ts', fn: 'myPagesBench' },
  { name: 'accounts', file: 'accounts.ts', fn: 'accountsBench' },
] as const;

interface Skip {
  name: string;
  store: BenchStore | 'all';
  reason: string;
}

async function runPlugins(store: BenchStore, seeded: BenchStoreHandle, results: BenchEntry[], skipped: Skip[]): Promise<void> {
  for (const p of PLUGINS) {
    if (matches(SKIP, p.name)) {
      skipped.push({ name: p.name, store, reason: 'skipped: --skip on this run' });
      continue;
    }
    if (!wanted(p.name)) continue;
    const file = path.join(root, 'bench', p.file);
    if (!fs.existsSync(file)) {
      log(`  ${p.name} [${store}]: skipped: not built yet (bench/${p.file} does not exist)`);
      skipped.push({ name: p.name, store, reason: `skipped: not built yet (bench/${p.file})` });
      continue;
    }
    log(`  ${p.name} [${store}]…`);
    const opts: BenchOptions = { store, scale: SCALE as 'county' | 'city', runs: RUNS, seconds: SECONDS, seededStore: () => seeded.copy(), admin: ADMIN, log: (l) => log(`    ${l}`), entry };
    try {
      const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      const fn = mod[p.fn];
      if (typeof fn !== 'function') throw new Error(`bench/${p.file} does not export ${p.fn}(opts)`);
      const entries = (await (fn as (o: BenchOptions) => Promise<BenchEntry[]>)(opts)) ?? [];
      for (const e of entries) results.push({ ...e, store: e.store ?? store });
    } catch (err) {
      const reason = `failed: ${err instanceof Error ? err.message : String(err)}`.slice(0, 500);
      log(`  ${p.name} [${store}]: ${reason}`);
      skipped.push({ name: p.name, store, reason });
    }
  }
}

// ---------- one store ----------

async function benchStore(store: BenchStore, results: BenchEntry[], skipped: Skip[], xlsx: () => Promise<Buffer>): Promise<void> {
  const label = store === 'pglite' ? 'PGlite' : 'PostgreSQL';
  log(`\n[${label}] preparing an empty store and a ${SCALE} store…`);
  const empty = await prepare(store, null);
  const seeded = await prepare(store, SCALE as 'county' | 'city');
  try {
    for (const [name, handle] of [['startup-empty', empty], [`startup-${SCALE}`, seeded]] as const) {
      if (!wanted(name)) continue;
      log(`[${label}] ${name}…`);
      const server: number[] = [];
      const bare: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const r = await startupOnce(handle);
        server.push(r.server);
        bare.push(r.bare);
      }
      const steps = await startupSteps(handle);
      const limitName = store === 'pglite' ? 'bare PGlite open of the same store' : 'bare PostgreSQL connect + select 1';
      const target = store === 'pglite' ? '≤ 1.5× the bare open (ratio ≥ 1)' : 'recorded (the 1.5× target is for the embedded store)';
      results.push(entry(store, name, server, 'ms', { name: limitName, value: median(bare) }, (v) => (1.5 * median(bare)) / v, target, { bare_runs: bare.map((b) => round(b, 1)), steps }));
    }
    if (store === 'pglite' && wanted('startup-process')) {
      log(`[${label}] startup-process…`);
      const server: number[] = [];
      const bare: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const r = await startupProcess(seeded);
        server.push(r.server);
        bare.push(r.bare);
      }
      results.push(
        entry(store, 'startup-process', server, 'ms', { name: 'new Node process opening the bare PGlite store', value: median(bare) }, (v) => (1.5 * median(bare)) / v, 'recorded (includes loading the code through tsx)', {
          bare_runs: bare.map((b) => round(b, 1)),
          store_scale: SCALE,
        }),
      );
    }

    if (READS.some((r) => wanted(r.name)) || wanted('peak-rss')) {
      log(`[${label}] read routes (${RUNS} × ${SECONDS} s each, 10 connections)…`);
      const read = await readRoutes(seeded);
      const constant = median(read.constant);
      for (const r of READS) {
        const values = read.rps[r.name];
        if (!values || !wanted(r.name)) continue;
        const extra: Record<string, unknown> = { route: r.what, constant_runs: read.constant.map((c) => round(c, 0)) };
        if (r.name === 'read-route') {
          extra.query_ms = round(read.queryMs);
          extra.query_bound_rps = store === 'pglite' ? round(1000 / read.queryMs, 0) : null;
        }
        results.push(entry(store, r.name, values, 'req/s', { name: 'constant route on bare Fastify, same process', value: constant }, (v) => v / constant, 'ratio ≥ 0.5', extra));
      }
      if (wanted('peak-rss')) {
        const mib = read.rss / 1024 / 1024;
        const total = os.totalmem() / 1024 / 1024;
        results.push(entry(store, 'peak-rss', [mib], 'MiB', { name: 'machine memory', value: total }, (v) => 1 - v / total, 'recorded', { note: 'this process: server, load generator and the embedded store when PGlite' }));
      }
    }

    if (wanted('import-10k')) {
      log(`[${label}] import-10k…`);
      const imp = await import10k(seeded, await xlsx());
      results.push(entry(store, 'import-10k', imp, 's', { name: 'target', value: 5 }, (v) => 5 / v, '≤ 5 s (ratio ≥ 1)'));
    }

    await runPlugins(store, seeded, results, skipped);
  } finally {
    await empty.dispose();
    await seeded.dispose();
  }
}

// ---------- report ----------

async function describeDatabases(stores: BenchStore[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const pglitePkg = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')) as { version: string };
  out.pglite = `PGlite ${pglitePkg.version} (in process)`;
  if (stores.includes('postgres')) {
    out.postgres = await pgAdmin(async (c) => {
      const r = await c.query<{ v: string }>(`select current_setting('server_version') as v`);
      return `PostgreSQL ${r.rows[0]!.v} on ${new URL(PG_URL!).hostname} (pool of 10)`;
    });
  }
  return out;
}

const fmt = (v: number, unit: string) => (unit === 'req/s' ? `${Math.round(v).toLocaleString('en-US')} req/s` : unit === 'ms' ? `${Math.round(v)} ms` : unit === 'MiB' ? `${Math.round(v)} MiB` : `${v} ${unit}`);

function table(report: { date: string; machine: Record<string, unknown>; databases: Record<string, string>; loadavg: { start: number[]; end: number[] } }, results: BenchEntry[], skipped: Skip[]): string {
  const m = report.machine;
  const lines = [
    `Measured ${report.date} on ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB memory, Node ${m.node}, ${m.platform}; demo scale ${SCALE}; ${RUNS} runs of each figure (median; spread = (max − min) / median); read load ${SECONDS} s per run, 10 connections.`,
    `Databases: ${Object.values(report.databases).join('; ')}. Load average at start ${report.loadavg.start.map((x) => x.toFixed(2)).join(' / ')}, at end ${report.loadavg.end.map((x) => x.toFixed(2)).join(' / ')} (the machine is shared: compare ratios, not absolute figures).`,
    '',
    '| benchmark | store | median | spread | limit measured in the same run | ratio | target |',
    '|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.name}${r.route ? ` — ${String(r.route).split(' (')[0]}` : ''} | ${r.store === 'pglite' ? 'PGlite' : 'PostgreSQL'} | ${fmt(r.value, r.unit)} | ±${Math.round(r.spread * 100)} % | ${r.limit_name === 'target' ? 'fixed target' : `${fmt(r.limit_value, r.unit)} (${r.limit_name})`} | ${r.ratio} | ${r.target} |`,
    ),
    ...skipped.map((s) => `| ${s.name} | ${s.store === 'pglite' ? 'PGlite' : s.store === 'postgres' ? 'PostgreSQL' : s.store} | — | — | — | — | ${s.reason} |`),
  ];
  const notes: string[] = [];
  for (const r of results) {
    if (r.name === 'read-route' && typeof r.query_ms === 'number') {
      notes.push(
        `- read-route [${r.store}]: the list's two SQL statements alone (count and page, back to back, no HTTP) take ${r.query_ms} ms${r.query_bound_rps ? ` (at most ${r.query_bound_rps} lists/s on the one PGlite connection)` : ''}; under the read-only load the count is reused (platform/count-cache.ts), so each request runs the page statement only.`,
      );
    }
    if (r.steps) {
      const s = r.steps as Record<string, number>;
      notes.push(`- ${r.name} [${r.store}] steps of one start: ${Object.entries(s).map(([k, v]) => `${k.replace(/_ms$/, '').replace(/_/g, ' ')} ${v}${k.endsWith('_ms') ? ' ms' : ''}`).join(', ')}.`);
    }
  }
  if (notes.length) lines.push('', ...notes);
  return lines.join('\n');
}

async function main() {
  const started = Date.now();
  const loadStart = os.loadavg();
  const results: BenchEntry[] = [];
  const skipped: Skip[] = [];
  const stores = STORES.filter((s) => s === 'pglite' || s === 'postgres');
  if (stores.includes('postgres') && !PG_URL) throw new Error('--stores postgres needs BENCH_DATABASE_URL or TEST_DATABASE_URL');
  if (!PG_URL) {
    log('PostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL=postgres://… to benchmark it too).');
    skipped.push({ name: 'all benchmarks', store: 'postgres', reason: 'skipped: no BENCH_DATABASE_URL or TEST_DATABASE_URL' });
  }
  let workbook: Promise<Buffer> | null = null;
  const xlsx = () => (workbook ??= memberWorkbook());

  const onSignal = () => {
    void dropCreatedDatabases().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    for (const store of stores) await benchStore(store, results, skipped, xlsx);
  } finally {
    await dropCreatedDatabases();
  }

  const date = new Date().toISOString().slice(0, 10);
  const machine = { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 1024 ** 3), node: process.version, platform: `${os.platform()} ${os.release()}` };
  const databases = await describeDatabases(stores);
  const report = {
    date,
    machine,
    databases,
    scale: SCALE,
    stores,
    runs: RUNS,
    seconds: SECONDS,
    loadavg: { start: loadStart.map((x) => round(x, 2)), end: os.loadavg().map((x) => round(x, 2)) },
    elapsedSeconds: Math.round((Date.now() - started) / 1000),
    results,
    skipped,
  };
  const text = table(report, results, skipped);
  if (ONLY.length > 0) {
    log(`\n${text}\n\n(--only: the results files and docs/benchmarks.md were not written.)`);
    return;
  }
  const dir = path.join(root, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${date}.json`), `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  const doc = path.join(root, 'docs', 'benchmarks.md');
  const current = fs.existsSync(doc) ? fs.readFileSync(doc, 'utf8') : '';
  const begin = '<!-- bench:begin -->';
  const end = '<!-- bench:end -->';
  const next = current.includes(begin) ? current.replace(new RegExp(`${begin}[\\s\\S]*${end}`), `${begin}\n${text}\n${end}`) : `${current}\n${begin}\n${text}\n${end}\n`;
  fs.writeFileSync(doc, next);
  log(`\n${text}\n\nWritten bench/results/${date}.json, bench/results/latest.json and docs/benchmarks.md in ${report.elapsedSeconds} s.`);
}

await main();
