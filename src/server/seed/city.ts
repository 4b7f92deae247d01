/**
 * The demo city: 临江市 grown from the foundation slice (demo.ts) into a place one can run the
 * programme in — streets and communities with grids and buildings, their party organisations,
 * units with leading groups, in-service members who work at units and live in communities,
 * households (some in hardship), and volunteer teams.
 *
 * Three scales: `small` (the test template: the four foundation communities, ~60 members, 120
 * households), `county` (what `npm start` seeds: 6 streets, 27 communities, 110 units, 4,000+
 * members, 12,000 households — the numbers of the sources) and `city` (ten districts of that,
 * for benchmarks).
 *
 * Deterministic: a seeded PRNG (mulberry32) per part of the plan and ids from stableId, so the
 * same scale gives the same rows and ids on every run (only ciphertexts differ, their IVs being
 * random). Idempotent: every insert skips rows that exist, and a marker (`app_setting` key
 * `demo_city`) makes a second run a no-op. The plan is built in memory first (`planCity`, pure
 * apart from the pinyin of names) and then written in chunks inside one transaction.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { makeIdNumber } from '../../domain/directory/id-number';
import { nameInitials } from '../../domain/directory/names';
import type { DB, Gender, HouseholdTagName, LeadingGroupPost, MemberStatus, OrganizationKind, RegionKind, Sector, TeamKind } from '../db/schema';
import { writeAudit } from '../platform/audit';
import { idLast6Hash, maskIdNumber, maskPhone, type PersonalDataCipher } from '../platform/crypto';
import * as data from './city-data';
import { demoSeeded, seedDemo, stableId } from './demo';

export type CityScale = 'small' | 'county' | 'city';
export const CITY_SCALES: readonly CityScale[] = ['small', 'county', 'city'];

/** The `app_setting` key of the marker written once the demo city is complete. */
export const CITY_MARKER_KEY = 'demo_city';

/** "Today" for the demo: ages and dates are computed from this day, not from the clock. */
export const REFERENCE_DATE = '2026-11-22';

// ---------------------------------------------------------------------------------------------
// Ids of the fixed places, organisations and people (the same in every scale).

export function regionIdOf(parentId: string | null, name: string): string {
  return stableId(`region:${parentId ?? ''}:${name}`);
}

export function organizationIdOf(name: string): string {
  return stableId(`organization:${name}`);
}

const CITY_ID = regionIdOf(null, '临江市');
const DISTRICT_ID = regionIdOf(CITY_ID, '江滨区');
const DONGCHENG_ID = regionIdOf(DISTRICT_ID, '东城街道');
const XIHU_ID = regionIdOf(DISTRICT_ID, '西湖街道');
const XINGFU_ID = regionIdOf(DONGCHENG_ID, '幸福社区');
const CUIHU_ID = regionIdOf(XIHU_ID, '翠湖社区');
const XINGFU_GRID1_ID = regionIdOf(XINGFU_ID, '幸福社区第一网格');
const XINGFU_GRID2_ID = regionIdOf(XINGFU_ID, '幸福社区第二网格');

/** Fixed ids tests and demos can rely on, in every scale. */
export const CITY_FIXED = {
  regions: {
    city: CITY_ID,
    district: DISTRICT_ID,
    dongcheng: DONGCHENG_ID,
    xihu: XIHU_ID,
    xingfu: XINGFU_ID,
    heping: regionIdOf(DONGCHENG_ID, '和平社区'),
    cuihu: CUIHU_ID,
    longquan: regionIdOf(XIHU_ID, '龙泉村'),
    xingfuGrid1: XINGFU_GRID1_ID,
    xingfuGrid2: XINGFU_GRID2_ID,
    /** 幸福里3号楼, in 幸福社区第一网格 */
    xingfuBuilding3: regionIdOf(XINGFU_GRID1_ID, '幸福里3号楼'),
  },
  organizations: {
    supervisor: organizationIdOf('临江市直机关工委'),
    dongcheng: organizationIdOf('东城街道党工委'),
    xingfu: organizationIdOf('幸福社区党委'),
    tax: organizationIdOf('临江市税务局机关党支部'),
    hospital: organizationIdOf('临江市人民医院党委'),
    chengtou: organizationIdOf('临江城投集团党委'),
  },
  /** 陈晓明: the `member` demo account's own record (tax bureau, lives in 幸福社区) */
  memberChenXiaoming: stableId('member:fixed:陈晓明'),
  /** 张建军 (zjj): tax bureau, lives in 幸福社区, leads its volunteer team */
  memberZhangJianjun: stableId('member:fixed:张建军'),
  /** 陈晓明's household (幸福里3号楼 1单元602), a 党员中心户 */
  householdChenXiaoming: stableId('household:fixed:陈晓明'),
  /** 李秀兰, 幸福社区, tagged elderly_alone */
  householdLiXiulan: stableId('household:fixed:李秀兰'),
  /** 赵桂兰, 幸福社区, with the phone of the `resident` demo account */
  householdZhaoGuilan: stableId('household:fixed:赵桂兰'),
  /** 吴德华, 翠湖社区, tagged veteran */
  householdWuDehua: stableId('household:fixed:吴德华'),
  /** 幸福社区下沉党员志愿者服务队 */
  teamXingfu: stableId(`volunteer_team:${organizationIdOf('幸福社区党委')}:幸福社区下沉党员志愿者服务队`),
} as const;

/** What seedDemo (demo.ts) inserts without details; seedCity fills them in. */
const FOUNDATION_REGIONS: ReadonlySet<string> = new Set([
  ...Object.values(CITY_FIXED.regions),
  regionIdOf(CITY_FIXED.regions.heping, '和平社区第一网格'),
  regionIdOf(CUIHU_ID, '翠湖社区第一网格'),
]);
const FOUNDATION_ORGANIZATIONS: ReadonlySet<string> = new Set([
  '临江市直机关工委',
  '东城街道党工委',
  '西湖街道党工委',
  '东城街道党建联盟',
  '幸福社区党委',
  '和平社区党总支',
  '幸福社区第一网格党支部',
  '临江市税务局机关党支部',
  '临江市人民医院党委',
  '临江城投集团党委',
]);

const DEMO_MEMBER_USER_ID = stableId('user:member');
const DEMO_MEMBER_PHONE = '13900000005';
const DEMO_RESIDENT_PHONE = '13900000006';

// ---------------------------------------------------------------------------------------------
// A seeded PRNG (mulberry32) and helpers.

/** FNV-1a over UTF-16 code units: a 32-bit seed from a label. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The mulberry32 sequence of floats in [0, 1) from a numeric seed (the demo seeds' randomness). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The same sequence as `rng`, with helpers to draw from it. */
export class Rng {
  /** A float in [0, 1). */
  readonly next: () => number;

  constructor(seed: number | string) {
    this.next = rng(typeof seed === 'number' ? seed : hash32(seed));
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i]!;
      items[i] = items[j]!;
      items[j] = t;
    }
    return items;
  }

  /** k distinct items (all of them, shuffled, when k >= length). */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      const t = copy[i]!;
      copy[i] = copy[j]!;
      copy[j] = t;
    }
    return copy.slice(0, n);
  }
}

/** Picks by weight in O(log n). */
export class Weighted<T> {
  readonly #items: T[];
  readonly #cumulative: number[];

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    this.#items = entries.map(([item]) => item);
    let sum = 0;
    this.#cumulative = entries.map(([, w]) => (sum += w));
  }

  pick(rng: Rng): T {
    const total = this.#cumulative[this.#cumulative.length - 1] ?? 0;
    const x = rng.next() * total;
    let lo = 0;
    let hi = this.#cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.#items[lo]!;
  }
}

