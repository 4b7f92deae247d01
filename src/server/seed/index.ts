/** The whole demo: the city (places, people, households) and then the programme on top of it. */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { PersonalDataCipher } from '../platform/crypto';
import { seedCity, type CityScale, type CitySummary } from './city';
import { seedLists } from './lists';
import { seedRegistration } from './registration';
import { seedVolunteering } from './volunteering';

export interface DemoSummary {
  city: CitySummary;
  programme: Awaited<ReturnType<typeof seedRegistration>>;
  volunteering: Awaited<ReturnType<typeof seedVolunteering>>;
  lists: Awaited<ReturnType<typeof seedLists>>;
}

export async function seedDemoCity(
  db: Kysely<DB>,
  cipher: PersonalDataCipher,
  scale: CityScale,
  onProgress?: (step: string, done: number, total: number) => void,
): Promise<DemoSummary> {
  const city = await seedCity(db, cipher, { scale, onProgress });
  const programme = await seedRegistration(db);
  onProgress?.('volunteering', 0, 1);
  const volunteering = await seedVolunteering(db);
  onProgress?.('volunteering', 1, 1);
  onProgress?.('lists', 0, 1);
  const lists = await seedLists(db);
  onProgress?.('lists', 1, 1);
  return { city, programme, volunteering, lists };
}

export type { CityScale };
