import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import { SIGNUP_STATUS_COLORS } from '../constants';
import type { SignupStatus } from '../types';

/** A sign-up's status; a waitlisted one with its place in the queue (第 3 位). */
export function SignupStatusTag({ status, position }: { status: SignupStatus; position?: number | null }) {
  const { t } = useI18n();
  return (
    <Tag color={SIGNUP_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="signup-status" data-status={status}>
      {status === 'waitlisted' && position ? t('signupStatus.waitlistedAt', { position }) : t(`signupStatus.${status}`)}
    </Tag>
  );
}
