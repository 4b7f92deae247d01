import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Flex, Result } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageSpinner } from '../../../ui/PageSpinner';
import { CertificateDocument } from '../components/CertificateDocument';
import type { Certificate } from '../types';
import '../volunteering.css';

/** /volunteering/certificates/:id: the service certificate on an A4 sheet, to print; its QR code opens the public check. */
export function CertificatePrintPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const certificate = useApi<Certificate>(`/volunteering/certificates/${encodeURIComponent(id)}`);

  if (certificate.error?.status === 404) {
    return (
      <Result
        status="404"
        title={t('error.NOT_FOUND')}
        extra={
          <Link to="/volunteering/certificates">
            <Button>{t('nav.volCertificates')}</Button>
          </Link>
        }
      />
    );
  }
  const c = certificate.data?.id === id ? certificate.data : undefined;
  if (!c) return certificate.error ? <ErrorAlert error={certificate.error} onRetry={certificate.reload} /> : <PageSpinner />;

  return (
    <div className="gj-print">
      <Flex justify="space-between" gap="small" wrap className="gj-no-print" style={{ marginBottom: 12 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
          {t('common.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="certificate-print">
          {t('certificate.print')}
        </Button>
      </Flex>
      <CertificateDocument certificate={c} />
    </div>
  );
}
