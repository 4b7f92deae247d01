import { CalendarOutlined, CheckCircleFilled } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Progress, Statistic, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { PageSpinner } from '../../../ui/PageSpinner';
import { StarLevel } from '../components/StarLevel';
import { formatHours } from '../format';
import type { MyQuota, QuotaStanding } from '../types';
import '../volunteering.css';

function percent(s: QuotaStanding): number {
  if (s.required <= 0) return 100;
  return Math.min(100, Math.round((s.done / s.required) * 100));
}

/**
 * /volunteering/me/quota: where the member stands this quarter — hours done against the quota,
 * what is left and how many days remain — and, for a volunteer-team member, days this year.
 */
export function MyQuotaPage() {
  const { t, formatDate } = useI18n();
  const quota = useApi<MyQuota>('/volunteering/me/quota');
  const data = quota.data;

  if (quota.error && !data) {
    const notMember = quota.error.status === 404 || quota.error.code === 'NOT_A_MEMBER';
    return (
      <>
        <PageHeader title={t('quota.title')} />
        {notMember ? (
          <Card>
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hours.notMember')} />
          </Card>
        ) : (
          <ErrorAlert error={quota.error} onRetry={quota.reload} />
        )}
      </>
    );
  }
  if (!data) return <PageSpinner />;
  const q = data.quarter;
  const behindLate = !data.hours.met && q.elapsed >= 2 / 3;

  return (
    <>
      <PageHeader title={t('quota.title')} />
      <Flex vertical gap="middle" style={{ maxWidth: 640 }}>
        <Typography.Text type="secondary" data-testid="quota-quarter">
          {t('quota.quarter', { year: q.year, quarter: q.quarter, from: formatDate(q.from), to: formatDate(q.to) })}
        </Typography.Text>
        {behindLate && <Alert type="warning" showIcon title={t('quota.behindWarn', { percent: Math.round(q.elapsed * 100) })} />}
        <Card size="small" title={t('quota.hours')} data-testid="quota-hours" data-met={data.hours.met ? 'true' : 'false'}>
          <Flex vertical align="center" gap={8}>
            <Progress
              type="dashboard"
              percent={percent(data.hours)}
              strokeColor={data.hours.met ? '#389e0d' : 'var(--gj-brand)'}
              format={() => (
                <span style={{ fontSize: 22 }}>
                  {formatHours(data.hours.done)}
                  <span style={{ fontSize: 13, color: 'rgba(0,0,0,0.45)' }}> / {formatHours(data.hours.required)} h</span>
                </span>
              )}
            />
            <Typography.Text strong style={{ fontSize: 16 }} data-testid="quota-left">
              {data.hours.met ? (
                <span style={{ color: '#389e0d' }}>
                  <CheckCircleFilled /> {t('quota.met')}
                </span>
              ) : (
                t('quota.hoursLeft', { left: formatHours(data.hours.left) })
              )}
            </Typography.Text>
            <Typography.Text type="secondary" data-testid="quota-days">
              {q.daysRemaining > 0 ? t('quota.daysRemaining', { days: q.daysRemaining }) : t('quota.over')}
            </Typography.Text>
            <Progress percent={Math.round(q.elapsed * 100)} size="small" showInfo={false} strokeColor="#bfbfbf" style={{ width: '100%', margin: 0 }} />
            {!data.hours.met && (
              <Link to="/volunteering/activities" style={{ width: '100%' }}>
                <Button type="primary" block size="large" icon={<CalendarOutlined />}>
                  {t('quota.findActivity')}
                </Button>
              </Link>
            )}
          </Flex>
        </Card>
        {data.teamDays && (
          <Card size="small" title={t('quota.teamDays')} data-testid="quota-team-days">
            <Flex vertical gap={6}>
              <Progress percent={percent(data.teamDays)} strokeColor={data.teamDays.met ? '#389e0d' : 'var(--gj-brand)'} />
              <Typography.Text>{t('quota.teamDaysProgress', { done: data.teamDays.done, required: data.teamDays.required })}</Typography.Text>
              {!data.teamDays.met && (
                <Typography.Text type="secondary">
                  {t('quota.teamDaysLeft', { left: data.teamDays.left, days: data.teamDays.daysRemainingInYear })}
                </Typography.Text>
              )}
            </Flex>
          </Card>
        )}
        <Card size="small">
          <Flex justify="space-between" gap={16} wrap>
            <div>
              <Typography.Text type="secondary">{t('hours.stars')}</Typography.Text>
              <StarLevel stars={data.star.stars} nextAt={data.star.nextAt} />
            </div>
            <Statistic title={t('hours.points')} value={data.points} />
          </Flex>
        </Card>
      </Flex>
    </>
  );
}
