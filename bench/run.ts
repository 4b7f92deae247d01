/**
 * `npm run bench`: measures against a limit taken in the same run, on this machine, and writes
 * bench/results/<date>.json, bench/results/latest.json and the table in docs/benchmarks.md.
 * Traffic goes to loopback only; every benchmark stops by itself.
 *
 *   read-route     authenticated GET /api/v1/members (a typical list) against a constant route
 *                  on a bare Fastify in the same process (requests/s ratio; target ≥ 0.5)
 *   startup-empty  start to listening on an empty embedded store, against opening the bare store
 *   startup-county the same on a store holding the county demo city (target ≤ 1.5× the bare open)
 *   import-10k     validate and commit 10,000 members from .xlsx (target ≤ 5 s)
 *   peak-rss       the process's peak resident memory under the read load
 *
 * Flags: --scale county|city (demo size for the read and startup runs), --runs N (default 3),
 *        --seconds N (read load per run, default 5).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import ExcelJS from 'exceljs';
import Fastify from 'fastify';
import { PGlite } from '@electric-sql/pglite';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openPglite } from '../src/server/db/database';
import { migrateToLatest } from '../src/server/db/migrate';
import { createAdmin } from '../src/server/platform/bootstrap';
import { PersonalDataCipher } from '../src/server/platform/crypto';
import { resolveSecrets } from '../src/server/platform/secrets';
import { seedCity } from '../src/server/seed/city';
import { makeIdNumber } from '../src/domain/directory/id-number';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const SCALE = arg('scale', 'county') as 'county' | 'city';
const RUNS = Number(arg('runs', '3'));
const SECONDS = Number(arg('seconds', '5'));
const ADMIN = { account: 'loadtest', password: 'Bench-Chief-Pass-2026' };

interface Entry {
  name: string;
  store: 'pglite';
  value: number;
  unit: string;
  limit_name: string;
  limit_value: number;
  /** value over limit, oriented so that higher is better */
  ratio: number;
  target: string;
  runs: number;
  spread: number;
  [extra: string]: unknown;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const spread = (xs: number[]) => (Math.max(...xs) - Math.min(...xs)) / (median(xs) || 1);
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'gongjian-bench-'));
const config = (dataDir: string) => ({ ...loadConfig({ GONGJIAN_ENV: 'test', GONGJIAN_DATA_DIR: dataDir }), loginRateLimitPerMinute: 1_000_000 });
const log = (s: string) => process.stdout.write(`${s}\n`);

async function prepare(dataDir: string, scale: 'county' | 'city' | null) {
  const db = await openPglite({ dir: path.join(dataDir, 'pgdata'), lockDir: dataDir });
  await migrateToLatest(db.db);
  const cfg = config(dataDir);
  const { secrets } = await resolveSecrets(db.db, cfg);
  if (scale) await seedCity(db.db, new PersonalDataCipher(secrets.encryptionKey), { scale });
  await createAdmin(db.db, cfg.password, ADMIN);
  await db.close();
}

