import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Grid, Input, Pagination, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/useAuth';
import { useI18n } from '../../../lib/i18n/useI18n';
import { oneOf } from '../../../lib/params';
import type { Page } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { ExportButtons } from '../../../ui/ExportButtons';
import { HouseholdCardList } from '../components/HouseholdCardList';
import { HouseholdFormDrawer } from '../components/HouseholdFormDrawer';
import { HouseholdTags } from '../components/HouseholdTags';
import { LeadHouseholdTag } from '../components/LeadHouseholdTag';
import { ListFilters } from '../../../ui/ListFilters';
import { MaskedValue } from '../components/MaskedValue';
import { RegionSelect } from '../../../ui/RegionSelect';
import { RevealModal, type RevealTarget } from '../components/RevealModal';
import { HOUSEHOLD_TAG_COLORS, HOUSEHOLD_TAGS } from '../constants';
import { PAGE_SIZES, useListParams } from '../../../lib/useListParams';
import type { Household, HouseholdTagName } from '../types';

const SORT_FIELDS = ['address', 'headName', 'peopleCount', 'updatedAt'] as const;

/**
 * /directory/households: find a household by the head's name, pinyin initials, a phone tail or the
 * room number; filter by region, hardship tag and 党员中心户. Cards on a phone, where a community
 * worker looks households up at the door.
 */
