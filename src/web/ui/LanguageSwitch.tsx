import { Segmented } from 'antd';
import { useI18n } from '../lib/i18n/useI18n';
import { LOCALES, type Locale } from '../lib/i18n/messages';

/** 中文 / English, remembered in localStorage by the I18nProvider. */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  const { locale, setLocale, t } = useI18n();
  return (
    <Segmented<Locale>
      data-testid="lang-switch"
      aria-label={t('lang.label')}
      size={size}
      value={locale}
      onChange={setLocale}
      options={LOCALES.map((l) => ({ value: l, label: <span lang={l}>{t(`lang.${l}`)}</span> }))}
    />
  );
}
