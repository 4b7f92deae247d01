import { Form } from 'antd';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { RoleAssignment } from '../../../lib/types';
import { FormModal } from '../../../ui/FormModal';
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
  const { t } = useI18n();
  const [form] = Form.useForm<RoleScopeValues>();
  return (
    <FormModal<RoleScopeValues, RoleAssignment>
      open={open}
      title={t('roles.add')}
      okText={t('roles.add')}
      onClose={onClose}
      form={form}
      onSubmit={(values) =>
        api.post<RoleAssignment>('/role-assignments', {
          userId,
          role: values.role,
          scopeType: values.scopeType,
          ...(values.scopeType !== 'system' && values.scopeId ? { scopeId: values.scopeId } : {}),
        })
      }
      success={t('roles.added')}
      onDone={onAdded}
      testId="role-add-form"
      submitTestId="role-add-submit"
    >
      <RoleScopeFields form={form} testIdPrefix="role-add" />
    </FormModal>
  );
}
