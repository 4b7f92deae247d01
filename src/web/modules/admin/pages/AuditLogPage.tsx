import { Card, Collapse, Grid, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../app/useAuth';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { AuditEvent, AuditOutcome, Page } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { AuditEventDetail } from '../components/AuditEventDetail';
import { AuditFilters, type AuditFilterValues } from '../components/AuditFilters';

const OUTCOME_COLOR: Record<AuditOutcome, string> = { success: 'green', failure: 'orange', denied: 'red' };
const FILTER_KEYS = ['q', 'actor', 'action', 'entityType', 'from', 'to'] as const;

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** /admin/audit: who did what, when, from where, with the data before and after. */
export function AuditLogPage() {
  const { t, tName, formatDateTime } = useI18n();
  const { can } = useAuth();
  const canReadUsers = can('admin.user.read');
  const [params, setParams] = useSearchParams();
  const phone = !Grid.useBreakpoint().md;

  const filters: AuditFilterValues = {};
  for (const key of FILTER_KEYS) filters[key] = params.get(key) ?? undefined;
  const page = positiveInt(params.get('page'), 1);
  const pageSize = positiveInt(params.get('pageSize'), 20);

  const events = useApi<Page<AuditEvent>>('/audit-events', {
    q: filters.q,
    actor: filters.actor,
    action: filters.action,
    entityType: filters.entityType,
    from: filters.from ? dayjs(filters.from).startOf('day').toISOString() : undefined,
    to: filters.to ? dayjs(filters.to).endOf('day').toISOString() : undefined,
    page,
    pageSize,
  });

  const apply = (values: AuditFilterValues) => {
    const next = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const v = values[key];
      if (v) next.set(key, v);
    }
    if (pageSize !== 20) next.set('pageSize', String(pageSize));
    setParams(next, { replace: true });
  };

  const userLink = (id: string, text: string) =>
    canReadUsers ? <Link to={`/admin/users/${encodeURIComponent(id)}`}>{text}</Link> : text;

  const columns: TableColumnsType<AuditEvent> = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      width: 190,
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v, true)}</span>,
    },
    {
      title: t('audit.actor'),
      key: 'actor',
      width: 120,
      ellipsis: true,
      render: (_, e) =>
        e.actorAccount ? (
          e.actorUserId ? (
            userLink(e.actorUserId, e.actorAccount)
          ) : (
            e.actorAccount
          )
        ) : (
          <Typography.Text type="secondary">{t('audit.anonymous')}</Typography.Text>
        ),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 150,
      render: (action: string) => (
        <Tooltip title={action}>
          <span>{tName('action', action)}</span>
        </Tooltip>
      ),
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      width: 180,
      render: (_, e) => {
        if (!e.entityType) return <Typography.Text type="secondary">—</Typography.Text>;
        const type = tName('entity', e.entityType);
        const id = e.entityId ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} title={e.entityId}>
            {e.entityId.length > 12 ? `${e.entityId.slice(0, 8)}…` : e.entityId}
          </Typography.Text>
        ) : null;
        return (
          <span style={{ whiteSpace: 'nowrap' }}>
            {e.entityType === 'user' && e.entityId ? userLink(e.entityId, type) : type} {id}
          </span>
        );
      },
    },
    {
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      width: 80,
      render: (o: AuditOutcome) => <Tag color={OUTCOME_COLOR[o]}>{t(`outcome.${o}`)}</Tag>,
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
    {
      title: t('audit.requestId'),
      dataIndex: 'requestId',
      width: 130,
      render: (id: string | null) =>
        id ? (
          <Typography.Text copyable={{ text: id }} style={{ fontSize: 12 }} title={id}>
            {id.length > 10 ? `${id.slice(0, 8)}…` : id}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
  ];

  const filterForm = (
    <AuditFilters key={FILTER_KEYS.map((k) => params.get(k) ?? '').join('|')} value={filters} onApply={apply} />
  );

  return (
    <>
      <PageHeader title={t('audit.title')} />
      {phone ? (
        // On a phone the filters fold away so the events are on the first screen.
        <Collapse
          style={{ marginBottom: 12, background: '#fff' }}
          defaultActiveKey={FILTER_KEYS.some((k) => params.has(k)) ? ['filters'] : []}
          items={[{ key: 'filters', label: t('common.filters'), children: filterForm }]}
        />
      ) : (
        <Card style={{ marginBottom: 12 }} styles={{ body: { paddingBottom: 8 } }}>
          {filterForm}
        </Card>
      )}
      <Card styles={{ body: { padding: 0 } }}>
        {events.error && <ErrorAlert error={events.error} onRetry={events.reload} />}
        <Table<AuditEvent>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={events.data?.items ?? []}
          loading={events.loading}
          // A fixed minimum width, not max-content: an expanded row's JSON must not widen the columns.
          scroll={{ x: 980 }}
          tableLayout="fixed"
          locale={{ emptyText: t('audit.empty') }}
          expandable={{
            expandedRowRender: (e) => <AuditEventDetail event={e} />,
            expandRowByClick: true,
          }}
          onChange={(pagination) => {
            const next = new URLSearchParams(params);
            if (pagination.current && pagination.current > 1) next.set('page', String(pagination.current));
            else next.delete('page');
            if (pagination.pageSize && pagination.pageSize !== 20) next.set('pageSize', String(pagination.pageSize));
            else next.delete('pageSize');
            setParams(next, { replace: true });
          }}
          pagination={{
            current: page,
            pageSize,
            total: events.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (n) => t('common.total', { total: n }),
            style: { marginInline: 16 },
          }}
          data-testid="audit-table"
        />
      </Card>
    </>
  );
}
