// A full disk and a read-only data directory. The tests run as root, where chmod stops nothing,
// so they use a small tmpfs mounted for the test (full: a filler file takes the rest of it;
// read-only: the tmpfs remounted ro). Where mount is not allowed, they skip and say so
// (docs/testing.md). What they check: a clear error at start or at write (a stable code or
// message, no crash loop), and no corruption: once space is back the store opens with every
// acknowledged write intact and takes writes again.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IN_CI, TEST_DATABASE_URL } from '../support/stores';
import { Api, Cleanup, adminQuery, freshStore, sleep, spawnServer, startServer, stopServer, type ServerProcess } from './support';
import { householdsWorkload } from './workloads';

const cleanup = new Cleanup();
afterEach(() => cleanup.run());

function tryMount(dir: string, sizeMb: number): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m,mode=0777`, 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (err) {
    return (err as { stderr?: Buffer }).stderr?.toString().trim() || String(err);
  }
}

/** A small tmpfs of its own for one test, or null (with the reason logged) where mount is refused. */
function smallDisk(sizeMb: number): string | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongjian-fault-disk-'));
  const refused = tryMount(dir, sizeMb);
  if (refused) {
    fs.rmSync(dir, { recursive: true, force: true });
    console.warn(`[faults] disk tests skipped: cannot mount a tmpfs here (${refused}); see docs/testing.md`);
    return null;
  }
  cleanup.add(() => {
    execFileSync('umount', ['-l', dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

/** Fills the file system that holds `dir`, leaving nothing; returns the filler's path. */
function fill(dir: string): string {
  const file = path.join(dir, 'filler');
  const fd = fs.openSync(file, 'w');
  const chunk = Buffer.alloc(1 << 20, 7);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  }
  // Smaller pieces until not a byte is left.
  try {
    for (;;) fs.writeSync(fd, Buffer.alloc(512, 7));
  } catch {
    // full
  }
  fs.closeSync(fd);
  return file;
}

const canMount = process.getuid?.() === 0;

describe.runIf(canMount)('a full disk [pglite]', () => {
  it('answers writes with a clear error while the disk is full, and the store opens intact once space is back', async () => {
    const disk = smallDisk(160);
    if (!disk) return;
    const s = await freshStore('pglite', 'full', { dataDir: path.join(disk, 'data') });
    let server: ServerProcess = await startServer({ dataDir: s.dataDir });
    cleanup.add(() => stopServer(server, 'SIGKILL'));
    let api = new Api(server.url);
    await api.login();
    const w = householdsWorkload(`full-${Date.now()}`);
    await w.prepare(api);
    let n = 0;
    await w.writer(api, 0, () => n++ >= 10);
    expect(w.stats().acknowledged, 'writes before the disk fills').toBe(10);

    const filler = fill(disk);
    const answers: Array<{ status: number; code?: string }> = [];
    for (let i = 0; i < 40 && server.child.exitCode === null; i++) {
      try {
        const r = await api.call<{ error?: { code: string; message: string } }>('POST', 'households', { communityId: (await api.get('households?pageSize=1')).body.items[0].communityId, headName: `满盘${i}`, notes: 'full-disk' });
        answers.push({ status: r.status, code: r.body?.error?.code });
      } catch {
        break; // the server went away: its message is checked below
      }
    }
    await sleep(500);
    const died = server.child.exitCode !== null || server.child.signalCode !== null;
    console.log(`[faults] full disk (pglite): answers ${JSON.stringify(answers.reduce<Record<string, number>>((m, a) => ((m[`${a.status} ${a.code ?? ''}`] = (m[`${a.status} ${a.code ?? ''}`] ?? 0) + 1), m), {}))}; server ${died ? `exited (${server.child.exitCode ?? server.child.signalCode})` : 'still running'}`);
    console.log(`[faults] full disk (pglite) server log: ${/could not extend file[^"]*No space left on device/.exec(server.out())?.[0] ?? '(no ENOSPC line)'}`);
    // Whatever the store does, the client sees the documented error shape with a stable code, never a hang.
    for (const a of answers.filter((x) => x.status >= 400)) expect(['STORAGE_FULL', 'DATABASE_UNAVAILABLE']).toContain(a.code);
    if (died) expect(server.out()).toMatch(/no space left|ENOSPC|STORAGE_FULL|could not (write|extend)/i);
    else expect(answers.some((a) => a.status === 503 || a.status === 507), 'writes are refused while the disk is full').toBe(true);
    // Not ready while writes fail for want of space (issue 18: /readyz said 200 then).
    if (!died && answers.some((a) => a.code === 'STORAGE_FULL')) expect((await api.get('/readyz')).body?.error?.code).toBe('STORAGE_FULL');

    // Space back: the store opens (after a restart if the server stopped) with every acknowledged write.
    fs.rmSync(filler);
    if (!died) expect(await stopServer(server, 'SIGTERM')).not.toBeNull();
    server = await startServer({ dataDir: s.dataDir });
    api = new Api(server.url);
    await api.login();
    expect(await w.checkHttp(api)).toEqual([]);
    n = 0;
    await w.writer(api, 1, () => n++ >= 3);
    expect(w.stats().acknowledged, 'writes again once there is space').toBe(13);
    expect(await stopServer(server)).toBe(0);
    const db = await s.open();
    try {
      expect(await w.checkStore(db.db)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});

describe.runIf(canMount)('a read-only data directory [pglite]', () => {
  it('refuses to start with a clear message naming the directory, and starts intact once writable', async () => {
    const disk = smallDisk(160);
    if (!disk) return;
    const s = await freshStore('pglite', 'ro', { dataDir: path.join(disk, 'data') });
    let server = await startServer({ dataDir: s.dataDir });
    cleanup.add(() => stopServer(server, 'SIGKILL'));
    const api = new Api(server.url);
    await api.login();
    const w = householdsWorkload(`ro-${Date.now()}`);
    await w.prepare(api);
    let n = 0;
    await w.writer(api, 0, () => n++ >= 5);
    expect(await stopServer(server)).toBe(0);

    execFileSync('mount', ['-o', 'remount,ro', disk]);
    const started = Date.now();
    const refused = spawnServer({ dataDir: s.dataDir });
    const code = await refused.exited;
    console.log(`[faults] read-only data dir: exit ${code} after ${Date.now() - started} ms: ${refused.out().trim().split('\n').slice(-2).join(' | ')}`);
    expect(code, 'a clear refusal at start, not a hang or a crash loop').toBe(1);
    expect(refused.out()).toContain(s.dataDir);
    // A sentence naming the directory and the remedy, not the raw EROFS of the lock's temporary file (issue 18).
    expect(refused.out()).toMatch(/The data directory \S+ is on a read-only file system \(EROFS\)\. .*GONGJIAN_DATA_DIR/);
    expect(refused.out()).not.toMatch(/EROFS: read-only file system, open/);

    execFileSync('mount', ['-o', 'remount,rw', disk]);
    server = await startServer({ dataDir: s.dataDir });
    const again = new Api(server.url);
    await again.login();
    expect(await w.checkHttp(again)).toEqual([]);
    expect(await stopServer(server)).toBe(0);
  });
});

describe.runIf(canMount && (TEST_DATABASE_URL || IN_CI))('a full tablespace [postgres]', () => {
  it('answers writes with 503 STORAGE_FULL while the disk is full, and takes writes again once space is back', async () => {
    if (!TEST_DATABASE_URL) throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL fault tests must run in CI');
    const disk = smallDisk(64);
    if (!disk) return;
    const location = path.join(disk, 'ts');
    fs.mkdirSync(location);
    // The cluster runs as its own user: the tablespace directory must be its own.
    const owner = await adminQuery(async (c) => {
      const r = await c.query<{ dir: string }>(`select setting as dir from pg_settings where name = 'data_directory'`);
      return fs.statSync(r.rows[0]!.dir);
    }).catch(() => null);
    if (!owner) {
      console.warn('[faults] full tablespace skipped: the PostgreSQL data directory is not on this machine');
      return;
    }
    fs.chownSync(location, owner.uid, owner.gid);
    const tablespace = `gongjian_fault_${process.pid}`;
    await adminQuery((c) => c.query(`create tablespace ${tablespace} location '${location}'`));
    cleanup.add(() => adminQuery((c) => c.query(`drop tablespace if exists ${tablespace}`)));
    const s = await freshStore('postgres', 'fullts', { tablespace });
    cleanup.add(() => s.drop());
    const server = await startServer({ dataDir: s.dataDir, databaseUrl: s.databaseUrl });
    cleanup.add(() => stopServer(server, 'SIGKILL'));
    const api = new Api(server.url);
    await api.login();
    const w = householdsWorkload(`fullts-${Date.now()}`);
    await w.prepare(api);
    let n = 0;
    await w.writer(api, 0, () => n++ >= 10);
    expect(w.stats().acknowledged).toBe(10);

    const filler = fill(disk);
    const answers: Array<{ status: number; code?: string }> = [];
    for (let i = 0; i < 200; i++) {
      const r = await api.call<{ error?: { code: string } }>('POST', 'households', { communityId: (await api.get('households?pageSize=1')).body.items[0].communityId, headName: `满盘${i}`, notes: `full-ts ${'x'.repeat(400)}` });
      answers.push({ status: r.status, code: r.body?.error?.code });
      if (r.status >= 500) break;
    }
    console.log(`[faults] full tablespace (postgres): answers ${JSON.stringify(answers.reduce<Record<string, number>>((m, a) => ((m[`${a.status} ${a.code ?? ''}`] = (m[`${a.status} ${a.code ?? ''}`] ?? 0) + 1), m), {}))}`);
    const failed = answers.filter((a) => a.status >= 400);
    expect(failed.length, 'writes fail once the tablespace is full').toBeGreaterThan(0);
    for (const a of failed) expect(a).toEqual({ status: 503, code: 'STORAGE_FULL' });
    expect(server.child.exitCode).toBeNull();
    // Not ready while writes fail for want of space (issue 18: /readyz said 200 then).
    const notReady = await api.get('/readyz');
    expect([notReady.status, notReady.body?.error?.code]).toEqual([503, 'STORAGE_FULL']);

    fs.rmSync(filler);
    const before = w.stats().acknowledged!;
    n = 0;
    await w.writer(api, 1, () => n++ >= 3);
    expect(w.stats().acknowledged, 'writes again once there is space, without a restart').toBe(before + 3);
    expect((await api.get('/readyz')).status, 'ready again once a write succeeds').toBe(200);
    expect(await w.checkHttp(api)).toEqual([]);
    const db = await s.open();
    try {
      expect(await w.checkStore(db.db)).toEqual([]);
    } finally {
      await db.close();
    }
    expect(await stopServer(server)).toBe(0);
  });
});
