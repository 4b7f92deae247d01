import { Tag } from 'antd';
import { useI18n } from '../lib/i18n/useI18n';
import type { RoleAssignment } from '../lib/types';
import { ROLE_COLORS } from './roleColors';

/** `社区工作人员 · 幸福社区`: a role and where it applies (long names end in … with the full text on hover). */
export function RoleAssignmentTag({ assignment }: { assignment: Pick<RoleAssignment, 'role' | 'scopeType' | 'scopeName'> }) {
  const { t } = useI18n();
  const scope = assignment.scopeType === 'system' ? t('scopeType.system') : (assignment.scopeName ?? '');
  const text = scope ? `${t(`role.${assignment.role}`)} · ${scope}` : t(`role.${assignment.role}`);
  return (
    <Tag color={ROLE_COLORS[assignment.role]} title={text} className="gj-role-tag">
      {text}
    </Tag>
  );
}
