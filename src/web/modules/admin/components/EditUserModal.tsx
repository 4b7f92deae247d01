import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { applyFieldErrors } from '../../../lib/forms';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { User } from '../../../lib/types';
import { useFeedback } from '../../../ui/useFeedback';
import { PHONE_PATTERN } from '../../../lib/patterns';

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
  const i18n = useI18n();
  const { t } = i18n;
  const feedback = useFeedback();
  const [form] = Form.useForm<EditValues>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    if (!user) return;
    let values: EditValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSubmitting(true);
    try {
      const saved = await api.patch<User>(`/users/${encodeURIComponent(user.id)}`, {
        displayName: values.displayName.trim(),
        ...(values.phone ? { phone: values.phone.trim() } : {}),
      });
      feedback.ok(t('common.saved'));
      onSaved(saved);
    } catch (error) {
      if (!applyFieldErrors(form, error, i18n)) feedback.fail(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('users.editTitle', { name: user.displayName }) : ''}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'user-edit-submit' }}
      destroyOnHidden
    >
      {user && (
        <Form form={form} layout="vertical" initialValues={{ displayName: user.displayName }} preserve={false}>
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
            extra={user.phoneMasked ?? undefined}
            rules={[{ pattern: PHONE_PATTERN, message: t('field.phoneInvalid') }]}
          >
            <Input inputMode="tel" maxLength={20} placeholder={user.phoneMasked ?? ''} data-testid="user-edit-phone" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

