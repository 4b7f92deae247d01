import { useI18n } from '../../../lib/i18n/useI18n';

/**
 * The QR code of a card (the server's SVG document) as an image: an <img> with a data: URL runs
 * no script, unlike SVG markup put into the page.
 */
export function CardQr({ svg, size, 'data-testid': dataTestId = 'card-qr' }: { svg: string; size: number; 'data-testid'?: string }) {
  const { t } = useI18n();
  return (
    <img
      className="gj-qr"
      src={`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`}
      width={size}
      height={size}
      alt={t('card.qrAlt')}
      data-testid={dataTestId}
    />
  );
}
