import { Alert, Card, Tabs } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useAuth, useCurrentUser } from '../../../app/useAuth';
import { useI18n } from '../../../lib/i18n/useI18n';
import { PageHeader } from '../../../ui/PageHeader';
import { AccountPanel } from '../components/AccountPanel';
import { ApiTokensPanel } from '../components/ApiTokensPanel';
import { PasswordChangeForm } from '../components/PasswordChangeForm';

const TABS = ['account', 'password', 'tokens'] as const;
type ProfileTab = (typeof TABS)[number];

function isTab(value: string | undefined): value is ProfileTab {
  return (TABS as readonly (string | undefined)[]).includes(value);
}

/** /profile, /profile/password, /profile/tokens: the user's own account. */
export function ProfilePage() {
  const { t } = useI18n();
  const { tab } = useParams();
  const navigate = useNavigate();
  const auth = useAuth();
  const user = useCurrentUser();
  const active: ProfileTab = isTab(tab) ? tab : 'account';
  const forced = user.mustChangePassword;

  const onPasswordChanged = () => {
    auth.refresh().then(
      (u) => {
        if (forced && u) void navigate('/', { replace: true });
      },
      () => undefined,
    );
  };

  return (
    <>
      <PageHeader title={t('profile.title')} />
      {forced && (
        <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} data-testid="must-change-password" />
      )}
      <Card>
        <Tabs
          activeKey={active}
          onChange={(key) => void navigate(key === 'account' ? '/profile' : `/profile/${key}`)}
          items={[
            { key: 'account', label: t('profile.tab.account'), children: <AccountPanel />, disabled: forced },
            {
              key: 'password',
              label: t('profile.tab.password'),
              children: <PasswordChangeForm onChanged={onPasswordChanged} />,
            },
            { key: 'tokens', label: t('profile.tab.tokens'), children: <ApiTokensPanel />, disabled: forced },
          ]}
          destroyOnHidden
        />
      </Card>
    </>
  );
}