// ---------------------------------------------------------------------------------------------
// Dates (UTC, as 'YYYY-MM-DD').

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function addYears(date: string, years: number): string {
  return dateOf(Date.UTC(Number(date.slice(0, 4)) + years, Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS);
}

function randomDate(rng: Rng, from: string, to: string): string {
  return dateOf(rng.int(dayNumber(from), dayNumber(to)));
}

/** Age in whole years on the reference date. */
export function ageOn(birthDate: string, on = REFERENCE_DATE): number {
  let age = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  if (on.slice(5) < birthDate.slice(5)) age--;
  return age;
}

// ---------------------------------------------------------------------------------------------
// People.

export interface Person {
  name: string;
  initials: string;
  gender: Gender;
  birthDate: string;
  idNumber: string;
  phone: string;
}

const initialsCache = new Map<string, string>();
function initialsOf(name: string): string {
  let v = initialsCache.get(name);
  if (v === undefined) {
    v = nameInitials(name);
    initialsCache.set(name, v);
  }
  return v;
}

const SURNAMES = new Weighted(data.SURNAMES);
/** The fixed people and the demo accounts keep their names to themselves, so a search finds just them. */
const RESERVED_NAMES: ReadonlySet<string> = new Set(['陈晓明', '张建军', '李秀兰', '赵桂兰', '吴德华', '王建国', '李秀英', '张丽华', '刘志强', '许文生', '孙丽娟', '孙立群']);
const AREA_CODES = new Weighted(data.AREA_CODES);
const PHONE_PREFIXES = new Weighted(data.PHONE_PREFIXES);

/** Makes people with names fitting their generation and unique, valid ID numbers and phones. */
class People {
  readonly #ids = new Set<string>();
  readonly #phones = new Set<string>();

  constructor(private readonly rng: Rng) {}

  reserve(person: Pick<Person, 'idNumber' | 'phone'>): void {
    this.#ids.add(person.idNumber);
    this.#phones.add(person.phone);
  }

  name(gender: Gender, birthYear: number): string {
    const pool = data.GIVEN_NAMES[gender][data.eraOf(birthYear)];
    const rng = this.rng;
    let given: string;
    for (;;) {
      if (rng.chance(pool.singleShare)) given = rng.pick(pool.single);
      else if (rng.chance(0.12)) given = rng.pick(pool.whole);
      else {
        const first = rng.pick(pool.first);
        let second = rng.pick(pool.second);
        if (second === first) second = rng.pick(pool.second);
        given = first + second;
      }
      const name = SURNAMES.pick(rng) + given;
      if (!RESERVED_NAMES.has(name)) return name;
    }
  }

  phone(): string {
    for (;;) {
      const p = PHONE_PREFIXES.pick(this.rng) + String(this.rng.int(0, 99_999_999)).padStart(8, '0');
      if (!this.#phones.has(p) && !p.startsWith('139000000')) {
        this.#phones.add(p);
        return p;
      }
    }
  }

  idNumber(birthDate: string, gender: Gender): string {
    for (;;) {
      const seq = gender === 'male' ? 2 * this.rng.int(0, 499) + 1 : 2 * this.rng.int(1, 499);
      const id = makeIdNumber(AREA_CODES.pick(this.rng), birthDate, seq);
      if (!this.#ids.has(id)) {
        this.#ids.add(id);
        return id;
      }
    }
  }

  /** Someone aged minAge..maxAge (inclusive) on the reference date. */
  person(minAge: number, maxAge: number, gender?: Gender): Person {
    const g = gender ?? (this.rng.chance(0.5) ? 'male' : 'female');
    const from = dayNumber(addYears(REFERENCE_DATE, -(maxAge + 1))) + 1;
    const to = dayNumber(addYears(REFERENCE_DATE, -minAge));
    const birthDate = dateOf(this.rng.int(from, to));
    const name = this.name(g, Number(birthDate.slice(0, 4)));
    return { name, initials: initialsOf(name), gender: g, birthDate, idNumber: this.idNumber(birthDate, g), phone: this.phone() };
  }
}

function fixedPerson(name: string, gender: Gender, birthDate: string, sequence: number, phone: string): Person {
  return { name, initials: initialsOf(name), gender, birthDate, idNumber: makeIdNumber('330182', birthDate, sequence), phone };
}

// ---------------------------------------------------------------------------------------------
// The plan.

export interface RegionRow {
  id: string;
  parent_id: string | null;
  kind: RegionKind;
  name: string;
  path: string;
  village: boolean;
  sort_order: number;
}

export interface OrganizationRow {
  id: string;
  parent_id: string | null;
  kind: OrganizationKind;
  name: string;
  region_id: string;
  path: string;
  sector: Sector | null;
  strengths: string[];
  secretary_name: string | null;
  liaison_name: string | null;
  contact_phone: string | null;
  address: string | null;
}

export interface LeadingGroupRow {
  id: string;
  organization_id: string;
  name: string;
  post: LeadingGroupPost;
  title: string | null;
  sort_order: number;
}

export interface BuildingPlan {
  id: string;
  name: string;
  gridId: string;
  /** 单元 per building; 0 for a village group (组) */
  units: number;
  floors: number;
  /** houses of a village group */
  houses: number;
}

export interface GridPlan {
  id: string;
  name: string;
  buildings: BuildingPlan[];
}

export interface CommunityPlan {
  id: string;
  name: string;
  village: boolean;
  streetId: string;
  districtIndex: number;
  orgId: string;
  grids: GridPlan[];
  households: HouseholdPlan[];
  residents: MemberPlan[];
}

export interface StreetPlan {
  id: string;
  name: string;
  districtIndex: number;
  orgId: string;
  communities: CommunityPlan[];
}

export interface HouseholdPlan {
  id: string;
  communityId: string;
  gridId: string;
  buildingId: string;
  unitNo: string | null;
  room: string;
  head: Person;
  /** the member who heads the household, when one does */
  headMemberId: string | null;
  peopleCount: number;
  isLead: boolean;
  leadMemberId: string | null;
  notes: string | null;
  tags: Array<{ tag: HouseholdTagName; verifiedOn: string }>;
}

export interface MemberPlan {
  id: string;
  person: Person;
  isPartyMember: boolean;
  partyJoinedOn: string | null;
  employerOrgId: string;
  residenceId: string;
  gridId: string;
  buildingId: string;
  householdId: string | null;
  skills: string[];
  status: MemberStatus;
  userId: string | null;
}

export interface TeamPlan {
  id: string;
  name: string;
  organizationId: string;
  kind: TeamKind;
  description: string;
  members: Array<{ memberId: string; isLeader: boolean; joinedOn: string }>;
}

export interface UnitPlan {
  org: OrganizationRow;
  districtIndex: number;
  homeStreet: StreetPlan;
  anchor: boolean;
  team: TeamKind | null;
  size: number;
  staff: MemberPlan[];
}

export interface CityPlan {
  scale: CityScale;
  regions: RegionRow[];
  organizations: OrganizationRow[];
  leadingGroups: LeadingGroupRow[];
  streets: StreetPlan[];
  communities: CommunityPlan[];
  units: UnitPlan[];
  households: HouseholdPlan[];
  members: MemberPlan[];
  teams: TeamPlan[];
}

interface ScaleSpec {
  districts: number;
  households: number;
  /** target number of members (units are sized to reach at least this) */
  members: number;
}

const SCALES: Record<CityScale, ScaleSpec> = {
  small: { districts: 1, households: 120, members: 60 },
  county: { districts: 1, households: 12_000, members: 4_300 },
  city: { districts: 10, households: 120_000, members: 43_000 },
};

const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Builds the whole demo city in memory. Pure and deterministic for a scale. */
export function planCity(scale: CityScale): CityPlan {
  const spec = SCALES[scale];
  const regions: RegionRow[] = [];
  const organizations: OrganizationRow[] = [];
  const leadingGroups: LeadingGroupRow[] = [];
  const streets: StreetPlan[] = [];
  const communities: CommunityPlan[] = [];
  const units: UnitPlan[] = [];
  const teams: TeamPlan[] = [];

  const people = new People(new Rng(`${scale}:people`));
  const fixed = {
    chen: fixedPerson('陈晓明', 'male', '1988-05-12', 135, DEMO_MEMBER_PHONE),
    zhang: fixedPerson('张建军', 'male', '1975-03-18', 217, '13857121975'),
    li: fixedPerson('李秀兰', 'female', '1946-09-03', 284, '13605718246'),
    zhao: fixedPerson('赵桂兰', 'female', '1958-02-14', 162, DEMO_RESIDENT_PHONE),
    wu: fixedPerson('吴德华', 'male', '1962-07-21', 91, '13757162021'),
  };
  for (const p of Object.values(fixed)) people.reserve(p);

  const regionPaths = new Map<string, string>();
  const addRegion = (kind: RegionKind, name: string, parentId: string | null, sortOrder: number, village = false): string => {
    const id = regionIdOf(parentId, name);
    const path = `${parentId ? regionPaths.get(parentId)! : '/'}${id}/`;
    regionPaths.set(id, path);
    regions.push({ id, parent_id: parentId, kind, name, path, village, sort_order: sortOrder });
    return id;
  };
  const orgPaths = new Map<string, string>();
  const addOrg = (row: Omit<OrganizationRow, 'id' | 'path'>): OrganizationRow => {
    const id = organizationIdOf(row.name);
    if (orgPaths.has(id)) throw new Error(`duplicate organisation name: ${row.name}`);
    const path = `${row.parent_id ? orgPaths.get(row.parent_id)! : '/'}${id}/`;
    orgPaths.set(id, path);
    const org = { id, path, ...row };
    organizations.push(org);
    return org;
  };
  const addressRng = new Rng(`${scale}:addresses`);
  const address = (district: string, street: string | null) =>
    `临江市${district}${street ?? ''}${addressRng.pick(data.ROADS)}${addressRng.int(1, 399)}号`;

  // Places and their organisations ------------------------------------------------------------
  const layoutRng = new Rng(`${scale}:layout`);
  const orgPeople = new Rng(`${scale}:org-people`);
  const cityId = addRegion('city', '临江市', null, 0);
  const supervisor = addOrg({
    parent_id: null,
    kind: 'supervisor',
    name: '临江市直机关工委',
    region_id: cityId,
    sector: null,
    strengths: [],
    secretary_name: '王建国',
    liaison_name: '孙立群',
    contact_phone: '13905710001',
    address: '临江市府前街1号市行政中心',
  });

  const streetStems = layoutRng.shuffle([...data.STREET_STEMS]);
  const usedCommunity = new Set(['幸福', '和平', '翠湖']);
  const communityStems = layoutRng.shuffle(data.COMMUNITY_STEMS.filter((s) => !usedCommunity.has(s)));
  const extraStems = layoutRng.shuffle(data.COMMUNITY_FIRST.flatMap((a) => data.COMMUNITY_SECOND.map((b) => a + b)));
  const villageStems = layoutRng.shuffle(data.VILLAGE_STEMS.filter((s) => s !== '龙泉'));
  const nextCommunityStem = (): string => {
    for (;;) {
      const s = communityStems.pop() ?? extraStems.pop();
      if (s === undefined) throw new Error('out of community names');
      if (!usedCommunity.has(s)) {
        usedCommunity.add(s);
        return s;
      }
    }
  };
  const nextVillageStem = (): string => {
    const s = villageStems.pop() ?? `${extraStems.pop()}`;
    usedCommunity.add(s);
    return s;
  };
  const personName = () => {
    const p = { gender: orgPeople.chance(0.6) ? ('male' as const) : ('female' as const), year: orgPeople.int(1966, 1992) };
    return people.name(p.gender, p.year);
  };

  const districtNames = data.DISTRICTS.slice(0, spec.districts);
  districtNames.forEach((districtName, d) => {
    const districtId = addRegion('district', districtName, cityId, d);
    let streetNames: string[];
    let counts: number[];
    let villages: number[];
    if (scale === 'small') {
      streetNames = ['东城街道', '西湖街道'];
      counts = [2, 1];
      villages = [0, 1];
    } else if (d === 0) {
      streetNames = [...data.JIANGBIN_STREETS];
      counts = [5, 5, 4, 5, 4, 4];
      villages = [0, 1, 0, 1, 0, 2];
    } else {
      streetNames = Array.from({ length: 6 }, () => `${streetStems.pop()}街道`);
      counts = layoutRng.shuffle([5, 5, 4, 5, 4, 4]);
      villages = [0, 0, 0, 1, 1, 2];
    }
    streetNames.forEach((streetName, s) => {
      const streetId = addRegion('street', streetName, districtId, s);
      const streetOrg = addOrg({
        parent_id: null,
        kind: 'street',
        name: `${streetName}党工委`,
        region_id: streetId,
        sector: null,
        strengths: [],
        secretary_name: personName(),
        liaison_name: personName(),
        contact_phone: people.phone(),
        address: address(districtName, streetName),
      });
      addOrg({
        parent_id: streetOrg.id,
        kind: 'alliance',
        name: `${streetName}党建联盟`,
        region_id: streetId,
        sector: null,
        strengths: [],
        secretary_name: streetOrg.secretary_name,
        liaison_name: streetOrg.liaison_name,
        contact_phone: streetOrg.contact_phone,
        address: streetOrg.address,
      });
      const street: StreetPlan = { id: streetId, name: streetName, districtIndex: d, orgId: streetOrg.id, communities: [] };
      streets.push(street);

      const names: Array<{ name: string; village: boolean }> = [];
      if (d === 0 && s === 0) names.push({ name: '幸福社区', village: false }, { name: '和平社区', village: false });
      if (d === 0 && s === 1) names.push({ name: '翠湖社区', village: false }, { name: '龙泉村', village: true });
      const fixedVillages = names.filter((n) => n.village).length;
      while (names.filter((n) => !n.village).length < counts[s]! - villages[s]!) names.push({ name: `${nextCommunityStem()}社区`, village: false });
      for (let v = fixedVillages; v < villages[s]!; v++) names.push({ name: `${nextVillageStem()}村`, village: true });

      names.forEach(({ name, village }, c) => {
        const communityId = addRegion('community', name, streetId, c, village);
        const stem = name.replace(/(社区|村)$/, '');
        const orgName =
          name === '幸福社区' ? '幸福社区党委' : name === '和平社区' ? '和平社区党总支' : village ? `${name}${layoutRng.chance(0.5) ? '党总支' : '党支部'}` : `${name}${layoutRng.chance(0.6) ? '党委' : '党总支'}`;
        const communityOrg = addOrg({
          parent_id: streetOrg.id,
          kind: 'community',
          name: orgName,
          region_id: communityId,
          sector: null,
          strengths: [],
          secretary_name: name === '幸福社区' ? '许文生' : personName(),
          liaison_name: name === '幸福社区' ? '张丽华' : personName(),
          contact_phone: people.phone(),
          address: village ? `临江市${districtName}${streetName}${name}村委会` : address(districtName, streetName),
        });
        const community: CommunityPlan = { id: communityId, name, village, streetId, districtIndex: d, orgId: communityOrg.id, grids: [], households: [], residents: [] };
        const big = name === '幸福社区';
        const gridCount = scale === 'small' ? (big ? 2 : 1) : big ? 5 : layoutRng.int(3, 5);
        const suffixes = layoutRng.shuffle(data.ESTATE_SUFFIXES.filter((x) => x !== '里'));
        let groupNo = 0;
        for (let g = 0; g < gridCount; g++) {
          const gridName = `${name}第${CHINESE_NUMBERS[g]}网格`;
          const gridId = addRegion('grid', gridName, communityId, g);
          addOrg({
            parent_id: communityOrg.id,
            kind: 'grid_branch',
            name: `${gridName}党支部`,
            region_id: gridId,
            sector: null,
            strengths: [],
            secretary_name: personName(),
            liaison_name: null,
            contact_phone: null,
            address: null,
          });
          const grid: GridPlan = { id: gridId, name: gridName, buildings: [] };
          const estate = big && g === 0 ? '幸福里' : `${stem}${suffixes[g % suffixes.length]}`;
          const buildingCount =
            scale === 'small' ? (big && g === 0 ? 3 : layoutRng.int(2, 3)) : big ? layoutRng.int(4, 6) : layoutRng.int(2, 6);
          for (let b = 0; b < buildingCount; b++) {
            const buildingName = village ? `${++groupNo}组` : `${estate}${b + 1}号楼`;
            const buildingId = addRegion('building', buildingName, gridId, b);
            grid.buildings.push({
              id: buildingId,
              name: buildingName,
              gridId,
              units: village ? 0 : layoutRng.int(2, 4),
              floors: village ? 0 : layoutRng.pick([6, 6, 7, 11, 12, 15, 18]),
              houses: village ? layoutRng.int(25, 60) : 0,
            });
          }
          community.grids.push(grid);
        }
        street.communities.push(community);
        communities.push(community);
      });
    });
  });

  // Units ---------------------------------------------------------------------------------------
  const unitRng = new Rng(`${scale}:units`);
  const brands = unitRng.shuffle(data.BRAND_FIRST.flatMap((a) => data.BRAND_SECOND.filter((b) => b !== a).map((b) => a + b)));
  const districtRegionIds = regions.filter((r) => r.kind === 'district').map((r) => r.id);
  const anchorCommunity = (d: number) => communities.find((c) => c.districtIndex === d)!;

  districtNames.forEach((districtName, d) => {
    const prefix: data.UnitPrefix = d === 0 ? { full: '临江市', short: '临江', city: true } : { full: districtName, short: districtName.replace(/区$/, ''), city: false };
    const districtStreets = streets.filter((s) => s.districtIndex === d);
    type Spec = { name: string; sector: Sector; strengths: readonly string[]; seat: 'city' | 'street'; anchor: boolean; team: TeamKind | null; size: readonly [number, number] };
    const specs: Spec[] = [];
    const add = (t: data.UnitTemplate, defaultSize: readonly [number, number], fixedSize?: readonly [number, number]) =>
      specs.push({ name: t.name(prefix), sector: t.sector, strengths: t.strengths, seat: t.seat, anchor: !!t.anchor, team: t.team ?? null, size: fixedSize ?? t.size ?? defaultSize });
    if (scale === 'small') {
      add(data.AGENCIES[0]!, [25, 25], [25, 25]);
      add(data.HOSPITALS[0]!, [20, 20], [20, 20]);
      add(data.STATE_ENTERPRISES[0]!, [15, 15], [15, 15]);
    } else {
      for (const t of data.AGENCIES.slice(0, 44)) add(t, [15, 60]);
      for (const t of data.INSTITUTIONS.slice(0, 12)) add(t, [10, 40]);
      for (const t of data.SCHOOLS.slice(0, 14)) add(t, [25, 80]);
      for (const t of data.HOSPITALS.slice(0, 6)) add(t, [40, 80]);
      for (const t of data.STATE_ENTERPRISES.slice(0, 16)) add(t, [20, 80]);
      for (let i = 0; i < 10; i++) {
        const industry = unitRng.pick(data.INDUSTRIES);
        specs.push({ name: `临江${brands.pop()}${industry.name}党支部`, sector: 'private_enterprise', strengths: industry.strengths, seat: 'street', anchor: false, team: null, size: [10, 30] });
      }
      for (const t of data.SOCIAL_ORGANIZATIONS) {
        specs.push({ name: t.name(prefix, brands.pop()!), sector: 'social_organization', strengths: t.strengths, seat: 'street', anchor: false, team: t.team ?? null, size: t.size });
      }
      for (const t of data.OTHER_UNITS) specs.push({ name: t.name(prefix), sector: 'other', strengths: t.strengths, seat: 'street', anchor: false, team: null, size: [10, 25] });
    }
    for (const spec of specs) {
      const seatStreet = spec.seat === 'street' ? unitRng.pick(districtStreets) : null;
      const strengths = [...spec.strengths];
      if (strengths.length < 3 && unitRng.chance(0.3)) {
        const extra = unitRng.pick(data.STRENGTHS);
        if (!strengths.includes(extra)) strengths.push(extra);
      }
      const isTax = spec.name === '临江市税务局机关党支部';
      const org = addOrg({
        parent_id: supervisor.id,
        kind: 'unit',
        name: spec.name,
        region_id: seatStreet ? seatStreet.id : d === 0 ? cityId : districtRegionIds[d]!,
        sector: spec.sector,
        strengths: strengths.slice(0, 3),
        secretary_name: isTax ? '刘志强' : personName(),
        liaison_name: isTax ? '孙丽娟' : personName(),
        contact_phone: isTax ? '13605710418' : people.phone(),
        address: seatStreet ? address(districtName, seatStreet.name) : address(d === 0 ? '' : districtName, null),
      });
      const homeStreet = seatStreet ?? (spec.anchor ? districtStreets.find((s) => s.id === anchorCommunity(d).streetId)! : unitRng.pick(districtStreets));
      const size = scale !== 'small' && spec.anchor ? unitRng.int(115, 140) : unitRng.int(spec.size[0], spec.size[1]);
      units.push({ org, districtIndex: d, homeStreet, anchor: spec.anchor, team: spec.team, size, staff: [] });
    }
  });
  // Grow units until the member target is met (no unit beyond 80, anchors aside).
  let total = units.reduce((n, u) => n + u.size, 0);
  const growable = units.filter((u) => !u.anchor);
  while (total < spec.members && growable.some((u) => u.size < 80)) {
    const u = unitRng.pick(growable);
    if (u.size < 80) {
      u.size++;
      total++;
    }
  }

  // Leading groups ------------------------------------------------------------------------------
  const lgRng = new Rng(`${scale}:leading-groups`);
  const lgName = () => people.name(lgRng.chance(0.7) ? 'male' : 'female', lgRng.int(1964, 1985));
  const addGroup = (orgId: string, rows: Array<{ name: string; post: LeadingGroupPost; title: string }>) => {
    rows.forEach((r, i) => leadingGroups.push({ id: stableId(`leading_group_member:${orgId}:${i}`), organization_id: orgId, name: r.name, post: r.post, title: r.title, sort_order: i }));
  };
  const groupOf = (leader: [string, string], deputies: readonly string[], members: readonly string[], office: [string, string], liaison: string | null) => {
    const rows: Array<{ name: string; post: LeadingGroupPost; title: string }> = [{ name: leader[0], post: 'leader', title: leader[1] }];
    for (const t of lgRng.sample(deputies, lgRng.int(1, Math.min(2, deputies.length)))) rows.push({ name: lgName(), post: 'deputy_leader', title: t });
    for (const t of lgRng.sample(members, lgRng.int(2, Math.min(5, members.length)))) rows.push({ name: lgName(), post: 'member', title: t });
    rows.push({ name: office[0], post: 'office_director', title: office[1] });
    if (liaison) rows.push({ name: liaison, post: 'liaison', title: '联络员' });
    return rows;
  };
  const sup = data.LEADING_TITLES.supervisor;
  const unitTitles = data.LEADING_TITLES.unit;
  const headTitle = (org: OrganizationRow): string => {
    const n = org.name;
    switch (org.sector) {
      case 'agency':
        return n.includes('法院') ? '院长' : n.includes('检察院') ? '检察长' : n.includes('局') ? '局长' : '主任';
      case 'hospital':
        return '院长';
      case 'school':
        return '校长';
      case 'state_enterprise':
      case 'private_enterprise':
        return '总经理';
      case 'institution':
      case 'social_organization':
      case 'other':
      case null:
        return '主任';
    }
  };
  if (scale !== 'small') {
    addGroup(supervisor.id, groupOf(['王建国', sup.leader], sup.deputies, sup.members, [lgName(), sup.office], supervisor.liaison_name));
    for (const street of streets) {
      const org = organizations.find((o) => o.id === street.orgId)!;
      const t = data.LEADING_TITLES.street;
      const office: [string, string] = street.name === '东城街道' ? ['李秀英', t.office(street.name)] : [lgName(), t.office(street.name)];
      addGroup(org.id, groupOf([org.secretary_name!, t.leader(street.name)], t.deputies(street.name), t.members(street.name), office, org.liaison_name));
    }
  }
  const groupUnits = scale === 'small' ? units.filter((u) => u.org.name === '临江市税务局机关党支部') : units.filter((u) => u.org.name === '临江市税务局机关党支部' || lgRng.chance(0.29));
  for (const u of groupUnits) {
    const head = headTitle(u.org);
    const isTax = u.org.name === '临江市税务局机关党支部';
    const leaderTitle = u.org.sector === 'agency' ? `党组书记、${head}` : `党组织书记、${head}`;
    const rows = groupOf([lgName(), leaderTitle], [`党组成员、副${head}`, unitTitles.deputies[1]], unitTitles.members, [isTax ? '刘志强' : lgName(), unitTitles.office], u.org.liaison_name);
    addGroup(u.org.id, rows);
  }

  // Households ----------------------------------------------------------------------------------
  const hhRng = new Rng(`${scale}:households`);
  const tagPicker = new Weighted(data.TAG_WEIGHTS);
  const headAges = new Weighted<readonly [number, number]>([
    [[25, 40], 25],
    [[40, 60], 40],
    [[60, 75], 22],
    [[75, 92], 13],
  ]);
  const peopleCounts = new Weighted<number>([
    [1, 10],
    [2, 30],
    [3, 30],
    [4, 16],
    [5, 9],
    [6, 5],
  ]);
  const verified = () => randomDate(hhRng, '2026-01-05', '2026-11-15');
  const note = (tag: HouseholdTagName) => {
    const notes = data.TAG_NOTES[tag];
    return notes && hhRng.chance(0.6) ? hhRng.pick(notes) : null;
  };

  const byId = new Map(communities.map((c) => [c.id, c]));
  const xingfu = byId.get(XINGFU_ID)!;
  const cuihu = byId.get(CUIHU_ID)!;
  const bldg = (c: CommunityPlan, grid: number, building: number) => c.grids[grid]!.buildings[building]!;
  const fixedHouseholds: HouseholdPlan[] = [
    {
      id: CITY_FIXED.householdChenXiaoming,
      communityId: xingfu.id,
      gridId: XINGFU_GRID1_ID,
      buildingId: CITY_FIXED.regions.xingfuBuilding3,
      unitNo: '1',
      room: '602',
      head: fixed.chen,
      headMemberId: CITY_FIXED.memberChenXiaoming,
      peopleCount: 3,
      isLead: true,
      leadMemberId: CITY_FIXED.memberChenXiaoming,
      notes: '党员中心户',
      tags: [],
    },
    {
      id: CITY_FIXED.householdLiXiulan,
      communityId: xingfu.id,
      gridId: XINGFU_GRID2_ID,
      buildingId: bldg(xingfu, 1, 0).id,
      unitNo: '1',
      room: '101',
      head: fixed.li,
      headMemberId: null,
      peopleCount: 1,
      isLead: false,
      leadMemberId: null,
      notes: '独居老人，子女在外地工作',
      tags: [{ tag: 'elderly_alone', verifiedOn: '2026-03-15' }],
    },
    {
      id: CITY_FIXED.householdZhaoGuilan,
      communityId: xingfu.id,
      gridId: XINGFU_GRID1_ID,
      buildingId: CITY_FIXED.regions.xingfuBuilding3,
      unitNo: '2',
      room: '301',
      head: fixed.zhao,
      headMemberId: null,
      peopleCount: 2,
      isLead: false,
      leadMemberId: null,
      notes: null,
      tags: [],
    },
    {
      id: CITY_FIXED.householdWuDehua,
      communityId: cuihu.id,
      gridId: cuihu.grids[0]!.id,
      buildingId: bldg(cuihu, 0, 0).id,
      unitNo: '1',
      room: '201',
      head: fixed.wu,
      headMemberId: null,
      peopleCount: 3,
      isLead: false,
      leadMemberId: null,
      notes: '退役军人之家联系户',
      tags: [{ tag: 'veteran', verifiedOn: '2026-04-10' }],
    },
  ];

  interface Slot {
    grid: GridPlan;
    building: BuildingPlan;
    unitNo: string | null;
    room: string;
  }
  const slotsOf = (c: CommunityPlan): Slot[] => {
    const slots: Slot[] = [];
    for (const grid of c.grids)
      for (const building of grid.buildings) {
        if (c.village) for (let h = 1; h <= building.houses; h++) slots.push({ grid, building, unitNo: null, room: `${h}号` });
        else
          for (let u = 1; u <= building.units; u++)
            for (let f = 1; f <= building.floors; f++) for (let r = 1; r <= 2; r++) slots.push({ grid, building, unitNo: String(u), room: `${f}0${r}` });
      }
    return slots;
  };
  const capacity = communities.map((c) => c.grids.reduce((n, g) => n + g.buildings.reduce((m, b) => m + (c.village ? b.houses : b.units * b.floors * 2), 0), 0));
  const capTotal = capacity.reduce((a, b) => a + b, 0);
  const quotas = capacity.map((cap) => (spec.households * cap) / capTotal);
  const alloc = quotas.map(Math.floor);
  let rest = spec.households - alloc.reduce((a, b) => a + b, 0);
  for (const i of quotas.map((q, i) => [q - Math.floor(q), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1])) {
    if (rest-- <= 0) break;
    alloc[i[1]]!++;
  }

  communities.forEach((c, ci) => {
    const mine = fixedHouseholds.filter((h) => h.communityId === c.id);
    const taken = new Set(mine.map((h) => `${h.buildingId}|${h.unitNo}|${h.room}`));
    const slots = hhRng.shuffle(slotsOf(c).filter((s) => !taken.has(`${s.building.id}|${s.unitNo}|${s.room}`)));
    const n = Math.min(slots.length, Math.max(0, alloc[ci]! - mine.length));
    c.households.push(...mine);
    for (const slot of slots.slice(0, n)) {
      const tags: HouseholdTagName[] = [];
      if (hhRng.chance(0.15)) {
        let tag = tagPicker.pick(hhRng);
        while (!c.village && data.VILLAGE_ONLY_TAGS.has(tag)) tag = tagPicker.pick(hhRng);
        tags.push(tag);
        if (hhRng.chance(0.2)) {
          const second = hhRng.pick(['disability', 'serious_illness', 'low_income'] as const);
          if (!tags.includes(second) && !(second === 'low_income' && tag === 'five_guarantees')) tags.push(second);
        }
      }
      let age: readonly [number, number] = headAges.pick(hhRng);
      let gender: Gender | undefined;
      let count = peopleCounts.pick(hhRng);
      if (tags.includes('elderly_alone')) {
        age = [68, 92];
        count = 1;
        gender = hhRng.chance(0.6) ? 'female' : 'male';
      } else if (tags.includes('five_guarantees')) {
        age = [60, 88];
        count = 1;
        gender = hhRng.chance(0.65) ? 'male' : 'female';
      } else if (tags.includes('left_behind_child')) {
        age = [55, 75];
        count = hhRng.int(3, 4);
      } else if (tags.includes('member_in_hardship')) age = [55, 85];
      else if (tags.includes('veteran')) {
        age = [28, 80];
        gender = hhRng.chance(0.9) ? 'male' : 'female';
      } else if (age[0] >= 75 && count > 3) count = 2;
      const head = people.person(age[0], age[1], gender);
      c.households.push({
        id: stableId(`household:${slot.building.id}:${slot.unitNo ?? ''}:${slot.room}`),
        communityId: c.id,
        gridId: slot.grid.id,
        buildingId: slot.building.id,
        unitNo: slot.unitNo,
        room: slot.room,
        head,
        headMemberId: null,
        peopleCount: count,
        isLead: false,
        leadMemberId: null,
        notes: tags.length ? note(tags[0]!) : null,
        tags: tags.map((tag) => ({ tag, verifiedOn: verified() })),
      });
    }
  });
  const households = communities.flatMap((c) => c.households);

  // Members ---------------------------------------------------------------------------------------
  const mRng = new Rng(`${scale}:members`);
  const skillCounts = new Weighted<number>([
    [0, 25],
    [1, 35],
    [2, 25],
    [3, 15],
  ]);
  const statuses = new Weighted<MemberStatus>([
    ['active', 974],
    ['transferred', 15],
    ['left', 6],
    ['deceased', 5],
  ]);
  const communityWeights = new Map<number, Weighted<CommunityPlan>>();
  const streetWeights = new Map<string, Weighted<CommunityPlan>>();
  const weightedCommunities = (list: CommunityPlan[]) => new Weighted(list.map((c) => [c, Math.max(1, c.households.length)] as const));
  const inDistrict = (d: number) => {
    let w = communityWeights.get(d);
    if (!w) communityWeights.set(d, (w = weightedCommunities(communities.filter((c) => c.districtIndex === d))));
    return w;
  };
  const inStreet = (s: StreetPlan) => {
    let w = streetWeights.get(s.id);
    if (!w) streetWeights.set(s.id, (w = weightedCommunities(s.communities)));
    return w;
  };
  const everywhere = weightedCommunities(communities);
  const anchorShare = scale === 'small' ? 0.5 : 0.92;

  const tax = units.find((u) => u.org.name === '临江市税务局机关党支部')!;
  const members: MemberPlan[] = [];
  const placeIn = (c: CommunityPlan) => {
    const grid = mRng.pick(c.grids);
    return { gridId: grid.id, buildingId: mRng.pick(grid.buildings).id };
  };
  const fixedMember = (id: string, person: Person, gridId: string, buildingId: string, householdId: string | null, joined: string, skills: string[], userId: string | null): MemberPlan => ({
    id,
    person,
    isPartyMember: true,
    partyJoinedOn: joined,
    employerOrgId: tax.org.id,
    residenceId: xingfu.id,
    gridId,
    buildingId,
    householdId,
    skills,
    status: 'active',
    userId,
  });
  const chen = fixedMember(CITY_FIXED.memberChenXiaoming, fixed.chen, XINGFU_GRID1_ID, CITY_FIXED.regions.xingfuBuilding3, CITY_FIXED.householdChenXiaoming, '2010-06-28', ['政策宣讲', '电脑维修'], DEMO_MEMBER_USER_ID);
  const zhangPlace = bldg(xingfu, 1, 1);
  const zhang = fixedMember(CITY_FIXED.memberZhangJianjun, fixed.zhang, XINGFU_GRID2_ID, zhangPlace.id, null, '1998-07-01', ['法律咨询', '驾驶'], null);
  for (const m of [chen, zhang]) {
    tax.staff.push(m);
    xingfu.residents.push(m);
    members.push(m);
  }

  let seq = 0;
  for (const u of units) {
    const affinity = u.org.strengths.map((s) => data.SKILL_OF_STRENGTH[s]).filter((s): s is string => !!s);
    while (u.staff.length < u.size) {
      const person = people.person(23, 65, mRng.chance(u.org.sector === 'hospital' || u.org.sector === 'school' ? 0.6 : 0.42) ? 'female' : 'male');
      let residence: CommunityPlan;
      if (u.anchor && mRng.chance(anchorShare)) residence = anchorCommunity(u.districtIndex);
      else if (mRng.chance(0.6)) residence = inStreet(u.homeStreet).pick(mRng);
      else if (scale !== 'city' || mRng.chance(0.9)) residence = inDistrict(u.districtIndex).pick(mRng);
      else residence = everywhere.pick(mRng);
      const isPartyMember = mRng.chance(0.95);
      let partyJoinedOn: string | null = null;
      if (isPartyMember) {
        const from = dayNumber(addYears(person.birthDate, 18));
        const to = Math.min(dayNumber(REFERENCE_DATE) - 60, dayNumber(addYears(person.birthDate, 45)));
        partyJoinedOn = dateOf(from + Math.floor(Math.pow(mRng.next(), 1.6) * Math.max(0, to - from)));
      }
      const skills = new Set<string>();
      const k = skillCounts.pick(mRng);
      if (k > 0 && affinity.length && mRng.chance(0.5)) skills.add(mRng.pick(affinity));
      while (skills.size < k) skills.add(mRng.pick(data.SKILLS));
      const m: MemberPlan = {
        id: stableId(`member:${scale}:${seq++}`),
        person,
        isPartyMember,
        partyJoinedOn,
        employerOrgId: u.org.id,
        residenceId: residence.id,
        ...placeIn(residence),
        householdId: null,
        skills: [...skills],
        status: statuses.pick(mRng),
        userId: null,
      };
      u.staff.push(m);
      residence.residents.push(m);
      members.push(m);
    }
  }

  // Members in households: ~30% belong to one in their community, half of those head it.
  const linkRng = new Rng(`${scale}:links`);
  const LONE: ReadonlySet<HouseholdTagName> = new Set(['elderly_alone', 'five_guarantees']);
  const fixedIds = new Set(fixedHouseholds.map((h) => h.id));
  for (const c of communities) {
    const candidates = c.households.filter((h) => !fixedIds.has(h.id) && !h.tags.some((t) => LONE.has(t.tag)));
    if (candidates.length === 0) continue;
    for (const m of c.residents) {
      if (m.householdId !== null || m.id === CITY_FIXED.memberZhangJianjun || m.status !== 'active' || !linkRng.chance(0.3)) continue;
      const h = linkRng.pick(candidates);
      m.householdId = h.id;
      m.gridId = h.gridId;
      m.buildingId = h.buildingId;
      if (h.headMemberId === null && h.tags.every((t) => t.tag === 'member_in_hardship' || t.tag === 'veteran') && linkRng.chance(0.5)) {
        h.head = m.person;
        h.headMemberId = m.id;
        if (h.tags.some((t) => t.tag === 'member_in_hardship') && !m.isPartyMember) h.tags = h.tags.filter((t) => t.tag !== 'member_in_hardship');
      } else if (h.peopleCount < 2) h.peopleCount = 2;
    }
    // 党员中心户: ~2% of households, led by an active party member who lives there.
    const lead = c.households.filter((h) => h.isLead).length;
    const want = Math.max(c.residents.length ? 1 : 0, Math.round(c.households.length * 0.02)) - lead;
    const memberById = new Map(c.residents.map((m) => [m.id, m]));
    const active = (id: string | null) => {
      const m = id ? memberById.get(id) : undefined;
      return !!m && m.status === 'active' && m.isPartyMember;
    };
    const headed = linkRng.shuffle(candidates.filter((h) => !h.isLead && active(h.headMemberId)));
    for (const h of headed.slice(0, Math.max(0, want))) {
      h.isLead = true;
      h.leadMemberId = h.headMemberId;
    }
    let missing = want - headed.length;
    if (missing > 0) {
      const householdById = new Map(c.households.map((h) => [h.id, h]));
      const family = linkRng.shuffle(c.residents.filter((m) => m.householdId && active(m.id)));
      for (const m of family) {
        if (missing <= 0) break;
        const h = householdById.get(m.householdId!)!;
        if (h.isLead) continue;
        h.isLead = true;
        h.leadMemberId = m.id;
        missing--;
      }
    }
  }

  // Volunteer teams -------------------------------------------------------------------------------
  const tRng = new Rng(`${scale}:teams`);
  const joined = () => randomDate(tRng, '2024-03-01', '2026-10-31');
  const DESCRIPTIONS: Record<TeamKind, string> = {
    volunteer: '由到社区报到的在职党员组成，开展政策宣讲、环境整治、文明劝导、关爱帮扶等志愿服务。',
    emergency: '遇有防汛、疫情防控等突发事件，第一时间集结支援社区。',
    professional: '发挥行业专业优势，定期到共建社区开展专业志愿服务。',
    party_service: '党员先锋岗，认领社区微心愿和急难险重任务。',
  };
  const addTeam = (orgId: string, name: string, kind: TeamKind, pool: MemberPlan[], first: MemberPlan[] = []) => {
    const activeOnes = pool.filter((m) => m.status === 'active' && !first.includes(m));
    const size = Math.min(tRng.int(8, 30), activeOnes.length + first.length);
    const chosen = [...first, ...tRng.sample(activeOnes, size - first.length)];
    if (chosen.length === 0) return;
    teams.push({
      id: stableId(`volunteer_team:${orgId}:${name}`),
      name,
      organizationId: orgId,
      kind,
      description: DESCRIPTIONS[kind],
      members: chosen.map((m, i) => ({ memberId: m.id, isLeader: i === 0, joinedOn: joined() })),
    });
  };
  for (const c of communities) {
    const isXingfu = c.id === xingfu.id;
    if (scale === 'small' && !isXingfu) continue;
    const pool = c.residents;
    addTeam(c.orgId, c.village ? `${c.name}党员志愿服务队` : `${c.name}下沉党员志愿者服务队`, 'volunteer', pool, isXingfu ? [zhang, chen] : []);
    if (scale !== 'small' && (isXingfu || tRng.chance(0.5))) addTeam(c.orgId, `${c.name}应急队伍`, 'emergency', pool);
  }
  if (scale !== 'small') {
    for (const u of units) {
      if (!(u.org.name === '临江市税务局机关党支部' || tRng.chance(0.38))) continue;
      const short = u.org.name.replace(/(机关)?(联合)?(党委|党总支|党支部)$/, '');
      const kind: TeamKind = u.team ?? (tRng.chance(0.15) ? 'party_service' : 'volunteer');
      let name: string;
      if (kind === 'professional') {
        const s = u.org.strengths;
        name = s.includes('医疗') ? `${short}医疗志愿服务队` : s.includes('法律') ? `${short}法律服务队` : s.includes('心理') ? `${short}心理关爱服务队` : `${short}专业志愿服务队`;
      } else if (kind === 'emergency') name = `${short}应急救援队`;
      else if (kind === 'party_service') name = `${short}党员先锋服务队`;
      else name = `${short}下沉社区志愿者服务队`;
      addTeam(u.org.id, name, kind, u.staff);
    }
  }

  return { scale, regions, organizations, leadingGroups, streets, communities, units, households, members, teams };
}

// ---------------------------------------------------------------------------------------------
// Writing it.

export interface CitySummary {
  scale: CityScale;
  /** false when the demo city was there already and nothing was written */
  seeded: boolean;
  /** rows in each directory table afterwards */
  counts: Record<CityTable, number>;
  elapsedMs: number;
}

export type CityTable = 'region' | 'organization' | 'leading_group_member' | 'member' | 'household' | 'household_tag' | 'volunteer_team' | 'volunteer_team_member';
const CITY_TABLES: readonly CityTable[] = ['region', 'organization', 'leading_group_member', 'member', 'household', 'household_tag', 'volunteer_team', 'volunteer_team_member'];

export interface SeedCityOptions {
  scale: CityScale;
  onProgress?: (step: string, done: number, total: number) => void;
  /** rows per INSERT (default 500) */
  chunkSize?: number;
}

/** The scale of the demo city in this database, or null when none has been seeded. */
export async function citySeeded(db: Kysely<DB>): Promise<CityScale | null> {
  const row = await db.selectFrom('app_setting').select('value').where('key', '=', CITY_MARKER_KEY).executeTakeFirst();
  const scale = (row?.value as { scale?: unknown } | undefined)?.scale;
  return typeof scale === 'string' && (CITY_SCALES as readonly string[]).includes(scale) ? (scale as CityScale) : null;
}

async function countRows(db: Kysely<DB> | Transaction<DB>): Promise<Record<CityTable, number>> {
  const counts = {} as Record<CityTable, number>;
  for (const table of CITY_TABLES) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
    counts[table] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}

async function inChunks<T>(rows: readonly T[], size: number, step: string, onProgress: SeedCityOptions['onProgress'], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  onProgress?.(step, 0, rows.length);
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    await write(chunk);
    onProgress?.(step, i + chunk.length, rows.length);
  }
}

