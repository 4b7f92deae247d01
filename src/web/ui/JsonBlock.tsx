import { Typography } from 'antd';
import { useI18n } from '../lib/i18n/useI18n';

/** Pretty-printed JSON in a scrollable box; `(无)` for null or undefined. */
export function JsonBlock({ value, 'data-testid': dataTestId }: { value: unknown; 'data-testid'?: string }) {
  const { t } = useI18n();
  if (value === null || value === undefined) {
    return (
      <Typography.Text type="secondary" data-testid={dataTestId}>
        {t('audit.nothing')}
      </Typography.Text>
    );
  }
  return (
    <pre className="gj-json" data-testid={dataTestId}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
