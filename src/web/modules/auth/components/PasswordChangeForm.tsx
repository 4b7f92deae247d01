import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api, toApiError } from '../../../lib/api';
import { applyFieldErrors } from '../../../lib/forms';
import { passwordPolicyReasons } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useFeedback } from '../../../ui/useFeedback';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Own password change; the server's policy reasons (too_short, reused…) are shown translated. */
export function PasswordChangeForm({ onChanged }: { onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const feedback = useFeedback();
  const [form] = Form.useForm<PasswordValues>();
  const [submitting, setSubmitting] = useState(false);
  const [policyReasons, setPolicyReasons] = useState<string[]>([]);

  const onFinish = async ({ currentPassword, newPassword }: PasswordValues) => {
    setSubmitting(true);
    setPolicyReasons([]);
    try {
      await api.post('/auth/password', { currentPassword, newPassword });
      form.resetFields();
      feedback.ok(t('password.changed'));
      onChanged();
    } catch (error) {
      const e = toApiError(error);
      const reasons = passwordPolicyReasons(i18n, e);
      if (reasons.length > 0) {
        setPolicyReasons(reasons); // shown in an alert right under the new password
      } else if (e.code === 'AUTH_WRONG_PASSWORD') {
        form.setFields([{ name: 'currentPassword', errors: [t('error.AUTH_WRONG_PASSWORD')] }]);
      } else if (!applyFieldErrors(form, e, i18n)) {
        feedback.fail(e);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form<PasswordValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => void onFinish(values)}
      style={{ maxWidth: 420 }}
      data-testid="password-form"
    >
      <Typography.Paragraph type="secondary">{t('password.policyHint')}</Typography.Paragraph>
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[{ required: true, message: t('password.currentRequired') }]}
      >
        <Input.Password autoComplete="current-password" data-testid="password-current" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        rules={[{ required: true, message: t('password.newRequired') }]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-new" onChange={() => setPolicyReasons([])} />
      </Form.Item>
      {policyReasons.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="password-policy-reasons"
          title={t('error.PASSWORD_POLICY')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {policyReasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Form.Item
        name="confirmPassword"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value: unknown) =>
              !value || getFieldValue('newPassword') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="password-confirm" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submitting} data-testid="password-submit">
        {t('password.submit')}
      </Button>
    </Form>
  );
}