function secret(cipher: PersonalDataCipher, value: string) {
  return { encrypted: cipher.encrypt(value), hash: cipher.hash(value) };
}

/**
 * Seeds the demo (accounts and the foundation slice, if missing) and grows it into the demo city
 * of the given scale. A second run with the same scale does nothing; another scale on top of an
 * existing demo city is refused (start from an empty database instead).
 */
export async function seedCity(db: Kysely<DB>, cipher: PersonalDataCipher, options: SeedCityOptions): Promise<CitySummary> {
  const started = performance.now();
  const { scale, onProgress } = options;
  const size = options.chunkSize ?? 500;
  if (!(await demoSeeded(db))) await seedDemo(db, cipher, (step) => onProgress?.(`demo ${step}`, 0, 0));
  const existing = await citySeeded(db);
  if (existing !== null) {
    if (existing !== scale) throw new Error(`The demo city is already seeded at scale "${existing}"; seed "${scale}" into an empty database.`);
    return { scale, seeded: false, counts: await countRows(db), elapsedMs: Math.round(performance.now() - started) };
  }

  onProgress?.('plan', 0, 1);
  const plan = planCity(scale);
  onProgress?.('plan', 1, 1);

  const counts = await db.transaction().execute(async (trx) => {
    await inChunks(plan.regions, size, 'regions', onProgress, (chunk) =>
      trx.insertInto('region').values(chunk).onConflict((oc) => oc.column('id').doNothing()).execute(),
    );
    // The foundation inserted its regions without order or village flag.
    for (const r of plan.regions.filter((x) => FOUNDATION_REGIONS.has(x.id))) {
      await trx
        .updateTable('region')
        .set({ village: r.village, sort_order: r.sort_order })
        .where('id', '=', r.id)
        .where((eb) => eb.or([eb('village', '<>', r.village), eb('sort_order', '<>', r.sort_order)]))
        .execute();
    }

    const orgRow = (o: OrganizationRow) => ({
      id: o.id,
      parent_id: o.parent_id,
      kind: o.kind,
      name: o.name,
      region_id: o.region_id,
      path: o.path,
      sector: o.sector,
      strengths: o.strengths,
      secretary_name: o.secretary_name,
      liaison_name: o.liaison_name,
      contact_phone_encrypted: o.contact_phone ? cipher.encrypt(o.contact_phone) : null,
      contact_phone_masked: o.contact_phone ? maskPhone(o.contact_phone) : null,
      address: o.address,
    });
    await inChunks(plan.organizations, size, 'organisations', onProgress, (chunk) =>
      trx.insertInto('organization').values(chunk.map(orgRow)).onConflict((oc) => oc.column('id').doNothing()).execute(),
    );
    // The foundation inserted its organisations bare: give them their details once.
    for (const o of plan.organizations.filter((x) => FOUNDATION_ORGANIZATIONS.has(x.name))) {
      const r = orgRow(o);
      await trx
        .updateTable('organization')
        .set({
          sector: r.sector,
          strengths: r.strengths,
          secretary_name: r.secretary_name,
          liaison_name: r.liaison_name,
          contact_phone_encrypted: r.contact_phone_encrypted,
          contact_phone_masked: r.contact_phone_masked,
          address: r.address,
        })
        .where('id', '=', o.id)
        .where('secretary_name', 'is', null)
        .where('address', 'is', null)
        .execute();
    }

    await inChunks(plan.leadingGroups, size, 'leading groups', onProgress, (chunk) =>
      trx.insertInto('leading_group_member').values(chunk).onConflict((oc) => oc.column('id').doNothing()).execute(),
    );

    await inChunks(plan.households, size, 'households', onProgress, (chunk) =>
      trx
        .insertInto('household')
        .values(
          chunk.map((h) => {
            const phone = secret(cipher, h.head.phone);
            const id = secret(cipher, h.head.idNumber);
            return {
              id: h.id,
              community_id: h.communityId,
              grid_id: h.gridId,
              building_id: h.buildingId,
              unit_no: h.unitNo,
              room: h.room,
              head_name: h.head.name,
              head_name_initials: h.head.initials,
              head_phone_encrypted: phone.encrypted,
              head_phone_hash: phone.hash,
              head_phone_masked: maskPhone(h.head.phone),
              head_phone_tail: h.head.phone.slice(-4),
              head_id_number_encrypted: id.encrypted,
              head_id_number_hash: id.hash,
              head_id_number_masked: maskIdNumber(h.head.idNumber),
              head_id_last6_hash: idLast6Hash(cipher, h.head.idNumber),
              people_count: h.peopleCount,
              is_lead_household: false,
              lead_member_id: null,
              notes: h.notes,
            };
          }),
        )
        .onConflict((oc) => oc.doNothing())
        .execute(),
    );
    const tags = plan.households.flatMap((h) => h.tags.map((t) => ({ household_id: h.id, tag: t.tag, verified_on: t.verifiedOn, verified_by: null })));
    await inChunks(tags, size, 'household tags', onProgress, (chunk) => trx.insertInto('household_tag').values(chunk).onConflict((oc) => oc.doNothing()).execute());

    await inChunks(plan.members, size, 'members', onProgress, (chunk) =>
      trx
        .insertInto('member')
        .values(
          chunk.map((m) => {
            const phone = secret(cipher, m.person.phone);
            const id = secret(cipher, m.person.idNumber);
            return {
              id: m.id,
              name: m.person.name,
              name_initials: m.person.initials,
              gender: m.person.gender,
              birth_date: m.person.birthDate,
              phone_encrypted: phone.encrypted,
              phone_hash: phone.hash,
              phone_masked: maskPhone(m.person.phone),
              phone_tail: m.person.phone.slice(-4),
              id_number_encrypted: id.encrypted,
              id_number_hash: id.hash,
              id_number_masked: maskIdNumber(m.person.idNumber),
              id_tail: m.person.idNumber.slice(-4),
              id_last6_hash: idLast6Hash(cipher, m.person.idNumber),
              is_party_member: m.isPartyMember,
              party_joined_on: m.partyJoinedOn,
              employer_org_id: m.employerOrgId,
              residence_region_id: m.residenceId,
              grid_region_id: m.gridId,
              building_region_id: m.buildingId,
              household_id: m.householdId,
              skills: m.skills,
              status: m.status,
              user_id: m.userId,
            };
          }),
        )
        .onConflict((oc) => oc.doNothing())
        .execute(),
    );

    const leads = plan.households.filter((h) => h.isLead);
    await inChunks(leads, size, 'lead households', onProgress, (chunk) =>
      sql`
        update household set is_lead_household = true, lead_member_id = v.member_id::uuid
        from (values ${sql.join(chunk.map((h) => sql`(${h.id}, ${h.leadMemberId})`))}) as v(household_id, member_id)
        where household.id = v.household_id::uuid and household.lead_member_id is null
      `.execute(trx),
    );

    await inChunks(plan.teams, size, 'volunteer teams', onProgress, (chunk) =>
      trx
        .insertInto('volunteer_team')
        .values(chunk.map((t) => ({ id: t.id, name: t.name, organization_id: t.organizationId, kind: t.kind, description: t.description })))
        .onConflict((oc) => oc.column('id').doNothing())
        .execute(),
    );
    const teamMembers = plan.teams.flatMap((t) => t.members.map((m) => ({ team_id: t.id, member_id: m.memberId, is_leader: m.isLeader, joined_on: m.joinedOn })));
    await inChunks(teamMembers, size, 'team members', onProgress, (chunk) => trx.insertInto('volunteer_team_member').values(chunk).onConflict((oc) => oc.doNothing()).execute());

    const after = await countRows(trx);
    await trx
      .insertInto('app_setting')
      .values({ key: CITY_MARKER_KEY, value: JSON.stringify({ scale, counts: after }) })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    await writeAudit(trx, { userId: null, account: 'seed', ip: null, userAgent: 'gongjian seed', requestId: null }, { action: 'demo.city.seed', entityType: 'demo', entityId: scale, after });
    return after;
  });

  return { scale, seeded: true, counts, elapsedMs: Math.round(performance.now() - started) };
}
