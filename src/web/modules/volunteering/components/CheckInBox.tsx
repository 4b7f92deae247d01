import { LoginOutlined, LogoutOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useFeedback } from '../../../ui/useFeedback';
import { formatHours } from '../format';
import type { CheckResult } from '../types';

const CODE = /^[A-Za-z0-9]{6}$/;

/**
 * Check in or out by typing the 6-character code on the organiser's screen. Shows where the
 * member stands (not yet, checked in at…, checked out at…) and offers the next step.
 */
export function CheckInBox({
  activityId,
  checkedInAt,
  checkedOutAt,
  onDone,
}: {
  activityId: string;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  onDone: (result: CheckResult) => void;
}) {
  const { t, formatDateTime } = useI18n();
  const feedback = useFeedback();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const action: 'in' | 'out' | null = checkedOutAt ? null : checkedInAt ? 'out' : 'in';

  const submit = async () => {
    if (!action) return;
    const value = code.trim().toUpperCase();
    if (!CODE.test(value)) {
      setInvalid(true);
      return;
    }
    setBusy(true);
    try {
      const result = await api.post<CheckResult>(`/volunteering/activities/${encodeURIComponent(activityId)}/check-${action}`, { code: value });
      setCode('');
      feedback.ok(action === 'in' ? t('checkIn.checkedIn') : t('checkIn.checkedOut', { hours: formatHours(result.entry?.hours ?? 0) }));
      onDone(result);
    } catch (error) {
      feedback.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={8} data-testid="check-in-box" data-state={checkedOutAt ? 'out' : checkedInAt ? 'in' : 'none'}>
      <Typography.Text type={checkedInAt ? 'success' : 'secondary'} data-testid="check-in-state">
        {checkedOutAt
          ? t('checkIn.state.out', { at: formatDateTime(checkedOutAt) })
          : checkedInAt
            ? t('checkIn.state.in', { at: formatDateTime(checkedInAt) })
            : t('checkIn.state.none')}
      </Typography.Text>
      {action && (
        <Flex gap={8}>
          <Input
            className="gj-vol-code-input"
            value={code}
            maxLength={6}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            enterKeyHint="go"
            placeholder={t('checkIn.codePlaceholder')}
            aria-label={t('checkIn.code')}
            status={invalid ? 'error' : undefined}
            onChange={(e) => {
              setCode(e.target.value.toUpperCase().replace(/[^A-Z0-9]/g, ''));
              setInvalid(false);
            }}
            onPressEnter={() => void submit()}
            style={{ flex: 1, minWidth: 0 }}
            data-testid="check-in-code"
          />
          <Button
            type="primary"
            size="large"
            icon={action === 'in' ? <LoginOutlined /> : <LogoutOutlined />}
            loading={busy}
            onClick={() => void submit()}
            style={{ height: 'auto' }}
            data-testid={`check-${action}-submit`}
          >
            {t(action === 'in' ? 'checkIn.in' : 'checkIn.out')}
          </Button>
        </Flex>
      )}
      {invalid && <Typography.Text type="danger">{t('checkIn.codeInvalid')}</Typography.Text>}
    </Flex>
  );
}
