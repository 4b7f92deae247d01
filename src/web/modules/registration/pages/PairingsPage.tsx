import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, Pagination, Select, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useAuth, useCurrentUser } from '../../../app/useAuth';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import { oneOf } from '../../../lib/params';
import type { Page } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { useFeedback } from '../../../ui/useFeedback';
import { ListFilters } from '../../../ui/ListFilters';
import { OrganizationSelect } from '../../../ui/OrganizationSelect';
import { RegionSelect } from '../../../ui/RegionSelect';
import { PAGE_SIZES } from '../../../lib/useListParams';
import { useListParams } from '../../../lib/useListParams';
import { AgreementLink } from '../components/AgreementLink';
import { CreateAgreementModal } from '../components/CreateAgreementModal';
import { PairingActions } from '../components/PairingActions';
import { PairingCardList } from '../components/PairingCardList';
import { PairingPeople } from '../components/PairingPeople';
import { PairingStatusTag } from '../components/PairingStatusTag';
import { ProposePairingModal } from '../components/ProposePairingModal';
import { ReasonModal } from '../../../ui/ReasonModal';
import { UnitReportIn } from '../components/UnitReportIn';
import { PAIRING_STATUSES } from '../constants';
import { useCycles } from '../hooks/useCycles';
import { pairingSides } from '../sides';
import type { Pairing, PairingStatus, Registration } from '../types';

const SORT_FIELDS: readonly never[] = [];

type Deciding = { pairing: Pairing; action: 'decline' | 'end' };

/**
 * /registration/pairings: the pairs of units and communities (结对共建) in the caller's reach. Propose
 * a pair, accept or decline one proposed to your side, end one; see both sides' secretary and
 * liaison, the agreement, and — for a unit's admin — report the unit in to the paired community.
 */
