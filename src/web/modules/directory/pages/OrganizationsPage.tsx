import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Grid, Input, Pagination, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/useAuth';
import { useI18n } from '../../../lib/i18n/useI18n';
import { oneOf } from '../../../lib/params';
import type { Page } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { ListFilters } from '../../../ui/ListFilters';
import { OrganizationCardList } from '../components/OrganizationCardList';
import { OrganizationFormDrawer } from '../components/OrganizationFormDrawer';
import { ORGANIZATION_KINDS, SECTORS } from '../constants';
import { PAGE_SIZES, useListParams } from '../../../lib/useListParams';
import type { Organization, OrganizationKind, Sector } from '../types';

const SORT_FIELDS = ['name', 'memberCount', 'kind'] as const;

/** /directory/organizations: party organisations with search, kind and sector filters, paged on the server. */
export function OrganizationsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const canWrite = can('directory.organization.write');
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const list = useListParams(SORT_FIELDS);
  const { params, q, page, pageSize, sort, order, update } = list;
  const [creating, setCreating] = useState(false);

  const kind = oneOf<OrganizationKind>(params.get('kind'), ORGANIZATION_KINDS);
  const sector = oneOf<Sector>(params.get('sector'), SECTORS);
  const organizations = useApi<Page<Organization>>('/organizations', { q, kind, sector, sort, order, page, pageSize });
  const items = organizations.data?.items ?? [];
  const total = organizations.data?.total ?? 0;

  const columns: TableColumnsType<Organization> = [
    {
      title: t('organization.name'),
      dataIndex: 'name',
      sorter: true,
      sortOrder: list.sortOrder('name'),
      render: (name: string, o) => (
        <Link to={`/directory/organizations/${encodeURIComponent(o.id)}`} data-testid="organization-link">
          {name}
        </Link>
      ),
    },
    {
      title: t('organization.kind'),
      dataIndex: 'kind',
      sorter: true,
      sortOrder: list.sortOrder('kind'),
      render: (k: OrganizationKind) => <Tag style={{ marginInlineEnd: 0 }}>{t(`kind.organization.${k}`)}</Tag>,
    },
    { title: t('organization.sector'), dataIndex: 'sector', render: (s: Sector | null) => (s ? t(`sector.${s}`) : '') },
    { title: t('organization.region'), dataIndex: 'regionName', render: (v: string | null) => v ?? '' },
    { title: t('organization.parent'), dataIndex: 'parentName', render: (v: string | null) => v ?? '' },
    {
      title: t('organization.strengths'),
      dataIndex: 'strengths',
      className: 'gj-wrap',
      render: (strengths: string[]) => (
        <Space size={[4, 4]} wrap>
          {strengths.map((s) => (
            <Tag key={s} color="blue" style={{ marginInlineEnd: 0 }}>
              {s}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('organization.secretary'), dataIndex: 'secretaryName', render: (v: string | null) => v ?? '' },
    { title: t('organization.liaison'), dataIndex: 'liaisonName', render: (v: string | null) => v ?? '' },
    { title: t('organization.contactPhone'), dataIndex: 'contactPhoneMasked', render: (v: string | null) => v ?? '' },
    {
      title: t('organization.memberCount'),
      dataIndex: 'memberCount',
      align: 'right',
      sorter: true,
      sortOrder: list.sortOrder('memberCount'),
    },
  ];

  const activeFilters = [kind, sector].filter(Boolean).length;

  return (
    <>
      <PageHeader
        title={t('organization.title')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="organization-new">
              {t('organization.new')}
            </Button>
          )
        }
      />
      <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
        <ListFilters
          phone={phone}
          active={activeFilters}
          onReset={q || activeFilters || sort ? list.reset : undefined}
          data-testid="organizations-filters"
          search={
            <Input.Search
              key={q}
              defaultValue={q}
              allowClear
              enterKeyHint="search"
              placeholder={t('organization.searchPlaceholder')}
              onSearch={(value) => update({ q: value.trim() })}
              style={{ width: phone ? '100%' : 300 }}
              data-testid="organizations-search"
            />
          }
        >
          <Select<OrganizationKind>
            allowClear
            placeholder={t('organization.kind')}
            value={kind}
            onChange={(v) => update({ kind: v })}
            options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`kind.organization.${k}`) }))}
            style={{ width: phone ? '100%' : 150 }}
            popupMatchSelectWidth={false}
            data-testid="organizations-kind-filter"
          />
          <Select<Sector>
            allowClear
            placeholder={t('organization.sector')}
            value={sector}
            onChange={(v) => update({ sector: v })}
            options={SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) }))}
            style={{ width: phone ? '100%' : 140 }}
            popupMatchSelectWidth={false}
            data-testid="organizations-sector-filter"
          />
        </ListFilters>
        {organizations.error && <ErrorAlert error={organizations.error} onRetry={organizations.reload} />}
        {phone ? (
          <>
            {total > 0 && (
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8, fontSize: 12 }}>
                {t('common.total', { total })}
              </Typography.Text>
            )}
            <OrganizationCardList organizations={items} loading={organizations.loading} />
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
          <Table<Organization>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={items}
            loading={organizations.loading}
            onChange={list.onTableChange}
            className="gj-table-nowrap"
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('organization.empty') }}
            onRow={(o) => ({ onDoubleClick: () => void navigate(`/directory/organizations/${encodeURIComponent(o.id)}`) })}
            pagination={{
              current: page,
              pageSize,
              total,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              showTotal: (n) => t('common.total', { total: n }),
            }}
            data-testid="organizations-table"
          />
        )}
      </Card>
      <OrganizationFormDrawer
        open={creating}
        organization={null}
        onClose={() => setCreating(false)}
        onSaved={(o) => {
          setCreating(false);
          void navigate(`/directory/organizations/${encodeURIComponent(o.id)}`);
        }}
      />
    </>
  );
}
