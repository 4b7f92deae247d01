/**
 * The `gongjian` command: serve, migrate, create-admin, seed, backup, restore.
 * Every command reads the same configuration as the server (GONGJIAN_* variables and flags).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { ConfigError, loadConfig, type Config, type ConfigOverrides } from '../server/config';
import { openDatabase, openPglite, pgliteDir } from '../server/db/database';
import { DataDirLockedError, acquireDataDirLock } from '../server/db/lock';
import { migrateToLatest } from '../server/db/migrate';
import { createAdmin } from '../server/platform/bootstrap';
import { PersonalDataCipher } from '../server/platform/crypto';
import { resolveSecrets } from '../server/platform/secrets';
import { announce, startServer } from '../server/main';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../server/seed/demo';
import { seedDemoCity, type CityScale } from '../server/seed';

interface CommonFlags {
  dataDir?: string;
  databaseUrl?: string;
  env?: string;
}

function withCommon(cmd: Command): Command {
  return cmd
    .option('--data-dir <dir>', 'embedded database directory (GONGJIAN_DATA_DIR, default ./data)')
    .option('--database-url <url>', 'PostgreSQL URL (DATABASE_URL); omit for the embedded database')
    .addOption(new Option('--env <env>', 'environment (GONGJIAN_ENV)').choices(['development', 'production', 'test']));
}

function config(flags: CommonFlags & ConfigOverrides): Config {
  return loadConfig(process.env, {
    dataDir: flags.dataDir,
    databaseUrl: flags.databaseUrl,
    env: flags.env,
    host: flags.host,
    port: flags.port,
    logLevel: flags.logLevel,
  });
}

/** Opens the configured database and migrates it; the caller closes it. */
async function openMigrated(cfg: Config, log = true) {
  const database = await openDatabase(cfg);
  const ran = await migrateToLatest(database.db);
  if (log) console.log(ran.length > 0 ? `Migrated: ${ran.join(', ')}` : 'The database schema is up to date.');
  return database;
}

const program = new Command()
  .name('gongjian')
  .description('共建 Gongjian — the platform for 联动共建 / 双报到. Configuration comes from GONGJIAN_* variables; see README.')
  .showHelpAfterError();

