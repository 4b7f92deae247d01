import type { ReactNode } from 'react';
import { RightOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Space, Spin, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { User } from '../../../lib/types';
import { RoleAssignmentTag } from '../../../ui/RoleAssignmentTag';
import { UserStatusTag } from '../../../ui/UserStatusTag';

/** The users list on a phone: one card per user instead of a wide table. */
export function UserCardList({
  users,
  loading,
  renderActions,
}: {
  users: User[];
  loading: boolean;
  renderActions?: (user: User) => ReactNode;
}) {
  const { t, formatDateTime } = useI18n();
  if (!loading && users.length === 0) return <Empty description={t('users.empty')} />;
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={8} data-testid="users-cards">
        {users.map((u) => (
          <Card key={u.id} size="small" data-testid={`user-card-${u.account}`}>
            <Link to={`/admin/users/${encodeURIComponent(u.id)}`} style={{ color: 'inherit' }}>
              <Flex justify="space-between" align="center" gap="small">
                <div style={{ minWidth: 0 }}>
                  <Typography.Text strong>{u.displayName}</Typography.Text>{' '}
                  <Typography.Text type="secondary">@{u.account}</Typography.Text>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {u.phoneMasked ? `${u.phoneMasked} · ` : ''}
                      {t('field.lastLoginAt')} {u.lastLoginAt ? formatDateTime(u.lastLoginAt) : t('common.never')}
                    </Typography.Text>
                  </div>
                </div>
                <Space>
                  <UserStatusTag status={u.status} />
                  <RightOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />
                </Space>
              </Flex>
            </Link>
            <Space size={[4, 4]} wrap style={{ marginTop: 8 }}>
              {u.roles.length === 0 ? (
                <Typography.Text type="secondary">{t('users.noRoles')}</Typography.Text>
              ) : (
                u.roles.map((r) => <RoleAssignmentTag key={r.id} assignment={r} />)
              )}
            </Space>
            {renderActions && <div style={{ marginTop: 4, marginInlineStart: -8 }}>{renderActions(u)}</div>}
          </Card>
        ))}
      </Flex>
    </Spin>
  );
}