export function HouseholdsPage() {
  const { t, formatDate } = useI18n();
  const { can } = useAuth();
  const canWrite = can('directory.household.write');
  const canReveal = can('directory.household.reveal');
  const canExport = can('directory.export');
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const list = useListParams(SORT_FIELDS);
  const { params, q, page, pageSize, sort, order, update } = list;
  const [editing, setEditing] = useState<Household | 'new' | null>(null);
  const [revealing, setRevealing] = useState<RevealTarget | null>(null);

  const regionId = params.get('regionId') ?? undefined;
  const tag = oneOf<HouseholdTagName>(params.get('tag'), HOUSEHOLD_TAGS);
  const lead = params.get('lead') === 'true' ? true : undefined;
  const filters = { q, regionId, tag, lead, sort, order };
  const households = useApi<Page<Household>>('/households', { ...filters, page, pageSize });
  const items = households.data?.items ?? [];
  const total = households.data?.total ?? 0;

  const reveal = (h: Household, field: 'phone' | 'idNumber') =>
    setRevealing({ path: `/households/${encodeURIComponent(h.id)}`, field, subject: h.headName });

  const columns: TableColumnsType<Household> = [
    {
      title: t('household.address'),
      dataIndex: 'address',
      sorter: true,
      sortOrder: list.sortOrder('address'),
      render: (address: string, h) => (
        <Link to={`/directory/households/${encodeURIComponent(h.id)}`} data-testid="household-link">
          {address}
        </Link>
      ),
    },
    {
      title: t('household.headName'),
      dataIndex: 'headName',
      sorter: true,
      sortOrder: list.sortOrder('headName'),
      render: (name: string, h) => (
        <span>
          {name} {h.isLeadHousehold && <LeadHouseholdTag />}
        </span>
      ),
    },
    {
      title: t('field.phone'),
      dataIndex: 'headPhoneMasked',
      render: (v: string | null, h) => <MaskedValue value={v} onReveal={canReveal ? () => reveal(h, 'phone') : undefined} />,
    },
    {
      title: t('member.idNumber'),
      dataIndex: 'headIdNumberMasked',
      render: (v: string | null, h) => <MaskedValue value={v} onReveal={canReveal ? () => reveal(h, 'idNumber') : undefined} />,
    },
    {
      title: t('household.peopleCount'),
      dataIndex: 'peopleCount',
      align: 'right',
      sorter: true,
      sortOrder: list.sortOrder('peopleCount'),
    },
    { title: t('household.tags'), dataIndex: 'tags', className: 'gj-wrap', render: (_, h) => <HouseholdTags tags={h.tags} /> },
    { title: t('member.grid'), dataIndex: 'gridName', render: (v: string | null) => v ?? '' },
    {
      title: t('common.updatedAt'),
      dataIndex: 'updatedAt',
      sorter: true,
      sortOrder: list.sortOrder('updatedAt'),
      render: (v: string) => formatDate(v),
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, h) => (
        <Button type="link" size="small" onClick={() => setEditing(h)} data-testid="household-edit">
          {t('common.edit')}
        </Button>
      ),
    });
  }

  const activeFilters = [regionId, tag, lead].filter(Boolean).length;

  return (
    <>
      <PageHeader
        title={t('household.title')}
        extra={
          <>
            {canExport && !phone && (
              <ExportButtons
                path="/households/export"
                query={filters}
                canFull={canReveal}
                fileName={t('household.title')}
                testIdPrefix="households"
              />
            )}
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="household-new">
                {t('household.new')}
              </Button>
            )}
          </>
        }
      />
      <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
        <ListFilters
          phone={phone}
          active={activeFilters}
          onReset={q || activeFilters || sort ? list.reset : undefined}
          data-testid="households-filters"
          search={
            <Input.Search
              key={q}
              defaultValue={q}
              allowClear
              enterKeyHint="search"
              autoCapitalize="off"
              autoCorrect="off"
              spellCheck={false}
              placeholder={t(phone ? 'household.searchPlaceholderShort' : 'household.searchPlaceholder')}
              onSearch={(value) => update({ q: value.trim() })}
              style={{ width: phone ? '100%' : 340 }}
              data-testid="households-search"
            />
          }
        >
          <RegionSelect
            value={regionId}
            onChange={(id) => update({ regionId: id })}
            placeholder={t('household.region')}
            style={{ width: phone ? '100%' : 200 }}
            data-testid="households-region-filter"
          />
          <Select<HouseholdTagName>
            allowClear
            placeholder={t('household.tag')}
            value={tag}
            onChange={(v) => update({ tag: v })}
            options={HOUSEHOLD_TAGS.map((name) => ({
              value: name,
              label: (
                <Tag color={HOUSEHOLD_TAG_COLORS[name]} style={{ marginInlineEnd: 0 }}>
                  {t(`householdTag.${name}`)}
                </Tag>
              ),
            }))}
            style={{ width: phone ? '100%' : 150 }}
            data-testid="households-tag-filter"
          />
          <Checkbox checked={lead === true} onChange={(e) => update({ lead: e.target.checked })} data-testid="households-lead-filter">
            {t('household.lead')}
          </Checkbox>
        </ListFilters>
        {households.error && <ErrorAlert error={households.error} onRetry={households.reload} />}
        {phone ? (
          <>
            {total > 0 && (
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8, fontSize: 12 }}>
                {t('common.total', { total })}
              </Typography.Text>
            )}
            <HouseholdCardList
              households={items}
              loading={households.loading}
              onReveal={canReveal ? (h) => reveal(h, 'phone') : undefined}
            />
            {total > pageSize && (
              <Pagination
                simple
                current={page}
                pageSize={pageSize}
                total={total}
                onChange={(p) => update({ page: p === 1 ? undefined : p })}
                style={{ marginTop: 12, textAlign: 'center' }}
              />
            )}
          </>
        ) : (
          <Table<Household>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={items}
            loading={households.loading}
            onChange={list.onTableChange}
            className="gj-table-nowrap"
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('household.empty') }}
            onRow={(h) => ({ onDoubleClick: () => void navigate(`/directory/households/${encodeURIComponent(h.id)}`) })}
            pagination={{
              current: page,
              pageSize,
              total,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              showTotal: (n) => t('common.total', { total: n }),
            }}
            data-testid="households-table"
          />
        )}
      </Card>
      <HouseholdFormDrawer
        open={editing !== null}
        household={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={(h) => {
          const created = editing === 'new';
          setEditing(null);
          if (created) void navigate(`/directory/households/${encodeURIComponent(h.id)}`);
          else households.reload();
        }}
      />
      <RevealModal target={revealing} onClose={() => setRevealing(null)} />
    </>
  );
}
