/** The whole demo: each module's seed step in list order (the directory's city first, then the programme on top of it). */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { PersonalDataCipher } from '../platform/crypto';
import { MODULES } from '../modules';
import type { SeedResult } from '../modules/module';
import type { CityScale } from './city';

export interface DemoSummary {
  scale: CityScale;
  elapsedMs: number;
  /** What each module's step did, in the order they ran. */
  steps: Array<SeedResult & { module: string }>;
  /** The rows each step counted, all steps together (table → rows). */
  counts: Record<string, number>;
}

export async function seedDemoCity(
  db: Kysely<DB>,
  cipher: PersonalDataCipher,
  scale: CityScale,
  onProgress?: (step: string, done: number, total: number) => void,
): Promise<DemoSummary> {
  const started = performance.now();
  const steps: DemoSummary['steps'] = [];
  for (const mod of MODULES) {
    if (!mod.seed) continue;
    onProgress?.(mod.name, 0, 1);
    steps.push({ module: mod.name, ...(await mod.seed({ db, cipher, scale, onProgress })) });
    onProgress?.(mod.name, 1, 1);
  }
  const counts: Record<string, number> = {};
  for (const step of steps) Object.assign(counts, step.counts);
  return { scale, elapsedMs: Math.round(performance.now() - started), steps, counts };
}

export type { CityScale };
