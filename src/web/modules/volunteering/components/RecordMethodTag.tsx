import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import { RECORD_METHOD_COLORS } from '../constants';
import type { RecordMethod } from '../types';

/** How an hours entry was recorded: scanned, typed code, by the organiser, supplementary. */
export function RecordMethodTag({ method }: { method: RecordMethod }) {
  const { t } = useI18n();
  return (
    <Tag color={RECORD_METHOD_COLORS[method]} style={{ marginInlineEnd: 0 }} data-method={method}>
      {t(`recordMethod.${method}`)}
    </Tag>
  );
}
