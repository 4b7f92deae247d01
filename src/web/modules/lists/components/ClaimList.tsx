import { CheckOutlined, CloseOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useFeedback } from '../../../ui/useFeedback';
import { ReasonModal } from '../../../ui/ReasonModal';
import type { Claim } from '../types';
import { StatusTag } from './StatusTag';

type Asking = { claim: Claim; action: 'decline' | 'withdraw' };

/**
 * A project's claims (认领): who holds a slot, by self-claim or assignment, and their state. The
 * assignee accepts or declines a pending one; an active claimant may withdraw with a reason.
 */
export function ClaimList({ claims, onChanged }: { claims: Claim[]; onChanged: () => void }) {
  const { t, formatDateTime } = useI18n();
  const feedback = useFeedback();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [asking, setAsking] = useState<Asking | null>(null);

  const accept = async (c: Claim) => {
    setBusyId(c.id);
    try {
      await api.post<Claim>(`/lists/claims/${encodeURIComponent(c.id)}/accept`);
      feedback.ok(t('lists.claim.accepted', { project: c.projectTitle }));
      onChanged();
    } catch (error) {
      feedback.fail(error);
    } finally {
      setBusyId(null);
    }
  };

  const answer = async (reason: string) => {
    if (!asking) return;
    await api.post<Claim>(`/lists/claims/${encodeURIComponent(asking.claim.id)}/${asking.action}`, { reason });
    feedback.ok(t(asking.action === 'decline' ? 'lists.claim.declined' : 'lists.claim.withdrawn'));
    setAsking(null);
    onChanged();
  };

  if (claims.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lists.claim.none')} />;
  return (
    <>
      <List<Claim>
        size="small"
        dataSource={claims}
        data-testid="claims"
        renderItem={(c) => (
          <List.Item key={c.id} data-testid="claim" data-status={c.status} style={{ display: 'block' }}>
            <Flex justify="space-between" align="flex-start" gap={8} wrap>
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Flex gap={6} align="center" wrap>
                  <Typography.Text strong>{c.unitName ?? c.memberName}</Typography.Text>
                  <Tag>{t(`lists.claimKind.${c.kind}`)}</Tag>
                  <StatusTag of="claim" status={c.status} />
                </Flex>
                {c.note && <Typography.Text type="secondary">{c.note}</Typography.Text>}
                {c.declineReason && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('lists.claim.reasonIs', { reason: c.declineReason })}
                  </Typography.Text>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(c.decidedAt ?? c.createdAt)}
                </Typography.Text>
              </Flex>
              {c.canRespond && c.status === 'pending' && (
                <Flex gap={6}>
                  <Button size="small" type="primary" icon={<CheckOutlined />} loading={busyId === c.id} onClick={() => void accept(c)} data-testid={`claim-accept-${c.id}`}>
                    {t('lists.claim.accept')}
                  </Button>
                  <Button size="small" icon={<CloseOutlined />} onClick={() => setAsking({ claim: c, action: 'decline' })} data-testid={`claim-decline-${c.id}`}>
                    {t('lists.claim.decline')}
                  </Button>
                </Flex>
              )}
              {c.canRespond && c.status === 'active' && (
                <Button size="small" icon={<RollbackOutlined />} onClick={() => setAsking({ claim: c, action: 'withdraw' })} data-testid={`claim-withdraw-${c.id}`}>
                  {t('lists.claim.withdraw')}
                </Button>
              )}
            </Flex>
          </List.Item>
        )}
      />
      <ReasonModal
        open={asking !== null}
        title={t(asking?.action === 'withdraw' ? 'lists.claim.withdrawTitle' : 'lists.claim.declineTitle', { project: asking?.claim.projectTitle ?? '' })}
        okText={t(asking?.action === 'withdraw' ? 'lists.claim.withdraw' : 'lists.claim.decline')}
        onSubmit={answer}
        onClose={() => setAsking(null)}
        data-testid="claim-reason-form"
      />
    </>
  );
}