withCommon(program.command('serve').description('start the server (migrates first; seeds the first admin and the demo on an empty database)'))
  .option('--host <host>', 'address to listen on (GONGJIAN_HOST)')
  .option('--port <port>', 'port (GONGJIAN_PORT / PORT)')
  .option('--log-level <level>', 'log level (GONGJIAN_LOG_LEVEL)')
  .action(async (flags: CommonFlags & ConfigOverrides) => {
    const cfg = config(flags);
    const server = await startServer(cfg);
    announce(server, cfg);
    let signals = 0;
    const shutdown = (signal: string) => {
      signals += 1;
      if (signals > 1) {
        console.error('Second signal: exiting now.');
        process.exit(1);
      }
      console.log(`${signal} received: finishing requests and closing the database…`);
      const force = setTimeout(() => {
        console.error('Shutdown took longer than 15 s; exiting.');
        process.exit(1);
      }, 15_000);
      force.unref();
      server.stop().then(
        () => {
          console.log('Stopped.');
          process.exit(0);
        },
        (err: unknown) => {
          console.error('Error while stopping:', err);
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', () => shutdown('SIGINT'));
    process.on('SIGTERM', () => shutdown('SIGTERM'));
  });

withCommon(program.command('migrate').description('run the database migrations to the latest version')).action(async (flags: CommonFlags) => {
  const database = await openMigrated(config(flags));
  await database.close();
});

withCommon(program.command('create-admin').description('create a system administrator (or reset one with --reset)'))
  .requiredOption('--account <account>', 'account name')
  .option('--password <password>', 'password (generated and printed when omitted; prefer GONGJIAN_ADMIN_PASSWORD to keep it out of shell history)')
  .option('--display-name <name>', 'display name', '系统管理员')
  .option('--reset', 'if the account exists, set its password, enable it and make it an administrator')
  .action(async (flags: CommonFlags & { account: string; password?: string; displayName: string; reset?: boolean }) => {
    const cfg = config(flags);
    const database = await openMigrated(cfg, false);
    try {
      const admin = await createAdmin(database.db, cfg.password, {
        account: flags.account,
        password: flags.password ?? process.env.GONGJIAN_ADMIN_PASSWORD ?? null,
        displayName: flags.displayName,
        resetExisting: flags.reset === true,
      });
      console.log(`${admin.created ? 'Created' : 'Reset'} administrator ${admin.account}${admin.password ? ` with password ${admin.password}` : ''}`);
    } finally {
      await database.close();
    }
  });

withCommon(program.command('seed').description('seed the demo data (idempotent); never in production'))
  .addOption(new Option('--scale <scale>', 'small (tests), county (the demo: 27 communities, 4,000+ members, 12,000 households) or city (ten times larger, for benchmarks)').choices(['small', 'county', 'city']).default('county'))
  .action(async (flags: CommonFlags & { scale: string }) => {
    const cfg = config(flags);
    if (cfg.env === 'production') throw new ConfigError('GONGJIAN_ENV', 'demo data is not seeded in production');
    const database = await openMigrated(cfg, false);
    try {
      const { secrets } = await resolveSecrets(database.db, cfg);
      let lastStep = '';
      const summary = await seedDemoCity(database.db, new PersonalDataCipher(secrets.encryptionKey), flags.scale as CityScale, (step, done, total) => {
        if (step !== lastStep && lastStep) process.stdout.write('\n');
        lastStep = step;
        process.stdout.write(`\r  ${step}: ${done}/${total}`);
      });
      if (lastStep) process.stdout.write('\n');
      const seeded = summary.steps.filter((s) => s.seeded);
      if (seeded.length === 0) console.log(`The demo city (${summary.scale}) was there already; nothing changed.`);
      for (const step of seeded) console.log(`Seeded ${step.module}: ${Object.entries(step.counts).map(([k, v]) => `${v} ${k}`).join(', ')}.`);
      if (seeded.length > 0) console.log(`Seeded the demo city (${summary.scale}) in ${(summary.elapsedMs / 1000).toFixed(1)} s.`);
      console.log(`Accounts (password ${DEMO_PASSWORD}):`);
      for (const a of DEMO_ACCOUNTS) console.log(`  ${a.account.padEnd(11)} ${a.role.padEnd(16)} ${a.displayName} · ${a.scope}`);
    } finally {
      await database.close();
    }
  });

withCommon(program.command('backup').description('write a backup of the embedded database (PostgreSQL: use pg_dump, see docs/database.md)'))
  .requiredOption('--out <file>', 'backup file to write (.tar.gz)')
  .action(async (flags: CommonFlags & { out: string }) => {
    const cfg = config(flags);
    if (cfg.databaseUrl) {
      console.error('On PostgreSQL, back up with pg_dump: pg_dump --format=custom --file=gongjian.dump "$DATABASE_URL" (see docs/database.md).');
      process.exitCode = 2;
      return;
    }
    const database = await openPglite({ dir: pgliteDir(cfg.dataDir), lockDir: cfg.dataDir });
    try {
      process.stdout.write('Writing the backup… ');
      const dump = await database.pglite!.dumpDataDir('gzip');
      const bytes = Buffer.from(await dump.arrayBuffer());
      fs.mkdirSync(path.dirname(path.resolve(flags.out)), { recursive: true });
      fs.writeFileSync(flags.out, bytes, { mode: 0o600 });
      console.log(`done: ${flags.out} (${(bytes.length / 1024 / 1024).toFixed(1)} MiB)`);
    } finally {
      await database.close();
    }
  });

withCommon(program.command('restore').description('restore the embedded database from a backup (the current one is kept beside it)'))
  .requiredOption('--from <file>', 'backup file written by `gongjian backup`')
  .option('--force', 'replace an existing database')
  .action(async (flags: CommonFlags & { from: string; force?: boolean }) => {
    const cfg = config(flags);
    if (cfg.databaseUrl) {
      console.error('On PostgreSQL, restore with pg_restore (see docs/database.md).');
      process.exitCode = 2;
      return;
    }
    if (!fs.existsSync(flags.from)) throw new Error(`No backup file at ${flags.from}`);
    const lock = acquireDataDirLock(cfg.dataDir);
    try {
      const dir = pgliteDir(cfg.dataDir);
      if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
        if (!flags.force) throw new Error(`A database exists in ${dir}; pass --force to replace it (it is kept as a copy).`);
        const kept = `${dir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        fs.renameSync(dir, kept);
        console.log(`Kept the current database as ${kept}`);
      }
      process.stdout.write('Restoring… ');
      const blob = new Blob([fs.readFileSync(flags.from)]);
      const database = await openPglite({ dir, loadDataDir: blob });
      const ran = await migrateToLatest(database.db);
      await database.close();
      console.log(`done${ran.length ? `; migrated ${ran.join(', ')}` : ''}.`);
    } finally {
      lock.release();
    }
  });

withCommon(program.command('create-region').description('create the top region (a city, or a county as a district) of an empty system'))
  .addOption(new Option('--kind <kind>', 'city or district (a county)').choices(['city', 'district']).makeOptionMandatory())
  .requiredOption('--name <name>', 'its name, e.g. 临江市')
  .action(async (flags: CommonFlags & { kind: 'city' | 'district'; name: string }) => {
    const cfg = config(flags);
    const database = await openMigrated(cfg, false);
    try {
      const { runCreateTopRegion } = await import('./import');
      process.exitCode = await runCreateTopRegion(database, cfg, flags.kind, flags.name);
    } finally {
      await database.close();
    }
  });

withCommon(program.command('import').description('import regions, members, households or organisations from an .xlsx sheet (same checks as the web import)'))
  .argument('<kind>', 'regions | organizations | members | households')
  .argument('<file>', 'the .xlsx file')
  .option('--skip-invalid', 'write the valid rows even when some rows have errors')
  .option('--dry-run', 'only check the sheet and print the report')
  .action(async (kind: string, file: string, flags: CommonFlags & { skipInvalid?: boolean; dryRun?: boolean }) => {
    if (!['members', 'households', 'organizations', 'regions'].includes(kind)) throw new Error(`Unknown kind ${kind}: use regions, organizations, members or households`);
    if (!fs.existsSync(file)) throw new Error(`No file at ${file}`);
    const cfg = config(flags);
    const database = await openMigrated(cfg, false);
    try {
      const { runCliImport } = await import('./import');
      process.exitCode = await runCliImport(database, cfg, kind as 'members' | 'households' | 'organizations' | 'regions', file, { skipInvalid: flags.skipInvalid === true, dryRun: flags.dryRun === true });
    } finally {
      await database.close();
    }
  });

export async function main(argv: string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof DataDirLockedError) {
      console.error(`gongjian: ${err.message}`);
      process.exit(2);
    }
    console.error(`gongjian: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}

await main(process.argv);
