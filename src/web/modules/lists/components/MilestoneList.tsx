import { CheckCircleFilled, ClockCircleOutlined, ExclamationCircleFilled, FormOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, List, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { Milestone, ProgressReport } from '../types';

/** A project's milestones with their due dates: done, overdue or waiting; a claimant reports on each. */
export function MilestoneList({
  milestones,
  reports,
  canReport,
  onReport,
}: {
  milestones: Milestone[];
  reports: ProgressReport[];
  canReport: boolean;
  onReport: (milestone: Milestone) => void;
}) {
  const { t, formatDate } = useI18n();
  if (milestones.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lists.project.noMilestones')} />;
  return (
    <List<Milestone>
      size="small"
      dataSource={milestones}
      data-testid="milestones"
      renderItem={(m) => {
        const count = reports.filter((r) => r.milestoneId === m.id).length;
        const icon = m.doneAt ? (
          <CheckCircleFilled style={{ color: '#389e0d' }} />
        ) : m.overdue ? (
          <ExclamationCircleFilled style={{ color: '#cf1322' }} />
        ) : (
          <ClockCircleOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />
        );
        return (
          <List.Item key={m.id} data-testid="milestone" data-id={m.id} data-done={m.doneAt ? 'true' : 'false'}>
            <Flex justify="space-between" align="center" gap={8} wrap style={{ width: '100%' }}>
              <Flex gap={8} align="flex-start" style={{ minWidth: 0 }}>
                <span style={{ fontSize: 18, lineHeight: '22px' }}>{icon}</span>
                <Flex vertical gap={0} style={{ minWidth: 0 }}>
                  <Typography.Text strong>{m.title}</Typography.Text>
                  <Typography.Text type={m.overdue && !m.doneAt ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                    {m.doneAt
                      ? t('lists.milestone.doneOn', { date: formatDate(m.doneAt) })
                      : t(m.overdue ? 'lists.milestone.overdue' : 'lists.milestone.due', { date: formatDate(m.dueOn) })}
                    {count > 0 ? ` · ${t('lists.milestone.reports', { n: count })}` : ''}
                  </Typography.Text>
                </Flex>
              </Flex>
              {canReport && (
                <Button size="small" icon={<FormOutlined />} onClick={() => onReport(m)} data-testid={`milestone-report-${m.id}`}>
                  {t('lists.report.action')}
                </Button>
              )}
            </Flex>
          </List.Item>
        );
      }}
    />
  );
}
