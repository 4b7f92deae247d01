import { Button, Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { ItemList } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import type { ImportKind, ImportReport } from '../types';

const STATUS_COLORS: Record<ImportReport['status'], string> = { validated: 'blue', committed: 'green', discarded: 'default' };

/**
 * The caller's recent import batches (GET /imports); a new `version` fetches them again. A batch
 * still waiting (validated) can be opened again to import or discard it.
 */
export function ImportHistory({ version, onResume }: { version: number; onResume: (batchId: string) => void }) {
  const { t, formatDateTime } = useI18n();
  const batches = useApi<ItemList<ImportReport>>('/imports');
  const { reload } = batches;
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);

  const columns: TableColumnsType<ImportReport> = [
    { title: t('import.uploadedAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    { title: t('import.kind'), dataIndex: 'kind', render: (k: ImportKind) => t(`importKind.${k}`) },
    {
      title: t('import.fileName'),
      dataIndex: 'fileName',
      ellipsis: true,
      width: 220,
      render: (v: string) => <span title={v}>{v}</span>,
    },
    {
      title: t('field.status'),
      dataIndex: 'status',
      render: (s: ImportReport['status']) => <Tag color={STATUS_COLORS[s]}>{t(`importStatus.${s}`)}</Tag>,
    },
    { title: t('import.totalRows'), dataIndex: 'totalRows', align: 'right' },
    { title: t('import.validRows'), dataIndex: 'validRows', align: 'right' },
    {
      title: t('import.errorRows'),
      dataIndex: 'errorRows',
      align: 'right',
      render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
    },
    {
      title: t('import.committedAt'),
      dataIndex: 'committedAt',
      render: (v: string | null) => (v ? formatDateTime(v) : ''),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, b) =>
        b.status === 'validated' ? (
          <Button type="link" size="small" onClick={() => onResume(b.batchId)} data-testid="import-resume">
            {t('import.resume')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Card title={t('import.recent')} data-testid="import-history">
      {batches.error && <ErrorAlert error={batches.error} onRetry={batches.reload} />}
      <Table<ImportReport>
        rowKey="batchId"
        size="small"
        columns={columns}
        dataSource={batches.data?.items ?? []}
        loading={batches.loading}
        pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
        scroll={{ x: 'max-content' }}
        className="gj-table-nowrap"
        locale={{ emptyText: t('import.noRecent') }}
      />
    </Card>
  );
}
