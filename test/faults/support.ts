// What the fault tests share: the real server as a child process (`gongjian serve`), a small HTTP
// client that keeps the session cookie and CSRF token, a fresh store per test (a temp data dir or
// a fresh PostgreSQL database), and a seeded random generator so a failing run can be replayed
// (FAULT_SEED=… prints with every run).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, it } from 'vitest';
import { openPglite, openPostgres, pgliteDir, type Database } from '../../src/server/db/database';
import { IN_CI, POSTGRES_SKIP_REASON, TEST_DATABASE_URL, availableStores, withDatabase, type TestStore } from '../support/stores';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'gongjian.mjs');
export const ADMIN = { account: 'faultadmin', password: 'Fault-Chief-Pass-2026' };
/** Fixed secrets for the fault servers, so that a test can make sessions and CSRF tokens itself. */
export const FAULT_SECRETS = { GONGJIAN_SESSION_SECRET: 'fault-session-secret-'.padEnd(48, 'x'), GONGJIAN_ENCRYPTION_KEY: 'ab'.repeat(32) };

// ---------- stores to run on ----------

/**
 * Runs the suite once per store: PGlite always, PostgreSQL with TEST_DATABASE_URL. Without it the
 * PostgreSQL run is announced as skipped, and under CI=true it is a failure.
 */
export function describeFaultStores(name: string, suite: (store: TestStore) => void): void {
  for (const store of availableStores()) describe(`${name} [${store}]`, () => suite(store));
  if (!TEST_DATABASE_URL) {
    if (IN_CI) {
      describe(`${name} [postgres]`, () => {
        it('runs on PostgreSQL', () => {
          throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL fault tests must run in CI');
        });
      });
    } else {
      describe.skip(`${name} [postgres] — ${POSTGRES_SKIP_REASON}`, () => {
        it('runs on PostgreSQL', () => undefined);
      });
    }
  }
}

// ---------- random ----------

export const SEED = Number(process.env.FAULT_SEED ?? Date.now() % 1_000_000);

/** mulberry32: small, seeded, good enough to place a kill. */
export function random(seed = SEED): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------- stores ----------

/** One store for one test: a temp data dir (PGlite) or a fresh PostgreSQL database. */
export interface FaultStore {
  store: TestStore;
  dataDir: string;
  /** The DATABASE_URL for the server, null on PGlite. */
  databaseUrl: string | null;
  /** Opens the store in this process (PGlite: takes the data-dir lock, as the server does). */
  open(): Promise<Database>;
  drop(): Promise<void>;
}

