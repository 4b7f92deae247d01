import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, Input, Pagination, Select, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
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
import { PAGE_SIZES } from '../../directory/constants';
import { useListParams } from '../../directory/hooks/useListParams';
import { CategoryTag } from '../components/CategoryTag';
import { ResourceCardList } from '../components/ResourceCardList';
import { ResourceFormDrawer } from '../components/ResourceFormDrawer';
import { StatusTag } from '../components/StatusTag';
import { NEED_CATEGORIES, RESOURCE_KINDS, RESOURCE_STATUSES } from '../constants';
import { ownUnits } from '../scopes';
import type { NeedCategory, Resource, ResourceKind, ResourceStatus } from '../types';

const SORT_FIELDS: readonly never[] = [];

/**
 * /lists/resources: what units can give (资源清单) — people with skills, services, venues,
 * equipment, funds. A unit's admin publishes and edits the unit's own ("only mine" starts on).
 */
export function ResourcesPage() {
  const { t, formatDate } = useI18n();
  const { can } = useAuth();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const list = useListParams(SORT_FIELDS);
  const { params, page, pageSize, update, q } = list;
  const [creating, setCreating] = useState(false);
  const units = ownUnits(user);

  const kind = oneOf<ResourceKind>(params.get('kind'), RESOURCE_KINDS);
  const category = oneOf<NeedCategory>(params.get('category'), NEED_CATEGORIES);
  const status = oneOf<ResourceStatus>(params.get('status'), RESOURCE_STATUSES);
  // A unit admin starts on the unit's own resources; ?all=true shows everyone's.
  const onlyMine = units.length === 1 && params.get('all') !== 'true';
  const resources = useApi<Page<Resource>>('/lists/resources', {
    q,
    kind,
    category,
    status,
    unitOrgId: onlyMine ? units[0]!.id : undefined,
    page,
    pageSize,
  });
  const items = resources.data?.items ?? [];
  const total = resources.data?.total ?? 0;

  const columns: TableColumnsType<Resource> = [
    {
      title: t('lists.resource.title'),
      dataIndex: 'title',
      render: (title: string, r) => (
        <Flex vertical gap={2}>
          <Link to={`/lists/resources/${encodeURIComponent(r.id)}`} data-testid="resource-link">
            <Typography.Text strong>{title}</Typography.Text>
          </Link>
          {r.skills.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.skills.join('、')}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: t('lists.unit'), dataIndex: 'unitName' },
    { title: t('lists.resource.kind'), dataIndex: 'kind', render: (k: ResourceKind) => <Tag>{t(`lists.resourceKind.${k}`)}</Tag> },
    { title: t('lists.resource.category'), dataIndex: 'category', render: (c: NeedCategory) => <CategoryTag category={c} /> },
    {
      title: t('lists.resource.quantity'),
      dataIndex: 'quantity',
      align: 'right',
      render: (n: number | null, r) => (n === null ? '' : r.kind === 'funds' ? t('lists.yuan', { n: n.toLocaleString() }) : n),
    },
    {
      title: t('lists.resource.available'),
      key: 'available',
      render: (_, r) =>
        [r.availableFrom || r.availableUntil ? t('lists.dateRange', { from: formatDate(r.availableFrom), to: formatDate(r.availableUntil) }) : null, r.availabilityNote]
          .filter(Boolean)
          .join(' · '),
    },
    { title: t('field.status'), dataIndex: 'status', render: (s: ResourceStatus) => <StatusTag of="resource" status={s} /> },
  ];

  const activeFilters = [kind, category, status].filter(Boolean).length;

  return (
    <>
      <PageHeader
        title={t('lists.resource.listTitle')}
        extra={
          can('lists.resource.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="resource-new">
              {t('lists.resource.new')}
            </Button>
          )
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
              placeholder={t('lists.resource.searchPlaceholder')}
              style={{ width: phone ? '100%' : 240 }}
              data-testid="resources-search"
            />
          }
        >
          <Select<ResourceKind>
            allowClear
            placeholder={t('lists.resource.allKinds')}
            value={kind}
            onChange={(v) => update({ kind: v })}
            options={RESOURCE_KINDS.map((k) => ({ value: k, label: t(`lists.resourceKind.${k}`) }))}
            style={{ width: phone ? '100%' : 120 }}
          />
          <Select<NeedCategory>
            allowClear
            placeholder={t('lists.allCategories')}
            value={category}
            onChange={(v) => update({ category: v })}
            options={NEED_CATEGORIES.map((c) => ({ value: c, label: t(`lists.category.${c}`) }))}
            style={{ width: phone ? '100%' : 140 }}
          />
          <Select<ResourceStatus>
            allowClear
            placeholder={t('lists.allStatuses')}
            value={status}
            onChange={(v) => update({ status: v })}
            options={RESOURCE_STATUSES.map((s) => ({ value: s, label: t(`lists.resourceStatus.${s}`) }))}
            style={{ width: phone ? '100%' : 120 }}
          />
          {units.length === 1 && (
            <Flex align="center" gap={6}>
              <Switch checked={onlyMine} onChange={(v) => update({ all: !v })} size="small" data-testid="resources-only-mine" />
              <Typography.Text>{t('lists.resource.onlyMine')}</Typography.Text>
            </Flex>
          )}
        </ListFilters>
        {resources.error && <ErrorAlert error={resources.error} onRetry={resources.reload} />}
        {phone ? (
          <>
            {total > 0 && (
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8, fontSize: 12 }}>
                {t('common.total', { total })}
              </Typography.Text>
            )}
            <ResourceCardList resources={items} loading={resources.loading} />
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
          <Table<Resource>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={items}
            loading={resources.loading}
            onChange={list.onTableChange}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('lists.resource.empty') }}
            pagination={{
              current: page,
              pageSize,
              total,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              showTotal: (n) => t('common.total', { total: n }),
            }}
            data-testid="resources-table"
          />
        )}
      </Card>
      <ResourceFormDrawer
        open={creating}
        resource={null}
        onClose={() => setCreating(false)}
        onSaved={(r) => {
          setCreating(false);
          void navigate(`/lists/resources/${encodeURIComponent(r.id)}`);
        }}
      />
    </>
  );
}
