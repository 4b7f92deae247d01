/**
 * npm run security: the security scans, against a real server on loopback with the demo data.
 *
 *   1. Debian's sqlmap and wapiti must be installed (apt-get install -y sqlmap wapiti).
 *   2. Start `gongjian serve` on 127.0.0.1 with a fresh temporary data dir and the small demo city.
 *   3. sqlmap against every operation of /api/v1/openapi.json that takes parameters (path, query,
 *      JSON body), logged in as an administrator (session cookie + x-csrf-token), bounded in
 *      level, risk, time per target and time overall, a few targets at a time.
 *   4. wapiti against the web app and the API's GET routes (traffic stays on loopback: its
 *      out-of-band endpoint is the server itself, no bug reports are sent).
 *   5. npm audit --omit=dev and npm audit (reported as unanswered when the registry is out of reach).
 *   6. scripts/security/results/<date>.json and latest.json; a summary on stdout. Exit 1 when a
 *      finding needs attention (an injectable parameter, a high-severity wapiti finding, a 5xx
 *      answer), 2 when a tool is missing or the run could not be made.
 *
 * Options: --parallel N (3), --max-minutes N (25, the whole run), --target-seconds N (240, one
 * sqlmap target), --level N (2), --risk N (2), --only REGEX (routes), --skip sqlmap,wapiti,audit,
 * --dry-run (send each unaltered request once, print the ones validation refuses, scan nothing),
 * --verbose.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeIdNumber } from '../../src/domain/directory/id-number';
import { targetsFrom, type KnownIds, type OpenApiDocument, type ScanTarget } from './openapi-targets';

const root = path.resolve(import.meta.dirname, '..', '..');
const resultsDir = path.join(import.meta.dirname, 'results');
const ADMIN = { account: 'scanadmin', password: 'Scan-Chief-Pass-2026' };

// ---------- options ----------

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const PARALLEL = Number(option('parallel', '3'));
const MAX_MS = Number(option('max-minutes', '25')) * 60_000;
const TARGET_MS = Number(option('target-seconds', '240')) * 1000;
const LEVEL = option('level', '2');
const RISK = option('risk', '2');
const ONLY = new RegExp(option('only', '.'));
const SKIP = new Set(option('skip', '').split(',').filter(Boolean));
/** Only the unaltered requests (to check that the example values pass validation), no sqlmap. */
const DRY_RUN = process.argv.includes('--dry-run');
const VERBOSE = process.argv.includes('--verbose') || DRY_RUN;
const started = Date.now();
const deadline = started + MAX_MS;

// ---------- helpers ----------

function have(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

function firstLine(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 });
  const text = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => /\d+\.\d+/.test(l)) ?? 'unknown'
  );
}

interface Finished {
  code: number | null;
  output: string;
  timedOut: boolean;
  ms: number;
}

function runProcess(cmd: string, args: string[], limitMs: number, options: { cwd?: string } = {}): { child: ChildProcess; done: Promise<Finished> } {
  const t0 = Date.now();
  const child = spawn(cmd, args, { cwd: options.cwd ?? root, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout!.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (output += b.toString()));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }, Math.max(1_000, limitMs));
  const done = new Promise<Finished>((resolve) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, timedOut, ms: Date.now() - t0 });
    });
  });
  return { child, done };
}

async function pool<T, R>(items: T[], n: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, n) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]!, i);
      }
    }),
  );
  return out;
}

// ---------- the server ----------

interface Server {
  url: string;
  child: ChildProcess;
  output: () => string;
  dataDir: string;
}

/**
 * The web app the scan serves: the working tree built into a private directory (never dist/web,
 * which the browser tests share); when the working tree does not build (work in progress), the
 * last commit's web app, from `git archive HEAD`. Returns the directory and how it was made.
 */
