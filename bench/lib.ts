/**
 * What every benchmark shares: the entry shape written to bench/results/*.json, the options a
 * benchmark receives from bench/run.ts, and the median/spread helpers.
 *
 * A benchmark module written elsewhere (bench/signup-rush.ts, bench/matching.ts) exports one
 * function `(opts: BenchOptions) => Promise<BenchEntry[]>`; run.ts imports it when the file exists,
 * calls it once per store and reports its failure without failing the other benchmarks.
 */
import type { Config } from '../src/server/config';
import type { Database } from '../src/server/db/database';

export type BenchStore = 'pglite' | 'postgres';

export interface BenchEntry {
  name: string;
  store: BenchStore;
  /** The median over `runs` runs. */
  value: number;
  unit: string;
  limit_name: string;
  /** The limit, measured in the same run on the same machine (or a fixed target). */
  limit_value: number;
  /** value over limit, oriented so that higher is better. */
  ratio: number;
  target: string;
  runs: number;
  /** (max − min) / median over the runs. */
  spread: number;
  [extra: string]: unknown;
}

/** A store (PGlite data directory or PostgreSQL database) the bench created and will remove. */
export interface BenchStoreHandle {
  store: BenchStore;
  /** The server configuration for this store (test environment, silent log, loopback, no rate limits). */
  config: Config;
  /** Opens the store (migrated; holds the demo city when seeded, and the bench administrator). */
  open(): Promise<Database>;
  /** A fresh copy, for benchmarks that write. Dispose of it when done. */
  copy(): Promise<BenchStoreHandle>;
  dispose(): Promise<void>;
}

export interface BenchOptions {
  store: BenchStore;
  scale: 'county' | 'city';
  runs: number;
  /** Seconds of load per run for load benchmarks. */
  seconds: number;
  /** A fresh copy of the seeded store, for this benchmark alone (dispose of it when done). */
  seededStore(): Promise<BenchStoreHandle>;
  /** An administrator with system scope on every store: log in with it. */
  admin: { account: string; password: string };
  log(line: string): void;
  /** Builds an entry from the runs' values (median, spread, rounded ratio). */
  entry: typeof entry;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** The p-th percentile (nearest rank) of xs. */
export const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

export const spread = (xs: number[]): number => (xs.length < 2 ? 0 : (Math.max(...xs) - Math.min(...xs)) / (median(xs) || 1));

export const round = (x: number, digits = 3): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/**
 * An entry from the values of the runs. `ratio` receives the median value and returns value over
 * limit, oriented so that higher is better.
 */
export function entry(
  store: BenchStore,
  name: string,
  values: number[],
  unit: string,
  limit: { name: string; value: number },
  ratio: (v: number) => number,
  target: string,
  extra: Record<string, unknown> = {},
): BenchEntry {
  const v = median(values);
  return {
    name,
    store,
    value: round(v),
    unit,
    limit_name: limit.name,
    limit_value: round(limit.value),
    ratio: round(ratio(v)),
    target,
    runs: values.length,
    spread: round(spread(values)),
    ...extra,
  };
}
