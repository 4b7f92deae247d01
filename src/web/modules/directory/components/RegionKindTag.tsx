import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import { REGION_KIND_COLORS } from '../constants';
import type { RegionKind } from '../types';

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
