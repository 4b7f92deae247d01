import { SolutionOutlined } from '@ant-design/icons';
import { Button, Flex, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useFeedback } from '../../../ui/useFeedback';
import type { Pairing, Registration, ReportInBody } from '../types';
import { RegistrationStatusTag } from './RegistrationStatusTag';

/**
 * 单位报到 on an active pairing: the unit's registration with the community in the current cycle,
 * or, for the unit's admin, the button that reports in (POST /registrations, kind unit).
 */
export function UnitReportIn({
  pairing,
  registration: latest,
  canReportIn,
  onReported,
}: {
  pairing: Pairing;
  /** The unit's latest registration with this community in the current cycle. */
  registration: Registration | undefined;
  /** The user is this unit's admin with registration.apply, and a cycle is open. */
  canReportIn: boolean;
  onReported: () => void;
}) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const [busy, setBusy] = useState(false);
  // The registration just sent, shown until the list behind it has reloaded.
  const [created, setCreated] = useState<Registration | null>(null);
  const registration = created && (!latest || created.appliedAt > latest.appliedAt) ? created : latest;
  const open = !registration || registration.status === 'rejected' || registration.status === 'ended';

  const reportIn = async () => {
    setBusy(true);
    try {
      const body: ReportInBody = { kind: 'unit', communityId: pairing.communityId, unitOrgId: pairing.unitOrgId };
      setCreated(await api.post<Registration>('/registrations', body));
      feedback.ok(t('pairing.reportedIn', { unit: pairing.unitName, community: pairing.communityName }));
      onReported();
    } catch (error) {
      feedback.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex gap={6} align="center" wrap data-testid={`unit-registration-${pairing.id}`}>
      {registration?.status === 'confirmed' ? (
        <Link to={`/registration/cards/${encodeURIComponent(registration.id)}`} title={t('card.title')}>
          <RegistrationStatusTag status={registration.status} />
        </Link>
      ) : registration ? (
        <Tooltip title={registration.status === 'rejected' ? registration.rejectReason : undefined}>
          <span>
            <RegistrationStatusTag status={registration.status} />
          </span>
        </Tooltip>
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('pairing.notReportedIn')}
        </Typography.Text>
      )}
      {open && canReportIn && (
        <Button size="small" type="primary" ghost icon={<SolutionOutlined />} loading={busy} onClick={() => void reportIn()} data-testid={`unit-report-in-${pairing.id}`}>
          {t('pairing.unitReportIn')}
        </Button>
      )}
    </Flex>
  );
}
