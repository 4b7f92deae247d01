import { App } from 'antd';
import { useMemo } from 'react';
import { errorText } from '../lib/errors';
import { useI18n } from '../lib/i18n/useI18n';

/** Short toasts: `ok(text)` after an action worked, `fail(error)` when it did not. */
export function useFeedback() {
  const { message } = App.useApp();
  const i18n = useI18n();
  return useMemo(
    () => ({
      ok: (text: string) => {
        void message.success(text);
      },
      fail: (error: unknown) => {
        void message.error(errorText(i18n, error));
      },
    }),
    [message, i18n],
  );
}
