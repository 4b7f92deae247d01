import { Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../lib/i18n/useI18n';
import type { Page } from '../lib/types';
import { useApi } from '../lib/useApi';
import { useDebounced } from '../lib/useDebounced';
import type { Member } from '../../contracts/directory';

/**
 * Finds a member by name, pinyin initials or a 4-digit phone/ID tail (GET /members?q=) and hands
 * the chosen one to `onPick`; the box empties again for the next one. Members in `exclude` are
 * not offered.
 */
export function MemberSelect({
  onPick,
  exclude = [],
  placeholder,
  'data-testid': dataTestId,
}: {
  onPick: (member: Member) => void;
  exclude?: readonly string[];
  placeholder?: string;
  'data-testid'?: string;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const found = useApi<Page<Member>>(q ? '/members' : null, { q, pageSize: 20, status: 'active' });
  const items = q ? (found.data?.items ?? []).filter((m) => !exclude.includes(m.id)) : [];

  return (
    <Select<string>
      data-testid={dataTestId}
      value={null}
      placeholder={placeholder ?? t('member.pickPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search, autoClearSearchValue: true }}
      loading={found.loading}
      notFoundContent={q ? (found.loading ? t('common.loading') : t('member.empty')) : t('member.typeToSearch')}
      onChange={(id) => {
        const member = items.find((m) => m.id === id);
        setSearch('');
        if (member) onPick(member);
      }}
      options={items.map((m) => ({ value: m.id, label: m.name, member: m }))}
      optionRender={(option) => {
        const m = (option.data as { member: Member }).member;
        const detail = [m.phoneMasked, m.employerName, m.residenceName].filter(Boolean).join(' · ');
        return (
          <Flex vertical gap={0}>
            <span>{m.name}</span>
            {detail && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {detail}
              </Typography.Text>
            )}
          </Flex>
        );
      }}
      style={{ width: '100%' }}
    />
  );
}
