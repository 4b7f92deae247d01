// Builds the database templates once per run: a PGlite dump (always) and a PostgreSQL template
// database (when TEST_DATABASE_URL is set). Each test file then starts from a copy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../../src/server/db/database';
import { prepareTemplate } from './fixtures';
import { IN_CI, POSTGRES_SKIP_REASON, TEST_DATABASE_URL, withDatabase } from './stores';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string | null;
    runId: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongjian-test-'));
  const dumpFile = path.join(dir, 'template.tar');

  const started = Date.now();
  const database = await openPglite();
  await prepareTemplate(database.db);
  const dump = await database.pglite!.dumpDataDir('none');
  fs.writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  await database.close();

  let postgresTemplate: string | null = null;
  if (TEST_DATABASE_URL) {
    postgresTemplate = `gongjian_tpl_${runId}`;
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${postgresTemplate}`);
    await admin.end();
    const tpl = await openPostgres(withDatabase(TEST_DATABASE_URL, postgresTemplate), 2);
    await prepareTemplate(tpl.db);
    await tpl.close();
  } else if (IN_CI) {
    throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL suites must run in CI');
  } else {
    console.warn(`\n[medium] PostgreSQL suites ${POSTGRES_SKIP_REASON}\n`);
  }
  console.log(`[medium] database templates ready in ${Date.now() - started} ms (PGlite${postgresTemplate ? ' + PostgreSQL' : ''})`);

  project.provide('pgliteTemplate', dumpFile);
  project.provide('postgresTemplate', postgresTemplate);
  project.provide('runId', runId);

  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (TEST_DATABASE_URL && postgresTemplate) {
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`gongjian_%${runId}%`]);
      for (const r of rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
      await admin.end();
    }
  };
}
