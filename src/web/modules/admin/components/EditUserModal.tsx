import { Form, Input } from 'antd';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import { PHONE_PATTERN } from '../../../lib/patterns';
import type { User } from '../../../lib/types';
import { FormModal } from '../../../ui/FormModal';

interface EditValues {
  displayName: string;
  phone?: string;
}

/** Name and phone of a user (PATCH /users/:id). The phone is only sent when a new one is typed. */
export function EditUserModal({
  user,
  onClose,
  onSaved,
}: {
  user: User | null;
  onClose: () => void;
  onSaved: (user: User) => void;
}) {
  const { t } = useI18n();
  return (
    <FormModal<EditValues, User>
      open={user !== null}
      title={user ? t('users.editTitle', { name: user.displayName }) : ''}
      onClose={onClose}
      initialValues={{ displayName: user?.displayName }}
      onSubmit={(values) =>
        api.patch<User>(`/users/${encodeURIComponent(user!.id)}`, {
          displayName: values.displayName.trim(),
          ...(values.phone ? { phone: values.phone.trim() } : {}),
        })
      }
      success={t('common.saved')}
      onDone={onSaved}
      submitTestId="user-edit-submit"
    >
      <Form.Item
        name="displayName"
        label={t('field.displayName')}
        rules={[{ required: true, whitespace: true, message: t('field.required') }, { max: 64 }]}
      >
        <Input data-testid="user-edit-displayName" />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('field.phone')}
        extra={user?.phoneMasked ?? undefined}
        rules={[{ pattern: PHONE_PATTERN, message: t('field.phoneInvalid') }]}
      >
        <Input inputMode="tel" maxLength={20} placeholder={user?.phoneMasked ?? ''} data-testid="user-edit-phone" />
      </Form.Item>
    </FormModal>
  );
}
