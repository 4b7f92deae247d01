/** Who may sign up for an activity, and whether a sign-up may still be cancelled. */

export type Eligibility = 'community_members' | 'unit_members' | 'anyone';

export interface MemberPlaces {
  /** Region paths of the communities the member lives in or has reported in to. */
  communityPaths: readonly string[];
  /** Organisation path of the member's employer (unit), if any. */
  employerPath: string | null;
}

export interface ActivityPlaces {
  eligibility: Eligibility;
  regionPath: string;
  ownerOrgPath: string | null;
}

export function isEligible(member: MemberPlaces, activity: ActivityPlaces): boolean {
  switch (activity.eligibility) {
    case 'anyone':
      return true;
    case 'community_members':
      return member.communityPaths.some((p) => p.startsWith(activity.regionPath));
    case 'unit_members':
      return activity.ownerOrgPath !== null && member.employerPath !== null && member.employerPath.startsWith(activity.ownerOrgPath);
  }
}

/** A sign-up may be cancelled until `deadlineHours` before the start. */
export function canCancel(startsAt: Date, deadlineHours: number, now: Date): boolean {
  return now.getTime() <= startsAt.getTime() - deadlineHours * 3_600_000;
}

/** Tree distance between two region paths: steps up from `from` to the common ancestor (0 = same or inside). */
export function treeDistance(from: string, to: string): number {
  const a = from.split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return a.length - common;
}
