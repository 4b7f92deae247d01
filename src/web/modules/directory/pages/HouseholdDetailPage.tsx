import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../../../app/useAuth';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { PageSpinner } from '../../../ui/PageSpinner';
import { HouseholdFormDrawer } from '../components/HouseholdFormDrawer';
import { HouseholdTags } from '../components/HouseholdTags';
import { LeadHouseholdTag } from '../components/LeadHouseholdTag';
import { MaskedValue } from '../components/MaskedValue';
import { RevealModal, type RevealTarget } from '../components/RevealModal';
import type { Household } from '../types';

/** /directory/households/:id: one household, its head, tags and notes; edit and reveal. */
export function HouseholdDetailPage() {
  const { id = '' } = useParams();
  const { t, formatDate, formatDateTime } = useI18n();
  const { can } = useAuth();
  const canWrite = can('directory.household.write');
  const canReveal = can('directory.household.reveal');
  const path = `/households/${encodeURIComponent(id)}`;
  const household = useApi<Household>(path);
  const [editing, setEditing] = useState(false);
  const [revealing, setRevealing] = useState<RevealTarget | null>(null);
  const crumbs = [{ title: t('household.title'), to: '/directory/households' }];

  const data = household.data?.id === id ? household.data : undefined;
  if (household.error?.status === 404) {
    return (
      <Result
        status="404"
        title={t('error.NOT_FOUND')}
        extra={
          <Link to="/directory/households">
            <Button>{t('household.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  if (!data) return household.error ? <ErrorAlert error={household.error} onRetry={household.reload} /> : <PageSpinner />;

  const reveal = (field: 'phone' | 'idNumber') => setRevealing({ path, field, subject: data.headName });
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;

  return (
    <>
      <PageHeader
        crumbs={crumbs}
        title={
          <Space size="small" wrap>
            {data.headName}
            {data.isLeadHousehold && <LeadHouseholdTag />}
          </Space>
        }
        extra={
          canWrite && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="household-edit">
              {t('common.edit')}
            </Button>
          )
        }
      />
      <Card>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          data-testid="household-detail"
          items={[
            { key: 'address', label: t('household.address'), children: data.address, span: 'filled' },
            { key: 'community', label: t('household.community'), children: data.communityName },
            { key: 'grid', label: t('member.grid'), children: data.gridName ?? none },
            { key: 'building', label: t('member.building'), children: data.buildingName ?? none },
            { key: 'unitNo', label: t('household.unitNo'), children: data.unitNo ?? none },
            { key: 'room', label: t('household.room'), children: data.room ?? none },
            { key: 'headName', label: t('household.headName'), children: data.headName },
            {
              key: 'phone',
              label: t('field.phone'),
              children: <MaskedValue value={data.headPhoneMasked} compact={false} onReveal={canReveal ? () => reveal('phone') : undefined} />,
            },
            {
              key: 'idNumber',
              label: t('member.idNumber'),
              children: (
                <MaskedValue value={data.headIdNumberMasked} compact={false} onReveal={canReveal ? () => reveal('idNumber') : undefined} />
              ),
            },
            { key: 'peopleCount', label: t('household.peopleCount'), children: t('household.people', { n: data.peopleCount }) },
            { key: 'lead', label: t('household.lead'), children: data.isLeadHousehold ? t('common.yes') : t('common.no') },
            { key: 'updatedAt', label: t('common.updatedAt'), children: formatDateTime(data.updatedAt) },
            {
              key: 'tags',
              label: t('household.tags'),
              span: 'filled',
              children:
                data.tags.length === 0 ? (
                  none
                ) : (
                  <Space orientation="vertical" size={4}>
                    <HouseholdTags tags={data.tags} />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {data.tags
                        .map((tag) =>
                          tag.verifiedOn
                            ? `${t(`householdTag.${tag.tag}`)} ${t('household.verifiedOn', { date: formatDate(tag.verifiedOn) })}`
                            : `${t(`householdTag.${tag.tag}`)} ${t('household.notVerified')}`,
                        )
                        .join('；')}
                    </Typography.Text>
                  </Space>
                ),
            },
            { key: 'notes', label: t('household.notes'), span: 'filled', children: data.notes ? <span style={{ whiteSpace: 'pre-wrap' }}>{data.notes}</span> : none },
          ]}
        />
      </Card>
      <HouseholdFormDrawer
        open={editing}
        household={data}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          household.reload();
        }}
      />
      <RevealModal target={revealing} onClose={() => setRevealing(null)} />
    </>
  );
}
