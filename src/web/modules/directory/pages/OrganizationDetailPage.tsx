import { EditOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Result, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../../../app/useAuth';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { PageSpinner } from '../../../ui/PageSpinner';
import { LeadingGroupCard } from '../components/LeadingGroupCard';
import { OrganizationFormDrawer } from '../components/OrganizationFormDrawer';
import { OrganizationTeamsCard } from '../components/OrganizationTeamsCard';
import type { OrganizationDetail } from '../types';

/** /directory/organizations/:id: an organisation's details, its leading group and its volunteer teams. */
export function OrganizationDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const canWrite = can('directory.organization.write');
  const canReadTeams = can('directory.team.read');
  const canReadMembers = can('directory.member.read');
  const organization = useApi<OrganizationDetail>(`/organizations/${encodeURIComponent(id)}`);
  const [editing, setEditing] = useState(false);
  const crumbs = [{ title: t('organization.title'), to: '/directory/organizations' }];

  const data = organization.data?.id === id ? organization.data : undefined;

  if (organization.error?.status === 404) {
    return (
      <Result
        status="404"
        title={t('error.NOT_FOUND')}
        extra={
          <Link to="/directory/organizations">
            <Button>{t('organization.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  if (!data) return organization.error ? <ErrorAlert error={organization.error} onRetry={organization.reload} /> : <PageSpinner />;

  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const path = data.pathNames.length > 1 ? data.pathNames.slice(0, -1).join(' / ') : null;

  return (
    <>
      <PageHeader
        crumbs={crumbs}
        title={
          <Space size="small" wrap>
            {data.name}
            <Tag style={{ marginInlineEnd: 0 }}>{t(`kind.organization.${data.kind}`)}</Tag>
          </Space>
        }
        extra={
          <>
            {canReadMembers && data.memberCount > 0 && (
              <Link to={`/directory/members?employerOrgId=${encodeURIComponent(data.id)}`}>
                <Button icon={<TeamOutlined />}>{t('organization.viewMembers', { n: data.memberCount })}</Button>
              </Link>
            )}
            {canWrite && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="organization-edit">
                {t('common.edit')}
              </Button>
            )}
          </>
        }
      />
      <Flex vertical gap="middle">
        <Card>
          {path && (
            <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
              {path}
            </Typography.Paragraph>
          )}
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 3 }}
            data-testid="organization-detail"
            items={[
              { key: 'kind', label: t('organization.kind'), children: t(`kind.organization.${data.kind}`) },
              { key: 'sector', label: t('organization.sector'), children: data.sector ? t(`sector.${data.sector}`) : none },
              { key: 'code', label: t('organization.code'), children: data.code ?? none },
              { key: 'region', label: t('organization.region'), children: data.regionName ?? none },
              {
                key: 'parent',
                label: t('organization.parent'),
                children:
                  data.parentId && data.parentName ? (
                    <Link to={`/directory/organizations/${encodeURIComponent(data.parentId)}`}>{data.parentName}</Link>
                  ) : (
                    none
                  ),
              },
              { key: 'memberCount', label: t('organization.memberCount'), children: data.memberCount },
              { key: 'secretary', label: t('organization.secretary'), children: data.secretaryName ?? none },
              { key: 'liaison', label: t('organization.liaison'), children: data.liaisonName ?? none },
              { key: 'contactPhone', label: t('organization.contactPhone'), children: data.contactPhoneMasked ?? none },
              { key: 'address', label: t('organization.address'), children: data.address ?? none, span: 'filled' },
              {
                key: 'strengths',
                label: t('organization.strengths'),
                span: 'filled',
                children:
                  data.strengths.length > 0 ? (
                    <Space size={[4, 4]} wrap>
                      {data.strengths.map((s) => (
                        <Tag key={s} color="blue" style={{ marginInlineEnd: 0 }}>
                          {s}
                        </Tag>
                      ))}
                    </Space>
                  ) : (
                    none
                  ),
              },
            ]}
          />
        </Card>
        <LeadingGroupCard
          organization={data}
          canWrite={canWrite}
          onSaved={organization.reload}
        />
        {canReadTeams && <OrganizationTeamsCard organizationId={data.id} />}
      </Flex>
      <OrganizationFormDrawer
        open={editing}
        organization={data}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          organization.reload();
        }}
      />
    </>
  );
}
