import { Button, Result } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { useI18n } from '../lib/i18n/useI18n';
import { NotFoundPage } from './NotFoundPage';

/** Shown when a page throws while rendering or its code cannot be loaded (after a deploy). */
export function RouteError() {
  const error = useRouteError();
  const { t } = useI18n();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  console.error(error);
  return (
    <Result
      status="error"
      title={t('result.crash.title')}
      subTitle={t('result.crash.subtitle')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('result.reload')}
        </Button>
      }
    />
  );
}
