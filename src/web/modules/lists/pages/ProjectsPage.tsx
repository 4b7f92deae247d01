import { PlusOutlined, StarFilled } from '@ant-design/icons';
import { Button, Card, Flex, Grid, Input, Pagination, Select, Switch, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/useAuth';
import { useI18n } from '../../../lib/i18n/useI18n';
import { oneOf, positiveInt } from '../../../lib/params';
import type { Page } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { ListFilters } from '../../directory/components/ListFilters';
import { PAGE_SIZES } from '../../directory/constants';
import { useListParams } from '../../directory/hooks/useListParams';
import { MilestoneProgress } from '../components/MilestoneProgress';
import { PendingClaims } from '../components/PendingClaims';
import { ProjectCardList } from '../components/ProjectCardList';
import { ProjectFormDrawer } from '../components/ProjectFormDrawer';
import { StatusTag } from '../components/StatusTag';
import { YearSelect } from '../components/YearSelect';
import { PROJECT_STATUSES } from '../constants';
import { thisYear } from '../scopes';
import type { ProjectStatus, ProjectSummary } from '../types';

const SORT_FIELDS: readonly never[] = [];

/**
 * /lists/projects[?year=&communityId=&claimable=&mine=]: the year's co-building projects (项目清单).
 * Units find open projects to claim ("claimable") and answer assignments waiting for them; the
 * community drafts new projects from its needs and the units' resources.
 */
export function ProjectsPage() {
  const { t, formatDate } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const list = useListParams(SORT_FIELDS);
  const { params, page, pageSize, update, q } = list;
  const [creating, setCreating] = useState(false);

  const year = positiveInt(params.get('year'), thisYear());
  const status = oneOf<ProjectStatus>(params.get('status'), PROJECT_STATUSES);
  const communityId = params.get('communityId') ?? undefined;
  const claimable = params.get('claimable') === 'true';
  const mine = params.get('mine') === 'true';
  const canClaim = can('lists.project.claim');
  const projects = useApi<Page<ProjectSummary>>('/lists/projects', {
    year,
    q,
    status,
    communityId,
    claimable: claimable || undefined,
    mine: mine || undefined,
    page,
    pageSize,
  });
  const items = projects.data?.items ?? [];
  const total = projects.data?.total ?? 0;

  const columns: TableColumnsType<ProjectSummary> = [
    {
      title: t('lists.project.title'),
      dataIndex: 'title',
      render: (title: string, p) => (
        <Link to={`/lists/projects/${encodeURIComponent(p.id)}`} data-testid="project-link">
          <Typography.Text strong>{title}</Typography.Text>
        </Link>
      ),
    },
    { title: t('lists.community'), dataIndex: 'communityName' },
    { title: t('lists.project.leadUnit'), dataIndex: 'leadUnitName', render: (v: string | null) => v ?? '' },
    { title: t('field.status'), dataIndex: 'status', render: (s: ProjectStatus) => <StatusTag of="project" status={s} /> },
    {
      title: t('lists.project.claims'),
      key: 'slots',
      render: (_, p) => t('lists.project.slots', { taken: p.slotsTaken, total: p.claimSlots }),
    },
    { title: t('lists.project.milestones'), key: 'milestones', render: (_, p) => <MilestoneProgress done={p.milestonesDone} total={p.milestonesTotal} /> },
    { title: t('lists.project.nextDueOn'), dataIndex: 'nextDueOn', render: (v: string | null) => formatDate(v) },
    {
      title: t('lists.budgetYuan'),
      dataIndex: 'budgetYuan',
      align: 'right',
      render: (v: number | null) => (v === null ? '' : v.toLocaleString()),
    },
    {
      title: t('lists.project.rating'),
      key: 'rating',
      render: (_, p) =>
        p.ratingAverage === null ? (
          ''
        ) : (
          <span>
            <StarFilled style={{ color: '#fadb14' }} /> {p.ratingAverage.toFixed(1)} ({p.ratingCount})
          </span>
        ),
    },
  ];

  const activeFilters = [status, communityId, claimable || undefined, mine || undefined].filter(Boolean).length;

  return (
    <>
      <PageHeader
        title={t('lists.project.listTitle', { year })}
        extra={
          <>
            <YearSelect value={year} onChange={(y) => update({ year: y === thisYear() ? undefined : y })} data-testid="projects-year" />
            {can('lists.project.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="project-new">
                {t('lists.project.new')}
              </Button>
            )}
          </>
        }
      />
      {canClaim && <PendingClaims onAnswered={projects.reload} />}
      <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
        <ListFilters
          phone={phone}
          active={activeFilters}
          onReset={activeFilters || q ? () => update({ q: undefined, status: undefined, communityId: undefined, claimable: undefined, mine: undefined }) : undefined}
          search={
            <Input.Search
              key={q}
              defaultValue={q}
              allowClear
              enterKeyHint="search"
              onSearch={(value) => update({ q: value.trim() })}
              placeholder={t('lists.project.searchPlaceholder')}
              style={{ width: phone ? '100%' : 240 }}
              data-testid="projects-search"
            />
          }
        >
          <Select<ProjectStatus>
            allowClear
            placeholder={t('lists.allStatuses')}
            value={status}
            onChange={(v) => update({ status: v })}
            options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`lists.projectStatus.${s}`) }))}
            style={{ width: phone ? '100%' : 130 }}
            data-testid="projects-status-filter"
          />
          {canClaim && (
            <Flex align="center" gap={6}>
              <Switch checked={claimable} onChange={(v) => update({ claimable: v })} size="small" data-testid="projects-claimable" />
              <Typography.Text>{t('lists.project.claimableOnly')}</Typography.Text>
            </Flex>
          )}
          {canClaim && (
            <Flex align="center" gap={6}>
              <Switch checked={mine} onChange={(v) => update({ mine: v })} size="small" data-testid="projects-mine" />
              <Typography.Text>{t('lists.project.mineOnly')}</Typography.Text>
            </Flex>
          )}
          {communityId && (
            <Button size="small" onClick={() => update({ communityId: undefined })}>
              {t('lists.project.allCommunities')}
            </Button>
          )}
        </ListFilters>
        {projects.error && <ErrorAlert error={projects.error} onRetry={projects.reload} />}
        {phone ? (
          <>
            {total > 0 && (
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8, fontSize: 12 }}>
                {t('common.total', { total })}
              </Typography.Text>
            )}
            <ProjectCardList projects={items} loading={projects.loading} />
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
          <Table<ProjectSummary>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={items}
            loading={projects.loading}
            onChange={list.onTableChange}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('lists.project.empty') }}
            pagination={{
              current: page,
              pageSize,
              total,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              showTotal: (n) => t('common.total', { total: n }),
            }}
            data-testid="projects-table"
          />
        )}
      </Card>
      <ProjectFormDrawer
        open={creating}
        project={null}
        draft={{ communityId, year }}
        onClose={() => setCreating(false)}
        onSaved={(p) => {
          setCreating(false);
          void navigate(`/lists/projects/${encodeURIComponent(p.id)}`);
        }}
      />
    </>
  );
}
