import { Alert, Button, Card, Form, Input, Radio, Result, Segmented } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../../lib/api';
import { errorText, passwordPolicyReasons } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n/useI18n';
import { Brand } from '../../../ui/Brand';
import { LanguageSwitch } from '../../../ui/LanguageSwitch';
import type { ActivatedAccount } from '../types';

interface CodeValues {
  account: string;
  code: string;
  password: string;
  confirm: string;
}

interface IdentityValues {
  kind: 'member' | 'resident';
  name: string;
  phone: string;
  idLast6: string;
  password: string;
  confirm: string;
}

/**
 * 激活账号 on the phone, no login: with the account name and one-time code from the handed-out sheet,
 * or (本人核验) with name, phone and the ID number's last six characters as the directory has them.
 * Either way the person sets a password and is sent to the login page with the account name.
 */
export function ActivatePage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [params] = useSearchParams();
  const [way, setWay] = useState<'code' | 'identity'>(params.get('way') === 'identity' ? 'identity' : 'code');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reasons, setReasons] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);

  const run = async (path: string, body: object) => {
    setSubmitting(true);
    setError(null);
    setReasons([]);
    try {
      const result = await api.post<ActivatedAccount>(path, body, { noAuthRedirect: true });
      setDone(result.account);
    } catch (e) {
      setError(errorText(i18n, e));
      setReasons(passwordPolicyReasons(i18n, e));
    } finally {
      setSubmitting(false);
    }
  };

  const confirmRule = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: (_: unknown, value: string) => (value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('activate.confirmMismatch')))),
  });

  const passwordItems = (
    <>
      <Form.Item name="password" label={t('activate.password')} rules={[{ required: true, message: t('activate.passwordRequired') }]}>
        <Input.Password autoComplete="new-password" data-testid="activate-password" />
      </Form.Item>
      <Form.Item name="confirm" label={t('activate.confirm')} dependencies={['password']} rules={[{ required: true, message: t('activate.passwordRequired') }, confirmRule]}>
        <Input.Password autoComplete="new-password" data-testid="activate-confirm" />
      </Form.Item>
    </>
  );

  const submitButton = (
    <Button type="primary" htmlType="submit" block loading={submitting} data-testid="activate-submit">
      {t('activate.submit')}
    </Button>
  );

  return (
    <main className="gj-login">
      <div className="gj-login__top">
        <Brand />
        <LanguageSwitch size="small" />
      </div>
      <Card className="gj-login__card" title={t('activate.title')}>
        {done ? (
          <Result
            status="success"
            title={t('activate.doneTitle')}
            subTitle={t('activate.doneText', { account: done })}
            extra={
              <Link to="/login">
                <Button type="primary" data-testid="activate-to-login">
                  {t('activate.toLogin')}
                </Button>
              </Link>
            }
            data-testid="activate-done"
          />
        ) : (
          <>
            <Segmented
              block
              value={way}
              onChange={(v) => {
                setWay(v as 'code' | 'identity');
                setError(null);
              }}
              options={[
                { value: 'code', label: t('activate.withCode') },
                { value: 'identity', label: t('activate.withIdentity') },
              ]}
              style={{ marginBottom: 16 }}
              data-testid="activate-way"
            />
            {error && (
              <Alert
                type="error"
                showIcon
                title={error}
                description={reasons.length ? reasons.join('；') : undefined}
                style={{ marginBottom: 16 }}
                role="alert"
                data-testid="activate-error"
              />
            )}
            {way === 'code' ? (
              <Form<CodeValues>
                layout="vertical"
                requiredMark={false}
                size="large"
                initialValues={{ account: params.get('account') ?? '' }}
                onFinish={(v) => void run('/accounts/activate', { account: v.account.trim(), code: v.code.trim(), password: v.password })}
                data-testid="activate-code-form"
              >
                <Form.Item name="account" label={t('activate.account')} rules={[{ required: true, whitespace: true, message: t('activate.accountRequired') }]}>
                  <Input autoComplete="username" autoCapitalize="none" data-testid="activate-account" />
                </Form.Item>
                <Form.Item name="code" label={t('activate.code')} extra={t('activate.codeHelp')} rules={[{ required: true, min: 8, message: t('activate.codeRequired') }]}>
                  <Input autoComplete="one-time-code" autoCapitalize="characters" data-testid="activate-code" />
                </Form.Item>
                {passwordItems}
                {submitButton}
              </Form>
            ) : (
              <Form<IdentityValues>
                layout="vertical"
                requiredMark={false}
                size="large"
                initialValues={{ kind: 'member' }}
                onFinish={(v) => void run('/accounts/self-activate', { kind: v.kind, name: v.name.trim(), phone: v.phone.trim(), idLast6: v.idLast6.trim().toUpperCase(), password: v.password })}
                data-testid="activate-identity-form"
              >
                <Form.Item name="kind" label={t('activate.kind')}>
                  <Radio.Group
                    options={[
                      { value: 'member', label: t('activate.kindMember') },
                      { value: 'resident', label: t('activate.kindResident') },
                    ]}
                  />
                </Form.Item>
                <Form.Item name="name" label={t('activate.name')} rules={[{ required: true, whitespace: true, message: t('activate.nameRequired') }]}>
                  <Input autoComplete="name" data-testid="activate-name" />
                </Form.Item>
                <Form.Item name="phone" label={t('activate.phone')} rules={[{ required: true, pattern: /^[+0-9 -]{5,20}$/, message: t('activate.phoneRequired') }]}>
                  <Input inputMode="tel" autoComplete="tel" data-testid="activate-phone" />
                </Form.Item>
                <Form.Item name="idLast6" label={t('activate.idLast6')} extra={t('activate.idLast6Help')} rules={[{ required: true, pattern: /^[0-9]{5}[0-9Xx]$/, message: t('activate.idLast6Required') }]}>
                  <Input maxLength={6} autoComplete="off" data-testid="activate-id-last6" />
                </Form.Item>
                {passwordItems}
                {submitButton}
              </Form>
            )}
          </>
        )}
      </Card>
    </main>
  );
}
