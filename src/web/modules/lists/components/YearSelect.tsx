import { Select } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import { thisYear } from '../scopes';

/** Picks the programme year: this year, the two before it and the next. */
export function YearSelect({ value, onChange, 'data-testid': dataTestId }: { value: number; onChange: (year: number) => void; 'data-testid'?: string }) {
  const { t } = useI18n();
  const now = thisYear();
  const years = [now + 1, now, now - 1, now - 2];
  if (!years.includes(value)) years.push(value);
  return (
    <Select<number>
      value={value}
      onChange={onChange}
      options={years.sort((a, b) => b - a).map((y) => ({ value: y, label: t('lists.yearLabel', { year: y }) }))}
      style={{ width: 110 }}
      data-testid={dataTestId}
    />
  );
}
