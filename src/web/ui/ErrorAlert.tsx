import { Alert, Button } from 'antd';
import { toApiError } from '../lib/api';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n/useI18n';

/** A failed load, said in the user's language, with a retry button when `onRetry` is given. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const i18n = useI18n();
  const e = toApiError(error);
  return (
    <Alert
      type="error"
      showIcon
      data-testid="error-alert"
      title={errorText(i18n, e)}
      description={e.requestId ? i18n.t('error.requestId', { id: e.requestId }) : undefined}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {i18n.t('common.retry')}
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
    />
  );
}
