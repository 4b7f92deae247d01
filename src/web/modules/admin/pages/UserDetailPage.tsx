import { EditOutlined } from '@ant-design/icons';
import { Card, Descriptions, Flex, Result, Button } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../../../app/useAuth';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { User } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { PageSpinner } from '../../../ui/PageSpinner';
import { UserStatusTag } from '../../../ui/UserStatusTag';
import { EditUserModal } from '../components/EditUserModal';
import { PasswordResetModal } from '../components/PasswordResetModal';
import { RoleAssignmentsCard } from '../components/RoleAssignmentsCard';
import { UserActions } from '../components/UserActions';

/** /admin/users/:id: one user's data, status, password reset and role assignments. */
export function UserDetailPage() {
  const { id = '' } = useParams();
  const { t, formatDateTime } = useI18n();
  const auth = useAuth();
  const canWrite = auth.can('admin.user.write');
  const user = useApi<User>(`/users/${encodeURIComponent(id)}`);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const crumbs = [{ title: t('users.backToList'), to: '/admin/users' }];

  const data = user.data?.id === id ? user.data : undefined;
  const isSelf = auth.user?.id === id;
  const changed = () => {
    user.reload();
    if (isSelf) void auth.refresh();
  };

  if (user.error?.status === 404) {
    return (
      <Result
        status="404"
        title={t('error.NOT_FOUND')}
        extra={
          <Link to="/admin/users">
            <Button>{t('users.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  if (!data) {
    return user.error ? <ErrorAlert error={user.error} onRetry={user.reload} /> : <PageSpinner />;
  }

  return (
    <>
      <PageHeader
        crumbs={crumbs}
        title={`${data.displayName} (${data.account})`}
        extra={
          canWrite && (
            <>
              <Button icon={<EditOutlined />} onClick={() => setEditing(data)} data-testid="user-edit">
                {t('users.edit')}
              </Button>
              <UserActions user={data} onChanged={changed} onResetPassword={setResetting} />
            </>
          )
        }
      />
      <Flex vertical gap="middle">
        <Card>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 3 }}
            items={[
              { key: 'account', label: t('field.account'), children: data.account },
              { key: 'displayName', label: t('field.displayName'), children: data.displayName },
              { key: 'phone', label: t('field.phone'), children: data.phoneMasked ?? t('common.none') },
              { key: 'status', label: t('field.status'), children: <UserStatusTag status={data.status} /> },
              {
                key: 'lastLoginAt',
                label: t('field.lastLoginAt'),
                children: data.lastLoginAt ? formatDateTime(data.lastLoginAt) : t('common.never'),
              },
              { key: 'createdAt', label: t('field.createdAt'), children: formatDateTime(data.createdAt) },
            ]}
          />
        </Card>
        <RoleAssignmentsCard userId={data.id} onChanged={changed} />
      </Flex>
      <EditUserModal
        user={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          changed();
        }}
      />
      <PasswordResetModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
