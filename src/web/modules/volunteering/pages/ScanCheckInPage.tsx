import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api, toApiError, type ApiError } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { PageSpinner } from '../../../ui/PageSpinner';
import { CheckInBox } from '../components/CheckInBox';
import { formatHours, timeRange } from '../format';
import type { Activity, CheckResult } from '../types';
import '../volunteering.css';

type Outcome = { kind: 'in' } | { kind: 'out'; hours: number } | { kind: 'failed'; error: ApiError };

/**
 * /volunteering/check-in/:activityId?t=<token>: what scanning the organiser's QR code opens. Checks
 * the member in (or out, when already in) with the token at once; when the token has expired, the
 * code box is there instead.
 */
export function ScanCheckInPage() {
  const { activityId = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('t') ?? '';
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const activity = useApi<Activity>(`/volunteering/activities/${encodeURIComponent(activityId)}`);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const sent = useRef<string | null>(null);
  const a = activity.data?.id === activityId ? activity.data : undefined;
  const mine = a?.mySignup && a.mySignup.status === 'confirmed' ? a.mySignup : null;

  useEffect(() => {
    if (!a || !token || sent.current === token) return;
    const signup = a.mySignup;
    if (!signup || signup.status !== 'confirmed' || signup.checkedOutAt) return;
    // Once per token, even when React runs effects twice.
    sent.current = token;
    const action = signup.checkedInAt ? 'out' : 'in';
    api.post<CheckResult>(`/volunteering/activities/${encodeURIComponent(a.id)}/check-${action}`, { token }).then(
      (result) => {
        setOutcome(action === 'in' ? { kind: 'in' } : { kind: 'out', hours: result.entry?.hours ?? 0 });
        activity.reload();
      },
      (error: unknown) => setOutcome({ kind: 'failed', error: toApiError(error) }),
    );
  }, [a, token, activity]);

  if (!a) {
    return activity.error ? <ErrorAlert error={activity.error} onRetry={activity.reload} /> : <PageSpinner />;
  }

  const ok = outcome && outcome.kind !== 'failed';
  return (
    <>
      <PageHeader title={t('checkIn.title')} />
      <Flex vertical gap="middle" style={{ maxWidth: 560 }}>
        <Card size="small" data-testid="scan-check-in" data-outcome={outcome?.kind ?? 'pending'}>
          <Flex vertical gap={10} align="center" style={{ textAlign: 'center' }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {a.title}
            </Typography.Title>
            <Typography.Text type="secondary">
              {timeRange(a.startsAt, a.endsAt, formatDateTime)} · {a.place}
            </Typography.Text>
            {outcome === null && mine && !mine.checkedOutAt && token && <Typography.Text>{t('checkIn.scanning')}</Typography.Text>}
            {ok && (
              <>
                <CheckCircleFilled style={{ fontSize: 56, color: '#389e0d' }} />
                <Typography.Title level={4} style={{ margin: 0, color: '#389e0d' }} data-testid="scan-result">
                  {outcome.kind === 'in' ? t('checkIn.scanned') : t('checkIn.scannedOut', { hours: formatHours(outcome.hours) })}
                </Typography.Title>
              </>
            )}
            {outcome?.kind === 'failed' && (
              <>
                <CloseCircleFilled style={{ fontSize: 56, color: '#cf1322' }} />
                <Typography.Text strong>{t('checkIn.scanFailed')}</Typography.Text>
                <Typography.Text type="danger" data-testid="scan-error">
                  {errorText(i18n, outcome.error)}
                </Typography.Text>
              </>
            )}
            {!mine && <Typography.Text type="warning">{t('error.NOT_SIGNED_UP')}</Typography.Text>}
          </Flex>
        </Card>
        {mine && (outcome?.kind === 'failed' || !token) && (
          <Card size="small">
            <CheckInBox activityId={a.id} checkedInAt={mine.checkedInAt} checkedOutAt={mine.checkedOutAt} onDone={activity.reload} />
          </Card>
        )}
        <Flex gap="small" wrap>
          <Link to={`/volunteering/activities/${a.id}`} style={{ flex: 1 }}>
            <Button block>{t('activity.title')}</Button>
          </Link>
          <Link to="/volunteering/me/hours" style={{ flex: 1 }}>
            <Button block>{t('checkIn.toHours')}</Button>
          </Link>
        </Flex>
      </Flex>
    </>
  );
}
