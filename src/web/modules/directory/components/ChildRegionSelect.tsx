import { Select } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { ItemList } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import type { Region } from '../types';

/**
 * Picks one of the regions directly below `parentId` (the grids of a community, the buildings of
 * a grid). Disabled until the parent is chosen.
 */
export function ChildRegionSelect({
  parentId,
  value,
  onChange,
  valueLabel,
  placeholder,
  id,
  'data-testid': dataTestId,
}: {
  parentId: string | null | undefined;
  value?: string | null;
  onChange?: (id: string | null) => void;
  valueLabel?: string | null;
  placeholder?: string;
  id?: string;
  'data-testid'?: string;
}) {
  const { t } = useI18n();
  const children = useApi<ItemList<Region>>(parentId ? '/regions' : null, { parentId: parentId ?? undefined });
  const items = parentId ? (children.data?.items ?? []) : [];
  const options = items.map((r) => ({ value: r.id, label: r.name }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: valueLabel ?? value });

  return (
    <Select<string>
      id={id}
      data-testid={dataTestId}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={options}
      allowClear
      disabled={!parentId}
      loading={children.loading}
      placeholder={placeholder}
      showSearch={{ optionFilterProp: 'label' }}
      notFoundContent={children.loading ? t('common.loading') : t('region.noneFound')}
      style={{ width: '100%' }}
    />
  );
}
