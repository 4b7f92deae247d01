import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';

/** How near an activity is to where the member lives (the tree distance the server gives). */
export function DistanceTag({ distance }: { distance: number | null }) {
  const { t } = useI18n();
  if (distance === null) return null;
  const label = distance === 0 ? t('activities.near.0') : distance === 1 ? t('activities.near.1') : t('activities.near.n');
  return (
    <Tag color={distance === 0 ? 'green' : distance === 1 ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
      {label}
    </Tag>
  );
}
