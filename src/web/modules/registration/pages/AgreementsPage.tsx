import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, Pagination, Select, Switch, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/useAuth';
import { useI18n } from '../../../lib/i18n/useI18n';
import { oneOf } from '../../../lib/params';
import type { Page } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { ListFilters } from '../../../ui/ListFilters';
import { PAGE_SIZES } from '../../../lib/useListParams';
import { useListParams } from '../../../lib/useListParams';
import { AgreementCardList } from '../components/AgreementCardList';
import { AgreementStatusTag } from '../components/AgreementStatusTag';
import { CreateAgreementModal } from '../components/CreateAgreementModal';
import { ExpiryTag } from '../components/ExpiryTag';
import { AGREEMENT_STATUSES, EXPIRING_DAYS } from '../constants';
import { isExpiring } from '../expiring';
import type { Agreement, AgreementStatus } from '../types';
import '../registration.css';

const SORT_FIELDS: readonly never[] = [];

/**
 * /registration/agreements: the co-building agreements (共建协议) in the caller's reach; those whose
 * term ends within 30 days stand out (renew them); start a new draft for an active pairing.
 */
export function AgreementsPage() {
  const { t, formatDate } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const list = useListParams(SORT_FIELDS);
  const { params, page, pageSize, update } = list;
  const [creating, setCreating] = useState(false);

  const status = oneOf<AgreementStatus>(params.get('status'), AGREEMENT_STATUSES);
  const expiring = params.get('expiring') === 'true';
  const agreements = useApi<Page<Agreement>>('/agreements', {
    status,
    expiringWithinDays: expiring ? EXPIRING_DAYS : undefined,
    page,
    pageSize,
  });
  const items = agreements.data?.items ?? [];
  const total = agreements.data?.total ?? 0;

  const columns: TableColumnsType<Agreement> = [
    {
      title: t('agreement.title'),
      dataIndex: 'title',
      render: (title: string, a) => (
        <Link to={`/registration/agreements/${encodeURIComponent(a.id)}`} data-testid="agreement-link">
          {title}
        </Link>
      ),
    },
    { title: t('agreement.partyA'), dataIndex: 'partyA' },
    { title: t('agreement.partyB'), dataIndex: 'partyB' },
    {
      title: t('agreement.term'),
      key: 'term',
      render: (_, a) => t('agreement.termRange', { from: formatDate(a.termStart), to: formatDate(a.termEnd) }),
    },
    {
      title: t('field.status'),
      dataIndex: 'status',
      render: (s: AgreementStatus, a) => (
        <Flex gap={4} wrap>
          <AgreementStatusTag status={s} />
          <ExpiryTag agreement={a} />
        </Flex>
      ),
    },
    {
      title: t('agreement.signatories'),
      key: 'signatories',
      render: (_, a) => [a.signatoryA, a.signatoryB].map((s) => s ?? '—').join(' / '),
    },
    { title: t('common.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => formatDate(v) },
  ];

  const activeFilters = [status, expiring || undefined].filter(Boolean).length;

  return (
    <>
      <PageHeader
        title={t('agreement.listTitle')}
        extra={
          can('agreement.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="agreement-new">
              {t('agreement.new')}
            </Button>
          )
        }
      />
      <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
        <ListFilters
          phone={phone}
          active={activeFilters}
          onReset={activeFilters ? list.reset : undefined}
          data-testid="agreements-filters"
          search={
            <Select<AgreementStatus>
              allowClear
              placeholder={t('agreement.allStatuses')}
              value={status}
              onChange={(v) => update({ status: v })}
              options={AGREEMENT_STATUSES.map((s) => ({ value: s, label: t(`agreementStatus.${s}`) }))}
              style={{ width: phone ? '100%' : 160 }}
              data-testid="agreements-status-filter"
            />
          }
        >
          <Flex align="center" gap={6}>
            <Switch checked={expiring} onChange={(v) => update({ expiring: v })} size="small" data-testid="agreements-expiring" />
            <Typography.Text>{t('agreement.expiringFilter', { n: EXPIRING_DAYS })}</Typography.Text>
          </Flex>
        </ListFilters>
        {agreements.error && <ErrorAlert error={agreements.error} onRetry={agreements.reload} />}
        {phone ? (
          <>
            {total > 0 && (
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8, fontSize: 12 }}>
                {t('common.total', { total })}
              </Typography.Text>
            )}
            <AgreementCardList agreements={items} loading={agreements.loading} />
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
          <Table<Agreement>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={items}
            loading={agreements.loading}
            onChange={list.onTableChange}
            className="gj-table-nowrap"
            rowClassName={(a) => (isExpiring(a) ? 'gj-row-highlight' : '')}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('agreement.empty') }}
            onRow={(a) => ({ onDoubleClick: () => void navigate(`/registration/agreements/${encodeURIComponent(a.id)}`) })}
            pagination={{
              current: page,
              pageSize,
              total,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              showTotal: (n) => t('common.total', { total: n }),
            }}
            data-testid="agreements-table"
          />
        )}
      </Card>
      <CreateAgreementModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(agreement) => {
          setCreating(false);
          void navigate(`/registration/agreements/${encodeURIComponent(agreement.id)}`);
        }}
      />
    </>
  );
}
