import { Alert, Button, Modal, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { CreatedApiToken } from '../../../lib/types';

/** Shows a new token's secret once, with a copy button; it cannot be fetched again. */
export function TokenSecretModal({ token, onClose }: { token: CreatedApiToken | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      open={token !== null}
      title={t('tokens.secretTitle')}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose} data-testid="token-secret-close">
          {t('common.close')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('tokens.secretWarning')} style={{ marginBottom: 16 }} />
      {token && (
        <>
          <Typography.Text strong>{token.name}</Typography.Text>
          <Typography.Paragraph
            className="gj-secret"
            data-testid="token-secret"
            copyable={{ text: token.token, tooltips: [t('tokens.copy'), t('common.copied')] }}
            style={{ marginTop: 8, padding: 12, background: '#fafafa', borderRadius: 6 }}
          >
            {token.token}
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
