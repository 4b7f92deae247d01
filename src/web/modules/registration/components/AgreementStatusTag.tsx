import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import { AGREEMENT_STATUS_COLORS, AGREEMENT_STATUSES } from '../constants';
import type { AgreementStatus } from '../types';

/** `生效中`, `草稿`…; a status the client does not know yet is shown as the server words it. */
export function AgreementStatusTag({ status, 'data-testid': dataTestId }: { status: string; 'data-testid'?: string }) {
  const { tName } = useI18n();
  const known = (AGREEMENT_STATUSES as readonly string[]).includes(status);
  return (
    <Tag
      color={known ? AGREEMENT_STATUS_COLORS[status as AgreementStatus] : 'default'}
      style={{ marginInlineEnd: 0 }}
      data-testid={dataTestId}
    >
      {tName('agreementStatus', status)}
    </Tag>
  );
}
