import { CrownFilled, EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Result, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../../../app/useAuth';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { PageSpinner } from '../../../ui/PageSpinner';
import { TeamMembersModal } from '../components/TeamMembersModal';
import type { TeamMember, VolunteerTeamDetail } from '../types';

/** /directory/teams/:id: a volunteer team and its members; with team.write, edit who is in it. */
export function TeamDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const canWrite = can('directory.team.write');
  const canReadMembers = can('directory.member.read');
  const canReadOrganizations = can('directory.organization.read');
  const team = useApi<VolunteerTeamDetail>(`/volunteer-teams/${encodeURIComponent(id)}`);
  const [editing, setEditing] = useState<VolunteerTeamDetail | null>(null);
  const crumbs = [{ title: t('team.title'), to: '/directory/teams' }];

  const data = team.data?.id === id ? team.data : undefined;
  if (team.error?.status === 404) {
    return (
      <Result
        status="404"
        title={t('error.NOT_FOUND')}
        extra={
          <Link to="/directory/teams">
            <Button>{t('team.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  if (!data) return team.error ? <ErrorAlert error={team.error} onRetry={team.reload} /> : <PageSpinner />;

  // Leaders first, then by name.
  const members = [...data.members].sort((a, b) => Number(b.isLeader) - Number(a.isLeader) || a.name.localeCompare(b.name, 'zh-CN'));
  const columns: TableColumnsType<TeamMember> = [
    {
      title: t('member.name'),
      dataIndex: 'name',
      render: (name: string, m) => (
        <Space size={6}>
          {canReadMembers ? <Link to={`/directory/members/${encodeURIComponent(m.memberId)}`}>{name}</Link> : name}
          {m.isLeader && (
            <Tag color="gold" icon={<CrownFilled />} style={{ marginInlineEnd: 0 }}>
              {t('team.leader')}
            </Tag>
          )}
        </Space>
      ),
    },
    { title: t('field.phone'), dataIndex: 'phoneMasked', render: (v: string | null) => v ?? '' },
  ];

  return (
    <>
      <PageHeader
        crumbs={crumbs}
        title={
          <Space size="small" wrap>
            {data.name}
            <Tag style={{ marginInlineEnd: 0 }}>{t(`teamKind.${data.kind}`)}</Tag>
          </Space>
        }
        extra={
          canWrite && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(data)} data-testid="team-members-edit">
              {t('team.editMembers')}
            </Button>
          )
        }
      />
      <Flex vertical gap="middle">
        <Card>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 3 }}
            items={[
              {
                key: 'organization',
                label: t('team.organization'),
                children: canReadOrganizations ? (
                  <Link to={`/directory/organizations/${encodeURIComponent(data.organizationId)}`}>{data.organizationName}</Link>
                ) : (
                  data.organizationName
                ),
              },
              { key: 'kind', label: t('team.kind'), children: t(`teamKind.${data.kind}`) },
              { key: 'members', label: t('team.members'), children: data.memberCount },
              {
                key: 'description',
                label: t('team.description'),
                span: 'filled',
                children: data.description ? (
                  <span style={{ whiteSpace: 'pre-wrap' }}>{data.description}</span>
                ) : (
                  <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
                ),
              },
            ]}
          />
        </Card>
        <Card title={t('team.members')} data-testid="team-members">
          <Table<TeamMember>
            rowKey="memberId"
            size="small"
            columns={columns}
            dataSource={members}
            pagination={members.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('team.noMembers') }}
          />
        </Card>
      </Flex>
      <TeamMembersModal
        team={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          team.reload();
        }}
      />
    </>
  );
}
