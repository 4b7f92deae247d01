import { EditOutlined, QrcodeOutlined, StopOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Grid, Result, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../../../app/useAuth';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { PageSpinner } from '../../../ui/PageSpinner';
import { useFeedback } from '../../../ui/useFeedback';
import { ReasonModal } from '../../../ui/ReasonModal';
import { ActivityFormDrawer } from '../components/ActivityFormDrawer';
import { ActivityKindTag } from '../components/ActivityKindTag';
import { CheckInBox } from '../components/CheckInBox';
import { DistanceTag } from '../components/DistanceTag';
import { HourRequestModal } from '../components/HourRequestModal';
import { SignupStatusTag } from '../components/SignupStatusTag';
import { phaseOf, timeRange } from '../format';
import { useNow } from '../hooks/useNow';
import type { Activity, CancelActivityBody, Signup } from '../types';
import '../volunteering.css';

/**
 * /volunteering/activities/:id: one activity. A member signs up (or joins the waitlist and sees
 * the place in it), cancels before the deadline, checks in and out by code, or asks for
 * supplementary hours; the organiser edits, cancels, opens the roster and the check-in QR screen.
 */
export function ActivityDetailPage() {
  const { id = '' } = useParams();
  const { t, formatDateTime } = useI18n();
  const { can } = useAuth();
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const activity = useApi<Activity>(`/volunteering/activities/${encodeURIComponent(id)}`);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [supplementing, setSupplementing] = useState(false);
  const now = useNow();

  if (activity.error?.status === 404) {
    return (
      <Result
        status="404"
        title={t('error.NOT_FOUND')}
        extra={
          <Link to="/volunteering/activities">
            <Button>{t('activity.back')}</Button>
          </Link>
        }
      />
    );
  }
  const a = activity.data?.id === id ? activity.data : undefined;
  if (!a) return activity.error ? <ErrorAlert error={activity.error} onRetry={activity.reload} /> : <PageSpinner />;

  const base = `/volunteering/activities/${encodeURIComponent(a.id)}`;
  const mine = a.mySignup && a.mySignup.status !== 'cancelled' ? a.mySignup : null;
  const phase = phaseOf(a.startsAt, a.endsAt, now);
  const cancelled = a.status === 'cancelled';
  const full = a.confirmedCount >= a.capacity;
  const deadline = Date.parse(a.startsAt) - a.cancelDeadlineHours * 3_600_000;
  const canCancelSignup = mine !== null && !cancelled && now < deadline;
  const checkInOpen = mine?.status === 'confirmed' && !cancelled && phase !== 'ended' && Date.parse(a.startsAt) - now < 2 * 3_600_000;
  const canSupplement = mine?.status === 'confirmed' && !cancelled && phase !== 'upcoming' && !mine.checkedOutAt && can('volunteering.signup');

  const signUp = async () => {
    setBusy(true);
    try {
      const signup = await api.post<Signup>(`${base}/signup`);
      if (signup.status === 'waitlisted') feedback.ok(t('activity.waitlisted', { position: signup.position ?? '' }));
      else feedback.ok(t('activity.signedUp'));
      activity.reload();
    } catch (error) {
      feedback.fail(error);
    } finally {
      setBusy(false);
    }
  };

  const cancelSignup = () =>
    modal.confirm({
      title: t('activity.cancelSignup'),
      content: t('activity.cancelSignupConfirm'),
      okText: t('activity.cancelSignup'),
      okButtonProps: { danger: true, 'data-testid': 'cancel-signup-ok' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await api.post<Signup>(`${base}/signup/cancel`);
          feedback.ok(t('activity.signupCancelled'));
          activity.reload();
        } catch (error) {
          feedback.fail(error);
        }
      },
    });

  const cancelActivity = async (reason: string) => {
    const body: CancelActivityBody = { reason };
    await api.post<Activity>(`${base}/cancel`, body);
    feedback.ok(t('activity.cancelledOk'));
    setCancelling(false);
    activity.reload();
  };

  const details = (
    <Descriptions
      size="small"
      column={1}
      bordered={!phone}
      layout={phone ? 'vertical' : 'horizontal'}
      data-testid="activity-details"
      items={[
        { key: 'when', label: t('activity.when'), children: timeRange(a.startsAt, a.endsAt, formatDateTime) },
        { key: 'place', label: t('activity.place'), children: `${a.regionName} · ${a.place}` },
        {
          key: 'capacity',
          label: t('activity.capacity'),
          children: (
            <span data-testid="activity-places">
              {`${a.confirmedCount}/${a.capacity}`}
              {a.waitlistCount > 0 && ` · ${t('activities.waitlist', { count: a.waitlistCount })}`}
              {full && ` · ${t('activities.full')}`}
            </span>
          ),
        },
        { key: 'eligibility', label: t('activity.eligibility'), children: t(`eligibility.${a.eligibility}`) },
        ...(a.skills.length > 0
          ? [{ key: 'skills', label: t('activity.skills'), children: <Flex gap={4} wrap>{a.skills.map((s) => <Tag key={s}>{s}</Tag>)}</Flex> }]
          : []),
        ...(a.ownerOrgName ? [{ key: 'owner', label: t('activity.owner'), children: a.ownerOrgName }] : []),
        { key: 'organiser', label: t('activity.organiser'), children: a.organiserName },
        { key: 'contact', label: t('activity.contact'), children: a.contact },
        ...(a.description ? [{ key: 'description', label: t('activity.description'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{a.description}</span> }] : []),
      ]}
    />
  );

  let memberCard = null;
  if (can('volunteering.signup') && !cancelled) {
    memberCard = (
      <Card size="small" title={t('activity.mySignup')} data-testid="my-signup-card">
        <Flex vertical gap={12}>
          {mine ? (
            <>
              <Flex gap={8} align="center" wrap>
                <SignupStatusTag status={mine.status} position={mine.position} />
                {mine.status === 'waitlisted' && (
                  <Typography.Text type="secondary" data-testid="waitlist-position">
                    {t('activity.waitlisted', { position: mine.position ?? '' })}
                  </Typography.Text>
                )}
              </Flex>
              {checkInOpen && (
                <CheckInBox activityId={a.id} checkedInAt={mine.checkedInAt} checkedOutAt={mine.checkedOutAt} onDone={activity.reload} />
              )}
              {mine.checkedOutAt && (
                <Link to="/volunteering/me/hours">
                  <Button block data-testid="to-my-hours">
                    {t('checkIn.toHours')}
                  </Button>
                </Link>
              )}
              {canSupplement && (
                <Button type="link" onClick={() => setSupplementing(true)} style={{ paddingInline: 0, alignSelf: 'flex-start' }} data-testid="ask-supplementary">
                  {t('activity.supplementary')}
                </Button>
              )}
              {canCancelSignup && (
                <Button danger onClick={cancelSignup} data-testid="cancel-signup">
                  {t('activity.cancelSignup')}
                </Button>
              )}
              {!canCancelSignup && phase === 'upcoming' && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('activity.cancelDeadline', { hours: a.cancelDeadlineHours })}
                </Typography.Text>
              )}
            </>
          ) : a.canSignUp ? (
            <>
              <Button type="primary" size="large" block loading={busy} onClick={() => void signUp()} style={{ height: 52, fontSize: 17 }} data-testid="sign-up">
                {full ? t('activity.joinWaitlist') : t('activity.signUp')}
              </Button>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('activity.cancelDeadline', { hours: a.cancelDeadlineHours })}
              </Typography.Text>
            </>
          ) : (
            <Typography.Text type="secondary" data-testid="cannot-sign-up">
              {t('activity.cannotSignUp')}
            </Typography.Text>
          )}
        </Flex>
      </Card>
    );
  }

  const organiserActions = a.canManage && (
    <>
      <Link to={`${base}/roster`}>
        <Button icon={<TeamOutlined />} data-testid="activity-roster">
          {t('activity.roster')}
        </Button>
      </Link>
      {!cancelled && phase !== 'ended' && (
        <Link to={`${base}/screen`}>
          <Button icon={<QrcodeOutlined />} data-testid="activity-screen">
            {t('activity.screen')}
          </Button>
        </Link>
      )}
      {!cancelled && phase !== 'ended' && (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="activity-edit">
          {t('activity.edit')}
        </Button>
      )}
      {!cancelled && phase === 'upcoming' && (
        <Button danger icon={<StopOutlined />} onClick={() => setCancelling(true)} data-testid="activity-cancel">
          {t('activity.cancel')}
        </Button>
      )}
    </>
  );

  return (
    <>
      <PageHeader
        crumbs={[{ title: t('nav.volActivities'), to: '/volunteering/activities' }, { title: t('activity.title') }]}
        title={<span data-testid="activity-title">{a.title}</span>}
        extra={organiserActions}
      />
      <Flex gap={6} wrap style={{ marginBottom: 12 }}>
        <ActivityKindTag kind={a.kind} />
        {cancelled ? <Tag>{t('activityStatus.cancelled')}</Tag> : <Tag color={phase === 'ongoing' ? 'processing' : 'default'}>{t(`activityPhase.${phase}`)}</Tag>}
        <DistanceTag distance={a.distance} />
        {a.concentrated && <Tag color="purple">{t('activities.concentrated')}</Tag>}
        {a.seriesId && <Tag>{t('activities.series')}</Tag>}
      </Flex>
      {cancelled && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('activity.cancelledReason', { reason: a.cancelReason ?? '' })} />}
      <Row gutter={[16, 16]}>
        {memberCard && (
          <Col xs={{ span: 24, order: 1 }} lg={{ span: 9, order: 2 }}>
            {memberCard}
          </Col>
        )}
        <Col xs={{ span: 24, order: 2 }} lg={{ span: memberCard ? 15 : 24, order: 1 }}>
          <Card size="small">{details}</Card>
        </Col>
      </Row>
      <ActivityFormDrawer
        open={editing}
        activity={a}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          activity.reload();
        }}
      />
      <ReasonModal
        open={cancelling}
        title={t('activity.cancel')}
        description={t('activity.cancelReasonHelp')}
        okText={t('activity.cancel')}
        onSubmit={cancelActivity}
        onClose={() => setCancelling(false)}
        data-testid="activity-cancel-form"
      />
      {supplementing && (
        <HourRequestModal
          open
          kind="supplementary"
          activityId={a.id}
          subject={a.title}
          startedAt={a.startsAt}
          endedAt={a.endsAt}
          onClose={() => setSupplementing(false)}
          onSent={() => setSupplementing(false)}
        />
      )}
    </>
  );
}
