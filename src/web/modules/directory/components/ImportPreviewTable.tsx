import { Table, type TableColumnsType } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';

type PreviewRow = Record<string, unknown>;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(cell).join('、');
  return JSON.stringify(value);
}

/** The first rows of the file as the server read them, one column per spreadsheet header. */
export function ImportPreviewTable({ rows }: { rows: PreviewRow[] }) {
  const { t } = useI18n();
  const headers = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const columns: TableColumnsType<PreviewRow & { __key: number }> = headers.map((h) => ({
    title: h,
    dataIndex: h,
    render: (v: unknown) => cell(v),
  }));
  return (
    <Table<PreviewRow & { __key: number }>
      rowKey="__key"
      size="small"
      columns={columns}
      dataSource={rows.map((r, i) => ({ ...r, __key: i }))}
      pagination={false}
      scroll={{ x: 'max-content' }}
      className="gj-table-nowrap"
      locale={{ emptyText: t('import.noPreview') }}
      data-testid="import-preview"
    />
  );
}
