import { BulkAccountsButton } from '../../accounts';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Grid, Input, Pagination, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/useAuth';
import { useI18n } from '../../../lib/i18n/useI18n';
import { oneOf } from '../../../lib/params';
import type { Page } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { ExportButtons } from '../../../ui/ExportButtons';
import { ListFilters } from '../../../ui/ListFilters';
import { MaskedValue } from '../components/MaskedValue';
import { MemberCardList } from '../components/MemberCardList';
import { MemberFormDrawer } from '../components/MemberFormDrawer';
import { MemberStatusTag } from '../components/MemberStatusTag';
import { OrganizationSelect } from '../../../ui/OrganizationSelect';
import { RegionSelect } from '../../../ui/RegionSelect';
import { RevealModal, type RevealTarget } from '../components/RevealModal';
import { MEMBER_STATUSES } from '../constants';
import { PAGE_SIZES, useListParams } from '../../../lib/useListParams';
import type { Member, MemberStatus } from '../types';

const SORT_FIELDS = ['name', 'birthDate', 'partyJoinedOn', 'updatedAt'] as const;

/**
 * /directory/members: the members table staff use all day. Search by name, pinyin initials or a
 * 4-digit phone/ID tail; filter by employer, residence, status and skill; masked numbers with an
 * audited reveal; export; create and edit. A phone gets cards instead of the table.
 */
