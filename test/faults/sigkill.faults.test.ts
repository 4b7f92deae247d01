// SIGKILL in the middle of a write load, again and again on the same store: every write the
// client saw acknowledged survives, the store opens (PGlite's lock left by the dead process is
// taken over), and the workloads' invariants hold. FAULT_ROUNDS (10) and FAULT_SEED replay a run.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/server/db/lock';
import { Api, Cleanup, SEED, describeFaultStores, freshStore, random, sleep, startServer, stopServer } from './support';
import { householdsWorkload, signupWorkload, teamsWorkload, type Workload } from './workloads';

const ROUNDS = Number(process.env.FAULT_ROUNDS ?? 10);
const cleanup = new Cleanup();
afterEach(() => cleanup.run());

function lockHolder(dataDir: string): number | null {
  try {
    return (JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')) as { pid: number }).pid;
  } catch {
    return null;
  }
}

describeFaultStores('SIGKILL under write load', (store) => {
  it(`keeps every acknowledged write through ${ROUNDS} kills`, async () => {
    const s = await freshStore(store, 'kill');
    cleanup.add(() => s.drop());
    const rnd = random(SEED + (store === 'postgres' ? 1 : 0));
    const signups = signupWorkload();
    const workloads: Workload[] = [householdsWorkload(`${store}-${SEED}`), teamsWorkload(), signups];
    console.log(`[faults] SIGKILL ${store}: ${ROUNDS} rounds, FAULT_SEED=${SEED}`);
    {
      // A first start migrates and seeds the demo; then, with the server stopped, the sign-up
      // workload writes its members with sessions into the store.
      const first = await startServer({ dataDir: s.dataDir, databaseUrl: s.databaseUrl });
      cleanup.add(() => stopServer(first, 'SIGKILL'));
      expect(await stopServer(first)).toBe(0);
      const db = await s.open();
      try {
        await signups.setup(db.db);
      } finally {
        await db.close();
      }
    }

    const checkStore = async (when: string) => {
      const db = await s.open();
      try {
        for (const w of workloads) expect(await w.checkStore(db.db), `${w.name} after ${when}`).toEqual([]);
      } finally {
        await db.close();
      }
    };

    for (let round = 1; round <= ROUNDS; round++) {
      const server = await startServer({ dataDir: s.dataDir, databaseUrl: s.databaseUrl });
      cleanup.add(() => stopServer(server, 'SIGKILL'));
      if (store === 'pglite') expect(lockHolder(s.dataDir), 'the new server holds the data-dir lock').toBe(server.child.pid);
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      const api = new Api(server.url);
      await api.login();
      for (const w of workloads) expect(await w.checkHttp(api), `${w.name}, over HTTP, before round ${round}`).toEqual([]);
      for (const w of workloads) await w.prepare(api);

      let stopped = false;
      const acknowledged = () => workloads.reduce((n, w) => n + (w.stats().acknowledged ?? 0), 0);
      const before = acknowledged();
      const writers = workloads.flatMap((w) => Array.from({ length: w.writers }, (_, i) => w.writer(api, i, () => stopped)));
      // The kill falls at a random moment once the load flows (a first write acknowledged), so
      // that every round kills writes in flight however fast the machine is.
      const flowing = Date.now() + 30_000;
      while (acknowledged() === before && Date.now() < flowing) await sleep(20);
      const killAfter = Math.round(rnd() * 800);
      await sleep(killAfter);
      server.child.kill('SIGKILL');
      await server.exited;
      stopped = true;
      await Promise.all(writers);
      console.log(`[faults] ${store} round ${round}: SIGKILL ${killAfter} ms after the first acknowledgement; ${workloads.map((w) => `${w.name} ${JSON.stringify(w.stats())}`).join('; ')}`);

      if (store === 'pglite') {
        // The dead server's lock is still there; whoever opens the store next must take it over.
        expect(lockHolder(s.dataDir)).toBe(server.child.pid);
        // Every other round the test opens the store itself (the lock taken over in this
        // process) and checks with SQL; the other rounds the next server takes the lock over.
        if (round % 2 === 0) await checkStore(`kill ${round}`);
      } else {
        await checkStore(`kill ${round}`);
      }
    }

    // The last check: the store opens after the last kill and a server runs on it again.
    await checkStore(`the last kill`);
    const server = await startServer({ dataDir: s.dataDir, databaseUrl: s.databaseUrl });
    cleanup.add(() => stopServer(server, 'SIGKILL'));
    const api = new Api(server.url);
    await api.login();
    for (const w of workloads) expect(await w.checkHttp(api), `${w.name} over HTTP at the end`).toEqual([]);
    const acknowledged = workloads.reduce((n, w) => n + (w.stats().acknowledged ?? 0), 0);
    expect(acknowledged, 'the load wrote something').toBeGreaterThan(ROUNDS);
    expect(await stopServer(server)).toBe(0);
  });
});
