import {
  AuditOutlined,
  BarChartOutlined,
  CarryOutOutlined,
  CheckSquareOutlined,
  ContactsOutlined,
  IdcardOutlined,
  HeartOutlined,
  LinkOutlined,
  MessageOutlined,
  SolutionOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Card, Col, Empty, Flex, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useAuth, useCurrentUser } from '../../../app/useAuth';
import type { MessageKey } from '../../../lib/i18n/messages';
import { useI18n } from '../../../lib/i18n/useI18n';
import { SetupRedirect } from '../../accounts';
import { greetingKey } from '../components/greetingKey';
import { RoleAssignmentCard } from '../components/RoleAssignmentCard';

interface Shortcut {
  to: string;
  label: MessageKey;
  icon: ReactNode;
  permission?: string;
}

const SHORTCUTS: Shortcut[] = [
  { to: '/registration/me', label: 'nav.myRegistration', icon: <SolutionOutlined />, permission: 'registration.apply' },
  { to: '/registration/queue', label: 'nav.registrationQueue', icon: <CheckSquareOutlined />, permission: 'registration.decide' },
  { to: '/registration/pairings', label: 'nav.pairings', icon: <LinkOutlined />, permission: 'pairing.read' },
  { to: '/registration/dashboard', label: 'nav.registrationDashboard', icon: <BarChartOutlined />, permission: 'pairing.read' },
  { to: '/directory/members', label: 'nav.members', icon: <IdcardOutlined />, permission: 'directory.member.read' },
  { to: '/directory/households', label: 'nav.households', icon: <ContactsOutlined />, permission: 'directory.household.read' },
  { to: '/admin/users', label: 'nav.users', icon: <TeamOutlined />, permission: 'admin.user.read' },
  { to: '/admin/audit', label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { to: '/profile', label: 'nav.profile', icon: <UserOutlined /> },
];

const UPCOMING: { title: MessageKey; desc: MessageKey; icon: ReactNode }[] = [
  { title: 'home.module.threeLists', desc: 'home.module.threeLists.desc', icon: <UnorderedListOutlined /> },
  { title: 'home.module.volunteering', desc: 'home.module.volunteering.desc', icon: <CarryOutOutlined /> },
  { title: 'home.module.concerns', desc: 'home.module.concerns.desc', icon: <MessageOutlined /> },
];

/** The welcome page: greeting, the user's roles and where they apply, shortcuts. */
export function HomePage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const user = useCurrentUser();

  return (
    <Flex vertical gap="large">
      <SetupRedirect />
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="home-greeting">
          <HeartOutlined style={{ color: 'var(--gj-brand)', marginInlineEnd: 8 }} />
          {t(greetingKey(), { name: user.displayName })}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0, maxWidth: 720 }}>
          {t('home.intro')}
        </Typography.Paragraph>
      </div>

      <section>
        <Typography.Title level={5}>{t('home.myRoles')}</Typography.Title>
        {user.roles.length === 0 ? (
          <Card>
            <Empty description={t('home.noRoles')} />
          </Card>
        ) : (
          <Row gutter={[12, 12]}>
            {user.roles.map((r) => (
              <Col key={r.id} xs={24} sm={12} lg={8} xl={6}>
                <RoleAssignmentCard assignment={r} />
              </Col>
            ))}
          </Row>
        )}
      </section>

      <section>
        <Typography.Title level={5}>{t('home.shortcuts')}</Typography.Title>
        <Row gutter={[12, 12]}>
          {SHORTCUTS.filter((s) => !s.permission || can(s.permission)).map((s) => (
            <Col key={s.to} xs={12} sm={8} lg={6} xl={4}>
              <Link to={s.to}>
                <Card hoverable size="small">
                  <Flex vertical align="center" gap={6}>
                    <span style={{ fontSize: 24, color: 'var(--gj-brand)' }}>{s.icon}</span>
                    <Typography.Text>{t(s.label)}</Typography.Text>
                  </Flex>
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      </section>

      <section>
        <Typography.Title level={5}>{t('home.upcoming')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('home.upcomingHint')}</Typography.Paragraph>
        <Row gutter={[12, 12]}>
          {UPCOMING.map((m) => (
            <Col key={m.title} xs={24} sm={12} xl={6}>
              <Card size="small" style={{ height: '100%' }}>
                <Card.Meta
                  avatar={<span style={{ fontSize: 22, color: 'rgba(0,0,0,0.45)' }}>{m.icon}</span>}
                  title={
                    <Flex justify="space-between" align="center" gap="small">
                      {t(m.title)}
                      <Tag>{t('home.upcoming')}</Tag>
                    </Flex>
                  }
                  description={t(m.desc)}
                />
              </Card>
            </Col>
          ))}
        </Row>
      </section>
    </Flex>
  );
}