export function MembersPage() {
  const { t, formatDate } = useI18n();
  const { can } = useAuth();
  const canWrite = can('directory.member.write');
  const canReveal = can('directory.member.reveal');
  const canExport = can('directory.export');
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const list = useListParams(SORT_FIELDS);
  const { params, q, page, pageSize, sort, order, update } = list;
  const [editing, setEditing] = useState<Member | 'new' | null>(null);
  const [revealing, setRevealing] = useState<RevealTarget | null>(null);

  const employerOrgId = params.get('employerOrgId') ?? undefined;
  const regionId = params.get('regionId') ?? undefined;
  const status = oneOf<MemberStatus>(params.get('status'), MEMBER_STATUSES);
  const skill = params.get('skill') ?? undefined;
  const filters = { q, employerOrgId, regionId, status, skill, sort, order };
  const members = useApi<Page<Member>>('/members', { ...filters, page, pageSize });
  const items = members.data?.items ?? [];
  const total = members.data?.total ?? 0;

  const reveal = (m: Member, field: 'phone' | 'idNumber') =>
    setRevealing({ path: `/members/${encodeURIComponent(m.id)}`, field, subject: m.name });

  const columns: TableColumnsType<Member> = [
    {
      title: t('member.name'),
      dataIndex: 'name',
      fixed: 'left',
      sorter: true,
      sortOrder: list.sortOrder('name'),
      render: (name: string, m) => (
        <Link to={`/directory/members/${encodeURIComponent(m.id)}`} data-testid="member-link">
          {name}
        </Link>
      ),
    },
    { title: t('member.gender'), dataIndex: 'gender', render: (g: Member['gender']) => (g ? t(`gender.${g}`) : '') },
    {
      title: t('member.birthDate'),
      dataIndex: 'birthDate',
      sorter: true,
      sortOrder: list.sortOrder('birthDate'),
      render: (v: string | null) => formatDate(v),
    },
    {
      title: t('field.phone'),
      dataIndex: 'phoneMasked',
      render: (v: string | null, m) => <MaskedValue value={v} onReveal={canReveal ? () => reveal(m, 'phone') : undefined} />,
    },
    {
      title: t('member.idNumber'),
      dataIndex: 'idNumberMasked',
      render: (v: string | null, m) => <MaskedValue value={v} onReveal={canReveal ? () => reveal(m, 'idNumber') : undefined} />,
    },
    { title: t('member.employer'), dataIndex: 'employerName', render: (v: string | null) => v ?? '' },
    {
      title: t('member.residence'),
      key: 'residence',
      render: (_, m) => [m.residenceName, m.gridName, m.buildingName].filter(Boolean).join(' / '),
    },
    {
      title: t('member.partyJoinedOn'),
      dataIndex: 'partyJoinedOn',
      sorter: true,
      sortOrder: list.sortOrder('partyJoinedOn'),
      render: (v: string | null, m) => (m.isPartyMember ? formatDate(v) : <Tag>{t('member.notPartyMember')}</Tag>),
    },
    {
      title: t('member.skills'),
      dataIndex: 'skills',
      className: 'gj-wrap',
      render: (skills: string[]) => (
        <Space size={[4, 4]} wrap>
          {skills.map((s) => (
            <Tag key={s} style={{ marginInlineEnd: 0 }}>
              {s}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('field.status'), dataIndex: 'status', render: (s: MemberStatus) => <MemberStatusTag status={s} /> },
    {
      title: t('common.updatedAt'),
      dataIndex: 'updatedAt',
      sorter: true,
      sortOrder: list.sortOrder('updatedAt'),
      render: (v: string) => formatDate(v),
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, m) => (
        <Button type="link" size="small" onClick={() => setEditing(m)} data-testid="member-edit">
          {t('common.edit')}
        </Button>
      ),
    });
  }

  const activeFilters = [employerOrgId, regionId, status, skill].filter(Boolean).length;

  return (
    <>
      <PageHeader
        title={t('member.title')}
        extra={
          <>
            {canExport && !phone && (
              <ExportButtons
                path="/members/export"
                query={filters}
                canFull={canReveal}
                fileName={t('member.title')}
                testIdPrefix="members"
              />
            )}
            {can('accounts.manage') && !phone && <BulkAccountsButton defaultOrganizationId={employerOrgId} defaultCommunityId={regionId} />}
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="member-new">
                {t('member.new')}
              </Button>
            )}
          </>
        }
      />
      <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
        <ListFilters
          phone={phone}
          active={activeFilters}
          onReset={q || activeFilters || sort ? list.reset : undefined}
          data-testid="members-filters"
          search={
            <Input.Search
              key={q}
              defaultValue={q}
              allowClear
              enterKeyHint="search"
              placeholder={t(phone ? 'member.searchPlaceholderShort' : 'member.searchPlaceholder')}
              onSearch={(value) => update({ q: value.trim() })}
              style={{ width: phone ? '100%' : 320 }}
              data-testid="members-search"
            />
          }
        >
          <OrganizationSelect
            value={employerOrgId}
            onChange={(id) => update({ employerOrgId: id })}
            placeholder={t('member.employer')}
            style={{ width: phone ? '100%' : 190 }}
            data-testid="members-employer-filter"
          />
          <RegionSelect
            value={regionId}
            onChange={(id) => update({ regionId: id })}
            placeholder={t('member.residence')}
            style={{ width: phone ? '100%' : 170 }}
            data-testid="members-region-filter"
          />
          <Select<MemberStatus>
            allowClear
            placeholder={t('field.status')}
            value={status}
            onChange={(v) => update({ status: v })}
            options={MEMBER_STATUSES.map((s) => ({ value: s, label: t(`memberStatus.${s}`) }))}
            style={{ width: phone ? '100%' : 100 }}
            data-testid="members-status-filter"
          />
          <Input.Search
            key={`skill-${skill ?? ''}`}
            defaultValue={skill}
            allowClear
            placeholder={t('member.skill')}
            onSearch={(value) => update({ skill: value.trim() })}
            style={{ width: phone ? '100%' : 140 }}
            data-testid="members-skill-filter"
          />
        </ListFilters>
        {members.error && <ErrorAlert error={members.error} onRetry={members.reload} />}
        {phone ? (
          <>
            {total > 0 && (
              <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8, fontSize: 12 }}>
                {t('common.total', { total })}
              </Typography.Text>
            )}
            <MemberCardList members={items} loading={members.loading} onReveal={canReveal ? (m) => reveal(m, 'phone') : undefined} />
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
          <Table<Member>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={items}
            loading={members.loading}
            onChange={list.onTableChange}
            className="gj-table-nowrap"
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('member.empty') }}
            onRow={(m) => ({ onDoubleClick: () => void navigate(`/directory/members/${encodeURIComponent(m.id)}`) })}
            pagination={{
              current: page,
              pageSize,
              total,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              showTotal: (n) => t('common.total', { total: n }),
            }}
            data-testid="members-table"
          />
        )}
      </Card>
      <MemberFormDrawer
        open={editing !== null}
        member={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={(m) => {
          const created = editing === 'new';
          setEditing(null);
          if (created) void navigate(`/directory/members/${encodeURIComponent(m.id)}`);
          else members.reload();
        }}
      />
      <RevealModal target={revealing} onClose={() => setRevealing(null)} />
    </>
  );
}
