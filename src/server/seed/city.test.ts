import { describe, expect, it } from 'vitest';
import { checkIdNumber, idBirthDate, idGender } from '../../domain/directory/id-number';
import { nameInitials } from '../../domain/directory/names';
import { STRENGTHS, SKILLS } from './city-data';
import { ageOn, CITY_FIXED, planCity, regionIdOf, organizationIdOf, Rng, Weighted, type CityPlan } from './city';
import { stableId } from './demo';

const small = planCity('small');
const county = planCity('county');

function orgName(plan: CityPlan, id: string): string | undefined {
  return plan.organizations.find((o) => o.id === id)?.name;
}
function regionName(plan: CityPlan, id: string | null): string | undefined {
  return plan.regions.find((r) => r.id === id)?.name;
}

describe('Rng', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = new Rng('x');
    const b = new Rng('x');
    const c = new Rng('y');
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('keeps ints in range and picks by weight', () => {
    const rng = new Rng(1);
    const w = new Weighted([
      ['a', 9],
      ['b', 1],
    ] as const);
    let a = 0;
    for (let i = 0; i < 2000; i++) {
      const n = rng.int(3, 5);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(5);
      if (w.pick(rng) === 'a') a++;
    }
    expect(a / 2000).toBeGreaterThan(0.85);
    expect(a / 2000).toBeLessThan(0.95);
  });
});

