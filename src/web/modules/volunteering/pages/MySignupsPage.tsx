import { Card, Col, Empty, Flex, Grid, List, Pagination, Row, Segmented, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n/useI18n';
import { positiveInt } from '../../../lib/params';
import type { Page } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { CalendarFeedCard } from '../components/CalendarFeedCard';
import { SignupStatusTag } from '../components/SignupStatusTag';
import { timeRange } from '../format';
import type { Signup } from '../types';
import '../volunteering.css';

const PAGE_SIZE = 20;

/**
 * /volunteering/me/signups: the member's sign-ups (upcoming first, or all), with the waitlist place
 * and check-in times, and the iCalendar feed to see them in a phone's calendar.
 */
export function MySignupsPage() {
  const { t, formatDateTime } = useI18n();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const all = params.get('all') === '1';
  const page = positiveInt(params.get('page'), 1);
  const signups = useApi<Page<Signup>>('/volunteering/me/signups', { upcoming: all ? undefined : true, page, pageSize: PAGE_SIZE });
  const items = signups.data?.items ?? [];
  const total = signups.data?.total ?? 0;

  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader title={t('mySignups.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card size="small" styles={{ body: { paddingTop: 8 } }}>
            <Segmented<'upcoming' | 'all'>
              value={all ? 'all' : 'upcoming'}
              onChange={(v) => set({ all: v === 'all' ? '1' : undefined, page: undefined })}
              options={[
                { value: 'upcoming', label: t('mySignups.upcoming') },
                { value: 'all', label: t('mySignups.all') },
              ]}
              style={{ marginBottom: 8 }}
              data-testid="my-signups-filter"
            />
            {signups.error && <ErrorAlert error={signups.error} onRetry={signups.reload} />}
            <List
              loading={signups.loading}
              dataSource={items}
              data-testid="my-signups"
              locale={{
                emptyText: (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('mySignups.empty')}>
                    <Link to="/volunteering/activities">{t('mySignups.browse')}</Link>
                  </Empty>
                ),
              }}
              renderItem={(s) => (
                <List.Item key={s.id} data-testid="my-signup" data-activity-id={s.activityId}>
                  <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
                    <Flex justify="space-between" gap={8} align="start">
                      <Link to={`/volunteering/activities/${s.activityId}`} style={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
                        {s.activityTitle}
                      </Link>
                      <SignupStatusTag status={s.status} position={s.position} />
                    </Flex>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {timeRange(s.startsAt, s.endsAt, formatDateTime)} · {s.place}
                    </Typography.Text>
                    {(s.checkedInAt || s.checkedOutAt) && (
                      <Typography.Text type="success" style={{ fontSize: 13 }}>
                        {[s.checkedInAt && t('activity.checkedInAt', { at: formatDateTime(s.checkedInAt) }), s.checkedOutAt && t('activity.checkedOutAt', { at: formatDateTime(s.checkedOutAt) })]
                          .filter(Boolean)
                          .join(' · ')}
                      </Typography.Text>
                    )}
                  </Flex>
                </List.Item>
              )}
            />
            {total > PAGE_SIZE && (
              <Pagination
                simple={!screens.md}
                current={page}
                pageSize={PAGE_SIZE}
                total={total}
                showSizeChanger={false}
                onChange={(p) => set({ page: p === 1 ? undefined : String(p) })}
                style={{ marginTop: 12, textAlign: 'center' }}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <CalendarFeedCard />
        </Col>
      </Row>
    </>
  );
}
