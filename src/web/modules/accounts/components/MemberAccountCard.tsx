import { Button, Card, Descriptions, Input, Popconfirm, Space, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { useFeedback } from '../../../ui/useFeedback';
import type { MemberAccount } from '../types';

/** 登录账号 on a member's page: which login is the member's, link an existing one by its name, or unlink it. */
export function MemberAccountCard({ memberId }: { memberId: string }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const state = useApi<MemberAccount>(`/members/${memberId}/account`);
  const [account, setAccount] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      feedback.ok(done);
      setAccount('');
      state.reload();
    } catch (error) {
      feedback.fail(error);
    } finally {
      setBusy(false);
    }
  };

  if (state.error) return <ErrorAlert error={state.error} />;
  const a = state.data;
  return (
    <Card title={t('accounts.link.title')} loading={!a} data-testid="member-account">
      {a?.userId ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('accounts.link.account')}>{a.account}</Descriptions.Item>
            <Descriptions.Item label={t('accounts.link.state')}>
              {a.activated ? <Tag color="green">{t('accounts.link.activated')}</Tag> : <Tag color="orange">{t('accounts.link.pending')}</Tag>}
            </Descriptions.Item>
          </Descriptions>
          <Popconfirm title={t('accounts.link.unlinkConfirm')} onConfirm={() => void run(() => api.delete(`/members/${memberId}/account`), t('accounts.link.unlinked'))}>
            <Button danger loading={busy} data-testid="member-account-unlink">
              {t('accounts.link.unlink')}
            </Button>
          </Popconfirm>
        </Space>
      ) : (
        <Space.Compact style={{ width: '100%', maxWidth: 420 }}>
          <Input value={account} onChange={(e) => setAccount(e.target.value)} placeholder={t('accounts.link.placeholder')} data-testid="member-account-input" />
          <Button
            type="primary"
            loading={busy}
            disabled={account.trim().length < 2}
            onClick={() => void run(() => api.put(`/members/${memberId}/account`, { account: account.trim() }), t('accounts.link.linked'))}
            data-testid="member-account-link"
          >
            {t('accounts.link.link')}
          </Button>
        </Space.Compact>
      )}
    </Card>
  );
}
