/**
 * The live-events bus: publish a small JSON message on a topic, and whoever subscribed to that
 * topic hears it — in this process and, on PostgreSQL, in every server process on the same
 * database (LISTEN/NOTIFY on one dedicated connection, reconnected when it drops). Used to push
 * notifications to open pages; meant for anything live (a board, a cache to forget).
 *
 * - publish(topic, data): now. Subscribers here hear it at once; other processes through NOTIFY.
 * - publishOnCommit(db, topic, data) (also a plain function, for writers without the bus): inside a
 *   transaction; heard once it commits, never if it rolls back (a NOTIFY written in the
 *   transaction: the database delivers it at commit, to this process as well — PGlite's own
 *   listener on the embedded store).
 * - subscribe(topic, handler) returns the unsubscribe function. A handler that throws is logged.
 * - RESYNC_TOPIC is published here after the cross-process connection came back: messages may have
 *   been missed, so a subscriber rereads its state.
 *
 * A message travels as one NOTIFY payload: at most MAX_MESSAGE_BYTES of JSON. Delivery is at most
 * once; the truth stays in the tables.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from '../db/database';
import type { DB } from '../db/schema';

export const LIVE_CHANNEL = 'gongjian_live';
/** PostgreSQL's NOTIFY payload limit is 8000 bytes; leave room for the envelope. */
export const MAX_MESSAGE_BYTES = 7_500;
export const RESYNC_TOPIC = 'live.resync';

export type LiveHandler = (data: unknown) => void;

export interface LiveBus {
  publish(topic: string, data: unknown): void;
  publishOnCommit(db: Kysely<DB> | Transaction<DB>, topic: string, data: unknown): Promise<void>;
  subscribe(topic: string, handler: LiveHandler): () => void;
  /** Resolves once cross-process delivery is listening (at once on the embedded store). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

interface Envelope {
  /** The publishing process for publish() (which delivered locally already); absent for publishOnCommit. */
  o?: string;
  t: string;
  d: unknown;
}

export interface LiveOptions {
  onError(err: unknown, what: string): void;
  /** First and longest wait between reconnection attempts of the listening connection. */
  retryMs?: { first: number; max: number };
}

function encode(envelope: Envelope): string {
  const text = JSON.stringify(envelope);
  if (Buffer.byteLength(text) > MAX_MESSAGE_BYTES) throw new Error(`live message on ${envelope.t} is over ${MAX_MESSAGE_BYTES} bytes`);
  return text;
}

class Subscribers {
  readonly #byTopic = new Map<string, Set<LiveHandler>>();

  constructor(private readonly onError: LiveOptions['onError']) {}

