/** The whole demo: the city (places, people, households) and then the programme on top of it. */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { PersonalDataCipher } from '../platform/crypto';
import { seedCity, type CityScale, type CitySummary } from './city';
import { seedRegistration } from './registration';

export interface DemoSummary {
  city: CitySummary;
  programme: Awaited<ReturnType<typeof seedRegistration>>;
}

export async function seedDemoCity(
  db: Kysely<DB>,
  cipher: PersonalDataCipher,
  scale: CityScale,
  onProgress?: (step: string, done: number, total: number) => void,
): Promise<DemoSummary> {
  const city = await seedCity(db, cipher, { scale, onProgress });
  const programme = await seedRegistration(db);
  return { city, programme };
}

export type { CityScale };
