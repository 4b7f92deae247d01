import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import { PRIORITY_COLORS } from '../constants';
import type { Priority } from '../types';

/** A need's priority; "normal" is not worth a tag unless `always`. */
export function PriorityTag({ priority, always = false }: { priority: Priority; always?: boolean }) {
  const { t } = useI18n();
  if (priority === 'normal' && !always) return null;
  return <Tag color={PRIORITY_COLORS[priority]}>{t(`lists.priority.${priority}`)}</Tag>;
}
