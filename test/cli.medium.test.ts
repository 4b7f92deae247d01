// The `gongjian` command as an operator meets it, in real processes: configuration errors name the
// variable, the embedded data directory is locked against a second server, shutdown finishes the
// request in flight and releases the lock, and backup/restore round-trips the embedded store.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../src/domain/directory/id-number';
import { TEST_DATABASE_URL, withDatabase } from './support/stores';

const BIN = path.resolve(import.meta.dirname, '..', 'bin', 'gongjian.mjs');
const ADMIN = { GONGJIAN_ADMIN_ACCOUNT: 'root', GONGJIAN_ADMIN_PASSWORD: 'Cli-Test-Pass-2026' };
const dirs: string[] = [];

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'gongjian-cli-'));
  dirs.push(d);
  return d;
}

interface Proc {
  child: ChildProcess;
  out: () => string;
  exited: Promise<number | null>;
}

function run(args: string[], env: Record<string, string> = {}): Proc {
  let output = '';
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, GONGJIAN_LOG_LEVEL: 'warn', GONGJIAN_SEED_DEMO: 'false', GONGJIAN_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (output += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out: () => output, exited };
}

async function waitFor(p: Proc, pattern: RegExp, ms = 60_000): Promise<RegExpMatchArray> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const m = p.out().match(pattern);
    if (m) return m;
    if (p.child.exitCode !== null) throw new Error(`process exited (${p.child.exitCode}):\n${p.out()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${pattern}:\n${p.out()}`);
}

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('gongjian serve', () => {
  it('refuses a wrong setting, naming the variable', async () => {
    const p = run(['serve'], { GONGJIAN_PORT: 'eighty' });
    expect(await p.exited).toBe(2);
    expect(p.out()).toContain('GONGJIAN_PORT');
  });

  it('refuses production without secrets, and production on the embedded store', async () => {
    const noSecret = run(['serve'], { GONGJIAN_ENV: 'production' });
    expect(await noSecret.exited).toBe(2);
    expect(noSecret.out()).toContain('GONGJIAN_SESSION_SECRET');
    const embedded = run(['serve'], { GONGJIAN_ENV: 'production', GONGJIAN_SESSION_SECRET: 's'.repeat(40), GONGJIAN_ENCRYPTION_KEY: 'a'.repeat(64) });
    expect(await embedded.exited).toBe(2);
    expect(embedded.out()).toContain('DATABASE_URL');
  });

  it('locks the data directory, finishes the request in flight on SIGTERM, and starts again on the same data', async () => {
    const dataDir = tempDir();
    const first = run(['serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir], { ...ADMIN, GONGJIAN_LOG_LEVEL: 'info' });
    const [, url] = await waitFor(first, /running at (http:\/\/\S+)/);

    const second = run(['serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir], ADMIN);
    expect(await second.exited).toBe(2);
    expect(second.out()).toContain(`in use by process ${first.child.pid}`);

    // A login (argon2 takes a while) is in flight when the signal arrives.
    const inflight = fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ account: ADMIN.GONGJIAN_ADMIN_ACCOUNT, password: ADMIN.GONGJIAN_ADMIN_PASSWORD }),
    });
    // Signal as soon as the server has logged the request's arrival: it is in the handler then.
    await waitFor(first, /"url":"\/api\/v1\/auth\/login"/);
    first.child.kill('SIGTERM');
    expect((await inflight).status).toBe(200);
    expect(await first.exited).toBe(0);
    expect(first.out()).toContain('Stopped.');
    expect(fs.existsSync(path.join(dataDir, 'gongjian.lock'))).toBe(false);

    const third = run(['serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir], ADMIN);
    const [, url3] = await waitFor(third, /running at (http:\/\/\S+)/);
    expect(third.out()).not.toContain('Migrated');
    const login = await fetch(`${url3}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ account: 'root', password: ADMIN.GONGJIAN_ADMIN_PASSWORD }),
    });
    expect(login.status).toBe(200);
    third.child.kill('SIGINT');
    expect(await third.exited).toBe(0);
  });

  it('takes over a lock left by a process that died', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'gongjian.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), startedAt: '2026-01-01T00:00:00Z', command: 'gone' }));
    const p = run(['migrate', '--data-dir', dataDir]);
    expect(await p.exited).toBe(0);
    expect(p.out()).toContain('Migrated');
  });
});

describe('gongjian backup and restore', () => {
  it('writes a backup of the embedded store and restores it, keeping the replaced one', async () => {
    const dataDir = tempDir();
    const created = run(['create-admin', '--account', 'keeper', '--data-dir', dataDir], { GONGJIAN_ADMIN_PASSWORD: 'Vault-Pass-2026' });
    expect(await created.exited).toBe(0);
    expect(created.out()).toContain('Created administrator keeper');
    const file = path.join(tempDir(), 'backup.tar.gz');
    const backup = run(['backup', '--out', file, '--data-dir', dataDir]);
    expect(await backup.exited, backup.out()).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(100_000);

    const other = tempDir();
    const restore = run(['restore', '--from', file, '--data-dir', other]);
    expect(await restore.exited, restore.out()).toBe(0);
    const again = run(['restore', '--from', file, '--data-dir', other]);
    expect(await again.exited).toBe(1);
    expect(again.out()).toContain('--force');
    const forced = run(['restore', '--from', file, '--data-dir', other, '--force']);
    expect(await forced.exited, forced.out()).toBe(0);
    expect(fs.readdirSync(other).some((f) => f.startsWith('pgdata.before-restore-'))).toBe(true);

    // The restored store holds the administrator: resetting it proves the account is there.
    const reset = run(['create-admin', '--account', 'keeper', '--reset', '--data-dir', other], { GONGJIAN_ADMIN_PASSWORD: 'Vault-Pass-2027' });
    expect(await reset.exited, reset.out()).toBe(0);
    expect(reset.out()).toContain('Reset administrator keeper');
  });
});

describe('gongjian seed and import', () => {
  it('seeds the small demo city, imports a member sheet with progress, refuses a sheet with errors, and a second import changes nothing', async () => {
    const dataDir = tempDir();
    const seed = run(['seed', '--scale', 'small', '--data-dir', dataDir]);
    expect(await seed.exited, seed.out()).toBe(0);
    expect(seed.out()).toContain('Seeded the demo city (small)');

    const sheet = path.join(tempDir(), 'members.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('党员');
    ws.addRow(['姓名', '手机号', '身份证号', '工作单位', '居住社区']);
    ws.addRow(['命令行甲', '13600001111', makeIdNumber('330104', '1979-04-05', 15), '临江市税务局机关党支部', '幸福社区']);
    ws.addRow(['命令行乙', '13600002222', makeIdNumber('330104', '1983-08-09', 26), '临江市税务局机关党支部', '幸福社区']);
    await wb.xlsx.writeFile(sheet);
    const first = run(['import', 'members', sheet, '--data-dir', dataDir]);
    expect(await first.exited, first.out()).toBe(0);
    expect(first.out()).toMatch(/2 created/);
    const again = run(['import', 'members', sheet, '--data-dir', dataDir]);
    expect(await again.exited, again.out()).toBe(0);
    expect(again.out()).toContain('2 unchanged');
    expect(again.out()).toContain('Nothing to write');

    ws.addRow(['坏行', '123', '330104197904051234', '不存在单位', '幸福社区']);
    await wb.xlsx.writeFile(sheet);
    const bad = run(['import', 'members', sheet, '--data-dir', dataDir]);
    expect(await bad.exited).toBe(1);
    expect(bad.out()).toMatch(/row 4, 手机号/);
    expect(bad.out()).toContain('Nothing was written');
  });
});

describe.runIf(TEST_DATABASE_URL)('gongjian serve on PostgreSQL', () => {
  it('runs on DATABASE_URL with no data-directory lock', async () => {
    const name = `gongjian_cli_${process.pid}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL! });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    try {
      const dataDir = tempDir();
      const p = run(['serve', '--port', '0', '--host', '127.0.0.1', '--data-dir', dataDir], { ...ADMIN, DATABASE_URL: withDatabase(TEST_DATABASE_URL!, name) });
      const [, url] = await waitFor(p, /running at (http:\/\/\S+)/);
      expect(p.out()).toContain('Database: PostgreSQL');
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      expect(fs.existsSync(path.join(dataDir, 'gongjian.lock'))).toBe(false);
      p.child.kill('SIGTERM');
      expect(await p.exited).toBe(0);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
