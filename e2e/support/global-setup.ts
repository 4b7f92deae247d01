// Browser tests need Chromium (Debian's /usr/bin/chromium; never a downloaded browser) and the
// built web app. This setup builds the app when it is stale, starts a real server on a fresh
// embedded database with the demo, and hands its address to the specs. Without Chromium the
// suite is skipped with a clear message, except under CI=true where that is a failure.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

export const CHROMIUM = process.env.GONGJIAN_CHROMIUM ?? '/usr/bin/chromium';
const root = path.resolve(import.meta.dirname, '..', '..');

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBaseUrl: string | null;
    e2eAdminPassword: string;
  }
}

function newest(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, e) => Math.max(m, newest(path.join(p, e))), st.mtimeMs);
}

function buildWebIfStale(): void {
  const index = path.join(root, 'dist', 'web', 'index.html');
  const sources = [path.join(root, 'src', 'web'), path.join(root, 'vite.config.ts')];
  if (fs.existsSync(index) && Math.max(...sources.map(newest)) <= fs.statSync(index).mtimeMs) return;
  const started = Date.now();
  // Vitest sets NODE_ENV=test, which would make Vite build React's and antd's development bundles.
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error('vite build failed');
  console.log(`[e2e] built the web app in ${Date.now() - started} ms`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const ci = process.env.CI === 'true' || process.env.CI === '1';
  const adminPassword = 'E2e-Chief-Pass-2026';
  project.provide('e2eAdminPassword', adminPassword);
  if (!fs.existsSync(CHROMIUM)) {
    if (ci) throw new Error(`CI=true but ${CHROMIUM} is missing: install it with apt-get install -y chromium`);
    console.warn(`\n[e2e] browser suites skipped: ${CHROMIUM} not found (apt-get install -y chromium)\n`);
    project.provide('e2eBaseUrl', null);
    return async () => undefined;
  }
  buildWebIfStale();

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongjian-e2e-'));
  const child = spawn(process.execPath, [path.join(root, 'bin', 'gongjian.mjs'), 'serve', '--host', '127.0.0.1', '--port', '0', '--data-dir', dataDir], {
    cwd: root,
    env: {
      ...process.env,
      GONGJIAN_ENV: 'development',
      GONGJIAN_SEED_DEMO: 'true',
      GONGJIAN_SEED_SCALE: 'small',
      GONGJIAN_LOG_LEVEL: 'warn',
      GONGJIAN_ADMIN_ACCOUNT: 'admin',
      GONGJIAN_ADMIN_PASSWORD: adminPassword,
      GONGJIAN_LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      GONGJIAN_WEB_DIR: path.join(root, 'dist', 'web'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr.on('data', (b: Buffer) => (output += b.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 90 s:\n${output}`)), 90_000);
    const check = () => {
      const m = /running at (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      } else if (child.exitCode !== null) {
        clearTimeout(timer);
        reject(new Error(`server exited:\n${output}`));
      } else setTimeout(check, 100);
    };
    check();
  });
  project.provide('e2eBaseUrl', url);

  return async () => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
