import { Tag } from 'antd';
import { useI18n } from '../lib/i18n/useI18n';
import type { RegionKind } from '../../contracts/directory';

const REGION_KIND_COLORS: Record<RegionKind | 'village', string> = {
  city: 'red',
  district: 'volcano',
  street: 'orange',
  community: 'blue',
  village: 'green',
  grid: 'geekblue',
  building: 'default',
};

/** `社区`, `村`, `网格`…: the kind of a region as a small coloured tag (a village community reads 村). */
export function RegionKindTag({ kind, village = false }: { kind: RegionKind; village?: boolean }) {
  const { t } = useI18n();
  const key = village && kind === 'community' ? 'village' : kind;
  return (
    <Tag color={REGION_KIND_COLORS[key]} style={{ marginInlineEnd: 0 }}>
      {t(`kind.region.${key}`)}
    </Tag>
  );
}
