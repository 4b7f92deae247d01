import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import { MEMBER_STATUS_COLORS } from '../constants';
import type { MemberStatus } from '../types';

export function MemberStatusTag({ status }: { status: MemberStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={MEMBER_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`memberStatus.${status}`)}
    </Tag>
  );
}
