import type { MissingEntry } from './types';

/** A stable React key for a row of the not-yet-reported list. */
export function missingKey(e: MissingEntry): string {
  return e.kind === 'member' ? `m:${e.memberId ?? ''}:${e.communityId ?? ''}` : `u:${e.unitOrgId ?? ''}:${e.communityId ?? ''}`;
}
