import { Button, Typography } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { RegistrationCard } from '../types';
import { CardQr } from './CardQr';

/**
 * 出示报到证: the card over the whole screen, with a QR code large enough to scan from a counter,
 * for a member to hold up at the community's desk. Escape or the button closes it.
 */
export function CardFullscreen({ card, onClose }: { card: RegistrationCard; onClose: () => void }) {
  const { t } = useI18n();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    const overflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    return () => {
      window.removeEventListener('keydown', onKey);
      document.body.style.overflow = overflow;
    };
  }, [onClose]);

  const size = Math.max(160, Math.min(320, Math.floor(Math.min(window.innerWidth * 0.75, window.innerHeight * 0.45))));
  return (
    <div className="gj-card-fullscreen" role="dialog" aria-modal="true" aria-label={t('card.title')} data-testid="card-fullscreen">
      <div className="gj-card-fullscreen__head">
        <h2 className="gj-reg-card__title">{t('card.title')}</h2>
        <div className="gj-reg-card__subtitle">{card.cycleName}</div>
      </div>
      <div className="gj-card-fullscreen__body">
        <div className="gj-card-fullscreen__holder">{card.holderName}</div>
        {card.unitName && card.unitName !== card.holderName && <Typography.Text type="secondary">{card.unitName}</Typography.Text>}
        <CardQr svg={card.qrSvg} size={size} data-testid="card-fullscreen-qr" />
        <Typography.Text strong style={{ fontSize: 18 }}>
          {[card.streetName, card.communityName].filter(Boolean).join(' · ')}
        </Typography.Text>
        <Typography.Text className="gj-reg-card__no" style={{ fontSize: 16 }}>
          {t('card.noLabel', { no: card.cardNo })}
        </Typography.Text>
      </div>
      <Button size="large" className="gj-card-fullscreen__close" onClick={onClose} data-testid="card-fullscreen-close">
        {t('common.close')}
      </Button>
    </div>
  );
}
