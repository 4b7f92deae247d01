// `npm start`: builds the web app when it is missing or older than its sources, then serves.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist', 'web', 'index.html');

function newest(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const e of fs.readdirSync(p)) m = Math.max(m, newest(path.join(p, e)));
  return m;
}

const sources = [path.join(root, 'src', 'web'), path.join(root, 'vite.config.ts'), path.join(root, 'package-lock.json')].filter((p) => fs.existsSync(p));
const stale = !fs.existsSync(built) || Math.max(...sources.map(newest)) > fs.statSync(built).mtimeMs;
if (stale && process.env.GONGJIAN_SKIP_WEB_BUILD !== '1') {
  console.log('Building the web app (first start, or its sources changed)…');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

process.argv = [process.argv[0], path.join(root, 'bin', 'gongjian.mjs'), 'serve', ...process.argv.slice(2)];
await import('../bin/gongjian.mjs');
