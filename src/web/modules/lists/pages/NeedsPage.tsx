import { DesktopOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, Input, Pagination, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth, useCurrentUser } from '../../../app/useAuth';
import { useI18n } from '../../../lib/i18n/useI18n';
import { oneOf } from '../../../lib/params';
import type { Page } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { ListFilters } from '../../directory/components/ListFilters';
import { RegionSelect } from '../../directory/components/RegionSelect';
import { PAGE_SIZES } from '../../directory/constants';
import { useListParams } from '../../directory/hooks/useListParams';
import { CategoryTag } from '../components/CategoryTag';
import { NeedCardList } from '../components/NeedCardList';
import { NeedFormDrawer } from '../components/NeedFormDrawer';
import { PriorityTag } from '../components/PriorityTag';
import { StatusTag } from '../components/StatusTag';
import { NEED_CATEGORIES, NEED_STATUSES } from '../constants';
import { ownCommunities } from '../scopes';
import type { Need, NeedCategory, NeedStatus } from '../types';

const SORT_FIELDS: readonly never[] = [];

/**
 * /lists/needs: the needs (需求清单) the caller may see — a community's own, a unit's paired
 * communities and its street's alliance, everything below a street or the supervisor. Community
 * staff draft new needs here and open their community's wall screen.
 */
export function NeedsPage() {
  const { t, formatDate } = useI18n();
  const { can } = useAuth();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const list = useListParams(SORT_FIELDS);
  const { params, page, pageSize, update } = list;
  const q = list.q;
  const [creating, setCreating] = useState(false);

  const status = oneOf<NeedStatus>(params.get('status'), NEED_STATUSES);
  const category = oneOf<NeedCategory>(params.get('category'), NEED_CATEGORIES);
  const regionId = params.get('regionId') ?? undefined;
  const needs = useApi<Page<Need>>('/lists/needs', { q, status, category, regionId, page, pageSize });
  const items = needs.data?.items ?? [];
  const total = needs.data?.total ?? 0;
  const own = ownCommunities(user);

  const columns: TableColumnsType<Need> = [
    {
      title: t('lists.need.title'),
      dataIndex: 'title',
      render: (title: string, n) => (
        <Flex vertical gap={2}>
          <Link to={`/lists/needs/${encodeURIComponent(n.id)}`} data-testid="need-link">
            <Typography.Text strong>{title}</Typography.Text>
          </Link>
          {n.beneficiaries && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {n.beneficiaries}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: t('lists.community'), dataIndex: 'communityName' },
    {
      title: t('lists.category'),
      dataIndex: 'category',
      render: (c: NeedCategory, n) => (
        <Flex gap={4} wrap>
          <CategoryTag category={c} />
          <PriorityTag priority={n.priority} />
        </Flex>
      ),
    },
    {
      title: t('lists.need.size'),
      key: 'size',
      render: (_, n) =>
        [n.peopleNeeded !== null ? t('lists.need.people', { n: n.peopleNeeded }) : null, n.budgetYuan !== null ? t('lists.yuan', { n: n.budgetYuan.toLocaleString() }) : null, n.materials]
          .filter(Boolean)
          .join(' · '),
    },
    {
      title: t('lists.need.window'),
      key: 'window',
      render: (_, n) => (n.startsOn || n.endsOn ? t('lists.dateRange', { from: formatDate(n.startsOn), to: formatDate(n.endsOn) }) : ''),
    },
    { title: t('field.status'), dataIndex: 'status', render: (s: NeedStatus) => <StatusTag of="need" status={s} /> },
    { title: t('lists.need.projects'), dataIndex: 'projectCount', align: 'right' },
    { title: t('lists.publishedAt'), dataIndex: 'publishedAt', render: (v: string | null) => formatDate(v) },
  ];

  const activeFilters = [status, category, regionId].filter(Boolean).length;
  const wallCommunity = own[0];

  return (
    <>
      <PageHeader
        title={t('lists.need.listTitle')}
        extra={
          <>
            {wallCommunity && (
              <Link to={`/wall/lists/${encodeURIComponent(wallCommunity.id)}`} target="_blank" data-testid="needs-wall">
                <Button icon={<DesktopOutlined />}>{t('lists.wall.open')}</Button>
              </Link>
            )}
            {can('lists.need.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="need-new">
                {t('lists.need.new')}
              </Button>
            )}
          </>
        }
      />
      <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
        <ListFilters
          phone={phone}
          active={activeFilters}
          onReset={activeFilters || q ? list.reset : undefined}
          search={
            <Input.Search
              key={q}
              defaultValue={q}
              allowClear
              enterKeyHint="search"
              onSearch={(value) => update({ q: value.trim() })}
              placeholder={t('lists.need.searchPlaceholder')}
              style={{ width: phone ? '100%' : 240 }}
              data-testid="needs-search"
            />
          }
        >
          <Select<NeedStatus>
            allowClear
            placeholder={t('lists.allStatuses')}
            value={status}
            onChange={(v) => update({ status: v })}
            options={NEED_STATUSES.map((s) => ({ value: s, label: t(`lists.needStatus.${s}`) }))}
            style={{ width: phone ? '100%' : 130 }}
            data-testid="needs-status-filter"
          />
          <Select<NeedCategory>
            allowClear
            placeholder={t('lists.allCategories')}
            value={category}
            onChange={(v) => update({ category: v })}
            options={NEED_CATEGORIES.map((c) => ({ value: c, label: t(`lists.category.${c}`) }))}
            style={{ width: phone ? '100%' : 140 }}
            data-testid="needs-category-filter"
          />
          {can('directory.region.read') && own.length !== 1 && (
            <RegionSelect
              value={regionId}
              onChange={(id) => update({ regionId: id })}
              kinds={['city', 'district', 'street', 'community']}
              deepest="community"
              placeholder={t('lists.region')}
              style={{ width: phone ? '100%' : 190 }}
            />
          )}
        </ListFilters>
        {needs.error && <ErrorAlert error={needs.error} onRetry={needs.reload} />}
        {phone ? (
          <>
            {total > 0 && (
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8, fontSize: 12 }}>
                {t('common.total', { total })}
              </Typography.Text>
            )}
            <NeedCardList needs={items} loading={needs.loading} />
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
          <Table<Need>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={items}
            loading={needs.loading}
            onChange={list.onTableChange}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('lists.need.empty') }}
            pagination={{
              current: page,
              pageSize,
              total,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              showTotal: (n) => t('common.total', { total: n }),
            }}
            data-testid="needs-table"
          />
        )}
      </Card>
      <NeedFormDrawer
        open={creating}
        need={null}
        onClose={() => setCreating(false)}
        onSaved={(n) => {
          setCreating(false);
          void navigate(`/lists/needs/${encodeURIComponent(n.id)}`);
        }}
      />
    </>
  );
}
