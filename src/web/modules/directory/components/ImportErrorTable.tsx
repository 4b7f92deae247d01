import { Table, Tooltip, type TableColumnsType } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { ImportError } from '../types';

/** The rows that cannot be imported: 行, 列, 原因 — paged, in spreadsheet row order. */
export function ImportErrorTable({ errors }: { errors: ImportError[] }) {
  const { t } = useI18n();
  const columns: TableColumnsType<ImportError> = [
    { title: t('import.row'), dataIndex: 'row', width: 72, align: 'right', sorter: (a, b) => a.row - b.row, defaultSortOrder: 'ascend' },
    { title: t('import.column'), dataIndex: 'column', width: 140, render: (v: string | null) => v ?? '—' },
    {
      title: t('import.reason'),
      dataIndex: 'message',
      render: (message: string, e) => (
        <Tooltip title={e.code}>
          <span>{message}</span>
        </Tooltip>
      ),
    },
  ];
  return (
    <div data-testid="import-error-table">
      <Table<ImportError>
        rowKey={(e) => `${e.row}|${e.column ?? ''}|${e.code}|${e.message}`}
        size="small"
        columns={columns}
        dataSource={errors}
        scroll={{ x: 480 }}
        pagination={{
          defaultPageSize: 10,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (n) => t('import.errorCount', { n }),
          size: 'small',
        }}
      />
    </div>
  );
}
