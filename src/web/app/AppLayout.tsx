import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link, Outlet, useNavigation } from 'react-router-dom';
import { useI18n } from '../lib/i18n/useI18n';
import { Brand } from '../ui/Brand';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';

// Loaded after the shell, so that its popover does not weigh on the first screen.
const NotificationBell = lazy(() => import('./NotificationBell').then((m) => ({ default: m.NotificationBell })));

/**
 * The frame of every signed-in page: a side menu on a desktop, a drawer behind the menu button on
 * a phone or tablet (below antd's `lg`, 992 px), the header with notifications, language and user menu.
 */
export function AppLayout() {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const mobile = !screens.lg;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const navigation = useNavigation();

  return (
    <Layout className="gj-shell">
      {navigation.state === 'loading' && <div className="gj-progress" role="progressbar" aria-busy="true" />}
      {!mobile && (
        <Layout.Sider
          theme="light"
          width={232}
          collapsedWidth={64}
          collapsed={collapsed}
          trigger={null}
          className="gj-sider"
        >
          <Link to="/" className="gj-sider__brand">
            <Brand variant={collapsed ? 'mark' : 'full'} />
          </Link>
          <SideMenu collapsed={collapsed} />
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="gj-header">
          {mobile ? (
            <Button
              type="text"
              icon={<MenuOutlined />}
              data-testid="menu-toggle"
              aria-label={t('nav.openMenu')}
              aria-expanded={drawerOpen}
              onClick={() => setDrawerOpen(true)}
            />
          ) : (
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              aria-label={t(collapsed ? 'nav.expand' : 'nav.collapse')}
              onClick={() => setCollapsed((c) => !c)}
            />
          )}
          {mobile && (
            <Link to="/" className="gj-header__brand">
              <Brand variant="title" />
            </Link>
          )}
          <div className="gj-header__spacer" />
          <Suspense fallback={null}>
            <NotificationBell />
          </Suspense>
          <LanguageSwitch size={mobile ? 'small' : 'middle'} />
          <UserMenu showName={!mobile} />
        </Layout.Header>
        <Layout.Content className="gj-content">
          <Outlet />
        </Layout.Content>
      </Layout>
      {mobile && (
        <Drawer
          placement="left"
          size={264}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={<Brand />}
          styles={{ body: { padding: 0 } }}
        >
          <SideMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}