/** Time from nothing to a listening server on an existing store, and the bare open of the same store. */
async function startup(dataDir: string): Promise<{ server: number; bare: number }> {
  let t = performance.now();
  const bare = await PGlite.create({ dataDir: path.join(dataDir, 'pgdata') });
  await bare.query('select 1');
  const bareMs = performance.now() - t;
  await bare.close();
  t = performance.now();
  const db = await openPglite({ dir: path.join(dataDir, 'pgdata'), lockDir: dataDir });
  await migrateToLatest(db.db);
  const app = await buildApp(config(dataDir), db, { logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const serverMs = performance.now() - t;
  await app.close();
  await db.close();
  return { server: serverMs, bare: bareMs };
}

async function load(url: string, headers: Record<string, string>): Promise<number> {
  const result = await autocannon({ url, connections: 10, duration: SECONDS, headers });
  return result.requests.average;
}

async function readRoute(dataDir: string): Promise<{ api: number[]; constant: number[]; rss: number }> {
  const db = await openPglite({ dir: path.join(dataDir, 'pgdata'), lockDir: dataDir });
  const app = await buildApp(config(dataDir), db, { logger: false });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const bare = Fastify();
  bare.get('/constant', async () => ({ items: [], total: 0 }));
  const bareAddress = await bare.listen({ host: '127.0.0.1', port: 0 });
  const login = await fetch(`${address}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  let rss = process.memoryUsage().rss;
  const sampler = setInterval(() => (rss = Math.max(rss, process.memoryUsage().rss)), 100);
  const api: number[] = [];
  const constant: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    api.push(await load(`${address}/api/v1/members?pageSize=20`, { cookie }));
    constant.push(await load(`${bareAddress}/constant`, {}));
  }
  clearInterval(sampler);
  await bare.close();
  await app.close();
  await db.close();
  return { api, constant, rss };
}

async function import10k(dataDir: string): Promise<number[]> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员');
  ws.addRow(['姓名', '手机号', '身份证号', '工作单位', '居住社区', '技能特长']);
  for (let i = 0; i < 10_000; i++) {
    const birth = new Date(Date.UTC(1960, 0, 1) + i * 86_400_000 * 1.3).toISOString().slice(0, 10);
    ws.addRow([`导入${i}`, `135${String(10_000_000 + i)}`, makeIdNumber('330106', birth, 501 + (i % 400)), '临江市税务局机关党支部', '幸福社区', '摄影']);
  }
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // Each run imports into a fresh copy of the county store, so every run writes 10,000 members.
    const dir = tmp();
    fs.cpSync(dataDir, dir, { recursive: true });
    fs.rmSync(path.join(dir, 'gongjian.lock'), { force: true });
    const db = await openPglite({ dir: path.join(dir, 'pgdata'), lockDir: dir });
    const app = await buildApp(config(dir), db, { logger: false });
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: ADMIN });
    const headers = { cookie: `gj_session=${login.cookies.find((c) => c.name === 'gj_session')!.value}`, 'x-csrf-token': login.json().csrfToken };
    const t = performance.now();
    const v = await app.inject({ method: 'POST', url: '/api/v1/imports/members?fileName=bench.xlsx', headers: { ...headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, payload: file });
    const c = await app.inject({ method: 'POST', url: `/api/v1/imports/${v.json().batchId}/commit`, headers });
    times.push((performance.now() - t) / 1000);
    const written = c.json().toCreate + c.json().toUpdate;
    if (written !== 10_000) throw new Error(`import wrote ${written} of 10,000 rows (${v.json().errorRows} error rows)`);
    await app.close();
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return times;
}

function entry(name: string, values: number[], unit: string, limitName: string, limitValue: number, ratio: (v: number) => number, target: string, extra: Record<string, unknown> = {}): Entry {
  const v = median(values);
  return { name, store: 'pglite', value: Math.round(v * 1000) / 1000, unit, limit_name: limitName, limit_value: Math.round(limitValue * 1000) / 1000, ratio: Math.round(ratio(v) * 1000) / 1000, target, runs: values.length, spread: Math.round(spread(values) * 1000) / 1000, ...extra };
}

async function main() {
  const started = Date.now();
  const results: Entry[] = [];

  log(`Preparing an empty store and a ${SCALE} store…`);
  const empty = tmp();
  await prepare(empty, null);
  const seeded = tmp();
  await prepare(seeded, SCALE);

  log('startup…');
  for (const [name, dir] of [['startup-empty', empty], [`startup-${SCALE}`, seeded]] as const) {
    const server: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await startup(dir);
      server.push(r.server);
      bare.push(r.bare);
    }
    results.push(entry(name, server, 'ms', 'bare PGlite open of the same store', median(bare), (v) => (1.5 * median(bare)) / v, '≤ 1.5× the bare open (ratio ≥ 1)'));
  }

  log('read-route…');
  const read = await readRoute(seeded);
  results.push(entry('read-route', read.api, 'req/s', 'constant route on bare Fastify', median(read.constant), (v) => v / median(read.constant), 'ratio ≥ 0.5'));
  results.push(entry('peak-rss', [read.rss / 1024 / 1024], 'MiB', 'machine memory', os.totalmem() / 1024 / 1024, (v) => 1 - v / (os.totalmem() / 1024 / 1024), 'recorded'));

  log('import-10k…');
  const imp = await import10k(seeded);
  results.push(entry('import-10k', imp, 's', 'target', 5, (v) => 5 / v, '≤ 5 s (ratio ≥ 1)'));

  for (const d of [empty, seeded]) fs.rmSync(d, { recursive: true, force: true });

  const date = new Date().toISOString().slice(0, 10);
  const machine = { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 1024 ** 3), node: process.version, platform: `${os.platform()} ${os.release()}` };
  const report = { date, machine, scale: SCALE, store: 'pglite', runs: RUNS, seconds: SECONDS, elapsedSeconds: Math.round((Date.now() - started) / 1000), results };
  const dir = path.join(root, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${date}.json`), `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);

  const rows = results.map((r) => `| ${r.name} | ${r.value} ${r.unit} | ±${Math.round(r.spread * 100)} % | ${r.limit_value} ${r.unit === 'req/s' ? 'req/s' : r.unit === 'MiB' ? 'MiB' : r.unit} (${r.limit_name}) | ${r.ratio} | ${r.target} |`);
  const table = [
    `Measured ${date} on ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}, store PGlite, demo scale ${SCALE}, ${RUNS} runs each (median, spread = (max − min) / median).`,
    '',
    '| benchmark | median | spread | limit measured in the same run | ratio | target |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
  const doc = path.join(root, 'docs', 'benchmarks.md');
  const current = fs.existsSync(doc) ? fs.readFileSync(doc, 'utf8') : '';
  const begin = '<!-- bench:begin -->';
  const end = '<!-- bench:end -->';
  const next = current.includes(begin) ? current.replace(new RegExp(`${begin}[\\s\\S]*${end}`), `${begin}\n${table}\n${end}`) : `${current}\n${begin}\n${table}\n${end}\n`;
  fs.writeFileSync(doc, next);
  log(`\n${table}\n\nWritten bench/results/${date}.json, bench/results/latest.json and docs/benchmarks.md in ${report.elapsedSeconds} s.`);
}

await main();
