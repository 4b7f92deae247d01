// Shared set-up for the volunteering medium tests: the demo places, members (with accounts and
// sessions made directly, so that a hundred members need no password hashing), and activities.
import { randomUUID } from 'node:crypto';
import { csrfTokenFor, createSession } from '../src/server/platform/sessions';
import { stableId } from '../src/server/seed/demo';
import type { Client, TestApp } from './support/harness';

const CITY = stableId('region::临江市');
const DISTRICT = stableId(`region:${CITY}:江滨区`);
const DONGCHENG = stableId(`region:${DISTRICT}:东城街道`);
const XIHU = stableId(`region:${DISTRICT}:西湖街道`);
export const PLACES = {
  city: CITY,
  district: DISTRICT,
  dongcheng: DONGCHENG,
  xihu: XIHU,
  xingfu: stableId(`region:${DONGCHENG}:幸福社区`),
  heping: stableId(`region:${DONGCHENG}:和平社区`),
  cuihu: stableId(`region:${XIHU}:翠湖社区`),
  tax: stableId('organization:临江市税务局机关党支部'),
  hospital: stableId('organization:临江市人民医院党委'),
  memberUser: stableId('user:member'),
};

export const RANDOM_ID = '0b9c5a3e-1f7d-4c1e-9a55-3d2f4e6a7b8c';

export interface TestMember {
  memberId: string;
  userId: string;
  client: Client;
}

/** A client with a fresh session for a user (no password round trip). */
export async function sessionClient(t: TestApp, userId: string): Promise<Client> {
  const { token, hash } = await createSession(t.app.ctx, userId, { ip: null, userAgent: 'volunteering-test' });
  const c = t.client();
  c.cookie = `gj_session=${token}`;
  c.csrf = csrfTokenFor(t.app.ctx, hash);
  return c;
}

/** A party member living in `residence`, working at `employer`, with an account holding the member role. */
export async function addMember(t: TestApp, opts: { name: string; residence?: string | null; employer?: string | null; userId?: string }): Promise<TestMember> {
  const db = t.database.db;
  let userId = opts.userId;
  if (!userId) {
    userId = randomUUID();
    await db.insertInto('app_user').values({ id: userId, account: `vt_${userId.slice(0, 12)}`, display_name: opts.name, password_hash: 'x', password_changed_at: new Date() }).execute();
    const employer = opts.employer === undefined ? PLACES.tax : opts.employer;
    await db
      .insertInto('role_assignment')
      .values(employer ? { user_id: userId, role: 'member', scope_type: 'organization', organization_id: employer, region_id: null } : { user_id: userId, role: 'member', scope_type: 'region', region_id: opts.residence ?? PLACES.xingfu, organization_id: null })
      .execute();
  }
  const memberId = randomUUID();
  await db
    .insertInto('member')
    .values({
      id: memberId,
      name: opts.name,
      name_initials: 'x',
      employer_org_id: opts.employer === undefined ? PLACES.tax : opts.employer,
      residence_region_id: opts.residence === undefined ? PLACES.xingfu : opts.residence,
      user_id: userId,
    })
    .execute();
  return { memberId, userId, client: await sessionClient(t, userId) };
}

export const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

export interface ActivityOpts {
  regionId?: string;
  capacity?: number;
  eligibility?: 'community_members' | 'unit_members' | 'anyone';
  startsIn?: number;
  lastsMinutes?: number;
  cancelDeadlineHours?: number;
  title?: string;
  ownerOrgId?: string;
  concentrated?: boolean;
}

export function activityBody(o: ActivityOpts = {}) {
  const startsIn = o.startsIn ?? 24 * 60;
  return {
    kind: 'volunteer_service',
    title: o.title ?? '周末环境整治',
    place: '幸福里小区广场',
    shifts: [{ startsAt: inMinutes(startsIn), endsAt: inMinutes(startsIn + (o.lastsMinutes ?? 120)) }],
    regionId: o.regionId ?? PLACES.xingfu,
    capacity: o.capacity ?? 10,
    eligibility: o.eligibility ?? 'anyone',
    contact: '张丽华 13900000003',
    ...(o.cancelDeadlineHours !== undefined ? { cancelDeadlineHours: o.cancelDeadlineHours } : {}),
    ...(o.ownerOrgId ? { ownerOrgId: o.ownerOrgId } : {}),
    ...(o.concentrated !== undefined ? { concentrated: o.concentrated } : {}),
  };
}

/** Publishes an activity as `by` and returns its id (fails the test on anything but 201). */
export async function publish(by: Client, o: ActivityOpts = {}): Promise<string> {
  const res = await by.post('/api/v1/volunteering/activities', activityBody(o));
  if (res.statusCode !== 201) throw new Error(`publish failed: ${res.statusCode} ${res.body}`);
  return res.json<{ items: Array<{ id: string }> }>().items[0]!.id;
}

/** An active pairing of a unit with a community (a unit publishes activities only where it has one, or a confirmed registration). */
export async function pairUnit(t: TestApp, unitOrgId: string, communityId: string): Promise<void> {
  await t.database.db.insertInto('pairing').values({ unit_org_id: unitOrgId, community_id: communityId, status: 'active', proposed_by_side: 'supervisor' }).execute();
}

export async function maxAuditId(t: TestApp): Promise<number> {
  const r = await t.database.db.selectFrom('audit_event').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow();
  return Number(r.m ?? 0);
}

export async function auditSince(t: TestApp, since: number) {
  return t.database.db.selectFrom('audit_event').selectAll().where('id', '>', since).orderBy('id').execute();
}
