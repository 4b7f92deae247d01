import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { RegistrationCard } from '../types';
import { CardQr } from './CardQr';

/**
 * The registration card (报到证): red title, holder, unit, community, cycle, card number, date and
 * the QR code that opens the public check (/verify/:cardNo). Used on the member's page and printed.
 */
export function RegistrationCardView({ card, qrSize = 124 }: { card: RegistrationCard; qrSize?: number }) {
  const { t, formatDate } = useI18n();
  const community = [card.streetName, card.communityName].filter(Boolean).join(' · ');
  const showUnit = card.unitName && card.unitName !== card.holderName;
  return (
    <div className="gj-reg-card" data-testid="registration-card">
      <div className="gj-reg-card__head">
        <h2 className="gj-reg-card__title">{t('card.title')}</h2>
        <div className="gj-reg-card__subtitle">{t(card.kind === 'unit' ? 'card.subtitle.unit' : 'card.subtitle.member')}</div>
      </div>
      <div className="gj-reg-card__body">
        <dl className="gj-reg-card__fields">
          <dt>{t(card.kind === 'unit' ? 'card.unit' : 'card.holder')}</dt>
          <dd className="gj-reg-card__holder" data-testid="card-holder">
            {card.holderName}
          </dd>
          {showUnit && (
            <>
              <dt>{t('card.employer')}</dt>
              <dd>{card.unitName}</dd>
            </>
          )}
          <dt>{t('card.community')}</dt>
          <dd>{community}</dd>
          <dt>{t('card.cycle')}</dt>
          <dd>{card.cycleName}</dd>
          <dt>{t('card.no')}</dt>
          <dd className="gj-reg-card__no" data-testid="card-no">
            {card.cardNo}
          </dd>
          <dt>{t('card.confirmedAt')}</dt>
          <dd>{formatDate(card.confirmedAt)}</dd>
        </dl>
        <div className="gj-reg-card__qr">
          <CardQr svg={card.qrSvg} size={qrSize} />
          <div>{t('card.scanToVerify')}</div>
        </div>
      </div>
      <div className="gj-reg-card__foot">
        <span>{t('card.issuer', { community: card.communityName })}</span>
        {card.status !== 'confirmed' && <Tag color="default">{t(`registrationStatus.${card.status}`)}</Tag>}
      </div>
    </div>
  );
}
