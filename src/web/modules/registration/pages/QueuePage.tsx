import { App, Button, Card, Grid, Input, Pagination, Segmented, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/useAuth';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import { oneOf } from '../../../lib/params';
import type { Page } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { useFeedback } from '../../../ui/useFeedback';
import { ListFilters } from '../../../ui/ListFilters';
import { PAGE_SIZES } from '../../../lib/useListParams';
import { useListParams } from '../../../lib/useListParams';
import { CycleSelect } from '../components/CycleSelect';
import { QueueCardList } from '../components/QueueCardList';
import { ReasonModal } from '../../../ui/ReasonModal';
import { RegistrationKindTag } from '../components/RegistrationKindTag';
import { RegistrationStatusTag } from '../components/RegistrationStatusTag';
import { REGISTRATION_KINDS } from '../constants';
import type { Registration, RegistrationKind, RegistrationStatus } from '../types';
import '../registration.css';

const TABS = ['pending', 'confirmed', 'rejected'] as const satisfies readonly RegistrationStatus[];
const SORT_FIELDS: readonly never[] = [];

/**
 * /registration/queue: community staff confirm or reject (with a reason) the units and members that
 * reported in to their community. Requests to correct a member's residence stand out; confirming
 * one also corrects the directory. Tabs show what was confirmed or rejected before.
 */
export function QueuePage() {
  const { t, formatDateTime } = useI18n();
  const { can } = useAuth();
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const canDecide = can('registration.decide');
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const list = useListParams(SORT_FIELDS);
  const { params, q, page, pageSize, update } = list;
  const [busyId, setBusyId] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<Registration | null>(null);
  // Decided here: off the pending list at once, while it reloads.
  const [decided, setDecided] = useState<ReadonlySet<string>>(new Set());

  const status = oneOf(params.get('status'), TABS) ?? 'pending';
  const kind = oneOf<RegistrationKind>(params.get('kind'), REGISTRATION_KINDS);
  const cycleId = params.get('cycleId') ?? undefined;
  const registrations = useApi<Page<Registration>>('/registrations', { status, kind, cycleId, q, page, pageSize });
  const items = (registrations.data?.items ?? []).filter((r) => status !== 'pending' || !decided.has(r.id));
  const total = registrations.data?.total ?? 0;

  const name = (r: Registration) => (r.kind === 'unit' ? r.unitName : r.memberName) ?? '';

  const doConfirm = async (r: Registration) => {
    setBusyId(r.id);
    try {
      await api.post<Registration>(`/registrations/${encodeURIComponent(r.id)}/confirm`);
      setDecided((d) => new Set(d).add(r.id));
      feedback.ok(t('queue.confirmed', { name: name(r) }));
      registrations.reload();
    } catch (error) {
      feedback.fail(error);
    } finally {
      setBusyId(null);
    }
  };

  const confirm = (r: Registration) => {
    if (!r.residenceCorrection) {
      void doConfirm(r);
      return;
    }
    modal.confirm({
      title: t('queue.correctionConfirmTitle', { name: name(r) }),
      content: t('queue.correctionConfirm', { name: name(r), community: r.communityName }),
      okText: t('queue.confirm'),
      okButtonProps: { 'data-testid': 'queue-correction-ok' },
      cancelText: t('common.cancel'),
      onOk: () => doConfirm(r),
    });
  };

  const reject = async (reason: string) => {
    if (!rejecting) return;
    await api.post<Registration>(`/registrations/${encodeURIComponent(rejecting.id)}/reject`, { reason });
    setDecided((d) => new Set(d).add(rejecting.id));
    feedback.ok(t('queue.rejected', { name: name(rejecting) }));
    setRejecting(null);
    registrations.reload();
  };

  const columns: TableColumnsType<Registration> = [
    { title: t('queue.kind'), dataIndex: 'kind', render: (k: RegistrationKind) => <RegistrationKindTag kind={k} /> },
    {
      title: t('queue.name'),
      key: 'name',
      render: (_, r) => (
        <Space size={6}>
          <Typography.Text strong>{name(r)}</Typography.Text>
          {r.residenceCorrection && <Tag color="orange">{t('queue.correction')}</Tag>}
        </Space>
      ),
    },
    { title: t('field.phone'), dataIndex: 'memberPhoneMasked', render: (v: string | null) => <span className="gj-masked">{v ?? ''}</span> },
    { title: t('queue.unit'), key: 'unit', render: (_, r) => (r.kind === 'member' ? (r.unitName ?? '') : '') },
    { title: t('queue.community'), key: 'community', render: (_, r) => [r.streetName, r.communityName].filter(Boolean).join(' · ') },
    { title: t('queue.cycle'), dataIndex: 'cycleName' },
    { title: t('queue.appliedAt'), dataIndex: 'appliedAt', render: (v: string) => formatDateTime(v) },
  ];
  if (status !== 'pending') {
    columns.push(
      { title: t('field.status'), dataIndex: 'status', render: (s: RegistrationStatus) => <RegistrationStatusTag status={s} /> },
      { title: t('queue.decidedAt'), dataIndex: 'decidedAt', render: (v: string | null) => formatDateTime(v) },
    );
  }
  if (status === 'confirmed') {
    columns.push({ title: t('card.no'), dataIndex: 'cardNo', render: (v: string | null) => <span className="gj-masked">{v ?? ''}</span> });
  }
  if (status === 'rejected') {
    columns.push({ title: t('queue.rejectReason'), dataIndex: 'rejectReason', className: 'gj-wrap', render: (v: string | null) => v ?? '' });
  }
  if (status === 'pending' && canDecide) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, r) => (
        <Space size={4}>
          <Button type="primary" size="small" loading={busyId === r.id} onClick={() => confirm(r)} data-testid={`confirm-${r.id}`}>
            {t('queue.confirm')}
          </Button>
          <Button danger size="small" disabled={busyId === r.id} onClick={() => setRejecting(r)} data-testid={`reject-${r.id}`}>
            {t('queue.reject')}
          </Button>
        </Space>
      ),
    });
  }

  const activeFilters = [kind, cycleId].filter(Boolean).length;

  return (
    <>
      <PageHeader title={t('queue.title')} />
      <Card styles={{ body: { padding: phone ? 12 : 16, paddingTop: 4 } }}>
        <Tabs
          activeKey={status}
          onChange={(key) => update({ status: key === 'pending' ? undefined : key })}
          items={TABS.map((s) => ({ key: s, label: t(`queue.tab.${s}`) }))}
          data-testid="queue-tabs"
        />
        <ListFilters
          phone={phone}
          active={activeFilters}
          onReset={q || activeFilters ? list.reset : undefined}
          search={
            <Input.Search
              key={q}
              defaultValue={q}
              allowClear
              enterKeyHint="search"
              placeholder={t('queue.searchPlaceholder')}
              onSearch={(value) => update({ q: value.trim() })}
              style={{ width: phone ? '100%' : 280 }}
              data-testid="queue-search"
            />
          }
        >
          <Segmented<RegistrationKind | 'all'>
            value={kind ?? 'all'}
            onChange={(v) => update({ kind: v === 'all' ? undefined : v })}
            options={[
              { value: 'all', label: t('common.all') },
              ...REGISTRATION_KINDS.map((k) => ({ value: k, label: t(`registrationKind.${k}`) })),
            ]}
            data-testid="queue-kind"
          />
          <CycleSelect value={cycleId} onChange={(v) => update({ cycleId: v })} style={{ width: phone ? '100%' : 200 }} />
        </ListFilters>
        {registrations.error && <ErrorAlert error={registrations.error} onRetry={registrations.reload} />}
        {phone ? (
          <>
            {total > 0 && (
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8, fontSize: 12 }}>
                {t('common.total', { total })}
              </Typography.Text>
            )}
            <QueueCardList
              registrations={items}
              loading={registrations.loading}
              busyId={busyId}
              onConfirm={canDecide ? confirm : undefined}
              onReject={canDecide ? setRejecting : undefined}
            />
            {total > pageSize && (
              <Pagination
                simple
                current={page}
                pageSize={pageSize}
                total={total}
                onChange={(p) => update({ page: p === 1 ? undefined : p })}
                style={{ marginTop: 12, textAlign: 'center' }}
              />
            )}
          </>
        ) : (
          <Table<Registration>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={items}
            loading={registrations.loading}
            onChange={list.onTableChange}
            className="gj-table-nowrap"
            rowClassName={(r) => (r.residenceCorrection ? 'gj-row-highlight' : '')}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('queue.empty') }}
            pagination={{
              current: page,
              pageSize,
              total,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              showTotal: (n) => t('common.total', { total: n }),
            }}
            data-testid="queue-table"
          />
        )}
      </Card>
      <ReasonModal
        open={rejecting !== null}
        title={rejecting ? t('queue.rejectTitle', { name: name(rejecting) }) : ''}
        okText={t('queue.reject')}
        placeholder={t('queue.rejectPlaceholder')}
        onSubmit={reject}
        onClose={() => setRejecting(null)}
        data-testid="reject-form"
      />
    </>
  );
}
