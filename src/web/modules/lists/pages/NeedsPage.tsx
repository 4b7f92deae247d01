import { DesktopOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth, useCurrentUser } from '../../../app/useAuth';
import { useI18n } from '../../../lib/i18n/useI18n';
import { oneOf } from '../../../lib/params';
import type { Page } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { useListParams } from '../../../lib/useListParams';
import { EnumFilter } from '../../../ui/FilterControls';
import { ListPage } from '../../../ui/ListPage';
import { RegionSelect } from '../../../ui/RegionSelect';
import { usePhone } from '../../../ui/usePhone';
import { CategoryTag } from '../components/CategoryTag';
import { NeedCard } from '../components/NeedCard';
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
  const phone = usePhone();
  const list = useListParams(SORT_FIELDS);
  const { params, page, pageSize, update, q } = list;
  const [creating, setCreating] = useState(false);

  const status = oneOf<NeedStatus>(params.get('status'), NEED_STATUSES);
  const category = oneOf<NeedCategory>(params.get('category'), NEED_CATEGORIES);
  const regionId = params.get('regionId') ?? undefined;
  const needs = useApi<Page<Need>>('/lists/needs', { q, status, category, regionId, page, pageSize });
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

  const wallCommunity = own[0];

  return (
    <ListPage<Need>
      title={t('lists.need.listTitle')}
      actions={
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
      list={list}
      result={needs}
      columns={columns}
      renderCard={(n) => <NeedCard need={n} />}
      search={{ placeholder: t('lists.need.searchPlaceholder') }}
      empty={t('lists.need.empty')}
      testId="needs"
      filters={
        <>
          <EnumFilter list={list} param="status" values={NEED_STATUSES} label={(s) => t(`lists.needStatus.${s}`)} placeholder={t('lists.allStatuses')} data-testid="needs-status-filter" />
          <EnumFilter list={list} param="category" values={NEED_CATEGORIES} label={(c) => t(`lists.category.${c}`)} placeholder={t('lists.allCategories')} width={140} data-testid="needs-category-filter" />
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
        </>
      }
    >
      <NeedFormDrawer
        open={creating}
        need={null}
        onClose={() => setCreating(false)}
        onSaved={(n) => {
          setCreating(false);
          void navigate(`/lists/needs/${encodeURIComponent(n.id)}`);
        }}
      />
    </ListPage>
  );
}
