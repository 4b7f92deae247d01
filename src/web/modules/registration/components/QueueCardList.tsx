import { Button, Card, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { Registration } from '../types';
import { RegistrationKindTag } from './RegistrationKindTag';
import { RegistrationStatusTag } from './RegistrationStatusTag';

/** The confirmation queue on a phone: one card per registration with 确认 / 驳回. */
export function QueueCardList({
  registrations,
  loading,
  busyId,
  onConfirm,
  onReject,
}: {
  registrations: Registration[];
  loading: boolean;
  busyId: string | null;
  /** Given to staff who decide, for pending registrations. */
  onConfirm?: (registration: Registration) => void;
  onReject?: (registration: Registration) => void;
}) {
  const { t, formatDateTime } = useI18n();
  if (!loading && registrations.length === 0) return <Empty description={t('queue.empty')} />;
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={8} data-testid="queue-cards">
        {registrations.map((r) => (
          <Card
            key={r.id}
            size="small"
            data-testid="queue-card"
            style={r.residenceCorrection ? { borderColor: '#faad14', background: '#fffbe6' } : undefined}
          >
            <Flex justify="space-between" align="flex-start" gap="small">
              <div style={{ minWidth: 0 }}>
                <Flex gap={6} align="center" wrap>
                  <RegistrationKindTag kind={r.kind} />
                  <Typography.Text strong style={{ fontSize: 16 }}>
                    {r.kind === 'unit' ? r.unitName : r.memberName}
                  </Typography.Text>
                </Flex>
                {r.kind === 'member' && (r.unitName || r.memberPhoneMasked) && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                    {[r.unitName, r.memberPhoneMasked].filter(Boolean).join(' · ')}
                  </Typography.Text>
                )}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                  {r.communityName} · {formatDateTime(r.appliedAt)}
                </Typography.Text>
                {r.residenceCorrection && (
                  <Tag color="orange" style={{ marginTop: 4 }}>
                    {t('queue.correction')}
                  </Tag>
                )}
                {r.rejectReason && (
                  <Typography.Text type="danger" style={{ display: 'block', fontSize: 13 }}>
                    {t('myRegistration.rejectReason', { reason: r.rejectReason })}
                  </Typography.Text>
                )}
              </div>
              <RegistrationStatusTag status={r.status} />
            </Flex>
            {r.status === 'pending' && (onConfirm || onReject) && (
              <Flex gap={8} style={{ marginTop: 10 }}>
                {onConfirm && (
                  <Button type="primary" block loading={busyId === r.id} onClick={() => onConfirm(r)} data-testid={`confirm-${r.id}`}>
                    {t('queue.confirm')}
                  </Button>
                )}
                {onReject && (
                  <Button danger block disabled={busyId === r.id} onClick={() => onReject(r)} data-testid={`reject-${r.id}`}>
                    {t('queue.reject')}
                  </Button>
                )}
              </Flex>
            )}
          </Card>
        ))}
      </Flex>
    </Spin>
  );
}
