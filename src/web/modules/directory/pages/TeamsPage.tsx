import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Grid, Input, Pagination, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/useAuth';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { Page } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { CreateTeamModal } from '../components/CreateTeamModal';
import { ListFilters } from '../../../ui/ListFilters';
import { OrganizationSelect } from '../../../ui/OrganizationSelect';
import { TeamCardList } from '../components/TeamCardList';
import {  } from '../constants';
import { PAGE_SIZES, useListParams } from '../../../lib/useListParams';
import type { TeamKind, VolunteerTeam } from '../types';

const SORT_FIELDS: readonly never[] = [];

/** /directory/teams: volunteer teams (志愿者服务队, 应急队伍…), by organisation; create one. */
export function TeamsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const canWrite = can('directory.team.write');
  const canReadOrganizations = can('directory.organization.read');
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const list = useListParams(SORT_FIELDS);
  const { params, q, page, pageSize, update } = list;
  const [creating, setCreating] = useState(false);

  const organizationId = params.get('organizationId') ?? undefined;
  const teams = useApi<Page<VolunteerTeam>>('/volunteer-teams', { q, organizationId, page, pageSize });
  const items = teams.data?.items ?? [];
  const total = teams.data?.total ?? 0;

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
    <>
      <PageHeader
        title={t('team.title')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="team-new">
              {t('team.new')}
            </Button>
          )
        }
      />
      <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
        <ListFilters
          phone={phone}
          active={organizationId ? 1 : 0}
          onReset={q || organizationId ? list.reset : undefined}
          data-testid="teams-filters"
          search={
            <Input.Search
              key={q}
              defaultValue={q}
              allowClear
              enterKeyHint="search"
              placeholder={t('team.searchPlaceholder')}
              onSearch={(value) => update({ q: value.trim() })}
              style={{ width: phone ? '100%' : 280 }}
              data-testid="teams-search"
            />
          }
        >
          <OrganizationSelect
            value={organizationId}
            onChange={(id) => update({ organizationId: id })}
            placeholder={t('team.organization')}
            style={{ width: phone ? '100%' : 260 }}
            data-testid="teams-organization-filter"
          />
        </ListFilters>
        {teams.error && <ErrorAlert error={teams.error} onRetry={teams.reload} />}
        {phone ? (
          <>
            {total > 0 && (
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8, fontSize: 12 }}>
                {t('common.total', { total })}
              </Typography.Text>
            )}
            <TeamCardList teams={items} loading={teams.loading} />
            {total > pageSize && (
              <Pagination
                simple
                current={page}
                pageSize={pageSize}
                total={total}
                onChange={(p) => update({ page: p === 1 ? undefined : p })}
                style={{ marginTop: 12, textAlign: 'center' }}
              />
            )}
          </>
        ) : (
          <Table<VolunteerTeam>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={items}
            loading={teams.loading}
            onChange={list.onTableChange}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('team.empty') }}
            onRow={(team) => ({ onDoubleClick: () => void navigate(`/directory/teams/${encodeURIComponent(team.id)}`) })}
            pagination={{
              current: page,
              pageSize,
              total,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              showTotal: (n) => t('common.total', { total: n }),
            }}
            data-testid="teams-table"
          />
        )}
      </Card>
      <CreateTeamModal
        open={creating}
        organizationId={organizationId}
        onClose={() => setCreating(false)}
        onCreated={(team) => {
          setCreating(false);
          void navigate(`/directory/teams/${encodeURIComponent(team.id)}`);
        }}
      />
    </>
  );
}
