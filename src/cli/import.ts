/**
 * `gongjian import KIND FILE`: the web import's checks and writes, run as the system (the CLI is
 * an operator's tool on the server). Prints the row-by-row report; writes nothing when a row has
 * an error unless --skip-invalid; shows progress while writing.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../server/config';
import type { Database } from '../server/db/database';
import type { ImportKind } from '../server/db/schema';
import type { AuditActor } from '../server/platform/audit';
import type { AppContext } from '../server/platform/context';
import { buildApp } from '../server/app';
import { permissionsOf, type Principal } from '../server/platform/principal';
import { commitImport, createTopRegion, discardImport, validateImport } from '../server/modules/directory';

/** The CLI acts as the system: an operator on the server. */
export function systemPrincipal(): Principal {
  const assignments = [
    {
      id: '00000000-0000-0000-0000-000000000000',
      userId: '00000000-0000-0000-0000-000000000000',
      role: 'system_admin' as const,
      scope: { type: 'system' as const, id: null, regionPath: null, orgPath: null },
      scopeType: 'system' as const,
      scopeId: null,
      scopeName: null,
      scopeKind: null,
      createdAt: new Date(),
    },
  ];
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    account: 'cli',
    displayName: 'gongjian import',
    phoneMasked: null,
    status: 'active',
    mustChangePassword: false,
    via: 'session',
    sessionHash: null,
    tokenId: null,
    assignments,
    permissions: permissionsOf(assignments, null),
  };
}

export async function runCliImport(
  database: Database,
  config: Config,
  kind: ImportKind,
  file: string,
  opts: { skipInvalid: boolean; dryRun: boolean },
): Promise<number> {
  // The app (not listening) gives the import the same context as the web: secrets, and the modules' event handlers.
  const app = await buildApp(config, database, { logger: false });
  await app.ready();
  try {
    return await run(app.ctx, kind, file, opts);
  } finally {
    await app.close();
  }
}

async function run(ctx: AppContext, kind: ImportKind, file: string, opts: { skipInvalid: boolean; dryRun: boolean }): Promise<number> {
  const principal = systemPrincipal();
  const actor: AuditActor = { userId: null, account: 'cli', ip: null, userAgent: 'gongjian import', requestId: null };
  const started = Date.now();
  process.stdout.write(`Checking ${path.basename(file)}… `);
  const report = await validateImport(ctx, principal, kind, path.basename(file), fs.readFileSync(file), actor);
  console.log(`${report.totalRows} rows: ${report.validRows} valid (${report.toCreate} new, ${report.toUpdate} changed, ${report.unchanged} unchanged), ${report.errorRows} with errors.`);
  for (const e of report.errors.slice(0, 200)) console.log(`  row ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.message} [${e.code}]`);
  if (report.errors.length > 200) console.log(`  … and ${report.errors.length - 200} more`);
  if (opts.dryRun || (report.errorRows > 0 && !opts.skipInvalid) || report.toCreate + report.toUpdate === 0) {
    await discardImport(ctx, principal, report.batchId, actor);
    if (report.errorRows > 0 && !opts.skipInvalid && !opts.dryRun) {
      console.log('Nothing was written. Fix the rows above, or pass --skip-invalid to write the valid rows.');
      return 1;
    }
    console.log(opts.dryRun ? 'Dry run: nothing was written.' : 'Nothing to write: every row matches what is stored.');
    return 0;
  }
  let last = 0;
  const committed = await commitImport(ctx, principal, report.batchId, actor, (done, total) => {
    const pct = Math.floor((done / Math.max(total, 1)) * 100);
    if (pct >= last + 10 || done === total) {
      last = pct;
      process.stdout.write(`\r  writing… ${done}/${total} (${pct}%)`);
    }
  });
  console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s: ${committed.toCreate} created, ${committed.toUpdate} updated, ${committed.unchanged} unchanged.`);
  return 0;
}

/** `gongjian create-region`: the top of the region tree (a city or a county), as the first run needs. */
export async function runCreateTopRegion(database: Database, config: Config, kind: 'city' | 'district', name: string): Promise<number> {
  const app = await buildApp(config, database, { logger: false });
  await app.ready();
  try {
    const actor: AuditActor = { userId: null, account: 'cli', ip: null, userAgent: 'gongjian create-region', requestId: null };
    const region = await createTopRegion(app.ctx, systemPrincipal(), { kind, name }, actor);
    console.log(`Created the top region ${region.name} (${region.kind}), id ${region.id}. Next: gongjian import regions FILE.xlsx`);
    return 0;
  } finally {
    await app.close();
  }
}
