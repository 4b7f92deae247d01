import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { RegistrationKind } from '../types';

/** 党员 / 单位: who reported in. */
export function RegistrationKindTag({ kind }: { kind: RegistrationKind }) {
  const { t } = useI18n();
  return (
    <Tag color={kind === 'unit' ? 'blue' : 'red'} style={{ marginInlineEnd: 0 }}>
      {t(`registrationKind.${kind}`)}
    </Tag>
  );
}
