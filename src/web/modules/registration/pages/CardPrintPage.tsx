import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Flex, Result } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageSpinner } from '../../../ui/PageSpinner';
import { RegistrationCardView } from '../components/RegistrationCardView';
import type { RegistrationCard } from '../types';
import '../registration.css';

/** /registration/cards/:id: the card (报到证) of a registration on an A6 sheet, to print. */
export function CardPrintPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const card = useApi<RegistrationCard>(`/registrations/${encodeURIComponent(id)}/card`);

  if (card.error?.status === 404) {
    return (
      <Result
        status="404"
        title={t('error.NOT_FOUND')}
        extra={
          <Link to="/registration/me">
            <Button>{t('nav.myRegistration')}</Button>
          </Link>
        }
      />
    );
  }
  if (!card.data) return card.error ? <ErrorAlert error={card.error} onRetry={card.reload} /> : <PageSpinner />;

  return (
    <div className="gj-print">
      <Flex justify="space-between" gap="small" wrap className="gj-no-print">
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
          {t('common.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="card-print">
          {t('common.print')}
        </Button>
      </Flex>
      <div className="gj-card-sheet">
        <RegistrationCardView card={card.data} qrSize={160} />
      </div>
    </div>
  );
}
