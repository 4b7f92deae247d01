import type { ReactNode } from 'react';
import { ApartmentOutlined, EnvironmentOutlined, GlobalOutlined } from '@ant-design/icons';
import { Card, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { RoleAssignment, ScopeType } from '../../../lib/types';
import { ROLE_COLORS } from '../../../ui/roleColors';

const SCOPE_ICONS: Record<ScopeType, ReactNode> = {
  system: <GlobalOutlined />,
  region: <EnvironmentOutlined />,
  organization: <ApartmentOutlined />,
};

/** One role of the user and where it applies. */
export function RoleAssignmentCard({ assignment }: { assignment: RoleAssignment }) {
  const { t, formatDate } = useI18n();
  return (
    <Card size="small" data-testid="home-role-card" style={{ height: '100%' }}>
      <Space orientation="vertical" size={4}>
        <Tag color={ROLE_COLORS[assignment.role]} style={{ fontSize: 14, padding: '2px 8px' }}>
          {t(`role.${assignment.role}`)}
        </Tag>
        <Typography.Text>
          <Space size={6}>
            {SCOPE_ICONS[assignment.scopeType]}
            {assignment.scopeType === 'system' ? t('scopeType.system') : (assignment.scopeName ?? assignment.scopeId)}
          </Space>
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`scopeType.${assignment.scopeType}`)} · {t('roles.assignedAt')} {formatDate(assignment.createdAt)}
        </Typography.Text>
      </Space>
    </Card>
  );
}
