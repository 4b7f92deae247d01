import { BellOutlined } from '@ant-design/icons';
import { App, Button, Card, Grid, Pagination, Segmented, Table, Typography, type TableColumnsType } from 'antd';
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
import { OrganizationSelect } from '../../../ui/OrganizationSelect';
import { RegionSelect } from '../../../ui/RegionSelect';
import { PAGE_SIZES } from '../../../lib/useListParams';
import { useListParams } from '../../../lib/useListParams';
import { CycleSelect } from '../components/CycleSelect';
import { MissingCardList } from '../components/MissingCardList';
import { REGISTRATION_KINDS } from '../constants';
import { missingKey } from '../missingKey';
import type { MissingEntry, RegistrationKind, ReminderBody } from '../types';

const SORT_FIELDS: readonly never[] = [];

/**
 * /registration/missing: the members and units that have not reported in this cycle, in the
 * caller's reach (a community, a street, a unit, the city), with 发送提醒 (in-app reminders).
 */
export function MissingPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const list = useListParams(SORT_FIELDS);
  const { params, page, pageSize, update } = list;
  const [sending, setSending] = useState(false);

  const kind = oneOf<RegistrationKind>(params.get('kind'), REGISTRATION_KINDS) ?? 'member';
  const cycleId = params.get('cycleId') ?? undefined;
  const regionId = params.get('regionId') ?? undefined;
  const unitOrgId = params.get('unitOrgId') ?? undefined;
  const filters = { kind, cycleId, regionId, unitOrgId };
  const missing = useApi<Page<MissingEntry>>('/registrations/missing', { ...filters, page, pageSize });
  const items = missing.data?.items ?? [];
  const total = missing.data?.total ?? 0;

  const remind = () => {
    modal.confirm({
      title: t('missing.remindTitle'),
      content: t(kind === 'unit' ? 'missing.remindUnits' : 'missing.remindMembers', { n: total }),
      okText: t('missing.remind'),
      okButtonProps: { 'data-testid': 'missing-remind-ok' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        setSending(true);
        try {
          const body: ReminderBody = { kind, cycleId, regionId, unitOrgId };
          const result = await api.post<{ sent: number }>('/registrations/reminders', body);
          feedback.ok(t('missing.sent', { n: result.sent }));
        } catch (error) {
          feedback.fail(error);
        } finally {
          setSending(false);
        }
      },
    });
  };

  const columns: TableColumnsType<MissingEntry> =
    kind === 'member'
      ? [
          { title: t('member.name'), dataIndex: 'memberName', render: (v: string | null) => <Typography.Text strong>{v ?? ''}</Typography.Text> },
          { title: t('field.phone'), dataIndex: 'memberPhoneMasked', render: (v: string | null) => <span className="gj-masked">{v ?? ''}</span> },
          { title: t('member.employer'), dataIndex: 'unitName', render: (v: string | null) => v ?? '' },
          { title: t('member.residence'), dataIndex: 'communityName', render: (v: string | null) => v ?? t('missing.noCommunity') },
          { title: t('missing.street'), dataIndex: 'streetName', render: (v: string | null) => v ?? '' },
        ]
      : [
          { title: t('missing.unit'), dataIndex: 'unitName', render: (v: string | null) => <Typography.Text strong>{v ?? ''}</Typography.Text> },
          { title: t('missing.pairedCommunity'), dataIndex: 'communityName', render: (v: string | null) => v ?? '' },
          { title: t('missing.street'), dataIndex: 'streetName', render: (v: string | null) => v ?? '' },
        ];

  const activeFilters = [cycleId, regionId, unitOrgId].filter(Boolean).length;

  return (
    <>
      <PageHeader
        title={t('missing.title')}
        extra={
          <Button
            type="primary"
            icon={<BellOutlined />}
            onClick={remind}
            loading={sending}
            disabled={total === 0}
            data-testid="missing-remind"
          >
            {t('missing.remind')}
          </Button>
        }
      />
      <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
        <ListFilters
          phone={phone}
          active={activeFilters}
          onReset={activeFilters ? () => update({ cycleId: undefined, regionId: undefined, unitOrgId: undefined }) : undefined}
          search={
            <Segmented<RegistrationKind>
              value={kind}
              onChange={(v) => update({ kind: v === 'member' ? undefined : v })}
              options={REGISTRATION_KINDS.map((k) => ({ value: k, label: t(`registrationKind.${k}`) }))}
              block={phone}
              data-testid="missing-kind"
            />
          }
        >
          <CycleSelect value={cycleId} onChange={(v) => update({ cycleId: v })} style={{ width: phone ? '100%' : 200 }} />
          {can('directory.region.read') && (
            <RegionSelect
              value={regionId}
              onChange={(id) => update({ regionId: id })}
              kinds={['city', 'district', 'street', 'community']}
              deepest="community"
              placeholder={t('missing.region')}
              style={{ width: phone ? '100%' : 200 }}
              data-testid="missing-region"
            />
          )}
          {can('directory.organization.read') && (
            <OrganizationSelect
              value={unitOrgId}
              onChange={(id) => update({ unitOrgId: id })}
              kind="unit"
              placeholder={t('missing.unit')}
              style={{ width: phone ? '100%' : 220 }}
              data-testid="missing-unit"
            />
          )}
        </ListFilters>
        {missing.error && <ErrorAlert error={missing.error} onRetry={missing.reload} />}
        {phone ? (
          <>
            {total > 0 && (
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8, fontSize: 12 }}>
                {t('common.total', { total })}
              </Typography.Text>
            )}
            <MissingCardList entries={items} loading={missing.loading} />
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
          <Table<MissingEntry>
            rowKey={missingKey}
            size="small"
            columns={columns}
            dataSource={items}
            loading={missing.loading}
            onChange={list.onTableChange}
            className="gj-table-nowrap"
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('missing.empty') }}
            pagination={{
              current: page,
              pageSize,
              total,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              showTotal: (n) => t('common.total', { total: n }),
            }}
            data-testid="missing-table"
          />
        )}
      </Card>
    </>
  );
}
