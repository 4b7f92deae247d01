import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useCycles } from '../hooks/useCycles';

/** Picks a registration cycle (报到周期); the current one is marked. Empty = the server's default. */
export function CycleSelect({
  value,
  onChange,
  placeholder,
  style,
  'data-testid': dataTestId,
}: {
  value?: string;
  onChange: (cycleId: string | undefined) => void;
  placeholder?: string;
  style?: CSSProperties;
  'data-testid'?: string;
}) {
  const { t } = useI18n();
  const cycles = useCycles();
  return (
    <Select<string>
      allowClear
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      loading={cycles.loading}
      placeholder={placeholder ?? t('cycle.pick')}
      options={cycles.items.map((c) => ({ value: c.id, label: c.current ? t('cycle.currentName', { name: c.name }) : c.name }))}
      style={style}
      data-testid={dataTestId}
    />
  );
}
