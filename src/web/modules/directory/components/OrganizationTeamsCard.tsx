import { RightOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { Page } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import type { VolunteerTeam } from '../types';

/** The volunteer teams of an organisation, each a link to its page. */
export function OrganizationTeamsCard({ organizationId }: { organizationId: string }) {
  const { t } = useI18n();
  const teams = useApi<Page<VolunteerTeam>>('/volunteer-teams', { organizationId, pageSize: 100 });
  const items = teams.data?.items ?? [];
  return (
    <Card
      title={t('team.title')}
      data-testid="organization-teams"
      extra={
        <Link to={`/directory/teams?organizationId=${encodeURIComponent(organizationId)}`}>{t('organization.allTeams')}</Link>
      }
    >
      {teams.error && <ErrorAlert error={teams.error} onRetry={teams.reload} />}
      {!teams.loading && items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('team.empty')} />
      ) : (
        <List<VolunteerTeam>
          loading={teams.loading}
          dataSource={items}
          size="small"
          renderItem={(team) => (
            <List.Item>
              <Link to={`/directory/teams/${encodeURIComponent(team.id)}`} style={{ width: '100%', color: 'inherit' }}>
                <Flex justify="space-between" align="center" gap="small">
                  <Flex gap="small" align="center" wrap>
                    <Typography.Link>{team.name}</Typography.Link>
                    <Tag style={{ marginInlineEnd: 0 }}>{t(`teamKind.${team.kind}`)}</Tag>
                  </Flex>
                  <Flex gap="small" align="center" style={{ flex: 'none' }}>
                    <Typography.Text type="secondary">{t('team.memberCount', { n: team.memberCount })}</Typography.Text>
                    <RightOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />
                  </Flex>
                </Flex>
              </Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
