/**
 * The demo: a small slice of 临江市 with one account for every role, so that each role can be
 * tried at once after `npm start`. Deterministic: the same names give the same ids on every run,
 * and running it twice changes nothing. The Directory will grow this into the full demo city.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Role } from '../../domain/access/roles';
import type { DB, OrganizationKind, RegionKind } from '../db/schema';
import { writeAudit } from '../platform/audit';
import type { PersonalDataCipher } from '../platform/crypto';
import { maskPhone } from '../platform/crypto';
import { hashPassword } from '../platform/passwords';

/** The password of every demo account. Demo data is seeded only outside production. */
export const DEMO_PASSWORD = 'Gongjian-Demo-2026';

/** A stable UUID (version 5 layout) from a name. */
export function stableId(name: string): string {
  const h = createHash('sha1').update(`gongjian:${name}`).digest('hex');
  const variant = ((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

interface Node {
  id: string;
  path: string;
}

async function region(trx: Transaction<DB>, kind: RegionKind, name: string, parent: Node | null): Promise<Node> {
  const id = stableId(`region:${parent?.id ?? ''}:${name}`);
  const path = `${parent?.path ?? '/'}${id}/`;
  await trx.insertInto('region').values({ id, kind, name, parent_id: parent?.id ?? null, path }).onConflict((oc) => oc.column('id').doNothing()).execute();
  return { id, path };
}

async function organization(trx: Transaction<DB>, kind: OrganizationKind, name: string, parent: Node | null, regionId: string): Promise<Node> {
  const id = stableId(`organization:${name}`);
  const path = `${parent?.path ?? '/'}${id}/`;
  await trx
    .insertInto('organization')
    .values({ id, kind, name, parent_id: parent?.id ?? null, region_id: regionId, path })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return { id, path };
}

export interface DemoAccount {
  account: string;
  displayName: string;
  role: Role;
  scope: string;
}

/** The demo accounts, one per role (all with DEMO_PASSWORD). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { account: 'supervisor', displayName: '王建国', role: 'supervisor', scope: '临江市' },
  { account: 'street', displayName: '李秀英', role: 'street_staff', scope: '东城街道' },
  { account: 'community', displayName: '张丽华', role: 'community_staff', scope: '幸福社区' },
  { account: 'unit', displayName: '刘志强', role: 'unit_admin', scope: '临江市税务局机关党支部' },
  { account: 'member', displayName: '陈晓明', role: 'member', scope: '临江市税务局机关党支部' },
  { account: 'resident', displayName: '赵桂兰', role: 'resident', scope: '幸福社区' },
];

export interface DemoResult {
  accounts: DemoAccount[];
  password: string;
}

export async function seedDemo(db: Kysely<DB>, cipher: PersonalDataCipher, onProgress: (step: string) => void = () => undefined): Promise<DemoResult> {
  const hashed = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    onProgress('regions');
    const city = await region(trx, 'city', '临江市', null);
    const district = await region(trx, 'district', '江滨区', city);
    const dongcheng = await region(trx, 'street', '东城街道', district);
    const xihu = await region(trx, 'street', '西湖街道', district);
    const xingfu = await region(trx, 'community', '幸福社区', dongcheng);
    const heping = await region(trx, 'community', '和平社区', dongcheng);
    const cuihu = await region(trx, 'community', '翠湖社区', xihu);
    await region(trx, 'community', '龙泉村', xihu);
    const grid1 = await region(trx, 'grid', '幸福社区第一网格', xingfu);
    await region(trx, 'grid', '幸福社区第二网格', xingfu);
    await region(trx, 'building', '幸福里3号楼', grid1);
    await region(trx, 'grid', '和平社区第一网格', heping);
    await region(trx, 'grid', '翠湖社区第一网格', cuihu);

    onProgress('organisations');
    const supervisor = await organization(trx, 'supervisor', '临江市直机关工委', null, city.id);
    const streetOrg = await organization(trx, 'street', '东城街道党工委', null, dongcheng.id);
    await organization(trx, 'street', '西湖街道党工委', null, xihu.id);
    await organization(trx, 'alliance', '东城街道党建联盟', streetOrg, dongcheng.id);
    const xingfuOrg = await organization(trx, 'community', '幸福社区党委', streetOrg, xingfu.id);
    await organization(trx, 'community', '和平社区党总支', streetOrg, heping.id);
    await organization(trx, 'grid_branch', '幸福社区第一网格党支部', xingfuOrg, grid1.id);
    const tax = await organization(trx, 'unit', '临江市税务局机关党支部', supervisor, city.id);
    await organization(trx, 'unit', '临江市人民医院党委', supervisor, city.id);
    await organization(trx, 'unit', '临江城投集团党委', supervisor, city.id);

    onProgress('accounts');
    const places: Record<string, { regionId?: string; orgId?: string }> = {
      supervisor: { regionId: city.id },
      street: { regionId: dongcheng.id },
      community: { regionId: xingfu.id },
      unit: { orgId: tax.id },
      member: { orgId: tax.id },
      resident: { regionId: xingfu.id },
    };
    const accounts = DEMO_ACCOUNTS.map((a, i) => ({ ...a, ...places[a.account], phone: `1390000000${i + 1}` }));
    for (const a of accounts) {
      const id = stableId(`user:${a.account}`);
      const inserted = await trx
        .insertInto('app_user')
        .values({
          id,
          account: a.account,
          display_name: a.displayName,
          password_hash: hashed,
          phone_hash: cipher.hash(a.phone),
          phone_encrypted: cipher.encrypt(a.phone),
          phone_masked: maskPhone(a.phone),
        })
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) continue;
      await trx.insertInto('password_history').values({ user_id: id, password_hash: hashed }).execute();
      await trx
        .insertInto('role_assignment')
        .values({
          user_id: id,
          role: a.role,
          scope_type: a.regionId ? 'region' : 'organization',
          region_id: a.regionId ?? null,
          organization_id: a.orgId ?? null,
        })
        .execute();
    }
    await writeAudit(trx, { userId: null, account: 'seed', ip: null, userAgent: 'gongjian seed', requestId: null }, { action: 'demo.seed', entityType: 'demo', entityId: 'foundation' });
    return { accounts: [...DEMO_ACCOUNTS], password: DEMO_PASSWORD };
  });
}

/** True once the demo has been seeded (its city exists). */
export async function demoSeeded(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('region').select('id').where('id', '=', stableId('region::临江市')).executeTakeFirst();
  return row !== undefined;
}
