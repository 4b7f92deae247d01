import { Flex, Select, Tag, Typography } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useI18n } from '../lib/i18n/useI18n';
import type { Page } from '../lib/types';
import { useApi } from '../lib/useApi';
import { useDebounced } from '../lib/useDebounced';
import type { Organization, OrganizationKind } from '../../contracts/directory';

/**
 * Picks a party organisation by typing part of its name (GET /organizations?q=), e.g. the employer
 * of a member or the owner of a volunteer team. Each option shows its kind and where it sits.
 */
export function OrganizationSelect({
  value,
  onChange,
  kind,
  valueLabel,
  placeholder,
  disabled,
  id,
  style,
  'data-testid': dataTestId,
}: {
  value?: string | null;
  onChange?: (id: string | null, organization: Organization | undefined) => void;
  kind?: OrganizationKind;
  /** The name to show for the current value before a search has found it. */
  valueLabel?: string | null;
  placeholder?: string;
  disabled?: boolean;
  id?: string;
  style?: CSSProperties;
  'data-testid'?: string;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<Organization | undefined>(undefined);
  const q = useDebounced(search.trim(), 250);
  const found = useApi<Page<Organization>>(open || q ? '/organizations' : null, { q, kind, pageSize: 20, sort: 'name' });

  const items = [...(found.data?.items ?? [])];
  if (picked && picked.id === value && !items.some((o) => o.id === picked.id)) items.unshift(picked);
  const current = value ? items.find((o) => o.id === value) : undefined;
  const fetched = useApi<Organization>(value && !current && !valueLabel ? `/organizations/${encodeURIComponent(value)}` : null);

  const options = items.map((o) => ({ value: o.id, label: o.name, organization: o as Organization | undefined }));
  if (value && !current) {
    const name = valueLabel ?? (fetched.data?.id === value ? fetched.data.name : undefined) ?? value;
    options.unshift({ value, label: name, organization: fetched.data?.id === value ? fetched.data : undefined });
  }

  return (
    <Select<string>
      id={id}
      data-testid={dataTestId}
      value={value ?? undefined}
      disabled={disabled}
      placeholder={placeholder ?? t('organization.pickPlaceholder')}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      onOpenChange={setOpen}
      loading={found.loading}
      notFoundContent={found.loading ? t('common.loading') : t('organization.noneFound')}
      onChange={(next) => {
        const organization = options.find((o) => o.value === next)?.organization;
        setPicked(organization);
        setSearch('');
        onChange?.(next ?? null, organization);
      }}
      options={options}
      optionRender={(option) => {
        const o = (option.data as { organization?: Organization }).organization;
        if (!o) return option.label;
        const where = o.regionName ?? o.parentName;
        return (
          <Flex vertical gap={0}>
            <Flex justify="space-between" gap="small" align="center">
              <span style={{ whiteSpace: 'normal' }}>{o.name}</span>
              <Tag style={{ marginInlineEnd: 0 }}>{t(`kind.organization.${o.kind}`)}</Tag>
            </Flex>
            {where && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {where}
              </Typography.Text>
            )}
          </Flex>
        );
      }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'calc(100vw - 16px)', minWidth: 260 } } }}
      style={{ width: '100%', ...style }}
    />
  );
}
