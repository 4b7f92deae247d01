import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Grid, List, Pagination, Table, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/useAuth';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { Page } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { useListParams } from '../../../lib/useListParams';
import { IssueCertificateModal } from '../components/IssueCertificateModal';
import { formatHours } from '../format';
import type { CertificateListItem } from '../types';
import '../volunteering.css';

const SORT_FIELDS: readonly never[] = [];

/**
 * /volunteering/certificates: service certificates — a member's own, or those issued in the
 * organiser's reach — each opening its A4 print view; organisers issue new ones here.
 */
export function CertificatesPage() {
  const { t, formatDate } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const { page, pageSize, update } = useListParams(SORT_FIELDS);
  const canIssue = can('volunteering.certificate.issue');
  const [issuing, setIssuing] = useState(false);
  const certificates = useApi<Page<CertificateListItem>>('/volunteering/certificates', { mine: canIssue ? undefined : true, page, pageSize });
  const items = certificates.data?.items ?? [];
  const total = certificates.data?.total ?? 0;
  const period = (c: CertificateListItem) => `${formatDate(c.periodFrom)} – ${formatDate(c.periodTo)}`;
  const open = (c: CertificateListItem) => (
    <Link to={`/volunteering/certificates/${c.id}`} data-testid={`certificate-open-${c.id}`}>
      <Button size="small" icon={<PrinterOutlined />}>
        {t('certificates.open')}
      </Button>
    </Link>
  );

  const columns: TableColumnsType<CertificateListItem> = [
    { title: t('certificates.no'), dataIndex: 'certNo', render: (v: string) => <span className="gj-masked">{v}</span> },
    { title: t('certificates.name'), dataIndex: 'name' },
    { title: t('certificates.period'), key: 'period', render: (_, c) => period(c) },
    { title: t('certificates.hours'), dataIndex: 'hours', align: 'right', render: (v: number) => formatHours(v) },
    { title: t('certificates.issuer'), dataIndex: 'issuerName' },
    { title: t('certificates.issuedOn'), dataIndex: 'issuedOn', render: (v: string) => formatDate(v) },
    { title: t('common.actions'), key: 'actions', render: (_, c) => open(c) },
  ];

  return (
    <>
      <PageHeader
        title={t('certificates.title')}
        extra={
          canIssue && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)} data-testid="certificate-issue">
              {t('certificates.issue')}
            </Button>
          )
        }
      />
      <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
        {certificates.error && <ErrorAlert error={certificates.error} onRetry={certificates.reload} />}
        {phone ? (
          <List
            dataSource={items}
            loading={certificates.loading}
            data-testid="certificates"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('certificates.empty')} /> }}
            renderItem={(c) => (
              <List.Item key={c.id} extra={open(c)} data-testid="certificate-row">
                <Flex vertical gap={2} style={{ minWidth: 0 }}>
                  <Typography.Text strong>
                    {c.name} · {t('hours.unit', { hours: formatHours(c.hours) })}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {period(c)}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.certNo} · {c.issuerName}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        ) : (
          <Table<CertificateListItem>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={items}
            loading={certificates.loading}
            pagination={false}
            data-testid="certificates"
            onRow={() => ({ 'data-testid': 'certificate-row' }) as HTMLAttributes<HTMLElement>}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('certificates.empty')} /> }}
          />
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
      {issuing && (
        <IssueCertificateModal
          open
          onClose={() => setIssuing(false)}
          onIssued={(c) => {
            setIssuing(false);
            void navigate(`/volunteering/certificates/${c.id}`);
          }}
        />
      )}
    </>
  );
}
