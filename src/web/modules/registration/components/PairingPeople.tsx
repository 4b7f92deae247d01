import { Typography } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';

/** `书记 许文生 · 联络员 张丽华`: the people of one side of a pairing, both sides may see them. */
export function PairingPeople({ secretary, liaison }: { secretary: string | null; liaison: string | null }) {
  const { t } = useI18n();
  const parts = [
    secretary ? t('pairing.secretaryIs', { name: secretary }) : null,
    liaison ? t('pairing.liaisonIs', { name: liaison }) : null,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
      {parts.join(' · ')}
    </Typography.Text>
  );
}
