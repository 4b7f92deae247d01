import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Card, Descriptions, Flex, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useApi } from '../../../lib/useApi';
import { Brand } from '../../../ui/Brand';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LanguageSwitch } from '../../../ui/LanguageSwitch';
import { PageSpinner } from '../../../ui/PageSpinner';
import { formatHours } from '../format';
import type { CertificateVerification } from '../types';

/**
 * /verify/certificate/:certNo — public, no login: what scanning a service certificate's QR code
 * opens. Valid or not, with the masked name, the hours, the period and the issuer.
 */
export function VerifyCertificatePage() {
  const { certNo = '' } = useParams();
  const { t, formatDate } = useI18n();
  const result = useApi<CertificateVerification>(`/public/volunteering/certificates/${encodeURIComponent(certNo)}`);
  const notFound = result.error && (result.error.status === 404 || result.error.status === 400);
  const data = result.data?.certNo === certNo ? result.data : undefined;
  const valid = data?.valid === true;

  let body;
  if (data || notFound) {
    body = (
      <Card data-testid="verify-certificate-result" data-valid={valid ? 'true' : 'false'}>
        <Flex vertical align="center" gap={8} style={{ marginBottom: data?.name ? 16 : 0 }}>
          {valid ? <CheckCircleFilled style={{ fontSize: 56, color: '#389e0d' }} /> : <CloseCircleFilled style={{ fontSize: 56, color: '#cf1322' }} />}
          <Typography.Title level={3} style={{ margin: 0, color: valid ? '#389e0d' : '#cf1322' }}>
            {t(valid ? 'verifyCertificate.valid' : 'verifyCertificate.invalid')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('verifyCertificate.no', { no: certNo })}</Typography.Text>
          {!data && <Typography.Text type="secondary">{t('verifyCertificate.unknown')}</Typography.Text>}
        </Flex>
        {data?.name && (
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'name', label: t('certificate.name'), children: data.name },
              { key: 'hours', label: t('certificate.hours'), children: data.hours === null ? '' : t('certificate.hoursValue', { hours: formatHours(data.hours) }) },
              { key: 'period', label: t('certificate.period'), children: t('certificate.periodValue', { from: formatDate(data.periodFrom), to: formatDate(data.periodTo) }) },
              { key: 'issuer', label: t('certificates.issuer'), children: data.issuerName ?? '' },
              { key: 'issuedOn', label: t('certificates.issuedOn'), children: formatDate(data.issuedOn) },
            ]}
          />
        )}
      </Card>
    );
  } else if (result.error) {
    body = <ErrorAlert error={result.error} onRetry={result.reload} />;
  } else {
    body = <PageSpinner />;
  }

  return (
    <div className="gj-login" style={{ justifyContent: 'flex-start' }}>
      <div className="gj-login__top">
        <Link to="/" style={{ textDecoration: 'none' }}>
          <Brand />
        </Link>
        <LanguageSwitch size="small" />
      </div>
      <div className="gj-login__card">
        <Typography.Title level={4} style={{ textAlign: 'center', marginTop: 0 }}>
          {t('verifyCertificate.title')}
        </Typography.Title>
        {body}
      </div>
    </div>
  );
}