describe('planCity', () => {
  it('is deterministic', () => {
    const again = planCity('small');
    const strip = (p: CityPlan) => JSON.stringify({ r: p.regions, o: p.organizations, l: p.leadingGroups, m: p.members, h: p.households, t: p.teams });
    expect(strip(again)).toBe(strip(small));
  });

  it('keeps the ids of the foundation slice (demo.ts)', () => {
    const city = stableId('region::临江市');
    expect(small.regions.find((r) => r.name === '临江市')!.id).toBe(city);
    const district = stableId(`region:${city}:江滨区`);
    expect(regionIdOf(city, '江滨区')).toBe(district);
    const ids = new Set(small.regions.map((r) => r.id));
    for (const id of Object.values(CITY_FIXED.regions)) expect(ids.has(id)).toBe(true);
    const orgIds = new Set(small.organizations.map((o) => o.id));
    for (const id of Object.values(CITY_FIXED.organizations)) expect(orgIds.has(id)).toBe(true);
    expect(CITY_FIXED.organizations.tax).toBe(organizationIdOf('临江市税务局机关党支部'));
    expect(small.regions.find((r) => r.name === '龙泉村')!.village).toBe(true);
  });

  it('gives the small scale what the tests rely on', () => {
    expect(small.members.length).toBe(60);
    expect(small.households.length).toBe(120);
    const zhang = small.members.filter((m) => m.person.name === '张建军');
    expect(zhang).toHaveLength(1);
    expect(zhang[0]!.person.initials).toBe('zjj');
    expect(zhang[0]!.id).toBe(CITY_FIXED.memberZhangJianjun);
    expect(regionName(small, zhang[0]!.residenceId)).toBe('幸福社区');
    expect(orgName(small, zhang[0]!.employerOrgId)).toBe('临江市税务局机关党支部');

    const chen = small.members.find((m) => m.userId === stableId('user:member'))!;
    expect(chen.person.name).toBe('陈晓明');
    expect(chen.residenceId).toBe(CITY_FIXED.regions.xingfu);
    expect(chen.employerOrgId).toBe(CITY_FIXED.organizations.tax);
    expect(chen.householdId).toBe(CITY_FIXED.householdChenXiaoming);

    const li = small.households.find((h) => h.head.name === '李秀兰')!;
    expect(li.id).toBe(CITY_FIXED.householdLiXiulan);
    expect(li.communityId).toBe(CITY_FIXED.regions.xingfu);
    expect(li.tags.map((t) => t.tag)).toContain('elderly_alone');
    expect(small.households.some((h) => h.communityId === CITY_FIXED.regions.cuihu)).toBe(true);

    const taxInXingfu = small.members.filter((m) => m.employerOrgId === CITY_FIXED.organizations.tax && m.residenceId === CITY_FIXED.regions.xingfu);
    expect(taxInXingfu.length).toBeGreaterThanOrEqual(5);
    expect(small.teams).toHaveLength(1);
    expect(small.teams[0]!.id).toBe(CITY_FIXED.teamXingfu);
    expect(small.teams[0]!.members[0]).toMatchObject({ memberId: CITY_FIXED.memberZhangJianjun, isLeader: true });
    expect(new Set(small.leadingGroups.map((l) => l.organization_id)).size).toBe(1);
    expect(small.households.some((h) => h.tags.length > 0)).toBe(true);
  });

  it('builds the county of the sources', () => {
    const kinds = (k: string) => county.regions.filter((r) => r.kind === k);
    expect(kinds('street')).toHaveLength(6);
    expect(kinds('community')).toHaveLength(27);
    expect(kinds('community').filter((c) => c.village)).toHaveLength(4);
    for (const c of kinds('community').filter((x) => x.village)) expect(c.name.endsWith('村')).toBe(true);
    for (const name of ['东城街道', '西湖街道']) expect(kinds('street').some((s) => s.name === name)).toBe(true);
    for (const name of ['幸福社区', '和平社区', '翠湖社区', '龙泉村']) expect(kinds('community').some((s) => s.name === name)).toBe(true);
    for (const c of county.communities) {
      expect(c.grids.length).toBeGreaterThanOrEqual(3);
      expect(c.grids.length).toBeLessThanOrEqual(5);
      for (const g of c.grids) {
        expect(g.name).toMatch(new RegExp(`^${c.name}第[一二三四五]网格$`));
        expect(g.buildings.length).toBeGreaterThanOrEqual(2);
        expect(g.buildings.length).toBeLessThanOrEqual(6);
        for (const b of g.buildings) expect(b.name).toMatch(c.village ? /^\d+组$/ : /\d+号楼$/);
      }
    }
    expect(county.units).toHaveLength(110);
    expect(county.members.length).toBeGreaterThanOrEqual(4000);
    expect(county.households).toHaveLength(12_000);
    const xingfu = county.members.filter((m) => m.residenceId === CITY_FIXED.regions.xingfu);
    expect(xingfu.length).toBeGreaterThan(700);
    expect(xingfu.length).toBeLessThan(1000);
    for (const u of county.units) {
      if (!u.anchor) {
        expect(u.staff.length).toBeGreaterThanOrEqual(10);
        expect(u.staff.length).toBeLessThanOrEqual(80);
      }
      expect(u.org.strengths.length).toBeGreaterThanOrEqual(1);
      expect(u.org.strengths.length).toBeLessThanOrEqual(3);
      for (const s of u.org.strengths) expect(STRENGTHS).toContain(s);
      expect(u.org.parent_id).toBe(CITY_FIXED.organizations.supervisor);
    }
    const grouped = new Set(county.leadingGroups.map((l) => l.organization_id));
    expect(grouped.has(CITY_FIXED.organizations.supervisor)).toBe(true);
    for (const s of county.streets) expect(grouped.has(s.orgId)).toBe(true);
    const share = county.units.filter((u) => grouped.has(u.org.id)).length / 110;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.4);
    const tagged = county.households.filter((h) => h.tags.length > 0).length / 12_000;
    expect(tagged).toBeGreaterThan(0.12);
    expect(tagged).toBeLessThan(0.18);
    const lead = county.households.filter((h) => h.isLead).length / 12_000;
    expect(lead).toBeGreaterThan(0.015);
    expect(lead).toBeLessThan(0.025);
  });

  it('makes valid, consistent people', () => {
    const today = new Date('2026-11-22T00:00:00Z');
    const problems: string[] = [];
    const ids = new Set<string>();
    for (const m of county.members) {
      const p = m.person;
      const age = ageOn(p.birthDate);
      if (checkIdNumber(p.idNumber, today) !== null) problems.push(`${p.name}: invalid ID ${p.idNumber}`);
      if (idGender(p.idNumber) !== p.gender || idBirthDate(p.idNumber) !== p.birthDate) problems.push(`${p.name}: ID does not match gender or birth date`);
      if (!p.idNumber.startsWith('3301')) problems.push(`${p.name}: ID outside 3301xx`);
      if (!/^1[35789]\d{9}$/.test(p.phone)) problems.push(`${p.name}: phone ${p.phone}`);
      if (age < 23 || age > 65) problems.push(`${p.name}: age ${age}`);
      if (p.initials !== nameInitials(p.name)) problems.push(`${p.name}: initials ${p.initials}`);
      if (ids.has(p.idNumber)) problems.push(`${p.name}: duplicate ID`);
      ids.add(p.idNumber);
      if (m.partyJoinedOn && ageOn(p.birthDate, m.partyJoinedOn) < 18) problems.push(`${p.name}: joined before 18`);
      if (!m.isPartyMember && m.partyJoinedOn !== null) problems.push(`${p.name}: joined but not a member`);
      if (m.skills.length > 3 || m.skills.some((s) => !SKILLS.includes(s))) problems.push(`${p.name}: skills ${m.skills.join(',')}`);
    }
    const heads = new Set<string>();
    for (const h of county.households) {
      if (checkIdNumber(h.head.idNumber, today) !== null) problems.push(`${h.head.name}: invalid ID`);
      if (heads.has(h.head.idNumber)) problems.push(`${h.head.name}: duplicate head ID`);
      heads.add(h.head.idNumber);
      if (h.peopleCount < 1 || h.peopleCount > 6) problems.push(`${h.head.name}: ${h.peopleCount} people`);
      if (h.tags.some((t) => !t.verifiedOn.startsWith('2026-'))) problems.push(`${h.head.name}: tag not verified in 2026`);
      if (h.tags.some((t) => t.tag === 'elderly_alone') && h.peopleCount !== 1) problems.push(`${h.head.name}: elderly_alone with ${h.peopleCount} people`);
    }
    expect(problems).toEqual([]);
    const party = county.members.filter((m) => m.isPartyMember).length / county.members.length;
    expect(party).toBeGreaterThan(0.93);
    expect(party).toBeLessThan(0.97);
  });

  it('links members to households, lead households and teams in the right places', () => {
    const members = new Map(county.members.map((m) => [m.id, m]));
    const households = new Map(county.households.map((h) => [h.id, h]));
    const linked = county.members.filter((m) => m.householdId).length / county.members.length;
    expect(linked).toBeGreaterThan(0.25);
    expect(linked).toBeLessThan(0.35);
    for (const m of county.members) {
      if (!m.householdId) continue;
      const h = households.get(m.householdId)!;
      expect(h.communityId).toBe(m.residenceId);
      expect(h.buildingId).toBe(m.buildingId);
    }
    for (const h of county.households.filter((x) => x.isLead)) expect(members.get(h.leadMemberId!)!.residenceId).toBe(h.communityId);
    const orgs = new Map(county.organizations.map((o) => [o.id, o]));
    for (const t of county.teams) {
      expect(t.members.length).toBeGreaterThanOrEqual(8);
      expect(t.members.length).toBeLessThanOrEqual(30);
      expect(t.members.filter((m) => m.isLeader)).toHaveLength(1);
      const org = orgs.get(t.organizationId)!;
      for (const tm of t.members) {
        const m = members.get(tm.memberId)!;
        if (org.kind === 'unit') expect(m.employerOrgId).toBe(org.id);
        else expect(m.residenceId).toBe(org.region_id);
      }
    }
    expect(county.teams.some((t) => t.kind === 'emergency')).toBe(true);
    expect(county.teams.some((t) => t.kind === 'professional')).toBe(true);
  });
});
