import { Tag } from 'antd';
import { useI18n } from '../lib/i18n/useI18n';
import type { UserStatus } from '../lib/types';

export function UserStatusTag({ status }: { status: UserStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={status === 'active' ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>
      {t(`status.${status}`)}
    </Tag>
  );
}
