import { useI18n } from '../lib/i18n/useI18n';

/** The 共 mark, with the app's title (`title`) and its subtitle (`full`). */
export function Brand({ variant = 'full' }: { variant?: 'full' | 'title' | 'mark' }) {
  const { t } = useI18n();
  return (
    <div className="gj-brand">
      <span className="gj-brand__mark" aria-hidden="true">
        共
      </span>
      {variant !== 'mark' && (
        <span className="gj-brand__text">
          <span className="gj-brand__title">{t('app.title')}</span>
          {variant === 'full' && <span className="gj-brand__subtitle">{t('app.subtitle')}</span>}
        </span>
      )}
    </div>
  );
}