  add(topic: string, handler: LiveHandler): () => void {
    let set = this.#byTopic.get(topic);
    if (!set) this.#byTopic.set(topic, (set = new Set()));
    set.add(handler);
    return () => {
      set.delete(handler);
      if (set.size === 0 && this.#byTopic.get(topic) === set) this.#byTopic.delete(topic);
    };
  }

  deliver(topic: string, data: unknown): void {
    for (const handler of [...(this.#byTopic.get(topic) ?? [])]) {
      try {
        handler(data);
      } catch (err) {
        this.onError(err, `live handler on ${topic}`);
      }
    }
  }

  /** A payload from the database's NOTIFY; ours (publish() delivered it already) are skipped. */
  received(payload: string | undefined, self: string): void {
    if (!payload) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(payload) as Envelope;
    } catch (err) {
      this.onError(err, 'live message is not JSON');
      return;
    }
    if (envelope.o === self || typeof envelope.t !== 'string') return;
    this.deliver(envelope.t, envelope.d);
  }
}

/** Writes a NOTIFY on the live channel through `db` (in its transaction, if it is one). */
async function notifyThrough(db: Kysely<DB> | Transaction<DB>, payloads: readonly string[]): Promise<void> {
  if (payloads.length === 0) return;
  await sql`select pg_notify(${LIVE_CHANNEL}, p) from unnest(${payloads}::text[]) as p`.execute(db);
}

/**
 * Publishes messages from inside a transaction (or outside one: then at once), in one statement:
 * every process's bus hears them once `db` commits. Needs no bus: the database carries them.
 */
export async function publishOnCommit(db: Kysely<DB> | Transaction<DB>, messages: ReadonlyArray<{ topic: string; data: unknown }>): Promise<void> {
  await notifyThrough(
    db,
    messages.map((m) => encode({ t: m.topic, d: m.data })),
  );
}

/** The embedded store: one process. publish() delivers here; publishOnCommit() through PGlite's NOTIFY. */
function pgliteBus(database: Database, options: LiveOptions): LiveBus {
  const subscribers = new Subscribers(options.onError);
  const self = randomUUID();
  const pglite = database.pglite;
  let unlisten: (() => Promise<void>) | null = null;
  const listening = pglite ? pglite.listen(LIVE_CHANNEL, (payload) => subscribers.received(payload, self)).then((stop) => void (unlisten = stop)) : Promise.resolve();
  listening.catch((err: unknown) => options.onError(err, 'live listen'));
  return {
    publish: (topic, data) => {
      encode({ t: topic, d: data });
      subscribers.deliver(topic, data);
    },
    publishOnCommit: (db, topic, data) => publishOnCommit(db, [{ topic, data }]),
    subscribe: (topic, handler) => subscribers.add(topic, handler),
    ready: () => listening,
    async close() {
      await listening.catch(() => undefined);
      await unlisten?.().catch(() => undefined);
    },
  };
}

/** PostgreSQL: one dedicated LISTEN connection per process, reconnected with a growing wait. */
function postgresBus(database: Database, url: string, options: LiveOptions): LiveBus {
  const subscribers = new Subscribers(options.onError);
  const self = randomUUID();
  const retry = options.retryMs ?? { first: 250, max: 5_000 };
  let client: pg.Client | null = null;
  let closed = false;
  let wait = retry.first;
  let timer: NodeJS.Timeout | null = null;
  let connectedOnce = false;
  let markReady: () => void = () => undefined;
  const firstConnection = new Promise<void>((resolve) => (markReady = resolve));

  const schedule = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, wait);
    timer.unref();
    wait = Math.min(wait * 2, retry.max);
  };

  const connect = async (): Promise<void> => {
    if (closed) return;
    const c = new pg.Client({ connectionString: url, application_name: 'gongjian-live' });
    let dropped = false;
    const drop = (err?: unknown) => {
      if (dropped) return;
      dropped = true;
      if (client === c) client = null;
      if (err && !closed) options.onError(err, 'live connection lost');
      c.end().catch(() => undefined);
      schedule();
    };
    c.on('error', drop);
    c.on('end', () => drop());
    c.on('notification', (m) => {
      if (m.channel === LIVE_CHANNEL) subscribers.received(m.payload, self);
    });
    try {
      await c.connect();
      await c.query(`listen ${LIVE_CHANNEL}`);
    } catch (err) {
      drop(err);
      return;
    }
    if (closed) {
      await c.end().catch(() => undefined);
      return;
    }
    client = c;
    wait = retry.first;
    if (connectedOnce) subscribers.deliver(RESYNC_TOPIC, null);
    connectedOnce = true;
    markReady();
  };
  void connect();

  return {
    publish: (topic, data) => {
      const payload = encode({ o: self, t: topic, d: data });
      subscribers.deliver(topic, data);
      notifyThrough(database.db, [payload]).catch((err: unknown) => options.onError(err, `live publish on ${topic}`));
    },
    publishOnCommit: (db, topic, data) => publishOnCommit(db, [{ topic, data }]),
    subscribe: (topic, handler) => subscribers.add(topic, handler),
    ready: () => firstConnection,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const c = client;
      client = null;
      markReady();
      await c?.end().catch(() => undefined);
    },
  };
}

export function createLiveBus(database: Database, options: LiveOptions): LiveBus {
  return database.store === 'postgres' && database.url ? postgresBus(database, database.url, options) : pgliteBus(database, options);
}
