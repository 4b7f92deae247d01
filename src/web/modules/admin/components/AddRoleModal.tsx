import { Form, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { applyFieldErrors } from '../../../lib/forms';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { RoleAssignment } from '../../../lib/types';
import { useFeedback } from '../../../ui/useFeedback';
import { RoleScopeFields, type RoleScopeValues } from './RoleScopeFields';

/** Gives a user one more role in one scope (POST /role-assignments). */
export function AddRoleModal({
  userId,
  open,
  onClose,
  onAdded,
}: {
  userId: string;
  open: boolean;
  onClose: () => void;
  onAdded: (assignment: RoleAssignment) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const feedback = useFeedback();
  const [form] = Form.useForm<RoleScopeValues>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    let values: RoleScopeValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSubmitting(true);
    try {
      const created = await api.post<RoleAssignment>('/role-assignments', {
        userId,
        role: values.role,
        scopeType: values.scopeType,
        ...(values.scopeType !== 'system' && values.scopeId ? { scopeId: values.scopeId } : {}),
      });
      feedback.ok(t('roles.added'));
      onAdded(created);
    } catch (error) {
      if (!applyFieldErrors(form, error, i18n)) feedback.fail(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('roles.add')}
      okText={t('roles.add')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'role-add-submit' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} data-testid="role-add-form">
        <RoleScopeFields form={form} testIdPrefix="role-add" />
      </Form>
    </Modal>
  );
}
