import { Menu, type MenuProps } from 'antd';
import { Link, useLocation } from 'react-router-dom';
import { useI18n } from '../lib/i18n/useI18n';
import { NAVIGATION, navItemVisible, selectedNavKey } from './navigation';
import { useAuth } from './useAuth';

type MenuItem = NonNullable<MenuProps['items']>[number];

/** The navigation menu, showing only what the user's permissions allow. */
export function SideMenu({ onNavigate, collapsed = false }: { onNavigate?: () => void; collapsed?: boolean }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const { pathname } = useLocation();
  const selected = selectedNavKey(pathname);

  const items: MenuItem[] = [];
  for (const group of NAVIGATION) {
    const visible = group.items.filter((item) => navItemVisible(item, can));
    if (visible.length === 0) continue;
    const children: MenuItem[] = visible.map((item) => ({
      key: item.key,
      icon: item.icon,
      label: (
        <Link to={item.path} data-testid={item.testId}>
          {t(item.label)}
        </Link>
      ),
    }));
    if (group.label && !collapsed) items.push({ type: 'group', key: group.label, label: t(group.label), children });
    else items.push(...children);
  }

  return (
    <nav data-testid="menu" aria-label={t('nav.menu')}>
      <Menu
        mode="inline"
        items={items}
        selectedKeys={selected ? [selected] : []}
        onClick={onNavigate}
        inlineCollapsed={collapsed}
        style={{ borderInlineEnd: 'none' }}
      />
    </nav>
  );
}
