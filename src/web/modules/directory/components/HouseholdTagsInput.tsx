import { Checkbox, DatePicker, Flex, Tag } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../lib/i18n/useI18n';
import { HOUSEHOLD_TAG_COLORS, HOUSEHOLD_TAGS } from '../constants';
import type { HouseholdTag, HouseholdTagName } from '../types';

const DAY = 'YYYY-MM-DD';

/**
 * Edits a household's hardship tags (a form control): tick a tag, then give the date it was
 * verified. The whole list replaces the household's tags when saved.
 */
export function HouseholdTagsInput({
  value = [],
  onChange,
  id,
}: {
  value?: HouseholdTag[];
  onChange?: (tags: HouseholdTag[]) => void;
  id?: string;
}) {
  const { t } = useI18n();
  const byTag = new Map(value.map((v) => [v.tag, v]));

  const toggle = (tag: HouseholdTagName, on: boolean) => {
    const rest = value.filter((v) => v.tag !== tag);
    onChange?.(on ? [...rest, { tag, verifiedOn: dayjs().format(DAY) }] : rest);
  };
  const setDate = (tag: HouseholdTagName, date: string | null) =>
    onChange?.(value.map((v) => (v.tag === tag ? { ...v, verifiedOn: date } : v)));

  return (
    <Flex vertical gap={6} id={id} data-testid="household-tags-input">
      {HOUSEHOLD_TAGS.map((tag) => {
        const current = byTag.get(tag);
        return (
          <Flex key={tag} align="center" justify="space-between" gap="small" wrap style={{ minHeight: 32 }}>
            <Checkbox checked={current !== undefined} onChange={(e) => toggle(tag, e.target.checked)} data-testid={`tag-check-${tag}`}>
              <Tag color={current ? HOUSEHOLD_TAG_COLORS[tag] : 'default'} style={{ marginInlineEnd: 0 }}>
                {t(`householdTag.${tag}`)}
              </Tag>
            </Checkbox>
            {current && (
              <DatePicker
                size="small"
                format={[t('format.date'), DAY]}
                value={current.verifiedOn ? dayjs(current.verifiedOn) : null}
                onChange={(d) => setDate(tag, d ? d.format(DAY) : null)}
                placeholder={t('household.verifiedOnLabel')}
                disabledDate={(d) => d.isAfter(dayjs(), 'day')}
                style={{ width: 160 }}
                aria-label={t('household.verifiedOnLabel')}
              />
            )}
          </Flex>
        );
      })}
    </Flex>
  );
}
