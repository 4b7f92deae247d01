// The PostgreSQL connection cut in the middle of requests, through a loopback TCP proxy between
// the server and PostgreSQL: requests in flight answer 503 DATABASE_UNAVAILABLE in the documented
// error shape (never 500), /readyz says not ready, nothing is half-written (multi-row writes are
// all or nothing), and once the proxy accepts again the pool recovers without a restart.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { POSTGRES_SKIP_REASON, TEST_DATABASE_URL, IN_CI } from '../support/stores';
import { Api, Cleanup, freshStore, sleep, startServer, stopServer } from './support';
import { householdsWorkload, teamsWorkload } from './workloads';

const cleanup = new Cleanup();
afterEach(() => cleanup.run());

/** A TCP proxy on loopback that can drop every connection and refuse new ones, then accept again. */
class CuttableProxy {
  private server: net.Server;
  private sockets = new Set<net.Socket>();
  private open = true;
  port = 0;

  constructor(private target: { host: string; port: number }) {
    this.server = net.createServer((client) => {
      if (!this.open) {
        client.destroy();
        return;
      }
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream);
      upstream.pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  /** Drops every connection (mid-query for some) and refuses new ones. */
  cut(): number {
    this.open = false;
    const n = this.sockets.size;
    for (const s of this.sockets) s.destroy();
    return n;
  }

  restore(): void {
    this.open = true;
  }

  close(): Promise<void> {
    this.cut();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const suite = TEST_DATABASE_URL ? describe : IN_CI ? describe : describe.skip;

suite(`PostgreSQL connection cut mid-request${TEST_DATABASE_URL ? '' : ` — ${POSTGRES_SKIP_REASON}`}`, () => {
  it('answers 503 DATABASE_UNAVAILABLE while cut, writes nothing by halves, and recovers without a restart', async () => {
    if (!TEST_DATABASE_URL) throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL fault tests must run in CI');
    const s = await freshStore('postgres', 'cut');
    cleanup.add(() => s.drop());
    const real = new URL(s.databaseUrl!);
    const proxy = new CuttableProxy({ host: real.hostname, port: Number(real.port || 5432) });
    await proxy.listen();
    cleanup.add(() => proxy.close());
    const viaProxy = new URL(s.databaseUrl!);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);

    // A short connection timeout so that a refused connection answers quickly.
    const server = await startServer({ dataDir: s.dataDir, databaseUrl: viaProxy.toString() });
    cleanup.add(() => stopServer(server, 'SIGKILL'));
    const api = new Api(server.url);
    await api.login();
    const workloads = [householdsWorkload(`cut-${Date.now()}`), teamsWorkload()];
    for (const w of workloads) await w.prepare(api);

    // Load: multi-row writes and reads, each answer recorded.
    const answers: Array<{ phase: 'before' | 'cut' | 'after'; status: number; code?: string; shapeOk: boolean }> = [];
    let phase: 'before' | 'cut' | 'after' = 'before';
    let stopped = false;
    const readers = Array.from({ length: 2 }, async () => {
      while (!stopped) {
        const p = phase;
        const r = await api.get<{ error?: { code: string; message: string } }>('households?pageSize=20');
        answers.push({ phase: p, status: r.status, code: r.body?.error?.code, shapeOk: r.status < 400 || (typeof r.body?.error?.code === 'string' && typeof r.body.error.message === 'string') });
      }
    });
    // Writers record their own acknowledgements; failed writes answer with the error shape too.
    const writers = workloads.flatMap((w) => Array.from({ length: w.writers }, (_, i) => w.writer(api, i, () => stopped)));

    await sleep(1_500);
    phase = 'cut';
    const dropped = proxy.cut();
    console.log(`[faults] cut ${dropped} sockets between the server and PostgreSQL`);
    await sleep(2_500);
    expect(server.child.exitCode, `the server must keep running:\n${server.out().slice(-3000)}`).toBeNull();
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status, 'not ready while the database is unreachable').toBe(503);
    expect(((await ready.json()) as { error: { code: string } }).error.code).toBe('DATABASE_UNAVAILABLE');

    phase = 'after';
    proxy.restore();
    // The pool recovers by itself: /readyz turns ready again, without a restart.
    const until = Date.now() + 20_000;
    let readyAgain = false;
    while (Date.now() < until && !readyAgain) {
      readyAgain = (await fetch(`${server.url}/readyz`)).status === 200;
      if (!readyAgain) await sleep(200);
    }
    expect(readyAgain, 'ready again once the proxy accepts').toBe(true);
    await sleep(1_500);
    stopped = true;
    await Promise.all([...readers, ...writers]);
    expect(server.child.exitCode, 'the server kept running').toBeNull();

    const byPhase = (p: string) => answers.filter((a) => a.phase === p);
    const summary = Object.fromEntries(['before', 'cut', 'after'].map((p) => [p, byPhase(p).reduce<Record<string, number>>((m, a) => ((m[a.status] = (m[a.status] ?? 0) + 1), m), {})]));
    console.log(`[faults] reads by phase and status: ${JSON.stringify(summary)}; ${workloads.map((w) => `${w.name} ${JSON.stringify(w.stats())}`).join('; ')}`);
    expect(answers.every((a) => a.shapeOk), 'every error in the documented shape').toBe(true);
    expect(answers.filter((a) => a.status >= 500 && a.status !== 503), 'no 5xx but 503').toEqual([]);
    expect(answers.filter((a) => a.status === 503).every((a) => a.code === 'DATABASE_UNAVAILABLE')).toBe(true);
    expect(byPhase('cut').some((a) => a.status === 503), 'requests during the cut answered 503').toBe(true);
    // After recovery the same server answers again, reads and writes.
    expect((await api.get('households?pageSize=1')).status).toBe(200);
    const refused = workloads.reduce((n, w) => n + (w.stats().refused ?? 0), 0);
    expect(refused, 'some writes were refused during the cut').toBeGreaterThan(0);
    const before = workloads[0]!.stats().acknowledged!;
    const w = workloads[0]!;
    let again = false;
    await w.writer(api, 9, () => {
      const done = again;
      again = true;
      return done;
    });
    expect(w.stats().acknowledged, 'a write after recovery is acknowledged').toBe(before + 1);

    // Nothing half-written: every acknowledged write is there, every household has all its tags
    // and its audit row, every team exactly one complete set.
    for (const wl of workloads) expect(await wl.checkHttp(api), wl.name).toEqual([]);
    const db = await s.open();
    try {
      for (const wl of workloads) expect(await wl.checkStore(db.db), wl.name).toEqual([]);
    } finally {
      await db.close();
    }
    expect(server.out(), 'the failures were logged as the database being unavailable').toContain('database unavailable');
    expect(await stopServer(server)).toBe(0);
  });
});
