import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { ApiToken, CreatedApiToken, ItemList } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { useFeedback } from '../../../ui/useFeedback';
import { CreateTokenModal } from './CreateTokenModal';
import { TokenSecretModal } from './TokenSecretModal';
import { tokenStatus, type TokenStatus } from './tokenStatus';

const STATUS_COLOR: Record<TokenStatus, string> = { active: 'green', expired: 'default', revoked: 'red' };

/** The user's personal API tokens: list, create (secret shown once), revoke. */
export function ApiTokensPanel() {
  const { t, tName, formatDate, formatDateTime } = useI18n();
  const feedback = useFeedback();
  const tokens = useApi<ItemList<ApiToken>>('/auth/tokens');
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  const revoke = async (token: ApiToken) => {
    try {
      await api.delete(`/auth/tokens/${encodeURIComponent(token.id)}`);
      feedback.ok(t('tokens.revoked'));
    } catch (error) {
      feedback.fail(error);
    } finally {
      tokens.reload();
    }
  };

  const columns: TableColumnsType<ApiToken> = [
    { title: t('tokens.name'), dataIndex: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    { title: t('tokens.prefix'), dataIndex: 'prefix', render: (p: string) => <Typography.Text code>{p}…</Typography.Text> },
    {
      title: t('tokens.scopes'),
      dataIndex: 'scopes',
      render: (scopes: string[]) => (
        <Space size={[4, 4]} wrap>
          {scopes.map((s) => (
            <Tag key={s} title={s}>
              {tName('perm', s)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('field.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDate(v) },
    {
      title: t('tokens.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      render: (v: string | null) => (v ? formatDateTime(v) : t('common.never')),
    },
    {
      title: t('tokens.expiresAt'),
      dataIndex: 'expiresAt',
      render: (v: string | null) => (v ? formatDate(v) : t('tokens.expires.never')),
    },
    {
      title: t('field.status'),
      key: 'status',
      render: (_, token) => {
        const status = tokenStatus(token);
        return <Tag color={STATUS_COLOR[status]}>{t(`tokens.status.${status}`)}</Tag>;
      },
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, token) =>
        token.revokedAt ? null : (
          <Popconfirm
            title={t('tokens.revokeTitle', { name: token.name })}
            description={t('tokens.revokeConfirm')}
            okText={t('tokens.revoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => revoke(token)}
          >
            <Button type="link" danger size="small" data-testid={`token-revoke-${token.id}`}>
              {t('tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <div data-testid="tokens-panel">
      <Flex justify="space-between" align="start" gap="middle" wrap style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 640 }}>
          {t('tokens.intro')}
        </Typography.Paragraph>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-create">
          {t('tokens.create')}
        </Button>
      </Flex>
      {tokens.error && <ErrorAlert error={tokens.error} onRetry={tokens.reload} />}
      <Table<ApiToken>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={tokens.data?.items ?? []}
        loading={tokens.loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('tokens.empty') }}
      />
      <CreateTokenModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(token) => {
          setCreating(false);
          setCreated(token);
          tokens.reload();
        }}
      />
      <TokenSecretModal token={created} onClose={() => setCreated(null)} />
    </div>
  );
}
