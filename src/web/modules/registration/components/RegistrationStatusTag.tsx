import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import { REGISTRATION_STATUS_COLORS } from '../constants';
import type { RegistrationStatus } from '../types';

export function RegistrationStatusTag({ status, 'data-testid': dataTestId }: { status: RegistrationStatus; 'data-testid'?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={REGISTRATION_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid={dataTestId}>
      {t(`registrationStatus.${status}`)}
    </Tag>
  );
}
