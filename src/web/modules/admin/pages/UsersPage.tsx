import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, Input, Pagination, Select, Space, Table, Typography, type TableColumnsType, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../app/useAuth';
import { useI18n } from '../../../lib/i18n/useI18n';
import { ROLES, type Page, type Role, type User, type UserStatus } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { RoleAssignmentTag } from '../../../ui/RoleAssignmentTag';
import { UserStatusTag } from '../../../ui/UserStatusTag';
import { CreateUserDrawer } from '../components/CreateUserDrawer';
import { PasswordResetModal } from '../components/PasswordResetModal';
import { UserActions } from '../components/UserActions';
import { UserCardList } from '../components/UserCardList';

type SortField = 'account' | 'displayName' | 'createdAt';
const SORT_FIELDS: readonly SortField[] = ['account', 'displayName', 'createdAt'];
const PAGE_SIZES = [10, 20, 50, 100];

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** /admin/users: search, filter, sort and page users (all on the server); the state lives in the URL. */
export function UsersPage() {
  const { t, formatDate, formatDateTime } = useI18n();
  const { can } = useAuth();
  const canWrite = can('admin.user.write');
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);

  const q = params.get('q') ?? '';
  const status = oneOf<UserStatus>(params.get('status'), ['active', 'disabled']);
  const role = oneOf<Role>(params.get('role'), ROLES);
  const page = positiveInt(params.get('page'), 1);
  const pageSize = positiveInt(params.get('pageSize'), 20);
  const sort = oneOf(params.get('sort'), SORT_FIELDS);
  const order = oneOf(params.get('order'), ['asc', 'desc'] as const);

  const users = useApi<Page<User>>('/users', { q, status, role, page, pageSize, sort, order: sort ? order : undefined });

  /** Changes some parameters; any change but paging goes back to page 1. */
  const update = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const sortOrder = (field: SortField) =>
    sort === field ? (order === 'desc' ? ('descend' as const) : ('ascend' as const)) : null;

  const columns: TableColumnsType<User> = [
    {
      title: t('field.account'),
      dataIndex: 'account',
      sorter: true,
      sortOrder: sortOrder('account'),
      render: (account: string, u) => (
        <Link to={`/admin/users/${encodeURIComponent(u.id)}`} data-testid={`user-link-${account}`}>
          {account}
        </Link>
      ),
    },
    { title: t('field.displayName'), dataIndex: 'displayName', sorter: true, sortOrder: sortOrder('displayName') },
    {
      title: t('field.phone'),
      dataIndex: 'phoneMasked',
      render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: t('field.roles'),
      dataIndex: 'roles',
      className: 'gj-wrap',
      render: (_, u) =>
        u.roles.length === 0 ? (
          <Typography.Text type="secondary">{t('users.noRoles')}</Typography.Text>
        ) : (
          <Space size={[4, 4]} wrap>
            {u.roles.map((r) => (
              <RoleAssignmentTag key={r.id} assignment={r} />
            ))}
          </Space>
        ),
    },
    { title: t('field.status'), dataIndex: 'status', render: (s: UserStatus) => <UserStatusTag status={s} /> },
    {
      title: t('field.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      render: (v: string | null) =>
        v ? formatDateTime(v) : <Typography.Text type="secondary">{t('common.never')}</Typography.Text>,
    },
    {
      title: t('field.createdAt'),
      dataIndex: 'createdAt',
      sorter: true,
      sortOrder: sortOrder('createdAt'),
      render: (v: string) => formatDate(v),
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, u) => (
        <Space size={0}>
          <UserActions user={u} compact onChanged={users.reload} onResetPassword={setResetting} />
        </Space>
      ),
    });
  }

  const onTableChange: TableProps<User>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = oneOf(typeof s?.field === 'string' ? s.field : null, SORT_FIELDS);
    const nextSort = s?.order ? field : undefined;
    const nextOrder = s?.order === 'descend' ? 'desc' : s?.order === 'ascend' ? 'asc' : undefined;
    const sortChanged = nextSort !== sort || nextOrder !== (sort ? order : undefined);
    update({
      sort: nextSort,
      order: nextOrder,
      pageSize: pagination.pageSize === 20 ? undefined : pagination.pageSize,
      ...(sortChanged ? {} : { page: pagination.current === 1 ? undefined : pagination.current }),
    });
  };

  const items = users.data?.items ?? [];
  const total = users.data?.total ?? 0;

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="user-new">
              {t('users.new')}
            </Button>
          )
        }
      />
      <Card styles={{ body: { padding: phone ? 12 : 16 } }}>
        <Flex gap="small" wrap style={{ marginBottom: 12 }} data-testid="users-filters">
          <Input.Search
            key={q}
            defaultValue={q}
            allowClear
            placeholder={t('users.searchPlaceholder')}
            onSearch={(value) => update({ q: value.trim() })}
            style={{ width: phone ? '100%' : 300 }}
            data-testid="users-search"
          />
          <Select<UserStatus>
            allowClear
            placeholder={t('field.status')}
            value={status}
            onChange={(v) => update({ status: v })}
            options={[
              { value: 'active', label: t('status.active') },
              { value: 'disabled', label: t('status.disabled') },
            ]}
            style={{ width: phone ? 'calc(50% - 4px)' : 140 }}
            data-testid="users-status-filter"
          />
          <Select<Role>
            allowClear
            placeholder={t('field.roles')}
            value={role}
            onChange={(v) => update({ role: v })}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            style={{ width: phone ? 'calc(50% - 4px)' : 180 }}
            popupMatchSelectWidth={false}
            data-testid="users-role-filter"
          />
          {(q || status || role || sort) && (
            <Button type="link" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
              {t('common.reset')}
            </Button>
          )}
        </Flex>
        {users.error && <ErrorAlert error={users.error} onRetry={users.reload} />}
        {phone ? (
          <>
            <UserCardList
              users={items}
              loading={users.loading}
              renderActions={
                canWrite
                  ? (u) => <UserActions user={u} compact onChanged={users.reload} onResetPassword={setResetting} />
                  : undefined
              }
            />
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
          <Table<User>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={items}
            loading={users.loading}
            onChange={onTableChange}
            className="gj-table-nowrap"
            // Wide screens fit the table by wrapping the role tags; narrower ones scroll it sideways.
            scroll={screens.xl ? undefined : { x: 'max-content' }}
            locale={{ emptyText: t('users.empty') }}
            onRow={(u) => ({ onDoubleClick: () => void navigate(`/admin/users/${encodeURIComponent(u.id)}`) })}
            pagination={{
              current: page,
              pageSize,
              total,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              showTotal: (n) => t('common.total', { total: n }),
            }}
            data-testid="users-table"
          />
        )}
      </Card>
      <CreateUserDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(u) => {
          setCreating(false);
          void navigate(`/admin/users/${encodeURIComponent(u.id)}`);
        }}
      />
      <PasswordResetModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
