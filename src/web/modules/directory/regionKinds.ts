import { REGION_KINDS } from './constants';
import type { RegionKind } from './types';

/** The kind of a region's children (street → community), or null below the last level. */
export function childKindOf(kind: RegionKind): RegionKind | null {
  return REGION_KINDS[REGION_KINDS.indexOf(kind) + 1] ?? null;
}

/** The kind of a region's parent (community → street), or null at the top. */
export function parentKindOf(kind: RegionKind): RegionKind | null {
  const index = REGION_KINDS.indexOf(kind);
  return index > 0 ? (REGION_KINDS[index - 1] ?? null) : null;
}
