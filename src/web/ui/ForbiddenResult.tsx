import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../lib/i18n/useI18n';

export function ForbiddenResult() {
  const { t } = useI18n();
  return (
    <Result
      status="403"
      title={t('result.forbidden.title')}
      subTitle={t('result.forbidden.subtitle')}
      extra={
        <Link to="/">
          <Button type="primary">{t('result.backHome')}</Button>
        </Link>
      }
    />
  );
}
