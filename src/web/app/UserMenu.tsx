import { KeyOutlined, LockOutlined, LogoutOutlined, PoweroffOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, type MenuProps } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../lib/i18n/useI18n';
import { useFeedback } from '../ui/useFeedback';
import { useAuth, useCurrentUser } from './useAuth';

/** The avatar in the header: profile, password, tokens, log out, log out everywhere. */
export function UserMenu({ showName }: { showName: boolean }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const navigate = useNavigate();
  const auth = useAuth();
  const user = useCurrentUser();

  const items: MenuProps['items'] = [
    { key: 'profile', icon: <UserOutlined />, label: <span data-testid="user-menu-profile">{t('userMenu.profile')}</span> },
    {
      key: 'password',
      icon: <LockOutlined />,
      label: <span data-testid="user-menu-password">{t('userMenu.changePassword')}</span>,
    },
    { key: 'tokens', icon: <KeyOutlined />, label: <span data-testid="user-menu-tokens">{t('userMenu.tokens')}</span> },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout">{t('userMenu.logout')}</span> },
    {
      key: 'logout-all',
      icon: <PoweroffOutlined />,
      danger: true,
      label: <span data-testid="logout-all">{t('userMenu.logoutAll')}</span>,
    },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    switch (key) {
      case 'profile':
        void navigate('/profile');
        break;
      case 'password':
        void navigate('/profile/password');
        break;
      case 'tokens':
        void navigate('/profile/tokens');
        break;
      case 'logout':
        auth.logout().then(() => feedback.ok(t('userMenu.loggedOut')), feedback.fail);
        break;
      case 'logout-all':
        modal.confirm({
          title: t('userMenu.logoutAllTitle'),
          content: t('userMenu.logoutAllConfirm'),
          okText: t('userMenu.logoutAll'),
          okButtonProps: { danger: true, 'data-testid': 'logout-all-confirm' },
          cancelText: t('common.cancel'),
          onOk: () => auth.logoutEverywhere().then(() => feedback.ok(t('userMenu.loggedOutAll')), feedback.fail),
        });
        break;
      default:
        break;
    }
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" data-testid="user-menu" aria-label={t('userMenu.label')} className="gj-user-menu">
        <Avatar size="small" style={{ backgroundColor: 'var(--gj-brand)' }}>
          {user.displayName.slice(0, 1) || <UserOutlined />}
        </Avatar>
        {showName && <span className="gj-user-menu__name">{user.displayName}</span>}
      </Button>
    </Dropdown>
  );
}
