import { Alert, Form } from 'antd';
import { api } from '../../../lib/api';
import { passwordPolicyReasons } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n/useI18n';
import { generatePassword } from '../../../lib/password';
import type { User } from '../../../lib/types';
import { FormModal } from '../../../ui/FormModal';
import { GeneratedPasswordInput } from './GeneratedPasswordInput';

/** An administrator sets a new password for `user`; the user must change it at the next sign-in. */
export function PasswordResetModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <FormModal<{ newPassword: string }>
      open={user !== null}
      title={user ? t('users.resetPasswordTitle', { name: user.displayName }) : ''}
      okText={t('users.resetPassword')}
      onClose={onClose}
      initialValues={{ newPassword: generatePassword() }}
      onSubmit={(values) => api.post(`/users/${encodeURIComponent(user!.id)}/password-reset`, { newPassword: values.newPassword })}
      success={t('users.resetPasswordDone')}
      onDone={onClose}
      onError={(error, form) => {
        const reasons = passwordPolicyReasons(i18n, error);
        if (reasons.length > 0) form.setFields([{ name: 'newPassword', errors: reasons }]);
        return reasons.length > 0;
      }}
      intro={<Alert type="info" showIcon title={t('users.resetPasswordHelp')} style={{ marginBottom: 16 }} />}
      submitTestId="password-reset-submit"
    >
      <Form.Item name="newPassword" label={t('password.new')} rules={[{ required: true, message: t('field.required') }]}>
        <GeneratedPasswordInput data-testid="password-reset-input" />
      </Form.Item>
    </FormModal>
  );
}
