/**
 * The embedded store's data-directory lock. PGlite is single-process and a second process
 * writing the same files would corrupt them, so the directory is claimed with an exclusive
 * lock file naming its holder. A lock left by a dead process on this host is taken over.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockHolder | null,
  ) {
    super(
      holder
        ? `The data directory ${dir} is in use by process ${holder.pid} on ${holder.host} ` +
            `(started ${holder.startedAt}: ${holder.command}). Stop that process first, or use another GONGJIAN_DATA_DIR.`
        : `The data directory ${dir} is locked by another process (unreadable lock file ${path.join(dir, LOCK_FILE)}).`,
    );
    this.name = 'DataDirLockedError';
  }
}

export const LOCK_FILE = 'gongjian.lock';

/** The data directory cannot be written (read-only, not ours, or full): said plainly, at start. */
export class DataDirNotWritableError extends Error {
  constructor(
    readonly dir: string,
    readonly reason: string,
  ) {
    const why =
      reason === 'EROFS'
        ? 'is on a read-only file system'
        : reason === 'ENOSPC' || reason === 'EDQUOT'
          ? 'is on a file system with no space left'
          : 'is not writable by this process';
    super(`The data directory ${dir} ${why} (${reason}). Gongjian keeps its database there and must write to it: make it writable (remount read-write, free space, fix the owner) or set GONGJIAN_DATA_DIR to a writable directory.`);
    this.name = 'DataDirNotWritableError';
  }
}

const NOT_WRITABLE = new Set(['EROFS', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT']);

/** Runs a write in the data directory, turning a refusal of the file system into DataDirNotWritableError. */
function writing<T>(dir: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code && NOT_WRITABLE.has(code)) throw new DataDirNotWritableError(dir, code);
    throw err;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}

export interface DataDirLock {
  release(): void;
}

export function acquireDataDirLock(dir: string, command = process.argv.slice(1).join(' ')): DataDirLock {
  writing(dir, () => fs.mkdirSync(dir, { recursive: true }));
  const file = path.join(dir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), command };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // Write the holder to a private file, then link it into place: the lock appears whole or not at all.
      const tmp = `${file}.${process.pid}.tmp`;
      writing(dir, () => fs.writeFileSync(tmp, JSON.stringify(me), { mode: 0o600 }));
      try {
        fs.linkSync(tmp, file);
      } finally {
        fs.rmSync(tmp, { force: true });
      }
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.removeListener('exit', release);
        const holder = readHolder(file);
        if (holder && holder.pid === me.pid && holder.host === me.host) fs.rmSync(file, { force: true });
      };
      process.once('exit', release);
      return { release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(file);
      const stale = holder !== null && holder.host === me.host && !isAlive(holder.pid);
      if (!stale) throw new DataDirLockedError(dir, holder);
      fs.rmSync(file, { force: true });
    }
  }
  throw new DataDirLockedError(dir, readHolder(file));
}
