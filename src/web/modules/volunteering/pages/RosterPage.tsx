import { DownloadOutlined, LoginOutlined, LogoutOutlined, QrcodeOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Grid, List, Result, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, fetchFile } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import { saveBlob } from '../../../lib/saveBlob';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { PageSpinner } from '../../../ui/PageSpinner';
import { useFeedback } from '../../../ui/useFeedback';
import { RecordMethodTag } from '../components/RecordMethodTag';
import { SignupStatusTag } from '../components/SignupStatusTag';
import { formatHours, phaseOf, timeRange } from '../format';
import { useNow } from '../hooks/useNow';
import type { AttendanceBody, CheckResult, Roster, RosterEntry } from '../types';
import '../volunteering.css';

/**
 * /volunteering/activities/:id/roster: who signed up (in arrival order), who waits, who checked in
 * and out and how, the hours counted; the organiser checks people in and out here and exports the
 * roster to .xlsx.
 */
export function RosterPage() {
  const { id = '' } = useParams();
  const { t, formatDateTime } = useI18n();
  const feedback = useFeedback();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const roster = useApi<Roster>(`/volunteering/activities/${encodeURIComponent(id)}/roster`);
  const [busy, setBusy] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const now = useNow();

  if (roster.error?.status === 404) return <Result status="404" title={t('error.NOT_FOUND')} />;
  const data = roster.data?.activity.id === id ? roster.data : undefined;
  if (!data) return roster.error ? <ErrorAlert error={roster.error} onRetry={roster.reload} /> : <PageSpinner />;
  const a = data.activity;
  const phase = phaseOf(a.startsAt, a.endsAt, now);
  const live = a.status !== 'cancelled';

  const attend = async (entry: RosterEntry, action: AttendanceBody['action']) => {
    setBusy(entry.signupId);
    try {
      const body: AttendanceBody = { memberId: entry.memberId, action };
      await api.post<CheckResult>(`/volunteering/activities/${encodeURIComponent(a.id)}/attendance`, body);
      feedback.ok(t(action === 'in' ? 'roster.checkedIn' : 'roster.checkedOut', { name: entry.memberName }));
      roster.reload();
    } catch (error) {
      feedback.fail(error);
    } finally {
      setBusy(null);
    }
  };

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const file = await fetchFile(`/volunteering/activities/${encodeURIComponent(a.id)}/roster.xlsx`);
      saveBlob(file.blob, file.fileName ?? `${a.title}.xlsx`);
    } catch (error) {
      feedback.fail(error);
    } finally {
      setExporting(false);
    }
  };

  const action = (e: RosterEntry) => {
    if (!live || e.status !== 'confirmed' || e.checkedOutAt) return null;
    const next = e.checkedInAt ? 'out' : 'in';
    return (
      <Button
        size="small"
        type={next === 'in' ? 'primary' : 'default'}
        icon={next === 'in' ? <LoginOutlined /> : <LogoutOutlined />}
        loading={busy === e.signupId}
        onClick={() => void attend(e, next)}
        data-testid={`roster-check-${next}-${e.memberId}`}
      >
        {t(next === 'in' ? 'roster.checkInAction' : 'roster.checkOutAction')}
      </Button>
    );
  };

  const items = data.items;
  const confirmed = items.filter((e) => e.status === 'confirmed').length;
  const waitlisted = items.filter((e) => e.status === 'waitlisted').length;
  const attended = items.filter((e) => e.checkedInAt).length;

  const columns: TableColumnsType<RosterEntry> = [
    { title: t('roster.seq'), dataIndex: 'seq', width: 80 },
    { title: t('roster.name'), dataIndex: 'memberName', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: t('field.phone'), dataIndex: 'memberPhoneMasked', render: (v: string | null) => <span className="gj-masked">{v ?? ''}</span> },
    { title: t('roster.unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? '' },
    { title: t('field.status'), key: 'status', render: (_, e) => <SignupStatusTag status={e.status} position={e.position} /> },
    { title: t('roster.signedUpAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    { title: t('roster.checkIn'), dataIndex: 'checkedInAt', render: (v: string | null) => formatDateTime(v) },
    { title: t('roster.checkOut'), dataIndex: 'checkedOutAt', render: (v: string | null) => formatDateTime(v) },
    { title: t('roster.method'), dataIndex: 'checkInMethod', render: (v: RosterEntry['checkInMethod']) => (v ? <RecordMethodTag method={v} /> : '') },
    { title: t('roster.hours'), dataIndex: 'hours', align: 'right', render: (v: number | null) => (v === null ? '' : formatHours(v)) },
    { title: t('common.actions'), key: 'actions', fixed: 'right', render: (_, e) => action(e) },
  ];

  return (
    <>
      <PageHeader
        crumbs={[
          { title: t('nav.volActivities'), to: '/volunteering/activities' },
          { title: a.title, to: `/volunteering/activities/${a.id}` },
          { title: t('roster.title') },
        ]}
        title={t('roster.title')}
        extra={
          <>
            {live && phase !== 'ended' && (
              <Link to={`/volunteering/activities/${a.id}/screen`}>
                <Button icon={<QrcodeOutlined />}>{t('activity.screen')}</Button>
              </Link>
            )}
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()} data-testid="roster-export">
              {t('roster.export')}
            </Button>
          </>
        }
      />
      <Card size="small" styles={{ body: { padding: phone ? 12 : 16 } }}>
        <Flex vertical gap={4} style={{ marginBottom: 12 }}>
          <Typography.Text strong>{a.title}</Typography.Text>
          <Typography.Text type="secondary">
            {timeRange(a.startsAt, a.endsAt, formatDateTime)} · {a.place}
          </Typography.Text>
          <Flex gap={6} wrap>
            <Tag color="green">{t('roster.confirmed', { count: confirmed })}</Tag>
            {waitlisted > 0 && <Tag color="gold">{t('roster.waitlisted', { count: waitlisted })}</Tag>}
            <Tag color="blue">{t('roster.attended', { count: attended })}</Tag>
          </Flex>
        </Flex>
        {roster.error && <ErrorAlert error={roster.error} onRetry={roster.reload} />}
        {phone ? (
          <List
            dataSource={items}
            loading={roster.loading}
            data-testid="roster"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('roster.empty')} /> }}
            renderItem={(e) => (
              <List.Item key={e.signupId} data-testid="roster-entry" data-member-id={e.memberId} extra={action(e)}>
                <Flex vertical gap={2} style={{ minWidth: 0 }}>
                  <Flex gap={6} align="center" wrap>
                    <Typography.Text strong>
                      {e.seq}. {e.memberName}
                    </Typography.Text>
                    <SignupStatusTag status={e.status} position={e.position} />
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[e.unitName, e.memberPhoneMasked].filter(Boolean).join(' · ')}
                  </Typography.Text>
                  {e.checkedInAt && (
                    <Typography.Text style={{ fontSize: 12 }}>
                      {t('activity.checkedInAt', { at: formatDateTime(e.checkedInAt) })}
                      {e.checkedOutAt && ` · ${t('activity.checkedOutAt', { at: formatDateTime(e.checkedOutAt) })}`}
                      {e.hours !== null && ` · ${t('hours.unit', { hours: formatHours(e.hours) })}`}
                    </Typography.Text>
                  )}
                </Flex>
              </List.Item>
            )}
          />
        ) : (
          <Table<RosterEntry>
            rowKey="signupId"
            size="small"
            columns={columns}
            dataSource={items}
            loading={roster.loading}
            pagination={items.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
            scroll={{ x: 1100 }}
            data-testid="roster"
            onRow={(e) => ({ 'data-testid': 'roster-entry', 'data-member-id': e.memberId }) as HTMLAttributes<HTMLElement>}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('roster.empty')} /> }}
          />
        )}
      </Card>
    </>
  );
}
