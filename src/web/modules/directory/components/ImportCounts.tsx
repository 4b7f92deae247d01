import { Col, Row, Statistic } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { ImportReport } from '../types';

/** The six numbers of a validation or an import: total, valid, with errors, new, changed, unchanged. */
export function ImportCounts({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  const items: { key: string; title: string; value: number; color?: string }[] = [
    { key: 'total', title: t('import.totalRows'), value: report.totalRows },
    { key: 'valid', title: t('import.validRows'), value: report.validRows, color: '#389e0d' },
    { key: 'errors', title: t('import.errorRows'), value: report.errorRows, color: report.errorRows > 0 ? '#cf1322' : undefined },
    { key: 'create', title: t('import.toCreate'), value: report.toCreate },
    { key: 'update', title: t('import.toUpdate'), value: report.toUpdate },
    { key: 'unchanged', title: t('import.unchanged'), value: report.unchanged },
  ];
  return (
    <Row gutter={[12, 12]} data-testid="import-counts">
      {items.map((i) => (
        <Col key={i.key} xs={8} sm={8} md={4}>
          <Statistic
            title={i.title}
            value={i.value}
            groupSeparator=","
            styles={i.color ? { content: { color: i.color } } : undefined}
            data-testid={`import-count-${i.key}`}
          />
        </Col>
      ))}
    </Row>
  );
}
