import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Card, Descriptions, Flex, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useApi } from '../../../lib/useApi';
import { Brand } from '../../../ui/Brand';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LanguageSwitch } from '../../../ui/LanguageSwitch';
import { PageSpinner } from '../../../ui/PageSpinner';
import type { CardVerification } from '../types';

/**
 * /verify/:cardNo — public, no login: what scanning a card's QR code opens. Says whether the card
 * is valid (有效/无效), with the masked holder, community, unit and cycle.
 */
export function VerifyCardPage() {
  const { cardNo = '' } = useParams();
  const { t, formatDate } = useI18n();
  const result = useApi<CardVerification>(`/public/registration-cards/${encodeURIComponent(cardNo)}`);
  // An unknown or malformed number is an invalid card, not an error.
  const notFound = result.error && (result.error.status === 404 || result.error.status === 400);
  const data = result.data?.cardNo === cardNo ? result.data : undefined;
  const valid = data?.valid === true;

  let body;
  if (data || notFound) {
    body = (
      <Card data-testid="verify-result" data-valid={valid ? 'true' : 'false'}>
        <Flex vertical align="center" gap={8} style={{ marginBottom: data ? 16 : 0 }}>
          {valid ? (
            <CheckCircleFilled style={{ fontSize: 56, color: '#389e0d' }} />
          ) : (
            <CloseCircleFilled style={{ fontSize: 56, color: '#cf1322' }} />
          )}
          <Typography.Title level={3} style={{ margin: 0, color: valid ? '#389e0d' : '#cf1322' }}>
            {t(valid ? 'verify.valid' : 'verify.invalid')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('verify.cardNo', { no: cardNo })}</Typography.Text>
          {!valid && <Typography.Text type="secondary">{t(data ? 'verify.invalidHelp' : 'verify.unknown')}</Typography.Text>}
        </Flex>
        {data && data.holderName && (
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'holder', label: t(data.kind === 'unit' ? 'card.unit' : 'card.holder'), children: data.holderName },
              ...(data.unitName && data.unitName !== data.holderName
                ? [{ key: 'unit', label: t('card.employer'), children: data.unitName }]
                : []),
              { key: 'community', label: t('card.community'), children: data.communityName ?? '' },
              { key: 'cycle', label: t('card.cycle'), children: data.cycleName ?? '' },
              { key: 'confirmed', label: t('card.confirmedAt'), children: formatDate(data.confirmedAt) },
              ...(data.status ? [{ key: 'status', label: t('field.status'), children: t(`registrationStatus.${data.status}`) }] : []),
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
          {t('verify.title')}
        </Typography.Title>
        {body}
      </div>
    </div>
  );
}
