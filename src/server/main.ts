/**
 * Starting and stopping the server: open the database (locking the embedded store), migrate,
 * create the first admin and the demo on an empty database, listen, run the periodic jobs, and
 * shut down gracefully on SIGINT/SIGTERM (finish requests, then close the database).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { MODULES } from './modules';
import type { Config } from './config';
import { openDatabase, type Database } from './db/database';
import { migrateToLatest } from './db/migrate';
import { purgeAudit } from './platform/audit';
import { ensureFirstAdmin, type CreatedAdmin } from './platform/bootstrap';
import { sweepSessions } from './platform/sessions';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo';
import { seedDemoCity, type DemoSummary } from './seed';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  admin: CreatedAdmin | null;
  demo: DemoSummary | null;
  stop(): Promise<void>;
}

const SWEEP_MS = 10 * 60_000;
const PURGE_MS = 24 * 3_600_000;

function startJobs(server: { app: FastifyInstance; config: Config }): () => void {
  const { app, config } = server;
  const run = (name: string, job: () => Promise<unknown>) => () => {
    job().catch((err: unknown) => app.log.error({ err, job: name }, 'job failed'));
  };
  const sweep = run('sweep-sessions', () => sweepSessions(app.ctx.db, config.sessionIdleMinutes, config.loginWindowMinutes));
  const purge = run('purge-audit', async () => {
    const n = await purgeAudit(app.ctx.db, config.auditRetentionDays);
    if (n > 0) app.log.info({ deleted: n, retentionDays: config.auditRetentionDays }, 'audit retention purge');
  });
  const timers = [setInterval(sweep, SWEEP_MS), setInterval(purge, PURGE_MS)];
  for (const mod of MODULES) {
    for (const job of mod.jobs ?? []) {
      const tick = run(`${mod.name}.${job.name}`, () => job.run(app.ctx));
      timers.push(setInterval(tick, job.everyMs));
      tick();
    }
  }
  for (const t of timers) t.unref();
  sweep();
  purge();
  return () => timers.forEach((t) => clearInterval(t));
}

export async function startServer(config: Config, log: (line: string) => void = console.log): Promise<RunningServer> {
  const database = await openDatabase(config);
  try {
    const ran = await migrateToLatest(database.db);
    if (ran.length > 0) log(`Migrated the database: ${ran.join(', ')}`);
    const app = await buildApp(config, database, { lazySchemas: true });
    const admin = await ensureFirstAdmin(database.db, config.password, { account: config.adminAccount, password: config.adminPassword });
    let demo: DemoSummary | null = null;
    if (admin && config.seedDemo) {
      let lastStep = '';
      const seedStarted = Date.now();
      demo = await seedDemoCity(database.db, app.ctx.cipher, config.seedScale, (step) => {
        if (step !== lastStep) log(`Seeding the demo city (${config.seedScale}): ${(lastStep = step)}…`);
      });
      const n = (table: string) => demo?.counts[table] ?? 0;
      log(
        `Seeded the demo city in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s: ${n('member')} members, ${n('household')} households, ${n('organization')} organisations, ${n('pairing')} pairings, ${n('registration')} registrations, ${n('volunteer_activity')} activities, ${n('hour_entry')} hours entries, ${n('need')} needs, ${n('resource')} resources, ${n('project')} projects.`,
      );
    }
    const address = await app.listen({ host: config.host, port: config.port });
    const url = config.host === '0.0.0.0' || config.host === '::' ? `http://localhost:${new URL(address).port}` : address;
    // Route schemas compile on first use; compile the rest now, in slices between requests.
    app.warmSchemas().catch((err: unknown) => app.log.error({ err }, 'compiling the route schemas failed'));
    const stopJobs = startJobs({ app, config });
    let stopping: Promise<void> | null = null;
    const stop = () =>
      (stopping ??= (async () => {
        stopJobs();
        // Requests in flight finish; keep-alive connections close as soon as they fall idle.
        const sweeper = setInterval(() => app.server.closeIdleConnections(), 50);
        try {
          await app.close();
        } finally {
          clearInterval(sweeper);
        }
        await database.close();
      })());
    return { app, database, url, admin, demo, stop };
  } catch (err) {
    await database.close();
    throw err;
  }
}

/** Prints the address and how to log in; the generated password is also kept in the data directory in development. */
export function announce(server: RunningServer, config: Config, log: (line: string) => void = console.log): void {
  const lines = [
    '',
    `  共建 Gongjian is running at ${server.url}`,
    `  Database: ${server.database.store === 'pglite' ? `embedded PGlite in ${config.dataDir} (for production use PostgreSQL)` : 'PostgreSQL'}`,
    `  API reference: ${server.url}/api/v1/docs`,
  ];
  if (server.admin) {
    lines.push(`  Administrator: ${server.admin.account}  password: ${server.admin.password ?? '(the one in GONGJIAN_ADMIN_PASSWORD)'}`);
    if (server.admin.password && server.database.store === 'pglite' && config.env === 'development') {
      const file = path.join(config.dataDir, 'initial-admin.txt');
      fs.writeFileSync(file, `account: ${server.admin.account}\npassword: ${server.admin.password}\n`, { mode: 0o600 });
      lines.push(`  (also written to ${path.relative(process.cwd(), file) || file}; change the password after logging in)`);
    }
  } else {
    lines.push('  Log in with your account. Forgot the admin password? Run: npx gongjian create-admin --account admin --reset');
  }
  if (config.seedDemo) {
    lines.push(`  Demo accounts (password ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) lines.push(`    ${a.account.padEnd(11)} ${a.role.padEnd(16)} ${a.displayName} · ${a.scope}`);
  }
  lines.push('');
  for (const l of lines) log(l);
}
