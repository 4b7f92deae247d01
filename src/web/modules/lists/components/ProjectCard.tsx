import { StarFilled } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import { RowCard } from '../../../ui/RowCard';
import type { ProjectSummary } from '../types';
import { MilestoneProgress } from './MilestoneProgress';
import { StatusTag } from './StatusTag';

/** A project on a phone: its state, claims, milestones and rating, linking to the project. */
export function ProjectCard({ project: p }: { project: ProjectSummary }) {
  const { t, formatDate } = useI18n();
  return (
    <RowCard to={`/lists/projects/${encodeURIComponent(p.id)}`} title={p.title} tag={<StatusTag of="project" status={p.status} />} testId="project-card" id={p.id}>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4, fontSize: 13 }}>
        {p.communityName}
        {p.leadUnitName ? ` · ${t('lists.project.leadIs', { unit: p.leadUnitName })}` : ''}
      </Typography.Text>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginTop: 6, fontSize: 13 }}>
        <span>{t('lists.project.slots', { taken: p.slotsTaken, total: p.claimSlots })}</span>
        <MilestoneProgress done={p.milestonesDone} total={p.milestonesTotal} />
      </Flex>
      <Flex justify="space-between" gap={8} style={{ marginTop: 4, fontSize: 12, color: 'rgba(0,0,0,0.5)' }}>
        <span>{p.nextDueOn ? t('lists.project.nextDue', { date: formatDate(p.nextDueOn) }) : ''}</span>
        {p.ratingAverage !== null && (
          <span>
            <StarFilled style={{ color: '#fadb14' }} /> {p.ratingAverage.toFixed(1)} ({p.ratingCount})
          </span>
        )}
      </Flex>
    </RowCard>
  );
}
