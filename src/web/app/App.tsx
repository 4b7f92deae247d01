import { App as AntdApp, ConfigProvider } from 'antd';
import enUSAntd from 'antd/locale/en_US';
import zhCNAntd from 'antd/locale/zh_CN';
import { useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import { I18nProvider } from '../lib/i18n/I18nProvider';
import type { Locale } from '../lib/i18n/messages';
import { useI18n } from '../lib/i18n/useI18n';
import { DICTIONARIES } from './dictionaries';
import { createAppRouter } from './router';
import { theme } from './theme';

const ANTD_LOCALES = { 'zh-CN': zhCNAntd, 'en-US': enUSAntd } satisfies Record<Locale, unknown>;

function ThemedApp() {
  const { locale } = useI18n();
  const [router] = useState(createAppRouter);
  return (
    <ConfigProvider locale={ANTD_LOCALES[locale]} theme={theme}>
      <AntdApp>
        <RouterProvider router={router} />
      </AntdApp>
    </ConfigProvider>
  );
}

/** Providers from the outside in: language → antd (locale, theme, toasts) → router → auth → pages. */
export function App() {
  return (
    <I18nProvider dictionaries={DICTIONARIES}>
      <ThemedApp />
    </I18nProvider>
  );
}
