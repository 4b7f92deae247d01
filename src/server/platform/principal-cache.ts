/**
 * A short-lived, in-process cache of resolved principals (session or API token → user, role
 * assignments, permissions), so that an authenticated read does not ask the database who is
 * calling on every request.
 *
 * Correctness: an entry is used only while the database's access generation has not moved since
 * the entry was read (db/write-watch.ts moves it after every committed write in this process to
 * users, sessions, API tokens, role assignments, regions or organisations). So logging out,
 * logging out everywhere, a password change, disabling a user, a role assignment change or a
 * token revocation take effect at once in this process. Writes made by another process on the
 * same PostgreSQL database do not move this process's generation: there an entry lives at most
 * `config.principalCacheSeconds` (default 5 s), the staleness bound documented in README.md.
 * Entries never outlive the session's or token's own expiry. Principals are shared between
 * requests and must not be changed by their users.
 */
import type { AppContext } from './context';
import type { Principal } from './principal';

const MAX_ENTRIES = 10_000;

interface Entry {
  principal: Principal;
  generation: number;
  storedAt: number;
  /** Epoch ms at which the session or token itself expires. */
  credentialExpiresAt: number;
}

export class PrincipalCache {
  readonly #entries = new Map<string, Entry>();

  /** ttlMs is read on every use, so a configuration change applies at once. */
  constructor(
    private readonly ttlMs: () => number,
    private readonly generation: () => number,
  ) {}

  get enabled(): boolean {
    return this.ttlMs() > 0;
  }

  /** The generation to pass to set() for a principal about to be read from the database. */
  current(): number {
    return this.generation();
  }

  get(key: string): Principal | null {
    const e = this.#entries.get(key);
    if (!e) return null;
    const now = Date.now();
    if (e.generation !== this.generation() || e.storedAt + this.ttlMs() <= now || e.credentialExpiresAt <= now) {
      this.#entries.delete(key);
      return null;
    }
    return e.principal;
  }

  /** Keeps a principal read while the generation was `readAt`; nothing is kept if a write happened meanwhile. */
  set(key: string, principal: Principal, readAt: number, credentialExpiresAt: number): void {
    if (!this.enabled || readAt !== this.generation()) return;
    if (this.#entries.size >= MAX_ENTRIES) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, { principal, generation: readAt, storedAt: Date.now(), credentialExpiresAt });
  }

  get size(): number {
    return this.#entries.size;
  }

  clear(): void {
    this.#entries.clear();
  }
}

const caches = new WeakMap<object, PrincipalCache>();

/** The cache of this app's database (one per Kysely instance); disabled when the database cannot report its writes. */
export function principalCache(ctx: AppContext): PrincipalCache {
  let cache = caches.get(ctx.db);
  if (!cache) {
    const generation = typeof ctx.database?.accessGeneration === 'function' ? () => ctx.database.accessGeneration() : null;
    const config = ctx.config;
    cache = new PrincipalCache(() => (generation ? (config.principalCacheSeconds ?? 0) * 1000 : 0), generation ?? (() => 0));
    caches.set(ctx.db, cache);
  }
  return cache;
}
