import { CheckCircleOutlined, KeyOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Popconfirm } from 'antd';
import { useState } from 'react';
import { useCurrentUser } from '../../../app/useAuth';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { User } from '../../../lib/types';
import { useFeedback } from '../../../ui/useFeedback';

/**
 * Enable / disable and reset password for one user (needs admin.user.write; the caller checks).
 * `compact` renders small link buttons for table rows and cards.
 */
export function UserActions({
  user,
  compact = false,
  onChanged,
  onResetPassword,
}: {
  user: User;
  compact?: boolean;
  onChanged: (user: User) => void;
  onResetPassword: (user: User) => void;
}) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const me = useCurrentUser();
  const [busy, setBusy] = useState(false);
  const disabling = user.status === 'active';
  const buttonProps = compact ? ({ type: 'link', size: 'small' } as const) : ({} as const);

  const toggle = async () => {
    setBusy(true);
    try {
      const saved = await api.patch<User>(`/users/${encodeURIComponent(user.id)}`, {
        status: disabling ? 'disabled' : 'active',
      });
      feedback.ok(t(disabling ? 'users.disabledDone' : 'users.enabledDone'));
      onChanged(saved);
    } catch (error) {
      feedback.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Popconfirm
        title={t(disabling ? 'users.disableTitle' : 'users.enableTitle', { name: user.displayName })}
        description={disabling ? t('users.disableConfirm') : undefined}
        okText={t(disabling ? 'users.disable' : 'users.enable')}
        okButtonProps={{ danger: disabling }}
        cancelText={t('common.cancel')}
        onConfirm={() => toggle()}
      >
        <Button
          {...buttonProps}
          danger={disabling}
          loading={busy}
          disabled={disabling && user.id === me.id}
          icon={compact ? undefined : disabling ? <StopOutlined /> : <CheckCircleOutlined />}
          data-testid={`user-toggle-${user.account}`}
        >
          {t(disabling ? 'users.disable' : 'users.enable')}
        </Button>
      </Popconfirm>
      <Button
        {...buttonProps}
        icon={compact ? undefined : <KeyOutlined />}
        onClick={() => onResetPassword(user)}
        data-testid={`user-reset-${user.account}`}
      >
        {t('users.resetPassword')}
      </Button>
    </>
  );
}
