import { useI18n } from '../../../lib/i18n/useI18n';
import { formatHours } from '../format';
import type { Certificate } from '../types';
import { QrImage } from './QrImage';

/**
 * 志愿服务证明 as the paper one looks (民发〔2015〕149号): the volunteer's identity, the service
 * (period, hours, content), the issuer with person in charge, handler and contact, the number,
 * the date, and the QR code that opens the public check.
 */
export function CertificateDocument({ certificate: c }: { certificate: Certificate }) {
  const { t, formatDate } = useI18n();
  const hours = formatHours(c.hours);
  return (
    <article className="gj-cert" data-testid="certificate-document">
      <h1 className="gj-cert__title" data-testid="certificate-title">
        {t('certificate.title')}
      </h1>
      <div className="gj-cert__no" data-testid="certificate-no">
        {t('certificate.no', { no: c.certNo })}
      </div>
      <table className="gj-cert__table">
        <tbody>
          <tr>
            <th>{t('certificate.name')}</th>
            <td data-testid="certificate-name">{c.name}</td>
          </tr>
          <tr>
            <th>{t('certificate.idType')}</th>
            <td>{c.idType}</td>
          </tr>
          <tr>
            <th>{t('certificate.idNumber')}</th>
            <td className="gj-masked">{c.idNumberMasked ?? ''}</td>
          </tr>
          <tr>
            <th>{t('certificate.volunteerNo')}</th>
            <td>{c.volunteerNo}</td>
          </tr>
          <tr>
            <th>{t('certificate.period')}</th>
            <td>{t('certificate.periodValue', { from: formatDate(c.periodFrom), to: formatDate(c.periodTo) })}</td>
          </tr>
          <tr>
            <th>{t('certificate.hours')}</th>
            <td data-testid="certificate-hours">{t('certificate.hoursValue', { hours })}</td>
          </tr>
          <tr>
            <th>{t('certificate.content')}</th>
            <td style={{ whiteSpace: 'pre-wrap' }}>{c.content}</td>
          </tr>
        </tbody>
      </table>
      <p className="gj-cert__body">
        {t('certificate.body', { name: c.name, from: formatDate(c.periodFrom), to: formatDate(c.periodTo), hours })}
      </p>
      <div className="gj-cert__foot">
        <div className="gj-cert__qr">
          <QrImage svg={c.qrSvg} text={c.verifyUrl} size={112} alt={t('certificate.qrAlt')} data-testid="certificate-qr" />
          <div>{t('certificate.qrHint')}</div>
        </div>
        <div className="gj-cert__issuer" data-testid="certificate-issuer">
          <p>{t('certificate.issuer', { name: c.issuerName })}</p>
          <p>{t('certificate.personInCharge', { name: c.personInCharge })}</p>
          <p>{t('certificate.handler', { name: c.handler })}</p>
          <p>{t('certificate.contact', { contact: c.contact })}</p>
          <p>{t('certificate.issuedOn', { date: formatDate(c.issuedOn) })}</p>
          <p>{t('certificate.seal')}</p>
        </div>
      </div>
    </article>
  );
}
