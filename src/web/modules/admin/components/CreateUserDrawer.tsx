import { Form, Input, Typography } from 'antd';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import { generatePassword } from '../../../lib/password';
import { ACCOUNT_PATTERN, PHONE_PATTERN } from '../../../lib/patterns';
import type { User } from '../../../lib/types';
import { FormDrawer } from '../../../ui/FormDrawer';
import { useFeedback } from '../../../ui/useFeedback';
import { GeneratedPasswordInput } from './GeneratedPasswordInput';
import { RoleScopeFields, type RoleScopeValues } from './RoleScopeFields';

interface NewUserValues extends RoleScopeValues {
  account: string;
  displayName: string;
  phone?: string;
  password: string;
}

/** New user with a first role assignment (POST /users). */
export function CreateUserDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (user: User) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const feedback = useFeedback();
  const [form] = Form.useForm<NewUserValues>();

  const onFinish = async (values: NewUserValues) => {
    const user = await api.post<User>('/users', {
      account: values.account.trim(),
      displayName: values.displayName.trim(),
      ...(values.phone ? { phone: values.phone.trim() } : {}),
      password: values.password,
      role: values.role,
      scopeType: values.scopeType,
      ...(values.scopeType !== 'system' && values.scopeId ? { scopeId: values.scopeId } : {}),
    });
    feedback.ok(t('users.created', { name: user.displayName }));
    form.resetFields();
    onCreated(user);
  };

  return (
    <FormDrawer<NewUserValues>
      open={open}
      onClose={onClose}
      title={t('users.new')}
      width={480}
      okText={t('common.create')}
      form={form}
      requiredMark="optional"
      initialValues={{ password: generatePassword() }}
      onSubmit={onFinish}
      testId="user-create-form"
      submitTestId="user-create-submit"
    >
      <Form.Item
        name="account"
        label={t('field.account')}
        rules={[
          { required: true, whitespace: true, message: t('field.required') },
          { pattern: ACCOUNT_PATTERN, message: t('field.accountInvalid') },
        ]}
      >
        <Input autoComplete="off" spellCheck={false} maxLength={64} data-testid="user-create-account" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('field.displayName')}
        rules={[{ required: true, whitespace: true, message: t('field.required') }, { max: 64 }]}
      >
        <Input autoComplete="off" data-testid="user-create-displayName" />
      </Form.Item>
      <Form.Item name="phone" label={t('field.phone')} rules={[{ pattern: PHONE_PATTERN, message: t('field.phoneInvalid') }]}>
        <Input inputMode="tel" autoComplete="off" maxLength={20} data-testid="user-create-phone" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('field.password')}
        extra={t('users.initialPasswordHelp')}
        rules={[{ required: true, message: t('field.required') }]}
      >
        <GeneratedPasswordInput data-testid="user-create-password" />
      </Form.Item>
      <Typography.Title level={5}>{t('users.firstRole')}</Typography.Title>
      <RoleScopeFields form={form} testIdPrefix="user-create" />
    </FormDrawer>
  );
}
