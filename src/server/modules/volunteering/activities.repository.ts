/** SQL for activities: the joined row every view needs, and the places used by access checks. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

export function selectActivities(db: Kysely<DB>) {
  return db
    .selectFrom('volunteer_activity as a')
    .innerJoin('region as ar', 'ar.id', 'a.region_id')
    .leftJoin('organization as ao', 'ao.id', 'a.owner_org_id')
    .select([
      'a.id',
      'a.series_id',
      'a.kind',
      'a.title',
      'a.description',
      'a.place',
      'a.starts_at',
      'a.ends_at',
      'a.region_id',
      'ar.name as region_name',
      'ar.path as region_path',
      'a.owner_org_id',
      'ao.name as owner_org_name',
      'ao.path as owner_org_path',
      'a.team_id',
      'a.capacity',
      'a.confirmed_count',
      'a.waitlist_count',
      'a.eligibility',
      'a.skills',
      'a.organiser_user_id',
      'a.organiser_name',
      'a.contact',
      'a.concentrated',
      'a.cancel_deadline_hours',
      'a.status',
      'a.cancel_reason',
      'a.created_at',
    ]);
}

export type ActivityRow = Awaited<ReturnType<ReturnType<typeof selectActivities>['executeTakeFirstOrThrow']>>;

export async function findActivity(db: Kysely<DB>, id: string): Promise<ActivityRow | undefined> {
  return selectActivities(db).where('a.id', '=', id).executeTakeFirst();
}

export const placeOf = (a: ActivityRow) => ({
  regionPath: a.region_path,
  ownerOrgPath: a.owner_org_path,
  ownerOrgRegionPath: null,
  organiserUserId: a.organiser_user_id,
  teamId: a.team_id,
});
