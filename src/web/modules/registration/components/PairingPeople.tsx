import { Typography } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';

interface GroupEntry {
  name: string;
  post: string;
}

/**
 * `书记 许文生 · 联络员 张丽华`, and the side's leading group (领导小组: 王建国 组长、…): the people of
 * one side of a pairing; both sides may see them.
 */
export function PairingPeople({ secretary, liaison, group = [] }: { secretary: string | null; liaison: string | null; group?: GroupEntry[] }) {
  const { t, tName } = useI18n();
  const parts = [
    secretary ? t('pairing.secretaryIs', { name: secretary }) : null,
    liaison ? t('pairing.liaisonIs', { name: liaison }) : null,
  ].filter(Boolean);
  if (parts.length === 0 && group.length === 0) return null;
  return (
    <>
      {parts.length > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {parts.join(' · ')}
        </Typography.Text>
      )}
      {group.length > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid="pairing-leading-group">
          {t('pairing.leadingGroupIs', { names: group.map((g) => `${g.name}（${tName('leadingPost', g.post)}）`).join('、') })}
        </Typography.Text>
      )}
    </>
  );
}
