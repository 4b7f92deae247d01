import { RightOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { VolunteerTeam } from '../types';

/** The teams list on a phone: one card per team. */
export function TeamCardList({ teams, loading }: { teams: VolunteerTeam[]; loading: boolean }) {
  const { t } = useI18n();
  if (!loading && teams.length === 0) return <Empty description={t('team.empty')} />;
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={8} data-testid="teams-cards">
        {teams.map((team) => (
          <Link key={team.id} to={`/directory/teams/${encodeURIComponent(team.id)}`} style={{ color: 'inherit' }}>
            <Card size="small" hoverable data-testid="team-card">
              <Flex justify="space-between" align="center" gap="small">
                <div style={{ minWidth: 0 }}>
                  <Flex gap={6} align="center" wrap>
                    <Typography.Text strong>{team.name}</Typography.Text>
                    <Tag style={{ marginInlineEnd: 0 }}>{t(`teamKind.${team.kind}`)}</Tag>
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {team.organizationName} · {t('team.memberCount', { n: team.memberCount })}
                  </Typography.Text>
                </div>
                <RightOutlined style={{ color: 'rgba(0,0,0,0.35)', flex: 'none' }} />
              </Flex>
            </Card>
          </Link>
        ))}
      </Flex>
    </Spin>
  );
}
