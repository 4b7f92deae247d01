import { Button, Card, Empty, Flex, Grid, List, Pagination, Segmented, Space, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import { oneOf } from '../../../lib/params';
import type { Page } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { useFeedback } from '../../../ui/useFeedback';
import { useListParams } from '../../../lib/useListParams';
import { ReasonModal } from '../../../ui/ReasonModal';
import { EntryHistoryDrawer } from '../components/EntryHistoryDrawer';
import { HourEntryList } from '../components/HourEntryList';
import { HourRequestStatusTag } from '../components/HourRequestStatusTag';
import { HOUR_REQUEST_STATUSES, RECORD_METHODS } from '../constants';
import { formatHours, timeRange } from '../format';
import type { DecideBody, HourEntry, HourRequest, HourRequestKind, RecordMethod, RejectHourRequestBody } from '../types';
import '../volunteering.css';

const SORT_FIELDS: readonly never[] = [];
const KINDS = ['supplementary', 'correction'] as const satisfies readonly HourRequestKind[];
/** The three states of the requests, and the ledger itself. */
const TABS = [...HOUR_REQUEST_STATUSES, 'ledger'] as const;

/**
 * /volunteering/review: the organiser (community, unit or street staff) approves or refuses the
 * supplementary entries (forgot to scan) and the correction requests of the members in reach.
 * Approving writes the ledger entry, or a new version of the corrected one. The last tab is the
 * ledger in reach (current versions), by how each entry was recorded.
 */
export function ReviewPage() {
  const { t, formatDateTime } = useI18n();
  const feedback = useFeedback();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const list = useListParams(SORT_FIELDS);
  const { params, page, pageSize, update } = list;
  const status = oneOf(params.get('status'), TABS) ?? 'pending';
  const ledger = status === 'ledger';
  const kind = oneOf(params.get('kind'), KINDS);
  const method = oneOf(params.get('method'), RECORD_METHODS);
  const requests = useApi<Page<HourRequest>>(ledger ? null : '/volunteering/hour-requests', { status, kind, page, pageSize });
  const entries = useApi<Page<HourEntry>>(ledger ? '/volunteering/hour-entries' : null, { method, page, pageSize });
  const [history, setHistory] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<HourRequest | null>(null);
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());
  const items = (requests.data?.items ?? []).filter((r) => status !== 'pending' || !decided.has(r.id));
  const total = (ledger ? entries.data?.total : requests.data?.total) ?? 0;

  const approve = async (r: HourRequest) => {
    setBusy(r.id);
    try {
      const body: DecideBody = {};
      await api.post<HourRequest>(`/volunteering/hour-requests/${encodeURIComponent(r.id)}/approve`, body);
      setDecided((d) => new Set(d).add(r.id));
      feedback.ok(t('review.approved', { name: r.memberName }));
      requests.reload();
    } catch (error) {
      feedback.fail(error);
    } finally {
      setBusy(null);
    }
  };

  const reject = async (note: string) => {
    if (!rejecting) return;
    const body: RejectHourRequestBody = { note };
    await api.post<HourRequest>(`/volunteering/hour-requests/${encodeURIComponent(rejecting.id)}/reject`, body);
    setDecided((d) => new Set(d).add(rejecting.id));
    feedback.ok(t('review.rejected', { name: rejecting.memberName }));
    setRejecting(null);
    requests.reload();
  };

  const buttons = (r: HourRequest) =>
    r.status === 'pending' ? (
      <Space size={4}>
        <Button type="primary" size="small" loading={busy === r.id} onClick={() => void approve(r)} data-testid={`approve-${r.id}`}>
          {t('review.approve')}
        </Button>
        <Button danger size="small" disabled={busy === r.id} onClick={() => setRejecting(r)} data-testid={`reject-${r.id}`}>
          {t('review.reject')}
        </Button>
      </Space>
    ) : (
      <Flex vertical gap={0}>
        <HourRequestStatusTag status={r.status} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[r.decidedByName, formatDateTime(r.decidedAt)].filter(Boolean).join(' · ')}
        </Typography.Text>
      </Flex>
    );

  const subject = (r: HourRequest) =>
    r.activityId ? <Link to={`/volunteering/activities/${r.activityId}`}>{r.activityTitle ?? ''}</Link> : (r.activityTitle ?? '');
  const hoursText = (r: HourRequest) =>
    r.currentHours !== null ? `${formatHours(r.hours)} (${t('review.was', { hours: formatHours(r.currentHours) })})` : formatHours(r.hours);

  const columns: TableColumnsType<HourRequest> = [
    { title: t('review.kind'), dataIndex: 'kind', width: 110, render: (k: HourRequestKind) => t(`hourRequestKind.${k}`) },
    { title: t('review.member'), dataIndex: 'memberName', width: 100, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: t('review.activity'), key: 'activity', className: 'gj-wrap', render: (_, r) => subject(r) },
    { title: t('review.time'), key: 'time', width: 220, render: (_, r) => timeRange(r.startedAt, r.endedAt, formatDateTime) },
    { title: t('review.hours'), key: 'hours', width: 130, render: (_, r) => hoursText(r) },
    {
      title: t('review.reason'),
      key: 'reason',
      className: 'gj-wrap',
      render: (_, r) => (
        <>
          {r.reason}
          {r.decisionNote && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('review.noteLabel', { note: r.decisionNote })}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: t('review.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
    { title: status === 'pending' ? t('common.actions') : t('review.decided'), key: 'actions', fixed: 'right', width: 150, render: (_, r) => buttons(r) },
  ];

  return (
    <>
      <PageHeader title={t('review.title')} />
      <Card styles={{ body: { padding: phone ? 12 : 16, paddingTop: 4 } }}>
        <Tabs
          activeKey={status}
          onChange={(key) => update({ status: key === 'pending' ? undefined : key })}
          items={TABS.map((s) => ({ key: s, label: t(`review.tab.${s}`) }))}
          data-testid="review-tabs"
        />
        {ledger ? (
          <>
            <Segmented<RecordMethod | 'all'>
              value={method ?? 'all'}
              onChange={(v) => update({ method: v === 'all' ? undefined : v })}
              options={[{ value: 'all', label: t('common.all') }, ...RECORD_METHODS.map((m) => ({ value: m, label: t(`recordMethod.${m}`) }))]}
              style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
              data-testid="ledger-method"
            />
            {entries.error && <ErrorAlert error={entries.error} onRetry={entries.reload} />}
            <HourEntryList entries={entries.data?.items ?? []} loading={entries.loading} onHistory={(e) => setHistory(e.id)} showMember data-testid="ledger" />
          </>
        ) : (
          <>
            <Segmented<HourRequestKind | 'all'>
              value={kind ?? 'all'}
              onChange={(v) => update({ kind: v === 'all' ? undefined : v })}
              options={[{ value: 'all', label: t('common.all') }, ...KINDS.map((k) => ({ value: k, label: t(`hourRequestKind.${k}`) }))]}
              style={{ marginBottom: 12 }}
              data-testid="review-kind"
            />
            {requests.error && <ErrorAlert error={requests.error} onRetry={requests.reload} />}
            {phone ? (
              <List
                dataSource={items}
                loading={requests.loading}
                data-testid="review-list"
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.empty')} /> }}
                renderItem={(r) => (
                  <List.Item key={r.id} data-testid="review-item" data-request-id={r.id}>
                    <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
                      <Flex justify="space-between" gap={8}>
                        <Typography.Text strong>
                          {r.memberName} · {t(`hourRequestKind.${r.kind}`)}
                        </Typography.Text>
                        <Typography.Text strong>{t('hours.unit', { hours: hoursText(r) })}</Typography.Text>
                      </Flex>
                      <div style={{ overflowWrap: 'anywhere' }}>{subject(r)}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {timeRange(r.startedAt, r.endedAt, formatDateTime)}
                      </Typography.Text>
                      <Typography.Text style={{ fontSize: 13 }}>{r.reason}</Typography.Text>
                      {buttons(r)}
                    </Flex>
                  </List.Item>
                )}
              />
            ) : (
              <Table<HourRequest>
                rowKey="id"
                size="small"
                columns={columns}
                dataSource={items}
                loading={requests.loading}
                pagination={false}
                scroll={{ x: 1100 }}
                data-testid="review-list"
                onRow={(r) => ({ 'data-testid': 'review-item', 'data-request-id': r.id }) as HTMLAttributes<HTMLElement>}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('review.empty')} /> }}
              />
            )}
          </>
        )}
        {total > pageSize && (
          <Pagination
            simple={phone}
            current={page}
            pageSize={pageSize}
            total={total}
            showSizeChanger={false}
            onChange={(p) => update({ page: p === 1 ? undefined : p })}
            style={{ marginTop: 12, textAlign: 'center' }}
          />
        )}
      </Card>
      <ReasonModal
        open={rejecting !== null}
        title={t('review.rejectTitle')}
        okText={t('review.reject')}
        placeholder={t('review.rejectPlaceholder')}
        onSubmit={reject}
        onClose={() => setRejecting(null)}
        data-testid="review-reject-form"
      />
      <EntryHistoryDrawer entryId={history} onClose={() => setHistory(null)} />
    </>
  );
}
