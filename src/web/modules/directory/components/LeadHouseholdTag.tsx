import { StarFilled } from '@ant-design/icons';
import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';

/** 党员中心户: a household a party member keeps in touch with the neighbours for. */
export function LeadHouseholdTag() {
  const { t } = useI18n();
  return (
    <Tag color="red" icon={<StarFilled />} style={{ marginInlineEnd: 0 }}>
      {t('household.lead')}
    </Tag>
  );
}
