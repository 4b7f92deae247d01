import { PlusOutlined } from '@ant-design/icons';
import { Button, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/useAuth';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { Page } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { CreateTeamModal } from '../components/CreateTeamModal';
import { ListPage } from '../../../ui/ListPage';
import { OrganizationSelect } from '../../../ui/OrganizationSelect';
import { TeamCard } from '../components/TeamCard';
import { useListParams } from '../../../lib/useListParams';
import { usePhone } from '../../../ui/usePhone';
import type { TeamKind, VolunteerTeam } from '../types';

const SORT_FIELDS: readonly never[] = [];

/** /directory/teams: volunteer teams (志愿者服务队, 应急队伍…), by organisation; create one. */
export function TeamsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const canWrite = can('directory.team.write');
  const canReadOrganizations = can('directory.organization.read');
  const navigate = useNavigate();
  const phone = usePhone();
  const list = useListParams(SORT_FIELDS);
  const { params, q, page, pageSize, update } = list;
  const [creating, setCreating] = useState(false);

  const organizationId = params.get('organizationId') ?? undefined;
  const teams = useApi<Page<VolunteerTeam>>('/volunteer-teams', { q, organizationId, page, pageSize });

  const columns: TableColumnsType<VolunteerTeam> = [
    {
      title: t('team.name'),
      dataIndex: 'name',
      render: (name: string, team) => (
        <Link to={`/directory/teams/${encodeURIComponent(team.id)}`} data-testid="team-link">
          {name}
        </Link>
      ),
    },
    { title: t('team.kind'), dataIndex: 'kind', render: (k: TeamKind) => <Tag style={{ marginInlineEnd: 0 }}>{t(`teamKind.${k}`)}</Tag> },
    {
      title: t('team.organization'),
      dataIndex: 'organizationName',
      render: (name: string, team) =>
        canReadOrganizations ? <Link to={`/directory/organizations/${encodeURIComponent(team.organizationId)}`}>{name}</Link> : name,
    },
    { title: t('team.members'), dataIndex: 'memberCount', align: 'right' },
    {
      title: t('team.description'),
      dataIndex: 'description',
      ellipsis: true,
      width: 320,
      render: (v: string | null) => v ?? '',
    },
  ];

  return (
    <ListPage<VolunteerTeam>
      title={t('team.title')}
      actions={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="team-new">
            {t('team.new')}
          </Button>
        )
      }
      list={list}
      result={teams}
      columns={columns}
      renderCard={(team) => <TeamCard team={team} />}
      search={{ placeholder: t('team.searchPlaceholder'), width: 280 }}
      empty={t('team.empty')}
      testId="teams"
      tableProps={{ onRow: (team) => ({ onDoubleClick: () => void navigate(`/directory/teams/${encodeURIComponent(team.id)}`) }) }}
      filters={
        <OrganizationSelect
          value={organizationId}
          onChange={(id) => update({ organizationId: id })}
          placeholder={t('team.organization')}
          style={{ width: phone ? '100%' : 260 }}
          data-testid="teams-organization-filter"
        />
      }
    >
      <CreateTeamModal
        open={creating}
        organizationId={organizationId}
        onClose={() => setCreating(false)}
        onCreated={(team) => {
          setCreating(false);
          void navigate(`/directory/teams/${encodeURIComponent(team.id)}`);
        }}
      />
    </ListPage>
  );
}
