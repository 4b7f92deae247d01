import { Descriptions, Space, Tag, Typography } from 'antd';
import { useCurrentUser } from '../../../app/useAuth';
import { useI18n } from '../../../lib/i18n/useI18n';
import { RoleAssignmentTag } from '../../../ui/RoleAssignmentTag';
import { UserStatusTag } from '../../../ui/UserStatusTag';

/** The signed-in user's own data, roles and permissions (read-only). */
export function AccountPanel() {
  const { t, tName } = useI18n();
  const user = useCurrentUser();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions
        column={{ xs: 1, sm: 1, md: 2 }}
        bordered
        size="small"
        items={[
          { key: 'account', label: t('field.account'), children: user.account },
          { key: 'displayName', label: t('field.displayName'), children: user.displayName },
          { key: 'phone', label: t('field.phone'), children: user.phoneMasked ?? t('common.none') },
          { key: 'status', label: t('field.status'), children: <UserStatusTag status={user.status} /> },
          {
            key: 'roles',
            label: t('field.roles'),
            span: 'filled',
            children:
              user.roles.length === 0 ? (
                t('users.noRoles')
              ) : (
                <Space size={[4, 4]} wrap>
                  {user.roles.map((r) => (
                    <RoleAssignmentTag key={r.id} assignment={r} />
                  ))}
                </Space>
              ),
          },
        ]}
      />
      <div>
        <Typography.Title level={5}>{t('profile.permissions')}</Typography.Title>
        {user.permissions.length === 0 ? (
          <Typography.Text type="secondary">{t('profile.noPermissions')}</Typography.Text>
        ) : (
          <Space size={[4, 8]} wrap>
            {user.permissions.map((p) => (
              <Tag key={p} title={p}>
                {tName('perm', p)}
              </Tag>
            ))}
          </Space>
        )}
      </div>
    </Space>
  );
}
