import { PlusOutlined, StarFilled } from '@ant-design/icons';
import { Button, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/useAuth';
import { useI18n } from '../../../lib/i18n/useI18n';
import { oneOf, positiveInt } from '../../../lib/params';
import type { Page } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { useListParams } from '../../../lib/useListParams';
import { EnumFilter, SwitchFilter } from '../../../ui/FilterControls';
import { ListPage } from '../../../ui/ListPage';
import { MilestoneProgress } from '../components/MilestoneProgress';
import { PendingClaims } from '../components/PendingClaims';
import { ProjectCard } from '../components/ProjectCard';
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

  return (
    <ListPage<ProjectSummary>
      title={t('lists.project.listTitle', { year })}
      actions={
        <>
          <YearSelect value={year} onChange={(y) => update({ year: y === thisYear() ? undefined : y })} data-testid="projects-year" />
          {can('lists.project.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="project-new">
              {t('lists.project.new')}
            </Button>
          )}
        </>
      }
      list={list}
      result={projects}
      columns={columns}
      renderCard={(p) => <ProjectCard project={p} />}
      search={{ placeholder: t('lists.project.searchPlaceholder') }}
      empty={t('lists.project.empty')}
      testId="projects"
      keepOnReset={['year']}
      above={canClaim && <PendingClaims onAnswered={projects.reload} />}
      filters={
        <>
          <EnumFilter list={list} param="status" values={PROJECT_STATUSES} label={(s) => t(`lists.projectStatus.${s}`)} placeholder={t('lists.allStatuses')} data-testid="projects-status-filter" />
          {canClaim && <SwitchFilter checked={claimable} onChange={(v) => update({ claimable: v })} label={t('lists.project.claimableOnly')} data-testid="projects-claimable" />}
          {canClaim && <SwitchFilter checked={mine} onChange={(v) => update({ mine: v })} label={t('lists.project.mineOnly')} data-testid="projects-mine" />}
          {communityId && (
            <Button size="small" onClick={() => update({ communityId: undefined })}>
              {t('lists.project.allCommunities')}
            </Button>
          )}
        </>
      }
    >
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
    </ListPage>
  );
}
