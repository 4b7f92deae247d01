import { CheckCircleFilled } from '@ant-design/icons';
import { Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { ProgressReport, SignOff } from '../types';
import { AttachmentThumbs } from './AttachmentThumbs';

/** The project's story, newest first: progress reports with notes and photos, and the community's sign-offs. */
export function ReportTimeline({ reports, signOffs }: { reports: ProgressReport[]; signOffs: SignOff[] }) {
  const { t, formatDateTime } = useI18n();
  const entries = [
    ...reports.map((r) => ({ at: r.createdAt, kind: 'report' as const, report: r })),
    ...signOffs.map((s) => ({ at: s.createdAt, kind: 'signOff' as const, signOff: s })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lists.report.none')} />;
  return (
    <Timeline
      data-testid="reports"
      items={entries.map((e) => {
        if (e.kind === 'signOff') {
          const s = e.signOff;
          const approved = s.decision === 'approved';
          return {
            key: `s-${s.id}`,
            color: approved ? 'green' : 'red',
            content: (
              <Flex vertical gap={2} data-testid="signoff-entry" data-decision={s.decision}>
                <Typography.Text strong>{t(approved ? 'lists.signOff.approvedBy' : 'lists.signOff.sentBackBy', { name: s.decidedBy })}</Typography.Text>
                {s.reason && <Typography.Text>{s.reason}</Typography.Text>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(s.createdAt)}
                </Typography.Text>
              </Flex>
            ),
          };
        }
        const r = e.report;
        return {
          key: `r-${r.id}`,
          color: r.done ? 'green' : 'blue',
          content: (
            <Flex vertical gap={4} data-testid="report-entry">
              <Flex gap={6} align="center" wrap>
                <Typography.Text strong>{r.milestoneTitle}</Typography.Text>
                {r.done && (
                  <Tag color="green" icon={<CheckCircleFilled />}>
                    {t('lists.report.done')}
                  </Tag>
                )}
              </Flex>
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{r.note}</Typography.Paragraph>
              <AttachmentThumbs attachments={r.attachments} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[r.reportedBy, r.unitName, formatDateTime(r.createdAt)].filter(Boolean).join(' · ')}
              </Typography.Text>
            </Flex>
          ),
        };
      })}
    />
  );
}
