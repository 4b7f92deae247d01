import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { Page } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { useFeedback } from '../../../ui/useFeedback';
import { ReasonModal } from '../../../ui/ReasonModal';
import type { Claim } from '../types';

/**
 * Projects assigned to the caller's unit (or to the caller) waiting for an answer (指定认领):
 * accept takes the slot, decline (with a reason) frees it. Shows nothing when none wait.
 */
export function PendingClaims({ onAnswered }: { onAnswered?: () => void }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const claims = useApi<Page<Claim>>('/lists/claims', { status: 'pending', pageSize: 50 });
  const [busyId, setBusyId] = useState<string | null>(null);
  const [declining, setDeclining] = useState<Claim | null>(null);
  const waiting = (claims.data?.items ?? []).filter((c) => c.canRespond);
  if (waiting.length === 0) return null;

  const accept = async (c: Claim) => {
    setBusyId(c.id);
    try {
      await api.post<Claim>(`/lists/claims/${encodeURIComponent(c.id)}/accept`);
      feedback.ok(t('lists.claim.accepted', { project: c.projectTitle }));
      claims.reload();
      onAnswered?.();
    } catch (error) {
      feedback.fail(error);
    } finally {
      setBusyId(null);
    }
  };

  const decline = async (reason: string) => {
    if (!declining) return;
    await api.post<Claim>(`/lists/claims/${encodeURIComponent(declining.id)}/decline`, { reason });
    feedback.ok(t('lists.claim.declined'));
    setDeclining(null);
    claims.reload();
    onAnswered?.();
  };

  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('lists.claim.waiting', { n: waiting.length })}
        description={
          <Flex vertical gap={8} style={{ marginTop: 4 }} data-testid="pending-claims">
            {waiting.map((c) => (
              <Flex key={c.id} justify="space-between" align="center" gap={8} wrap data-testid="pending-claim">
                <span style={{ minWidth: 0 }}>
                  <Link to={`/lists/projects/${encodeURIComponent(c.projectId)}`}>{c.projectTitle}</Link>
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                    {c.unitName ?? c.memberName}
                    {c.note ? ` · ${c.note}` : ''}
                  </Typography.Text>
                </span>
                <Flex gap={6}>
                  <Button size="small" type="primary" icon={<CheckOutlined />} loading={busyId === c.id} onClick={() => void accept(c)} data-testid={`claim-accept-${c.id}`}>
                    {t('lists.claim.accept')}
                  </Button>
                  <Button size="small" icon={<CloseOutlined />} onClick={() => setDeclining(c)} data-testid={`claim-decline-${c.id}`}>
                    {t('lists.claim.decline')}
                  </Button>
                </Flex>
              </Flex>
            ))}
          </Flex>
        }
      />
      <ReasonModal
        open={declining !== null}
        title={t('lists.claim.declineTitle', { project: declining?.projectTitle ?? '' })}
        okText={t('lists.claim.decline')}
        onSubmit={decline}
        onClose={() => setDeclining(null)}
        data-testid="claim-decline-form"
      />
    </>
  );
}
