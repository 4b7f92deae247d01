import { ExpandOutlined, HistoryOutlined, PrinterOutlined, SolutionOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, List, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { useAuth, useCurrentUser } from '../../../app/useAuth';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { Page } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { PageSpinner } from '../../../ui/PageSpinner';
import { useFeedback } from '../../../ui/useFeedback';
import type { Member } from '../../../../contracts/directory';
import { CardFullscreen } from '../components/CardFullscreen';
import { CorrectionModal } from '../components/CorrectionModal';
import { RegistrationCardView } from '../components/RegistrationCardView';
import { RegistrationStatusTag } from '../components/RegistrationStatusTag';
import { useCycles } from '../hooks/useCycles';
import type { Registration, RegistrationCard, ReportInBody } from '../types';
import '../registration.css';

/** The newest of `items` by the time it was applied for. */
function latest(items: Registration[]): Registration | undefined {
  return [...items].sort((a, b) => b.appliedAt.localeCompare(a.appliedAt))[0];
}

/**
 * /registration/me: an in-service member reports in to the community where he or she lives
 * (phone first). The current cycle, the registration's status, the big 到社区报到 button, the
 * 我的居住社区不对 correction, and once the community has confirmed, the card (报到证) with its QR.
 */
export function MyRegistrationPage() {
  const { t, formatDate, formatDateTime } = useI18n();
  const { can } = useAuth();
  const user = useCurrentUser();
  const feedback = useFeedback();
  const canApply = can('registration.apply');
  const isMember = user.roles.some((r) => r.role === 'member');
  const isUnitAdmin = user.roles.some((r) => r.role === 'unit_admin');
  // Only a plain member's GET /members is his or her own record (staff would get their whole list).
  const onlyMember = isMember && user.roles.every((r) => r.role === 'member' || r.role === 'resident');
  const [busy, setBusy] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const [showing, setShowing] = useState(false);
  // The registration just sent, shown at once (the list reloads behind it), so that a second tap finds no button.
  const [sent, setSent] = useState<Registration | null>(null);
  const closeCard = useCallback(() => setShowing(false), []);

  const cycles = useCycles();
  const current = cycles.current;
  const mine = useApi<Page<Registration>>(isMember ? '/registrations' : null, { mine: true, kind: 'member', pageSize: 50 });
  const self = useApi<Page<Member>>(onlyMember && can('directory.member.read') ? '/members' : null, { pageSize: 1 });
  const residence = self.data?.items[0]?.residenceName ?? null;

  const loaded = mine.data?.items ?? [];
  const items = sent && !loaded.some((r) => r.id === sent.id) ? [sent, ...loaded] : loaded;
  const registration = current ? latest(items.filter((r) => r.cycleId === current.id)) : latest(items);
  const earlier = items.filter((r) => r.id !== registration?.id);
  const confirmed = registration?.status === 'confirmed' ? registration : undefined;
  const card = useApi<RegistrationCard>(confirmed ? `/registrations/${encodeURIComponent(confirmed.id)}/card` : null);
  const cardData = confirmed && card.data?.cardNo === confirmed.cardNo ? card.data : undefined;
  const canReportIn = canApply && isMember && current !== undefined && (!registration || registration.status === 'rejected' || registration.status === 'ended');

  const reportIn = async (communityId?: string) => {
    setBusy(true);
    try {
      const body: ReportInBody = communityId ? { kind: 'member', communityId } : { kind: 'member' };
      const created = await api.post<Registration>('/registrations', body);
      setSent(created);
      feedback.ok(t('myRegistration.sent', { community: created.communityName }));
      setCorrecting(false);
      mine.reload();
    } finally {
      setBusy(false);
    }
  };

  if (!isMember) {
    return (
      <>
        <PageHeader title={t('myRegistration.title')} />
        <Card>
          <Empty
            description={t(isUnitAdmin ? 'myRegistration.unitHint' : 'myRegistration.notMember')}
            image={Empty.PRESENTED_IMAGE_SIMPLE}
          >
            {isUnitAdmin && can('pairing.read') && (
              <Link to="/registration/pairings">
                <Button type="primary">{t('nav.pairings')}</Button>
              </Link>
            )}
          </Empty>
        </Card>
      </>
    );
  }
  if ((!mine.data && !mine.error) || (!cycles.data && !cycles.error)) return <PageSpinner />;

  const status = registration && (
    <Card size="small" data-testid="report-in-status">
      <Flex vertical gap={6}>
        <Flex justify="space-between" align="center" gap="small" wrap>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {registration.communityName}
          </Typography.Text>
          <RegistrationStatusTag status={registration.status} />
        </Flex>
        {registration.streetName && <Typography.Text type="secondary">{registration.streetName}</Typography.Text>}
        <Typography.Text type="secondary">{t('myRegistration.appliedAt', { at: formatDateTime(registration.appliedAt) })}</Typography.Text>
        {registration.residenceCorrection && (
          <Typography.Text type="warning">{t('myRegistration.isCorrection')}</Typography.Text>
        )}
        {registration.status === 'pending' && <Typography.Text>{t('myRegistration.pendingHelp')}</Typography.Text>}
        {registration.status === 'rejected' && (
          <Alert
            type="error"
            showIcon
            title={t('myRegistration.rejected')}
            description={registration.rejectReason ? t('myRegistration.rejectReason', { reason: registration.rejectReason }) : undefined}
          />
        )}
        {registration.status === 'ended' && registration.endReason && (
          <Typography.Text type="secondary">{t('myRegistration.endReason', { reason: registration.endReason })}</Typography.Text>
        )}
      </Flex>
    </Card>
  );

  return (
    <>
      <PageHeader title={t('myRegistration.title')} />
      <Flex vertical gap="middle" style={{ maxWidth: 560 }}>
        {cycles.error && <ErrorAlert error={cycles.error} onRetry={cycles.reload} />}
        {mine.error && <ErrorAlert error={mine.error} onRetry={mine.reload} />}
        {current ? (
          <Typography.Text type="secondary" data-testid="report-in-cycle">
            {t('myRegistration.cycle', { name: current.name, from: formatDate(current.startsOn), to: formatDate(current.endsOn) })}
          </Typography.Text>
        ) : (
          cycles.data && <Alert type="info" showIcon title={t('myRegistration.noCycle')} />
        )}
        {status}
        {confirmed &&
          (cardData ? (
            <>
              <RegistrationCardView card={cardData} />
              <Flex gap="small" wrap>
                <Button type="primary" size="large" icon={<ExpandOutlined />} onClick={() => setShowing(true)} data-testid="card-show" style={{ flex: 1 }}>
                  {t('card.show')}
                </Button>
                <Link to={`/registration/cards/${encodeURIComponent(confirmed.id)}`} style={{ flex: 1 }}>
                  <Button size="large" icon={<PrinterOutlined />} block data-testid="card-print-link">
                    {t('card.print')}
                  </Button>
                </Link>
              </Flex>
            </>
          ) : card.error ? (
            <ErrorAlert error={card.error} onRetry={card.reload} />
          ) : (
            <PageSpinner />
          ))}
        {canReportIn && (
          <Card>
            <Flex vertical gap="middle" align="stretch">
              <Typography.Paragraph style={{ margin: 0 }}>
                {residence ? t('myRegistration.introTo', { community: residence }) : t('myRegistration.intro')}
              </Typography.Paragraph>
              <Button
                type="primary"
                size="large"
                icon={<SolutionOutlined />}
                loading={busy}
                onClick={() => reportIn().catch(feedback.fail)}
                style={{ height: 56, fontSize: 18 }}
                data-testid="report-in"
              >
                {t(registration?.status === 'rejected' ? 'myRegistration.again' : 'myRegistration.reportIn')}
              </Button>
              <Button type="link" onClick={() => setCorrecting(true)} disabled={busy} data-testid="report-in-correction">
                {t('myRegistration.wrongResidence')}
              </Button>
            </Flex>
          </Card>
        )}
        {earlier.length > 0 && (
          <Card
            size="small"
            title={
              <Space>
                <HistoryOutlined />
                {t('myRegistration.history')}
              </Space>
            }
          >
            <List
              size="small"
              dataSource={earlier}
              renderItem={(r) => (
                <List.Item extra={<RegistrationStatusTag status={r.status} />}>
                  <List.Item.Meta title={r.communityName} description={`${r.cycleName} · ${formatDate(r.appliedAt)}`} />
                </List.Item>
              )}
            />
          </Card>
        )}
      </Flex>
      <CorrectionModal open={correcting} currentName={residence} onSubmit={(id) => reportIn(id)} onClose={() => setCorrecting(false)} />
      {showing && cardData && <CardFullscreen card={cardData} onClose={closeCard} />}
    </>
  );
}