export async function adminQuery<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL! });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function freshStore(store: TestStore, label: string, options: { dataDir?: string; tablespace?: string } = {}): Promise<FaultStore> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), `gongjian-fault-${label}-`));
  if (store === 'pglite') {
    return {
      store,
      dataDir,
      databaseUrl: null,
      open: () => openPglite({ dir: pgliteDir(dataDir), lockDir: dataDir }),
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = `gongjian_fault_${label.replace(/\W/g, '_')}_${process.pid}_${Math.floor(Math.random() * 1e6)}`;
  await adminQuery((c) => c.query(`create database ${name}${options.tablespace ? ` tablespace ${options.tablespace}` : ''}`));
  const databaseUrl = withDatabase(TEST_DATABASE_URL, name);
  return {
    store,
    dataDir,
    databaseUrl,
    open: () => openPostgres(databaseUrl, 2),
    drop: async () => {
      await adminQuery((c) => c.query(`drop database if exists ${name} with (force)`));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// ---------- the server as a process ----------

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  out: () => string;
  exited: Promise<number | null>;
}

export interface SpawnOptions {
  dataDir: string;
  databaseUrl?: string | null;
  seedDemo?: boolean;
  env?: Record<string, string>;
  /** Wrap the command (e.g. ['prlimit', '--fsize=…', '--']). */
  wrapper?: string[];
}

/** Starts `gongjian serve` without waiting for it. */
export function spawnServer(o: SpawnOptions): { child: ChildProcess; out: () => string; exited: Promise<number | null> } {
  let output = '';
  const command = [...(o.wrapper ?? []), process.execPath, BIN, 'serve', '--host', '127.0.0.1', '--port', '0', '--data-dir', o.dataDir];
  const child = spawn(command[0]!, command.slice(1), {
    cwd: ROOT,
    env: {
      ...process.env,
      GONGJIAN_ENV: 'development',
      GONGJIAN_LOG_LEVEL: 'warn',
      GONGJIAN_SEED_DEMO: o.seedDemo === false ? 'false' : 'true',
      GONGJIAN_SEED_SCALE: 'small',
      GONGJIAN_ADMIN_ACCOUNT: ADMIN.account,
      GONGJIAN_ADMIN_PASSWORD: ADMIN.password,
      GONGJIAN_LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      GONGJIAN_DATABASE_POOL_MAX: '4',
      ...FAULT_SECRETS,
      ...(o.databaseUrl ? { DATABASE_URL: o.databaseUrl } : { DATABASE_URL: '', GONGJIAN_DATABASE_URL: '' }),
      ...o.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (output += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  return { child, out: () => output, exited };
}

/** Starts `gongjian serve` and waits until it listens. */
export async function startServer(o: SpawnOptions, ms = 180_000): Promise<ServerProcess> {
  const p = spawnServer(o);
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const m = /running at (http:\/\/\S+)/.exec(p.out());
    if (m) return { ...p, url: m[1]! };
    if (p.child.exitCode !== null || p.child.signalCode !== null) throw new Error(`the server exited (${p.child.exitCode ?? p.child.signalCode}):\n${p.out()}`);
    await sleep(50);
  }
  p.child.kill('SIGKILL');
  throw new Error(`the server did not start in ${ms} ms:\n${p.out()}`);
}

export async function stopServer(s: { child: ChildProcess; exited: Promise<number | null> }, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return s.exited;
  s.child.kill(signal);
  return s.exited;
}

// ---------- HTTP ----------

export interface Reply<T = any> {
  status: number;
  body: T;
}

export class Api {
  private cookie = '';
  private csrf = '';
  constructor(readonly url: string) {}

  async login(account = ADMIN.account, password = ADMIN.password): Promise<void> {
    const res = await fetch(`${this.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account, password }) });
    if (res.status !== 200) throw new Error(`login as ${account} failed: ${res.status} ${await res.text()}`);
    this.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
    this.cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  }

  /** One request; a connection that fails (the server was killed) rejects. */
  async call<T = any>(method: string, p: string, body?: unknown, signal?: AbortSignal): Promise<Reply<T>> {
    return this.send<T>(method, p, body !== undefined ? { type: 'application/json', data: JSON.stringify(body) } : undefined, signal);
  }

  get<T = any>(p: string) {
    return this.call<T>('GET', p);
  }

  /** A file as the body itself (a spreadsheet import), with its content type. */
  sendFile<T = any>(method: string, p: string, file: Buffer, contentType: string): Promise<Reply<T>> {
    return this.send<T>(method, p, { type: contentType, data: new Uint8Array(file) });
  }

  private async send<T>(method: string, p: string, body?: { type: string; data: string | Uint8Array<ArrayBuffer> }, signal?: AbortSignal): Promise<Reply<T>> {
    const res = await fetch(`${this.url}${p.startsWith('/') ? p : `/api/v1/${p}`}`, {
      method,
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrf, ...(body ? { 'content-type': body.type } : {}) },
      ...(body ? { body: body.data } : {}),
      ...(signal ? { signal } : {}),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: kept as text
    }
    return { status: res.status, body: parsed as T };
  }
}

/** Removes the test's data and databases even when a test fails. */
export class Cleanup {
  private tasks: Array<() => Promise<unknown> | unknown> = [];
  add(task: () => Promise<unknown> | unknown): void {
    this.tasks.push(task);
  }
  async run(): Promise<void> {
    for (const t of this.tasks.reverse()) {
      try {
        await t();
      } catch (err) {
        console.warn('[faults] cleanup failed:', err);
      }
    }
    this.tasks = [];
  }
}
