import { Alert, Form, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { passwordPolicyReasons } from '../../../lib/errors';
import { applyFieldErrors } from '../../../lib/forms';
import { useI18n } from '../../../lib/i18n/useI18n';
import { generatePassword } from '../../../lib/password';
import type { User } from '../../../lib/types';
import { useFeedback } from '../../../ui/useFeedback';
import { GeneratedPasswordInput } from './GeneratedPasswordInput';

/** An administrator sets a new password for `user`; the user must change it at the next sign-in. */
export function PasswordResetModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const feedback = useFeedback();
  const [form] = Form.useForm<{ newPassword: string }>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    if (!user) return;
    let values: { newPassword: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSubmitting(true);
    try {
      await api.post(`/users/${encodeURIComponent(user.id)}/password-reset`, { newPassword: values.newPassword });
      feedback.ok(t('users.resetPasswordDone'));
      onClose();
    } catch (error) {
      const reasons = passwordPolicyReasons(i18n, error);
      if (reasons.length > 0) form.setFields([{ name: 'newPassword', errors: reasons }]);
      else if (!applyFieldErrors(form, error, i18n)) feedback.fail(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.resetPasswordTitle', { name: user.displayName }) : ''}
      okText={t('users.resetPassword')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'password-reset-submit' }}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('users.resetPasswordHelp')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" initialValues={{ newPassword: generatePassword() }} preserve={false}>
        <Form.Item name="newPassword" label={t('password.new')} rules={[{ required: true, message: t('field.required') }]}>
          <GeneratedPasswordInput data-testid="password-reset-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