function buildWeb(): { dir: string | null; how: string } {
  const scratch = path.join(root, 'scratch', 'security');
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const build = (cwd: string, outDir: string) =>
    spawnSync(process.execPath, [vite, 'build', '--logLevel', 'error', '--outDir', outDir, '--emptyOutDir'], { cwd, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  const out = path.join(scratch, 'web');
  console.log('security: building the web app…');
  if (build(root, out).status === 0 && fs.existsSync(path.join(out, 'index.html'))) return { dir: out, how: 'the working tree' };
  const src = path.join(scratch, 'head');
  fs.rmSync(src, { recursive: true, force: true });
  fs.mkdirSync(src, { recursive: true });
  const archive = spawnSync('sh', ['-c', `git -C "${root}" archive HEAD src vite.config.ts tsconfig.json package.json | tar -x -C "${src}"`], { encoding: 'utf8' });
  if (archive.status === 0 && build(src, out).status === 0 && fs.existsSync(path.join(out, 'index.html'))) {
    const head = spawnSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
    return { dir: out, how: `the last commit (${head}): the working tree did not build` };
  }
  return { dir: null, how: 'not built: neither the working tree nor the last commit built' };
}

async function startServer(webDir: string | null): Promise<Server> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongjian-security-'));
  const child = spawn(process.execPath, [path.join(root, 'bin', 'gongjian.mjs'), 'serve', '--host', '127.0.0.1', '--port', '0', '--data-dir', dataDir], {
    cwd: root,
    env: {
      ...process.env,
      GONGJIAN_ENV: 'development',
      GONGJIAN_SEED_DEMO: 'true',
      GONGJIAN_SEED_SCALE: 'small',
      // Errors only: every 5xx the scanners provoke is logged at level 50 and counted below.
      GONGJIAN_LOG_LEVEL: 'error',
      GONGJIAN_ADMIN_ACCOUNT: ADMIN.account,
      GONGJIAN_ADMIN_PASSWORD: ADMIN.password,
      // Each scanner process logs in on its own; the per-IP login limit would stop them, not an attacker's payloads.
      GONGJIAN_LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      GONGJIAN_WEB_DIR: webDir ?? path.join(root, 'scratch', 'security', 'no-web'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr.on('data', (b: Buffer) => (output += b.toString()));
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    const m = /running at (http:\/\/\S+)/.exec(output);
    if (m) return { url: m[1]!, child, output: () => output, dataDir };
    if (child.exitCode !== null) throw new Error(`the server exited:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not start within 120 s:\n${output}`);
}

interface Session {
  cookie: string;
  csrf: string;
}

async function login(url: string): Promise<Session> {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: body.csrfToken };
}

async function knownIds(url: string, s: Session, doc: OpenApiDocument): Promise<KnownIds> {
  const get = async (p: string) => {
    const r = await fetch(`${url}/api/v1/${p}`, { headers: { cookie: s.cookie } });
    if (!r.ok || !(r.headers.get('content-type') ?? '').includes('json')) return { items: [] };
    return (await r.json()) as { items?: Array<Record<string, unknown>> };
  };
  const known: KnownIds = { idNumber: makeIdNumber('330104', '1980-05-06', 77) };
  // Every collection (a GET route without path parameters answering { items }) gives its first id,
  // named by its last path segment: /api/v1/volunteering/activities → "activities".
  for (const p of Object.keys(doc.paths)) {
    if (!doc.paths[p]!.get || p.includes('{') || !p.startsWith('/api/v1/')) continue;
    const kind = p.split('/').pop()!;
    const items = (await get(p.slice('/api/v1/'.length))).items ?? [];
    // Never the scanning administrator: a scan of PATCH /users/{id} must not disable the account it logs in with.
    const item = items.find((x) => typeof x.id === 'string' && x.account !== ADMIN.account);
    if (item) known[kind] = item.id as string;
    if (kind === 'households' && typeof item?.communityId === 'string') known.community = item.communityId;
  }
  const unit = (await get('organizations?kind=unit')).items?.[0];
  if (unit && typeof unit.id === 'string') known.organizations = unit.id;
  return known;
}

// ---------- sqlmap ----------

interface SqlmapResult {
  route: string;
  mode: 'path' | 'params';
  parameters: string[];
  /** The status of the unaltered request (2xx: the payloads reach the handler past validation). */
  baseline?: number;
  baselineError?: string;
  verdict: 'not-injectable' | 'injectable' | 'timeout' | 'error' | 'skipped';
  injectable: string[];
  /** Parameters sqlmap suspected and then rejected as false positives. */
  suspectedThenRejected?: string[];
  httpErrors: Record<string, number>;
  ms: number;
  note?: string;
}

function parseSqlmap(output: string): Pick<SqlmapResult, 'injectable' | 'httpErrors'> & { suspected: string[]; clean: boolean; note?: string } {
  // Only what sqlmap confirms: the "Parameter: … (…)" lines of its closing "identified the
  // following injection point(s)" block. A parameter that "appears to be injectable" and then
  // fails sqlmap's false-positive check (time-based blind on a loaded machine, typically) is
  // recorded as suspected, not as a finding.
  const identified = /sqlmap identified the following injection point\(s\)[\s\S]*?---\n([\s\S]*?)\n---/.exec(output)?.[1] ?? '';
  const injectable = [...identified.matchAll(/^Parameter: (.+)$/gm)].map((m) => m[1]!.trim());
  const suspected = [...output.matchAll(/parameter '([^']+)' appears to be '([^']+)' injectable/g)].map((m) => `${m[1]} (${m[2]})`);
  const httpErrors: Record<string, number> = {};
  const block = /HTTP error codes detected during run:\n([\s\S]*?)(?:\n\[|\n\n|$)/.exec(output);
  if (block) {
    for (const m of block[1]!.matchAll(/(\d{3}) \(([^)]+)\) - (\d+) times/g)) httpErrors[`${m[1]} ${m[2]}`] = Number(m[3]);
  }
  const clean = /all tested parameters do not appear to be injectable|does not seem to be injectable/.test(output);
  const critical = /\[CRITICAL\] (.+)/.exec(output)?.[1];
  return { injectable, suspected, httpErrors, clean, note: critical };
}

async function runSqlmap(server: Server, targets: ScanTarget[], workDir: string): Promise<SqlmapResult[]> {
  const jobs: Array<{ target: ScanTarget; mode: 'path' | 'params' }> = [];
  for (const t of targets) {
    if (t.markedUrl) jobs.push({ target: t, mode: 'path' });
    if (t.parameters.some((p) => !p.startsWith('path:'))) jobs.push({ target: t, mode: 'params' });
  }
  console.log(`security: sqlmap on ${targets.length} operations (${jobs.length} runs, ${PARALLEL} at a time, level ${LEVEL}, risk ${RISK})`);
  return pool(jobs, PARALLEL, async ({ target, mode }, i): Promise<SqlmapResult> => {
    const parameters = target.parameters.filter((p) => (mode === 'path' ? p.startsWith('path:') : !p.startsWith('path:')));
    const left = deadline - Date.now() - 120_000; // keep time for wapiti and the audit
    if (left < 10_000) return { route: target.route, mode, parameters, verdict: 'skipped', injectable: [], httpErrors: {}, ms: 0, note: 'the run reached --max-minutes' };
    // Each run has its own session: a scan of logout or of a password change ends only its own.
    const s = await login(server.url);
    // The unaltered request first: a payload only reaches SQL when the rest of the request is valid.
    const base = await fetch(target.url, {
      method: target.method,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(target.body !== null ? { 'content-type': 'application/json' } : {}) },
      ...(target.body !== null ? { body: target.body } : {}),
    });
    const baseline = base.status;
    const baselineError = baseline >= 400 ? (await base.text()).slice(0, 300) : undefined;
    if (baselineError && VERBOSE) console.log(`      ${target.route} [${mode}] baseline ${baseline}: ${baselineError}`);
    if (DRY_RUN) return { route: target.route, mode, parameters, baseline, verdict: 'skipped', injectable: [], httpErrors: {}, ms: 0, note: '--dry-run' };
    const out = path.join(workDir, `sqlmap-${i}`);
    const args = [
      '-u',
      mode === 'path' ? target.markedUrl! : target.url,
      '--method',
      target.method,
      '--cookie',
      s.cookie,
      '--headers',
      `x-csrf-token: ${s.csrf}\nAccept: application/json`,
      '--batch',
      '--level',
      LEVEL,
      '--risk',
      RISK,
      '--time-sec',
      '2',
      '--timeout',
      '15',
      '--retries',
      '1',
      '--threads',
      '2',
      '--dbms',
      'PostgreSQL',
      '--skip-waf',
      '--disable-coloring',
      '--flush-session',
      '--output-dir',
      out,
      // Not the session cookies: the scan's own session is what they hold.
      '--skip',
      'gj_session,gj_csrf',
    ];
    if (target.body !== null) args.push('--data', target.body);
    // A 404 (an id the run deleted, a token that is not there) still lets sqlmap test the
    // parameter; a failed login is the login route's normal answer, not a lost session.
    args.push('--ignore-code', target.route === 'POST /api/v1/auth/login' ? '401,404' : '404');
    const { done } = runProcess('sqlmap', args, Math.min(TARGET_MS, left));
    const r = await done;
    fs.writeFileSync(`${out}.log`, r.output);
    const parsed = parseSqlmap(r.output);
    const verdict: SqlmapResult['verdict'] = parsed.injectable.length ? 'injectable' : r.timedOut ? 'timeout' : parsed.clean ? 'not-injectable' : 'error';
    const line = `  ${verdict.padEnd(15)} ${target.route} [${mode}] base ${baseline} ${(r.ms / 1000).toFixed(1)} s${Object.keys(parsed.httpErrors).length ? ` http: ${JSON.stringify(parsed.httpErrors)}` : ''}`;
    console.log(line);

    return {
      route: target.route,
      mode,
      parameters,
      baseline,
      ...(baselineError ? { baselineError } : {}),
      verdict,
      injectable: parsed.injectable,
      ...(parsed.suspected.length ? { suspectedThenRejected: parsed.suspected.filter((x) => !parsed.injectable.some((i) => x.startsWith(i.split(' ')[0]!))) } : {}),
      httpErrors: parsed.httpErrors,
      ms: r.ms,
      ...(parsed.note && verdict === 'error' ? { note: parsed.note } : {}),
    };
  });
}

// ---------- wapiti ----------

interface WapitiFinding {
  category: string;
  level: number;
  method: string;
  path: string;
  parameter: string;
  info: string;
}

interface WapitiResult {
  ran: boolean;
  ms: number;
  exitCode: number | null;
  timedOut: boolean;
  urlsCrawled: number;
  findings: WapitiFinding[];
  anomalies: WapitiFinding[];
  note?: string;
}

const WAPITI_MODULES = 'backup,blindsql,cookieflags,crlf,csp,exec,file,htaccess,http_headers,methods,permanentxss,redirect,sql,xss';

async function runWapiti(server: Server, targets: ScanTarget[], workDir: string): Promise<WapitiResult> {
  const s = await login(server.url);
  const report = path.join(workDir, 'wapiti.json');
  const left = deadline - Date.now() - 60_000;
  const scanSeconds = Math.max(60, Math.min(600, Math.floor(left / 1000) - 30));
  const args = ['-u', `${server.url}/`, '--scope', 'folder', '-m', WAPITI_MODULES, '--flush-session', '--store-session', path.join(workDir, 'wapiti-session')];
  args.push('--store-config', path.join(workDir, 'wapiti-config'));
  args.push('--max-scan-time', String(scanSeconds), '--max-attack-time', '60', '-d', '5', '-t', '15');
  args.push('--endpoint', `${server.url}/`, '--no-bugreport', '-v', '1', '-f', 'json', '-o', report);
  // The login session both ways: as headers on every request, and as wapiti's cookie file (its
  // crawler keeps a cookie jar of its own, which the header alone does not fill).
  args.push('-H', `Cookie: ${s.cookie}`, '-H', `x-csrf-token: ${s.csrf}`);
  args.push('--cookie', writeWapitiCookies(server.url, s.cookie, workDir));
  // Start URLs: the single-page app renders its links in the browser, so a crawler finds none in
  // its HTML. Every page of the app's menu, the API's GET routes with example parameters, the API
  // document and the public pages are given instead, so the attack modules reach them all.
  for (const page of webPages()) args.push('-s', `${server.url}${page}`);
  for (const t of targets) if (t.method === 'GET') args.push('-s', t.url);
  args.push('-s', `${server.url}/api/v1/docs/`, '-s', `${server.url}/api/v1/openapi.json`, '-s', `${server.url}/login`, '-s', `${server.url}/verify/GJ2026-000001`);
  // No -x (exclusions): Debian's wapiti 3.0.4 builds their regex in a way Python 3.11 refuses
  // ("global flags not at the start"). Logout is a POST, which the crawler does not send, and
  // wapiti has a session of its own anyway.
  console.log(`security: wapiti (${WAPITI_MODULES}; at most ${scanSeconds} s)`);
  fs.mkdirSync(path.join(workDir, 'wapiti-session'), { recursive: true });
  fs.mkdirSync(path.join(workDir, 'wapiti-config'), { recursive: true });
  const { done } = runProcess('wapiti', args, (scanSeconds + 120) * 1000);
  const r = await done;
  fs.writeFileSync(path.join(workDir, 'wapiti.log'), r.output);
  const result: WapitiResult = { ran: true, ms: r.ms, exitCode: r.code, timedOut: r.timedOut, urlsCrawled: 0, findings: [], anomalies: [] };
  if (!fs.existsSync(report)) {
    result.note = `no report was written (exit ${r.code}); see the log: ${r.output.slice(-400)}`;
    return result;
  }
  const json = JSON.parse(fs.readFileSync(report, 'utf8')) as {
    vulnerabilities?: Record<string, Array<Record<string, unknown>>>;
    anomalies?: Record<string, Array<Record<string, unknown>>>;
    infos?: Record<string, unknown>;
  };
  const flatten = (group?: Record<string, Array<Record<string, unknown>>>) =>
    Object.entries(group ?? {}).flatMap(([category, list]) =>
      list.map((v) => ({
        category,
        level: Number(v.level ?? 0),
        method: String(v.method ?? ''),
        path: String(v.path ?? ''),
        parameter: String(v.parameter ?? ''),
        info: String(v.info ?? ''),
      })),
    );
  result.findings = flatten(json.vulnerabilities);
  result.anomalies = flatten(json.anomalies);
  result.urlsCrawled = crawledCount(json.infos, path.join(workDir, 'wapiti-session'), r.output);
  return result;
}

/** The app's pages from its menu (src/web/app/navigation.tsx), without parameters or logout. */
function webPages(): string[] {
  const nav = fs.readFileSync(path.join(root, 'src', 'web', 'app', 'navigation.tsx'), 'utf8');
  const pages = [...nav.matchAll(/path: '(\/[^':]*)'/g)].map((m) => m[1]!).filter((p) => !p.includes('logout'));
  return [...new Set(['/', ...pages])];
}

/** The session cookies in wapiti's JSON cookie format (domain → path → name → attributes). */
function writeWapitiCookies(url: string, cookieHeader: string, workDir: string): string {
  const host = new URL(url).hostname;
  const jar: Record<string, Record<string, Record<string, unknown>>> = { [host]: { '/': {} } };
  for (const pair of cookieHeader.split('; ')) {
    const at = pair.indexOf('=');
    if (at > 0) jar[host]!['/']![pair.slice(0, at)] = { value: pair.slice(at + 1), version: 0, expires: null, secure: false, port: null };
  }
  const file = path.join(workDir, 'wapiti-cookies.json');
  fs.writeFileSync(file, JSON.stringify(jar));
  return file;
}

/**
 * How many resources wapiti crawled. The old count read a summary line wapiti 3.0.4 never prints,
 * so it always said 0. Now, in order: the report's own count (newer wapiti), the crawled rows of
 * wapiti's session database (3.0.x keeps them in an SQLite `paths` table, crawled once they have
 * headers; read with Python, which wapiti itself needs), and the distinct URLs of the verbose log.
 */
function crawledCount(infos: Record<string, unknown> | undefined, sessionDir: string, log: string): number {
  const n = Number(infos?.crawled_pages_nbr ?? (Array.isArray(infos?.crawled_pages) ? infos.crawled_pages.length : NaN));
  if (Number.isFinite(n) && n > 0) return n;
  const dbs = fs.existsSync(sessionDir) ? fs.readdirSync(sessionDir).filter((f) => f.endsWith('.db')) : [];
  if (dbs.length) {
    const py = 'import sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\nprint(c.execute("select count(*) from paths where evil = 0 and headers is not null").fetchone()[0])';
    const r = spawnSync('python3', ['-c', py, path.join(sessionDir, dbs[0]!)], { encoding: 'utf8' });
    const count = Number(r.stdout.trim());
    if (r.status === 0 && Number.isFinite(count)) return count;
  }
  return new Set([...log.matchAll(/^\[\+\] (?:GET |POST )?(https?:\/\/\S+)/gm)].map((m) => m[1])).size;
}

// ---------- npm audit ----------

interface AuditResult {
  scope: 'production' | 'all';
  answered: boolean;
  vulnerabilities: Record<string, number> | null;
  advisories: Array<{ name: string; severity: string; title: string; url: string }>;
  note?: string;
}

async function npmAudit(scope: AuditResult['scope']): Promise<AuditResult> {
  const args = ['audit', '--json', ...(scope === 'production' ? ['--omit=dev'] : [])];
  const r = await runProcess('npm', args, 120_000).done;
  try {
    const json = JSON.parse(r.output.slice(r.output.indexOf('{'))) as {
      error?: { code?: string; summary?: string };
      metadata?: { vulnerabilities?: Record<string, number> };
      vulnerabilities?: Record<string, { name: string; severity: string; via: Array<string | { title?: string; url?: string }> }>;
    };
    if (json.error || !json.metadata) {
      const status = /"statusCode":\s*(\d+)/.exec(r.output)?.[1];
      const why = [json.error?.code, json.error?.summary, status ? `HTTP ${status} from the audit endpoint` : ''].filter(Boolean).join(', ') || 'no advisory data in the answer';
      return { scope, answered: false, vulnerabilities: null, advisories: [], note: `the registry did not answer the audit (${why})` };
    }
    const advisories = Object.values(json.vulnerabilities ?? {}).flatMap((v) =>
      v.via.filter((x): x is { title?: string; url?: string } => typeof x === 'object').map((x) => ({ name: v.name, severity: v.severity, title: x.title ?? '', url: x.url ?? '' })),
    );
    return { scope, answered: true, vulnerabilities: json.metadata.vulnerabilities ?? {}, advisories };
  } catch {
    const status = /"statusCode":\s*(\d+)/.exec(r.output)?.[1];
    const code = /npm error code (\S+)/.exec(r.output)?.[1];
    const why = r.timedOut ? 'timed out' : status ? `HTTP ${status} from the audit endpoint` : code ? code : `exit ${r.code}`;
    return { scope, answered: false, vulnerabilities: null, advisories: [], note: `the registry did not answer the audit (${why})` };
  }
}

// ---------- main ----------

async function main(): Promise<number> {
  const missing = ['sqlmap', 'wapiti'].filter((t) => !SKIP.has(t) && !have(t));
  if (missing.length) {
    console.error(`security: ${missing.join(' and ')} not found. Install them from Debian:\n\n  sudo apt-get install -y ${missing.join(' ')}\n`);
    return 2;
  }
  const versions = {
    node: process.version,
    npm: firstLine('npm', ['--version']),
    sqlmap: SKIP.has('sqlmap') ? null : firstLine('sqlmap', ['--version']),
    wapiti: SKIP.has('wapiti') ? null : (firstLine('wapiti', ['--version']).match(/Wapiti[- ]?(\S+)/i)?.[1] ?? firstLine('wapiti', ['--version'])),
  };
  const web = SKIP.has('wapiti') ? { dir: null, how: 'not needed (wapiti skipped)' } : buildWeb();
  console.log(`security: web app from ${web.how}`);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongjian-security-work-'));
  const server = await startServer(web.dir);
  console.log(`security: server at ${server.url} (data in ${server.dataDir}; scanner logs in ${workDir})`);
  let exitCode = 0;
  try {
    const admin = await login(server.url);
    const doc = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as OpenApiDocument;
    const known = await knownIds(server.url, admin, doc);
    const all = targetsFrom(doc, server.url, known);
    const targets = all.filter((t) => ONLY.test(t.route));
    const operations = Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);

    const phases: Record<string, number> = {};
    let t0 = Date.now();
    const sqlmap = SKIP.has('sqlmap') ? [] : await runSqlmap(server, targets, workDir);
    phases.sqlmapMs = Date.now() - t0;
    t0 = Date.now();
    const wapiti: WapitiResult = SKIP.has('wapiti') ? { ran: false, ms: 0, exitCode: null, timedOut: false, urlsCrawled: 0, findings: [], anomalies: [] } : await runWapiti(server, targets, workDir);
    phases.wapitiMs = Date.now() - t0;
    t0 = Date.now();
    const audit = SKIP.has('audit') ? [] : [await npmAudit('production'), await npmAudit('all')];
    phases.auditMs = Date.now() - t0;

    // Every 5xx the scanners provoked is a level-50 line in the server's log.
    const serverErrors = server
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{') && /"level":50/.test(l))
      .map((l) => {
        try {
          const e = JSON.parse(l) as { msg?: string; req?: { method?: string; url?: string }; err?: { message?: string; code?: string } };
          return { msg: e.msg ?? '', request: e.req ? `${e.req.method} ${e.req.url}` : '', error: `${e.err?.code ?? ''} ${e.err?.message ?? ''}`.trim().slice(0, 300) };
        } catch {
          return { msg: l.slice(0, 300), request: '', error: '' };
        }
      });

    const injectable = sqlmap.filter((r) => r.verdict === 'injectable');
    const high = wapiti.findings.filter((f) => f.level >= 3);
    const with5xx = sqlmap.filter((r) => Object.keys(r.httpErrors).some((k) => k.startsWith('5')));
    const result = {
      date: new Date().toISOString(),
      durationMs: Date.now() - started,
      phases,
      machine: { host: os.hostname(), platform: `${os.type()} ${os.release()}`, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
      versions,
      webApp: web.how,
      options: { parallel: PARALLEL, maxMinutes: MAX_MS / 60_000, targetSeconds: TARGET_MS / 1000, level: Number(LEVEL), risk: Number(RISK), only: ONLY.source },
      openapi: { operations, withParameters: all.length, scanned: targets.length },
      sqlmap: {
        runs: sqlmap.length,
        verdicts: sqlmap.reduce<Record<string, number>>((m, r) => ((m[r.verdict] = (m[r.verdict] ?? 0) + 1), m), {}),
        injectable,
        with5xx: with5xx.map((r) => ({ route: r.route, mode: r.mode, httpErrors: r.httpErrors })),
        results: sqlmap,
      },
      wapiti,
      audit,
      serverErrors,
      verdict: {
        injectableParameters: injectable.length,
        wapitiHigh: high.length,
        serverErrors: serverErrors.length,
        ok: injectable.length === 0 && high.length === 0 && serverErrors.length === 0 && with5xx.length === 0,
      },
    };
    fs.mkdirSync(resultsDir, { recursive: true });
    const stamp = result.date.slice(0, 16).replace(':', '');
    fs.writeFileSync(path.join(resultsDir, `${stamp}.json`), `${JSON.stringify(result, null, 2)}\n`);
    fs.writeFileSync(path.join(resultsDir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);

    console.log('\nsecurity: summary');
    console.log(`  routes: ${operations} operations, ${all.length} with parameters, ${targets.length} scanned`);
    console.log(`  sqlmap ${versions.sqlmap}: ${JSON.stringify(result.sqlmap.verdicts)} in ${(phases.sqlmapMs / 1000).toFixed(0)} s`);
    for (const r of injectable) console.log(`    INJECTABLE ${r.route} [${r.mode}]: ${r.injectable.join('; ')}`);
    for (const r of with5xx) console.log(`    5xx during ${r.route} [${r.mode}]: ${JSON.stringify(r.httpErrors)}`);
    const byLevel = wapiti.findings.reduce<Record<string, number>>((m, f) => ((m[`level ${f.level}`] = (m[`level ${f.level}`] ?? 0) + 1), m), {});
    console.log(`  wapiti ${versions.wapiti}: ${wapiti.findings.length} findings ${JSON.stringify(byLevel)}, ${wapiti.anomalies.length} anomalies in ${(phases.wapitiMs / 1000).toFixed(0)} s${wapiti.note ? ` (${wapiti.note})` : ''}`);
    for (const f of wapiti.findings) console.log(`    [${f.level}] ${f.category}: ${f.method} ${f.path} ${f.parameter} — ${f.info.slice(0, 160)}`);
    for (const a of audit) console.log(`  npm audit (${a.scope}): ${a.answered ? JSON.stringify(a.vulnerabilities) : a.note}`);
    console.log(`  server errors (5xx) logged: ${serverErrors.length}`);
    for (const e of serverErrors.slice(0, 20)) console.log(`    ${e.request} ${e.msg}: ${e.error}`);
    console.log(`  took ${((Date.now() - started) / 1000).toFixed(0)} s; written to scripts/security/results/${stamp}.json and latest.json`);
    if (!result.verdict.ok) exitCode = 1;
  } finally {
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
    fs.rmSync(server.dataDir, { recursive: true, force: true });
    if (!process.env.GONGJIAN_SECURITY_KEEP) fs.rmSync(workDir, { recursive: true, force: true });
  }
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('security: the run failed:', err);
    process.exit(2);
  },
);
