import { FileDoneOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Grid, List, Pagination, Row, Select, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n/useI18n';
import { positiveInt } from '../../../lib/params';
import type { Page } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { PageSpinner } from '../../../ui/PageSpinner';
import { EntryHistoryDrawer } from '../components/EntryHistoryDrawer';
import { HourEntryList } from '../components/HourEntryList';
import { HourRequestModal } from '../components/HourRequestModal';
import { HourRequestStatusTag } from '../components/HourRequestStatusTag';
import { StarLevel } from '../components/StarLevel';
import { formatHours, timeRange } from '../format';
import type { HourEntry, HourRequest, MyHours } from '../types';
import '../volunteering.css';

const PAGE_SIZE = 50;

/**
 * /volunteering/me/hours: the member's hours — totals (verified, supplementary apart, pending),
 * this year and quarter, points and star level — the ledger with how each entry was recorded, the
 * supplementary entries apart, every correction's history, and the member's own requests.
 */
export function MyHoursPage() {
  const { t, formatDateTime } = useI18n();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [params, setParams] = useSearchParams();
  const thisYear = dayjs().year();
  const year = positiveInt(params.get('year'), thisYear);
  const page = positiveInt(params.get('page'), 1);
  const hours = useApi<MyHours>('/volunteering/me/hours', { year: year === thisYear ? undefined : year, page, pageSize: PAGE_SIZE });
  const requests = useApi<Page<HourRequest>>('/volunteering/hour-requests', { mine: true, pageSize: 20 });
  const [history, setHistory] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState<HourEntry | null>(null);

  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const data = hours.data;
  if (hours.error && !data) {
    const notMember = hours.error.status === 404 || hours.error.code === 'NOT_A_MEMBER';
    return (
      <>
        <PageHeader title={t('hours.title')} />
        {notMember ? (
          <Card>
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hours.notMember')} />
          </Card>
        ) : (
          <ErrorAlert error={hours.error} onRetry={hours.reload} />
        )}
      </>
    );
  }
  if (!data) return <PageSpinner />;

  const regular = data.entries.filter((e) => e.method !== 'supplementary');
  const supplementary = data.entries.filter((e) => e.method === 'supplementary');
  const years = Array.from({ length: 5 }, (_, i) => thisYear - i);
  const tile = (title: string, value: number | string, testId: string, suffix?: string) => (
    <Card size="small" style={{ height: '100%' }} data-testid={testId}>
      <Statistic title={title} value={value} suffix={suffix} styles={{ content: { fontSize: phone ? 20 : 24 } }} />
    </Card>
  );

  return (
    <>
      <PageHeader
        title={t('hours.title')}
        extra={
          <>
            <Select<number>
              value={year}
              onChange={(v) => set({ year: v === thisYear ? undefined : String(v), page: undefined })}
              options={years.map((y) => ({ value: y, label: t('hours.year.label', { year: y }) }))}
              style={{ width: 110 }}
              data-testid="hours-year"
            />
            <Link to="/volunteering/certificates">
              <Button icon={<FileDoneOutlined />}>{t('hours.certificates')}</Button>
            </Link>
          </>
        }
      />
      {hours.error && <ErrorAlert error={hours.error} onRetry={hours.reload} />}
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="hours-totals">
        <Col xs={12} md={6}>
          <Card size="small" style={{ height: '100%' }} data-testid="hours-total">
            <Statistic
              title={t('hours.total')}
              value={formatHours(data.totalHours)}
              suffix="h"
              styles={{ content: { color: 'var(--gj-brand)', fontSize: phone ? 22 : 28 } }}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" style={{ height: '100%' }}>
            <Typography.Text type="secondary">{t('hours.stars')}</Typography.Text>
            <StarLevel stars={data.star.stars} nextAt={data.star.nextAt} total={data.totalHours} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          {tile(t('hours.points'), data.points, 'hours-points')}
        </Col>
        <Col xs={12} md={6}>
          {tile(t('hours.quarter'), formatHours(data.quarterHours), 'hours-quarter', 'h')}
        </Col>
        <Col xs={12} md={6}>
          {tile(t('hours.verified'), formatHours(data.verifiedHours), 'hours-verified', 'h')}
        </Col>
        <Col xs={12} md={6}>
          {tile(t('hours.supplementary'), formatHours(data.supplementaryHours), 'hours-supplementary', 'h')}
        </Col>
        <Col xs={12} md={6}>
          {tile(t('hours.pending'), formatHours(data.pendingHours), 'hours-pending', 'h')}
        </Col>
        <Col xs={12} md={6}>
          {tile(t('hours.year'), formatHours(data.yearHours), 'hours-year-total', 'h')}
        </Col>
      </Row>
      <Flex vertical gap={12}>
        <Card size="small" title={t('hours.ledger')}>
          <HourEntryList
            entries={regular}
            loading={hours.loading}
            onHistory={(e) => setHistory(e.id)}
            onCorrect={setCorrecting}
            data-testid="hours-ledger"
          />
          {data.entriesTotal > PAGE_SIZE && (
            <Pagination
              simple={phone}
              current={page}
              pageSize={PAGE_SIZE}
              total={data.entriesTotal}
              showSizeChanger={false}
              onChange={(p) => set({ page: p === 1 ? undefined : String(p) })}
              style={{ marginTop: 12, textAlign: 'center' }}
            />
          )}
        </Card>
        {supplementary.length > 0 && (
          <Card size="small" title={t('hours.ledgerSupplementary')}>
            <HourEntryList
              entries={supplementary}
              loading={hours.loading}
              onHistory={(e) => setHistory(e.id)}
              onCorrect={setCorrecting}
              data-testid="hours-supplementary-ledger"
            />
          </Card>
        )}
        <Card size="small" title={t('hours.requests')}>
          {requests.error && <ErrorAlert error={requests.error} onRetry={requests.reload} />}
          <List
            loading={requests.loading}
            dataSource={requests.data?.items ?? []}
            data-testid="my-hour-requests"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hours.requestsEmpty')} /> }}
            renderItem={(r) => (
              <List.Item key={r.id} data-testid="my-hour-request" data-status={r.status}>
                <Flex vertical gap={2} style={{ width: '100%', minWidth: 0 }}>
                  <Flex justify="space-between" gap={8}>
                    <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
                      {t(`hourRequestKind.${r.kind}`)} · {r.activityTitle ?? ''}
                    </Typography.Text>
                    <HourRequestStatusTag status={r.status} />
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {timeRange(r.startedAt, r.endedAt, formatDateTime)} · {t('hourRequest.would', { hours: formatHours(r.hours) })}
                  </Typography.Text>
                  {r.decisionNote && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('review.noteLabel', { note: r.decisionNote })}
                    </Typography.Text>
                  )}
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      </Flex>
      <EntryHistoryDrawer entryId={history} onClose={() => setHistory(null)} />
      {correcting && (
        <HourRequestModal
          open
          kind="correction"
          entryId={correcting.id}
          subject={correcting.content}
          currentHours={correcting.hours}
          startedAt={correcting.startedAt}
          endedAt={correcting.endedAt}
          onClose={() => setCorrecting(null)}
          onSent={() => {
            setCorrecting(null);
            requests.reload();
            hours.reload();
          }}
        />
      )}
    </>
  );
}
