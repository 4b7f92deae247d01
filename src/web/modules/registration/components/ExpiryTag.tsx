import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import { isExpiring } from '../expiring';
import type { Agreement } from '../types';

/** `还有 12 天到期` on an agreement in force whose term ends within 30 days; nothing otherwise. */
export function ExpiryTag({ agreement }: { agreement: Pick<Agreement, 'status' | 'daysLeft'> }) {
  const { t } = useI18n();
  if (!isExpiring(agreement) || agreement.daysLeft === null) return null;
  return (
    <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="agreement-expiring">
      {agreement.daysLeft <= 0 ? t('agreement.endsToday') : t('agreement.daysLeft', { n: agreement.daysLeft })}
    </Tag>
  );
}
