import { Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { Pairing } from '../types';
import { AgreementStatusTag } from './AgreementStatusTag';

/** A pairing's agreement: its status as a link to it, or 无生效协议. */
export function AgreementLink({ pairing }: { pairing: Pairing }) {
  const { t } = useI18n();
  if (!pairing.agreementId || !pairing.agreementStatus) {
    return pairing.status === 'active' ? (
      <Typography.Text type="warning" style={{ fontSize: 12 }}>
        {t('pairing.noAgreement')}
      </Typography.Text>
    ) : null;
  }
  return (
    <Link to={`/registration/agreements/${encodeURIComponent(pairing.agreementId)}`} data-testid={`pairing-agreement-${pairing.id}`}>
      <AgreementStatusTag status={pairing.agreementStatus} />
    </Link>
  );
}
