import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import { HOUR_REQUEST_STATUS_COLORS } from '../constants';
import type { HourRequestStatus } from '../types';

/** 待审核 / 已通过 / 未通过 of a supplementary entry or a correction request. */
export function HourRequestStatusTag({ status }: { status: HourRequestStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={HOUR_REQUEST_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-status={status}>
      {t(`hourRequestStatus.${status}`)}
    </Tag>
  );
}
