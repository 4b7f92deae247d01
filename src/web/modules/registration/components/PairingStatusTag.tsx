import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import { PAIRING_STATUS_COLORS } from '../constants';
import type { PairingStatus } from '../types';

export function PairingStatusTag({ status }: { status: PairingStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={PAIRING_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`pairingStatus.${status}`)}
    </Tag>
  );
}
