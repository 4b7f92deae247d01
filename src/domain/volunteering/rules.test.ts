import { describe, expect, it } from 'vitest';
import { canCancel, isEligible, treeDistance } from './eligibility';
import { reminderDue, standing } from './quota';

describe('eligibility', () => {
  const member = { communityPaths: ['/c/d/s1/x/'], employerPath: '/sup/tax/' };
  it('lets community members, unit members or anyone sign up as declared', () => {
    expect(isEligible(member, { eligibility: 'community_members', regionPath: '/c/d/s1/x/', ownerOrgPath: null })).toBe(true);
    expect(isEligible(member, { eligibility: 'community_members', regionPath: '/c/d/s1/', ownerOrgPath: null })).toBe(true);
    expect(isEligible(member, { eligibility: 'community_members', regionPath: '/c/d/s1/y/', ownerOrgPath: null })).toBe(false);
    expect(isEligible(member, { eligibility: 'unit_members', regionPath: '/c/', ownerOrgPath: '/sup/tax/' })).toBe(true);
    expect(isEligible(member, { eligibility: 'unit_members', regionPath: '/c/', ownerOrgPath: '/sup/hospital/' })).toBe(false);
    expect(isEligible({ communityPaths: [], employerPath: null }, { eligibility: 'anyone', regionPath: '/c/', ownerOrgPath: null })).toBe(true);
  });

  it('allows cancelling until the deadline before the start', () => {
    const start = new Date('2026-05-01T09:00:00+08:00');
    expect(canCancel(start, 2, new Date('2026-05-01T06:59:59+08:00'))).toBe(true);
    expect(canCancel(start, 2, new Date('2026-05-01T07:00:00+08:00'))).toBe(true);
    expect(canCancel(start, 2, new Date('2026-05-01T07:00:01+08:00'))).toBe(false);
    expect(canCancel(start, 0, new Date('2026-05-01T09:00:01+08:00'))).toBe(false);
  });

  it('measures distance in the region tree', () => {
    expect(treeDistance('/c/d/s1/x/', '/c/d/s1/x/')).toBe(0);
    expect(treeDistance('/c/d/s1/x/', '/c/d/s1/y/')).toBe(1);
    expect(treeDistance('/c/d/s1/x/', '/c/d/s2/z/')).toBe(2);
    expect(treeDistance('/c/d/s1/x/', '/c/d/s1/')).toBe(1);
  });
});

describe('quota standing', () => {
  it('says what is done and left', () => {
    expect(standing(7.5, 10)).toEqual({ done: 7.5, required: 10, left: 2.5, met: false });
    expect(standing(12, 10)).toEqual({ done: 12, required: 10, left: 0, met: true });
    expect(reminderDue(0.7, 2 / 3, standing(3, 10))).toBe(true);
    expect(reminderDue(0.5, 2 / 3, standing(3, 10))).toBe(false);
    expect(reminderDue(0.9, 2 / 3, standing(10, 10))).toBe(false);
  });
});
