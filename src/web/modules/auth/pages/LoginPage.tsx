import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { CHANGE_PASSWORD_PATH } from '../../../app/RequireAuth';
import { useAuth } from '../../../app/useAuth';
import { safeNextPath } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n/useI18n';
import { Brand } from '../../../ui/Brand';
import { LanguageSwitch } from '../../../ui/LanguageSwitch';
import { PageSpinner } from '../../../ui/PageSpinner';

interface LoginValues {
  account: string;
  password: string;
}

export function LoginPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const auth = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const [form] = Form.useForm<LoginValues>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (auth.user === undefined) return <PageSpinner fullScreen />;
  if (auth.user) {
    return <Navigate to={auth.user.mustChangePassword ? CHANGE_PASSWORD_PATH : next} replace />;
  }

  const onFinish = async (values: LoginValues) => {
    setSubmitting(true);
    setError(null);
    try {
      const user = await auth.login(values.account.trim(), values.password);
      void navigate(user.mustChangePassword ? CHANGE_PASSWORD_PATH : next, { replace: true });
    } catch (e) {
      setError(errorText(i18n, e));
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <main className="gj-login">
      <div className="gj-login__top">
        <Brand />
        <LanguageSwitch size="small" />
      </div>
      <Card className="gj-login__card" title={t('login.title')}>
        {params.has('next') && !error && (
          <Alert type="info" showIcon title={t('login.pleaseSignIn')} style={{ marginBottom: 16 }} />
        )}
        {error && (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" role="alert" />
        )}
        <Form<LoginValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => void onFinish(values)}
          data-testid="login-form"
          size="large"
        >
          <Form.Item
            name="account"
            label={t('login.account')}
            rules={[{ required: true, whitespace: true, message: t('login.accountRequired') }]}
          >
            <Input
              prefix={<UserOutlined />}
              placeholder={t('login.accountPlaceholder')}
              autoComplete="username"
              autoFocus
              data-testid="login-account"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              placeholder={t('login.passwordPlaceholder')}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 13 }}>
          {t('login.help')}
        </Typography.Paragraph>
        <Link to="/activate" style={{ display: 'inline-block', marginTop: 8 }} data-testid="login-activate">
          {t('login.activate')}
        </Link>
      </Card>
    </main>
  );
}
