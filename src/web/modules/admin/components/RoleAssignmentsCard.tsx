import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/useAuth';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { ItemList, RoleAssignment } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { ROLE_COLORS } from '../../../ui/roleColors';
import { useFeedback } from '../../../ui/useFeedback';
import { AddRoleModal } from './AddRoleModal';

/** A user's role assignments; with admin.role.assign, add and remove them. */
export function RoleAssignmentsCard({ userId, onChanged }: { userId: string; onChanged: () => void }) {
  const { t, formatDate } = useI18n();
  const { can } = useAuth();
  const canAssign = can('admin.role.assign');
  const feedback = useFeedback();
  const assignments = useApi<ItemList<RoleAssignment>>(`/users/${encodeURIComponent(userId)}/role-assignments`);
  const [adding, setAdding] = useState(false);

  const changed = () => {
    assignments.reload();
    onChanged();
  };

  const remove = async (a: RoleAssignment) => {
    try {
      await api.delete(`/role-assignments/${encodeURIComponent(a.id)}`);
      feedback.ok(t('roles.removed'));
    } catch (error) {
      feedback.fail(error);
    } finally {
      changed();
    }
  };

  const scopeLabel = (a: RoleAssignment) =>
    a.scopeType === 'system' ? t('scopeType.system') : (a.scopeName ?? a.scopeId ?? '');

  const columns: TableColumnsType<RoleAssignment> = [
    {
      title: t('roles.role'),
      dataIndex: 'role',
      render: (_, a) => <Tag color={ROLE_COLORS[a.role]}>{t(`role.${a.role}`)}</Tag>,
    },
    { title: t('roles.scopeType'), dataIndex: 'scopeType', render: (_, a) => t(`scopeType.${a.scopeType}`) },
    { title: t('roles.scope'), key: 'scope', render: (_, a) => scopeLabel(a) },
    { title: t('roles.assignedAt'), dataIndex: 'createdAt', render: (v: string) => formatDate(v) },
  ];
  if (canAssign) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, a) => (
        <Popconfirm
          title={t('roles.removeTitle', { role: t(`role.${a.role}`) })}
          description={t('roles.removeConfirm', { scope: scopeLabel(a) })}
          okText={t('roles.remove')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() => remove(a)}
        >
          <Button type="link" danger size="small" data-testid={`role-remove-${a.id}`}>
            {t('roles.remove')}
          </Button>
        </Popconfirm>
      ),
    });
  }

  return (
    <Card
      title={t('roles.title')}
      data-testid="role-assignments"
      extra={
        canAssign && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="role-add">
            {t('roles.add')}
          </Button>
        )
      }
    >
      {assignments.error && <ErrorAlert error={assignments.error} onRetry={assignments.reload} />}
      <Table<RoleAssignment>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={assignments.data?.items ?? []}
        loading={assignments.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Typography.Text type="secondary">{t('roles.empty')}</Typography.Text> }}
      />
      <AddRoleModal
        userId={userId}
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={() => {
          setAdding(false);
          changed();
        }}
      />
    </Card>
  );
}
