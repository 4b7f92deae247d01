import { Form, Radio, Select, type FormInstance } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { Role, ScopeType } from '../../../lib/types';
import { ScopePicker } from '../../../ui/ScopePicker';
import { useRoles } from '../hooks/useRoles';

export interface RoleScopeValues {
  role: Role;
  scopeType: ScopeType;
  scopeId?: string;
}

/**
 * Role + scope type + scope, inside a parent <Form>: the scope types offered follow the chosen
 * role (GET /roles), and a region or organisation is asked for unless the scope is the whole system.
 */
export function RoleScopeFields({ form, testIdPrefix }: { form: FormInstance; testIdPrefix: string }) {
  const { t } = useI18n();
  const { roles, byRole } = useRoles();
  const role = Form.useWatch<Role | undefined>('role', form);
  const scopeType = Form.useWatch<ScopeType | undefined>('scopeType', form);
  const allowed = role ? (byRole.get(role)?.scopeTypes ?? []) : [];

  return (
    <>
      <Form.Item name="role" label={t('roles.role')} rules={[{ required: true, message: t('roles.roleRequired') }]}>
        <Select<Role>
          data-testid={`${testIdPrefix}-role`}
          options={roles.map((r) => ({ value: r.role, label: t(`role.${r.role}`) }))}
          onChange={(next) => {
            const types = byRole.get(next)?.scopeTypes ?? [];
            form.setFieldsValue({ scopeType: types[0], scopeId: undefined });
          }}
        />
      </Form.Item>
      {role && allowed.length > 0 && (
        <Form.Item name="scopeType" label={t('roles.scopeType')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            onChange={() => form.setFieldValue('scopeId', undefined)}
            options={allowed.map((type) => ({ value: type, label: t(`scopeType.${type}`) }))}
          />
        </Form.Item>
      )}
      {role && scopeType && scopeType !== 'system' && (
        <Form.Item
          name="scopeId"
          label={t('roles.scope')}
          rules={[{ required: true, message: t('roles.scopeRequired') }]}
        >
          <ScopePicker key={scopeType} type={scopeType} data-testid={`${testIdPrefix}-scope`} />
        </Form.Item>
      )}
    </>
  );
}