export function PairingsPage() {
  const { t, formatDate } = useI18n();
  const { can } = useAuth();
  const user = useCurrentUser();
  const feedback = useFeedback();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const list = useListParams(SORT_FIELDS);
  const { params, page, pageSize, update } = list;
  const [busyId, setBusyId] = useState<string | null>(null);
  const [proposing, setProposing] = useState(false);
  const [deciding, setDeciding] = useState<Deciding | null>(null);
  const [drafting, setDrafting] = useState<Pairing | null>(null);

  const status = oneOf<PairingStatus>(params.get('status'), PAIRING_STATUSES);
  const regionId = params.get('regionId') ?? undefined;
  const unitOrgId = params.get('unitOrgId') ?? undefined;
  const withoutAgreement = params.get('withoutAgreement') === 'true';
  const pairings = useApi<Page<Pairing>>('/pairings', {
    status,
    regionId,
    unitOrgId,
    withoutAgreement: withoutAgreement || undefined,
    page,
    pageSize,
  });
  const items = pairings.data?.items ?? [];
  const total = pairings.data?.total ?? 0;

  // The units' registrations of the current cycle, to show 单位报到 on each active pair.
  const cycles = useCycles();
  const current = cycles.current;
  const unitRegistrations = useApi<Page<Registration>>(
    current && can('registration.read') && items.some((p) => p.status === 'active') ? '/registrations' : null,
    { kind: 'unit', cycleId: current?.id, pageSize: 200 },
  );
  const registrationOf = (p: Pairing) =>
    (unitRegistrations.data?.items ?? [])
      .filter((r) => r.unitOrgId === p.unitOrgId && r.communityId === p.communityId)
      .sort((a, b) => b.appliedAt.localeCompare(a.appliedAt))[0];

  const accept = async (p: Pairing) => {
    setBusyId(p.id);
    try {
      await api.post<Pairing>(`/pairings/${encodeURIComponent(p.id)}/accept`);
      feedback.ok(t('pairing.accepted', { unit: p.unitName, community: p.communityName }));
      pairings.reload();
    } catch (error) {
      feedback.fail(error);
    } finally {
      setBusyId(null);
    }
  };

  const decide = async (reason: string) => {
    if (!deciding) return;
    const { pairing, action } = deciding;
    await api.post<Pairing>(`/pairings/${encodeURIComponent(pairing.id)}/${action}`, { reason });
    feedback.ok(t(action === 'decline' ? 'pairing.declined' : 'pairing.ended'));
    setDeciding(null);
    pairings.reload();
  };

  const reportIn = (p: Pairing) =>
    p.status === 'active' && can('registration.read') ? (
      <UnitReportIn
        pairing={p}
        registration={registrationOf(p)}
        canReportIn={can('registration.apply') && current !== undefined && pairingSides(user, p).has('unit')}
        onReported={unitRegistrations.reload}
      />
    ) : null;

  const actions = (p: Pairing) => (
    <PairingActions
      pairing={p}
      busy={busyId === p.id}
      size={phone ? 'middle' : 'small'}
      onAccept={(x) => void accept(x)}
      onDecline={(x) => setDeciding({ pairing: x, action: 'decline' })}
      onEnd={(x) => setDeciding({ pairing: x, action: 'end' })}
      onDraft={setDrafting}
    />
  );

  const columns: TableColumnsType<Pairing> = [
    {
      title: t('pairing.unit'),
      dataIndex: 'unitName',
      render: (name: string, p) => (
        <>
          <Typography.Text strong>{name}</Typography.Text>
          <PairingPeople secretary={p.unitSecretary} liaison={p.unitLiaison} group={p.unitLeadingGroup} />
        </>
      ),
    },
    {
      title: t('pairing.community'),
      dataIndex: 'communityName',
      render: (name: string, p) => (
        <>
          <Flex gap={6} align="center">
            <Typography.Text strong>{name}</Typography.Text>
            {p.village && <Tag color="green">{t('kind.region.village')}</Tag>}
            {p.streetName && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {p.streetName}
              </Typography.Text>
            )}
          </Flex>
          <PairingPeople secretary={p.communitySecretary} liaison={p.communityLiaison} group={p.communityLeadingGroup} />
        </>
      ),
    },
    {
      title: t('field.status'),
      dataIndex: 'status',
      render: (s: PairingStatus, p) => (
        <Flex vertical gap={2} align="flex-start">
          <PairingStatusTag status={s} />
          {s === 'proposed' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('pairing.proposedBy', { side: t(`pairingSide.${p.proposedBySide}`) })}
            </Typography.Text>
          )}
          {p.endReason && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.endReason}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { title: t('pairing.agreement'), key: 'agreement', render: (_, p) => <AgreementLink pairing={p} /> },
    { title: t('pairing.unitRegistration'), key: 'reportIn', render: (_, p) => reportIn(p) },
    { title: t('pairing.since'), key: 'since', render: (_, p) => formatDate(p.decidedAt ?? p.createdAt) },
    { title: t('pairing.note'), dataIndex: 'note', ellipsis: true, width: 200, render: (v: string | null) => v ?? '' },
    { title: t('common.actions'), key: 'actions', fixed: 'right', render: (_, p) => actions(p) },
  ];

  const activeFilters = [status, regionId, unitOrgId, withoutAgreement || undefined].filter(Boolean).length;

  return (
    <>
      <PageHeader
        title={t('pairing.title')}
        extra={
          can('pairing.propose') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setProposing(true)} data-testid="pairing-new">
              {t('pairing.propose')}
            </Button>
          )
        }
      />
      <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
        <ListFilters
          phone={phone}
          active={activeFilters}
          onReset={activeFilters ? list.reset : undefined}
          data-testid="pairings-filters"
          search={
            <Select<PairingStatus>
              allowClear
              placeholder={t('pairing.allStatuses')}
              value={status}
              onChange={(v) => update({ status: v })}
              options={PAIRING_STATUSES.map((s) => ({ value: s, label: t(`pairingStatus.${s}`) }))}
              style={{ width: phone ? '100%' : 140 }}
              data-testid="pairings-status-filter"
            />
          }
        >
          {can('directory.region.read') && (
            <RegionSelect
              value={regionId}
              onChange={(id) => update({ regionId: id })}
              kinds={['city', 'district', 'street', 'community']}
              deepest="community"
              placeholder={t('pairing.region')}
              style={{ width: phone ? '100%' : 190 }}
              data-testid="pairings-region-filter"
            />
          )}
          {can('directory.organization.read') && (
            <OrganizationSelect
              value={unitOrgId}
              onChange={(id) => update({ unitOrgId: id })}
              kind="unit"
              placeholder={t('pairing.unit')}
              style={{ width: phone ? '100%' : 220 }}
              data-testid="pairings-unit-filter"
            />
          )}
          <Flex align="center" gap={6}>
            <Switch
              checked={withoutAgreement}
              onChange={(v) => update({ withoutAgreement: v })}
              size="small"
              data-testid="pairings-without-agreement"
            />
            <Typography.Text>{t('pairing.withoutAgreement')}</Typography.Text>
          </Flex>
        </ListFilters>
        {pairings.error && <ErrorAlert error={pairings.error} onRetry={pairings.reload} />}
        {phone ? (
          <>
            {total > 0 && (
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8, fontSize: 12 }}>
                {t('common.total', { total })}
              </Typography.Text>
            )}
            <PairingCardList pairings={items} loading={pairings.loading} reportIn={reportIn} actions={actions} />
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
          <Table<Pairing>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={items}
            loading={pairings.loading}
            onChange={list.onTableChange}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('pairing.empty') }}
            pagination={{
              current: page,
              pageSize,
              total,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              showTotal: (n) => t('common.total', { total: n }),
            }}
            data-testid="pairings-table"
          />
        )}
      </Card>
      <ProposePairingModal
        open={proposing}
        onClose={() => setProposing(false)}
        onProposed={() => {
          setProposing(false);
          pairings.reload();
        }}
      />
      <ReasonModal
        open={deciding !== null}
        title={
          deciding
            ? t(deciding.action === 'decline' ? 'pairing.declineTitle' : 'pairing.endTitle', {
                unit: deciding.pairing.unitName,
                community: deciding.pairing.communityName,
              })
            : ''
        }
        description={deciding?.action === 'end' ? t('pairing.endHelp') : undefined}
        okText={t(deciding?.action === 'decline' ? 'pairing.decline' : 'pairing.end')}
        onSubmit={decide}
        onClose={() => setDeciding(null)}
        data-testid="pairing-reason"
      />
      <CreateAgreementModal
        open={drafting !== null}
        pairing={drafting}
        onClose={() => setDrafting(null)}
        onCreated={(agreement) => {
          setDrafting(null);
          void navigate(`/registration/agreements/${encodeURIComponent(agreement.id)}`);
        }}
      />
    </>
  );
}
