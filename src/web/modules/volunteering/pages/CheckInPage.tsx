import { Card, Empty, Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { Page } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { PageSpinner } from '../../../ui/PageSpinner';
import { CheckInBox } from '../components/CheckInBox';
import { timeRange } from '../format';
import type { Signup } from '../types';
import '../volunteering.css';

/** A confirmed sign-up that can be checked in or out now: today's, not over for more than a few hours. */
function checkable(s: Signup, now = dayjs()): boolean {
  if (s.status !== 'confirmed' || s.checkedOutAt) return false;
  const start = dayjs(s.startsAt);
  const end = dayjs(s.endsAt);
  return start.isBefore(now.endOf('day')) && end.add(6, 'hour').isAfter(now);
}

/**
 * /volunteering/check-in: the member's activities of today, each with a box for the 6-character
 * code shown on the organiser's screen (scanning the QR code opens /volunteering/check-in/:id).
 */
export function CheckInPage() {
  const { t, formatDateTime } = useI18n();
  const signups = useApi<Page<Signup>>('/volunteering/me/signups', { status: 'confirmed', pageSize: 100 });
  const today = (signups.data?.items ?? []).filter((s) => checkable(s)).sort((a, b) => a.startsAt.localeCompare(b.startsAt));

  return (
    <>
      <PageHeader title={t('checkIn.title')} />
      <Flex vertical gap="middle" style={{ maxWidth: 560 }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('checkIn.intro')}
        </Typography.Paragraph>
        {signups.error && <ErrorAlert error={signups.error} onRetry={signups.reload} />}
        {!signups.data && !signups.error ? (
          <PageSpinner />
        ) : today.length === 0 ? (
          <Card>
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('checkIn.none')} data-testid="check-in-none">
              <Link to="/volunteering/activities">{t('mySignups.browse')}</Link>
            </Empty>
          </Card>
        ) : (
          today.map((s) => (
            <Card
              key={s.id}
              size="small"
              data-testid="check-in-item"
              data-activity-id={s.activityId}
              title={
                <Link to={`/volunteering/activities/${s.activityId}`} style={{ whiteSpace: 'normal' }}>
                  {s.activityTitle}
                </Link>
              }
            >
              <Flex vertical gap={8}>
                <Typography.Text type="secondary">
                  {timeRange(s.startsAt, s.endsAt, formatDateTime)} · {s.place}
                </Typography.Text>
                <CheckInBox activityId={s.activityId} checkedInAt={s.checkedInAt} checkedOutAt={s.checkedOutAt} onDone={signups.reload} />
              </Flex>
            </Card>
          ))
        )}
      </Flex>
    </>
  );
}
