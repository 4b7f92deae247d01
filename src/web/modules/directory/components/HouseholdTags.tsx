import { Space, Tag, Tooltip, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import { HOUSEHOLD_TAG_COLORS, HOUSEHOLD_TAGS } from '../constants';
import type { HouseholdTag } from '../types';

/** A household's hardship tags as coloured tags; the date each was verified is in its tooltip. */
export function HouseholdTags({ tags, empty = false }: { tags: HouseholdTag[]; empty?: boolean }) {
  const { t, formatDate } = useI18n();
  if (tags.length === 0) return empty ? <Typography.Text type="secondary">{t('common.none')}</Typography.Text> : null;
  const sorted = [...tags].sort((a, b) => HOUSEHOLD_TAGS.indexOf(a.tag) - HOUSEHOLD_TAGS.indexOf(b.tag));
  return (
    <Space size={[4, 4]} wrap>
      {sorted.map((tag) => (
        <Tooltip
          key={tag.tag}
          title={tag.verifiedOn ? t('household.verifiedOn', { date: formatDate(tag.verifiedOn) }) : t('household.notVerified')}
        >
          <Tag color={HOUSEHOLD_TAG_COLORS[tag.tag]} style={{ marginInlineEnd: 0 }} data-testid={`household-tag-${tag.tag}`}>
            {t(`householdTag.${tag.tag}`)}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}
