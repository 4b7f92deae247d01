import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Flex, Result } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageSpinner } from '../../../ui/PageSpinner';
import { AgreementDocument } from '../components/AgreementDocument';
import type { Agreement } from '../types';
import '../registration.css';

/**
 * /registration/agreements/:id/print: the agreement on an A4 sheet as the paper original reads;
 * 打印 prints only the sheet (the print styles hide the menu and the header).
 */
export function AgreementPrintPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const agreement = useApi<Agreement>(`/agreements/${encodeURIComponent(id)}`);
  const backTo = `/registration/agreements/${encodeURIComponent(id)}`;

  if (agreement.error?.status === 404) {
    return (
      <Result
        status="404"
        title={t('error.NOT_FOUND')}
        extra={
          <Link to="/registration/agreements">
            <Button>{t('agreement.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  const data = agreement.data?.id === id ? agreement.data : undefined;
  if (!data) return agreement.error ? <ErrorAlert error={agreement.error} onRetry={agreement.reload} /> : <PageSpinner />;

  return (
    <div className="gj-print">
      <Flex justify="space-between" gap="small" wrap className="gj-no-print" style={{ marginBottom: 16 }}>
        <Link to={backTo}>
          <Button icon={<ArrowLeftOutlined />}>{t('common.back')}</Button>
        </Link>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="agreement-print-button">
          {t('common.print')}
        </Button>
      </Flex>
      <AgreementDocument agreement={data} />
    </div>
  );
}
