import { MemberAccountCard } from '../../accounts';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Result, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../../../app/useAuth';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { PageSpinner } from '../../../ui/PageSpinner';
import { EraseMemberModal } from '../components/EraseMemberModal';
import { MaskedValue } from '../components/MaskedValue';
import { MemberFormDrawer } from '../components/MemberFormDrawer';
import { MemberStatusTag } from '../components/MemberStatusTag';
import { RevealModal, type RevealTarget } from '../components/RevealModal';
import type { Member } from '../types';

/** /directory/members/:id: one member's record, with the audited reveal and the edit drawer. */
export function MemberDetailPage() {
  const { id = '' } = useParams();
  const { t, formatDate, formatDateTime } = useI18n();
  const { can } = useAuth();
  const canWrite = can('directory.member.write');
  const canReveal = can('directory.member.reveal');
  const canReadOrganizations = can('directory.organization.read');
  const path = `/members/${encodeURIComponent(id)}`;
  const member = useApi<Member>(path);
  const [editing, setEditing] = useState(false);
  const [revealing, setRevealing] = useState<RevealTarget | null>(null);
  const [erasing, setErasing] = useState<Member | null>(null);
  const crumbs = [{ title: t('member.title'), to: '/directory/members' }];

  const data = member.data?.id === id ? member.data : undefined;
  if (member.error?.status === 404) {
    return (
      <Result
        status="404"
        title={t('error.NOT_FOUND')}
        extra={
          <Link to="/directory/members">
            <Button>{t('member.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  if (!data) return member.error ? <ErrorAlert error={member.error} onRetry={member.reload} /> : <PageSpinner />;

  const reveal = (field: 'phone' | 'idNumber') => setRevealing({ path, field, subject: data.name });
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  return (
    <>
      <PageHeader
        crumbs={crumbs}
        title={
          <Space size="small" wrap>
            {data.name}
            <MemberStatusTag status={data.status} />
          </Space>
        }
        extra={
          canWrite && (
            <>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="member-edit">
                {t('common.edit')}
              </Button>
              <Button danger icon={<DeleteOutlined />} onClick={() => setErasing(data)} data-testid="member-erase">
                {t('member.erase')}
              </Button>
            </>
          )
        }
      />
      <Card>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          data-testid="member-detail"
          items={[
            { key: 'name', label: t('member.name'), children: data.name },
            { key: 'gender', label: t('member.gender'), children: data.gender ? t(`gender.${data.gender}`) : none },
            { key: 'birthDate', label: t('member.birthDate'), children: data.birthDate ? formatDate(data.birthDate) : none },
            {
              key: 'phone',
              label: t('field.phone'),
              children: <MaskedValue value={data.phoneMasked} compact={false} onReveal={canReveal ? () => reveal('phone') : undefined} />,
            },
            {
              key: 'idNumber',
              label: t('member.idNumber'),
              children: (
                <MaskedValue value={data.idNumberMasked} compact={false} onReveal={canReveal ? () => reveal('idNumber') : undefined} />
              ),
            },
            {
              key: 'party',
              label: t('member.isPartyMember'),
              children: data.isPartyMember
                ? data.partyJoinedOn
                  ? t('member.joinedOn', { date: formatDate(data.partyJoinedOn) })
                  : t('common.yes')
                : t('member.notPartyMember'),
            },
            {
              key: 'employer',
              label: t('member.employer'),
              children:
                data.employerOrgId && data.employerName ? (
                  canReadOrganizations ? (
                    <Link to={`/directory/organizations/${encodeURIComponent(data.employerOrgId)}`}>{data.employerName}</Link>
                  ) : (
                    data.employerName
                  )
                ) : (
                  none
                ),
            },
            { key: 'residence', label: t('member.residence'), children: data.residenceName ?? none },
            { key: 'grid', label: t('member.grid'), children: data.gridName ?? none },
            { key: 'building', label: t('member.building'), children: data.buildingName ?? none },
            {
              key: 'skills',
              label: t('member.skills'),
              children:
                data.skills.length > 0 ? (
                  <Space size={[4, 4]} wrap>
                    {data.skills.map((s) => (
                      <Tag key={s} style={{ marginInlineEnd: 0 }}>
                        {s}
                      </Tag>
                    ))}
                  </Space>
                ) : (
                  none
                ),
            },
            { key: 'account', label: t('member.hasAccount'), children: data.hasAccount ? t('common.yes') : t('common.no') },
            { key: 'updatedAt', label: t('common.updatedAt'), children: formatDateTime(data.updatedAt) },
          ]}
        />
      </Card>
      {can('accounts.manage') && <MemberAccountCard key={data.id} memberId={data.id} />}
      <MemberFormDrawer
        open={editing}
        member={data}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          member.reload();
        }}
      />
      <RevealModal target={revealing} onClose={() => setRevealing(null)} />
      <EraseMemberModal
        member={erasing}
        onClose={() => setErasing(null)}
        onErased={() => {
          setErasing(null);
          member.reload();
        }}
      />
    </>
  );
}
