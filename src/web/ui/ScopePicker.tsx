import { Flex, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../lib/i18n/useI18n';
import type { ItemList, ScopeOption, ScopeSearchType } from '../lib/types';
import { useApi } from '../lib/useApi';
import { useDebounced } from '../lib/useDebounced';

interface ScopePickerProps {
  type: ScopeSearchType;
  value?: string;
  onChange?: (id: string | undefined, scope: ScopeOption | undefined) => void;
  placeholder?: string;
  id?: string;
  'data-testid'?: string;
}

/**
 * Picks a region or an organisation by typing part of its name (GET /scopes?q=&type=).
 * Each option shows where it sits: 临江市 / 东城街道 / 幸福社区.
 */
export function ScopePicker({ type, value, onChange, placeholder, id, 'data-testid': dataTestId }: ScopePickerProps) {
  const { t, tName } = useI18n();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<ScopeOption | undefined>(undefined);
  const q = useDebounced(search.trim(), 250);
  const found = useApi<ItemList<ScopeOption>>(open || q ? '/scopes' : null, { q, type });

  const items = found.data?.items.filter((s) => s.type === type) ?? [];
  if (picked && picked.id === value && !items.some((s) => s.id === picked.id)) items.unshift(picked);

  return (
    <Select<string>
      id={id}
      data-testid={dataTestId}
      value={value}
      placeholder={placeholder ?? t('roles.scopePlaceholder')}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      onOpenChange={setOpen}
      loading={found.loading}
      notFoundContent={found.loading ? t('common.loading') : t('roles.scopeEmpty')}
      onChange={(next) => {
        const scope = items.find((s) => s.id === next);
        setPicked(scope);
        setSearch('');
        onChange?.(next, scope);
      }}
      options={items.map((s) => ({ value: s.id, label: s.name, scope: s }))}
      optionRender={(option) => {
        const scope = (option.data as { scope: ScopeOption }).scope;
        const path = scope.pathNames.length > 1 ? scope.pathNames.slice(0, -1).join(' / ') : '';
        return (
          <Flex vertical gap={0}>
            <Flex justify="space-between" gap="small" align="center">
              <span>{scope.name}</span>
              <Tag style={{ marginInlineEnd: 0 }}>{tName(`kind.${scope.type}`, scope.kind)}</Tag>
            </Flex>
            {path && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {path}
              </Typography.Text>
            )}
          </Flex>
        );
      }}
      style={{ width: '100%' }}
    />
  );
}
