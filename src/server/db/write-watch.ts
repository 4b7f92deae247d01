/**
 * Watches the writes that can change who may do what, so that caches of resolved principals
 * (platform/principal-cache.ts) know when to forget. A Kysely dialect is wrapped so that every
 * statement passes by here: a write to one of the WATCHED tables moves a generation counter once
 * it is done — at once outside a transaction, at commit or rollback inside one, so that a reader
 * never caches what a transaction has not committed yet.
 *
 * It sees only this process's writes: another server process on the same PostgreSQL database does
 * not move this counter (see the cache's time limit for that case).
 */
import type { CompiledQuery, DatabaseConnection, Dialect, Driver, QueryResult, TransactionSettings } from 'kysely';

/** Tables whose rows make up a principal: users, sessions, API tokens, role assignments and the places they are scoped to. */
const WATCHED = /"?\b(app_user|session|api_token|role_assignment|region|organization)\b"?/i;
const WRITE = /\b(insert|update|delete|merge|truncate|alter|drop)\b/i;
/**
 * Writes that change no one's rights: the session touch, the last-login and last-use stamps, and a
 * new session or token (nothing can have cached what did not exist).
 */
const NO_ACCESS_CHANGE = [
  /^update "(session|app_user|api_token)" set "(last_seen_at|last_login_at|last_used_at)" = now\(\) where "(id_hash|id)" = \$1$/i,
  /^insert into "(session|api_token)" /i,
];

/** Any statement that is not a plain read (a select or a with … select). */
export function isWrite(sqlText: string): boolean {
  return !/^\s*(select|explain|show)\b/i.test(sqlText) || WRITE.test(sqlText);
}

export function changesAccess(sqlText: string): boolean {
  return WRITE.test(sqlText) && WATCHED.test(sqlText) && !NO_ACCESS_CHANGE.some((re) => re.test(sqlText));
}

export class WriteWatch {
  #generation = 0;
  #writes = 0;

  /** Moves whenever a committed write may have changed a user, session, token, role assignment or scope. */
  get generation(): number {
    return this.#generation;
  }

  /** Moves after every committed write of any kind (for caches of counts). */
  get writes(): number {
    return this.#writes;
  }

  bump(): void {
    this.#generation += 1;
  }

  wrote(): void {
    this.#writes += 1;
  }
}

class WatchedConnection implements DatabaseConnection {
  inTransaction = false;
  dirty = false;
  wrote = false;

  constructor(
    readonly inner: DatabaseConnection,
    private readonly watch: WriteWatch,
  ) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const access = changesAccess(compiled.sql);
    const write = access || isWrite(compiled.sql);
    try {
      return await this.inner.executeQuery<R>(compiled);
    } finally {
      if (this.inTransaction) {
        this.dirty ||= access;
        this.wrote ||= write;
      } else {
        if (access) this.watch.bump();
        if (write) this.watch.wrote();
      }
    }
  }

  streamQuery<R>(compiled: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(compiled, chunkSize);
  }
}

class WatchedDriver implements Driver {
  readonly #wrapped = new WeakMap<DatabaseConnection, WatchedConnection>();

  constructor(
    private readonly inner: Driver,
    private readonly watch: WriteWatch,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const conn = await this.inner.acquireConnection();
    let w = this.#wrapped.get(conn);
    if (!w) this.#wrapped.set(conn, (w = new WatchedConnection(conn, this.watch)));
    return w;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const w = connection as WatchedConnection;
    await this.inner.beginTransaction(w.inner, settings);
    w.inTransaction = true;
    w.dirty = false;
    w.wrote = false;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.#end(connection as WatchedConnection, () => this.inner.commitTransaction((connection as WatchedConnection).inner));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await this.#end(connection as WatchedConnection, () => this.inner.rollbackTransaction((connection as WatchedConnection).inner));
  }

  async #end(w: WatchedConnection, end: () => Promise<void>): Promise<void> {
    try {
      await end();
    } finally {
      if (w.dirty) this.watch.bump();
      if (w.wrote) this.watch.wrote();
      w.inTransaction = false;
      w.dirty = false;
      w.wrote = false;
    }
  }

  async savepoint(connection: DatabaseConnection, name: string, compileQuery: Parameters<NonNullable<Driver['savepoint']>>[2]): Promise<void> {
    await this.inner.savepoint!((connection as WatchedConnection).inner, name, compileQuery);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compileQuery: Parameters<NonNullable<Driver['rollbackToSavepoint']>>[2]): Promise<void> {
    await this.inner.rollbackToSavepoint!((connection as WatchedConnection).inner, name, compileQuery);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compileQuery: Parameters<NonNullable<Driver['releaseSavepoint']>>[2]): Promise<void> {
    await this.inner.releaseSavepoint!((connection as WatchedConnection).inner, name, compileQuery);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await this.inner.releaseConnection((connection as WatchedConnection).inner);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** The dialect with its driver watched. */
export function watchWrites(dialect: Dialect, watch: WriteWatch): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => new WatchedDriver(dialect.createDriver(), watch),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
  };
}
