import { Tag, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import { RowCard } from '../../../ui/RowCard';
import type { VolunteerTeam } from '../types';

/** A volunteer team on a phone: a card linking to the team. */
export function TeamCard({ team }: { team: VolunteerTeam }) {
  const { t } = useI18n();
  return (
    <RowCard
      to={`/directory/teams/${encodeURIComponent(team.id)}`}
      title={team.name}
      tag={<Tag style={{ marginInlineEnd: 0 }}>{t(`teamKind.${team.kind}`)}</Tag>}
      testId="team-card"
      id={team.id}
    >
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {team.organizationName} · {t('team.memberCount', { n: team.memberCount })}
      </Typography.Text>
    </RowCard>
  );
}
