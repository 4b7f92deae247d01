import { StarFilled } from '@ant-design/icons';
import { Card, Empty, Flex, Spin, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { ProjectSummary } from '../types';
import { MilestoneProgress } from './MilestoneProgress';
import { StatusTag } from './StatusTag';

/** The projects on a phone: one card each with its state, claims, milestones and rating. */
export function ProjectCardList({ projects, loading }: { projects: ProjectSummary[]; loading: boolean }) {
  const { t, formatDate } = useI18n();
  if (!loading && projects.length === 0) return <Empty description={t('lists.project.empty')} />;
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={8} data-testid="projects-cards">
        {projects.map((p) => (
          <Link key={p.id} to={`/lists/projects/${encodeURIComponent(p.id)}`} style={{ color: 'inherit' }}>
            <Card size="small" hoverable data-testid="project-card" data-id={p.id}>
              <Flex justify="space-between" align="flex-start" gap={8}>
                <Typography.Text strong style={{ minWidth: 0 }}>
                  {p.title}
                </Typography.Text>
                <StatusTag of="project" status={p.status} />
              </Flex>
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
            </Card>
          </Link>
        ))}
      </Flex>
    </Spin>
  );
}
