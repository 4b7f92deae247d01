import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth, useCurrentUser } from '../../../app/useAuth';
import { useI18n } from '../../../lib/i18n/useI18n';
import { oneOf } from '../../../lib/params';
import type { Page } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { useListParams } from '../../../lib/useListParams';
import { EnumFilter, SwitchFilter } from '../../../ui/FilterControls';
import { ListPage } from '../../../ui/ListPage';
import { CategoryTag } from '../components/CategoryTag';
import { ResourceCard } from '../components/ResourceCard';
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

  return (
    <ListPage<Resource>
      title={t('lists.resource.listTitle')}
      actions={
        can('lists.resource.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="resource-new">
            {t('lists.resource.new')}
          </Button>
        )
      }
      list={list}
      result={resources}
      columns={columns}
      renderCard={(r) => <ResourceCard resource={r} />}
      search={{ placeholder: t('lists.resource.searchPlaceholder') }}
      empty={t('lists.resource.empty')}
      testId="resources"
      filters={
        <>
          <EnumFilter list={list} param="kind" values={RESOURCE_KINDS} label={(k) => t(`lists.resourceKind.${k}`)} placeholder={t('lists.resource.allKinds')} width={120} />
          <EnumFilter list={list} param="category" values={NEED_CATEGORIES} label={(c) => t(`lists.category.${c}`)} placeholder={t('lists.allCategories')} width={140} />
          <EnumFilter list={list} param="status" values={RESOURCE_STATUSES} label={(r) => t(`lists.resourceStatus.${r}`)} placeholder={t('lists.allStatuses')} width={120} />
          {units.length === 1 && (
            <SwitchFilter checked={onlyMine} onChange={(v) => update({ all: !v })} label={t('lists.resource.onlyMine')} data-testid="resources-only-mine" />
          )}
        </>
      }
    >
      <ResourceFormDrawer
        open={creating}
        resource={null}
        onClose={() => setCreating(false)}
        onSaved={(r) => {
          setCreating(false);
          void navigate(`/lists/resources/${encodeURIComponent(r.id)}`);
        }}
      />
    </ListPage>
  );
}
