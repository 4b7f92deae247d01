import { Tag } from 'antd';
import { useI18n } from '../lib/i18n/useI18n';
import type { RoleAssignment } from '../lib/types';
import { ROLE_COLORS } from './roleColors';

/** `社区工作人员 · 幸福社区`: a role and where it applies. */
export function RoleAssignmentTag({ assignment }: { assignment: Pick<RoleAssignment, 'role' | 'scopeType' | 'scopeName'> }) {
  const { t } = useI18n();
  const scope = assignment.scopeType === 'system' ? t('scopeType.system') : (assignment.scopeName ?? '');
  return (
    <Tag color={ROLE_COLORS[assignment.role]} style={{ marginInlineEnd: 0 }}>
      {t(`role.${assignment.role}`)}
      {scope && ` · ${scope}`}
    </Tag>
  );
}
