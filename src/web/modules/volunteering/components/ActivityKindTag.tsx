import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import { ACTIVITY_KIND_COLORS } from '../constants';
import type { ActivityKind } from '../types';

/** The kind of an activity (党日, 讲座, 志愿服务…) as a coloured tag. */
export function ActivityKindTag({ kind }: { kind: ActivityKind }) {
  const { t } = useI18n();
  return (
    <Tag color={ACTIVITY_KIND_COLORS[kind]} style={{ marginInlineEnd: 0 }}>
      {t(`activityKind.${kind}`)}
    </Tag>
  );
}
