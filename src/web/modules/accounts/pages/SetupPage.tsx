import { Alert, Button, Card, Form, Input, Radio, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { PageSpinner } from '../../../ui/PageSpinner';
import type { SetupStatus } from '../types';

interface TopRegionValues {
  kind: 'city' | 'district';
  name: string;
}

/**
 * 初始设置: the first run of an empty system, for a system administrator. Creates the top region,
 * then leads through the imports (region tree, organisations, members and households) to the
 * member accounts, each step marked done from the counts the server gives.
 */
export function SetupPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const status = useApi<SetupStatus>('/setup');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (status.error) return <ErrorAlert error={status.error} />;
  if (!status.data) return <PageSpinner />;
  const counts = status.data.counts ?? { regions: 0, organizations: 0, members: 0, households: 0, memberAccounts: 0, activatedAccounts: 0 };

  const createTop = async (values: TopRegionValues) => {
    setSaving(true);
    setError(null);
    try {
      await api.post('/regions', { kind: values.kind, name: values.name.trim() });
      status.reload();
    } catch (e) {
      setError(errorText(i18n, e));
    } finally {
      setSaving(false);
    }
  };

  const link = (to: string, label: string, testId: string) => (
    <Link to={to}>
      <Button data-testid={testId}>{label}</Button>
    </Link>
  );

  const steps = [
    {
      title: t('setup.step.top'),
      done: !status.data.needsSetup,
      content: status.data.needsSetup ? (
        <Form<TopRegionValues> layout="vertical" initialValues={{ kind: 'district' }} onFinish={(v) => void createTop(v)} style={{ maxWidth: 420 }} data-testid="setup-top-form">
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
          <Form.Item name="kind" label={t('setup.topKind')}>
            <Radio.Group
              options={[
                { value: 'city', label: t('setup.kindCity') },
                { value: 'district', label: t('setup.kindDistrict') },
              ]}
            />
          </Form.Item>
          <Form.Item name="name" label={t('setup.topName')} rules={[{ required: true, whitespace: true, max: 50, message: t('setup.topNameRequired') }]}>
            <Input placeholder={t('setup.topNamePlaceholder')} data-testid="setup-top-name" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="setup-top-submit">
            {t('setup.topCreate')}
          </Button>
        </Form>
      ) : (
        <Typography.Text type="secondary">{t('setup.topDone')}</Typography.Text>
      ),
    },
    { title: t('setup.step.regions'), done: counts.regions > 1, content: link('/directory/import?kind=regions', t('setup.importRegions'), 'setup-import-regions') },
    { title: t('setup.step.organizations'), done: counts.organizations > 0, content: link('/directory/import?kind=organizations', t('setup.importOrganizations'), 'setup-import-organizations') },
    {
      title: t('setup.step.people'),
      done: counts.members > 0,
      content: (
        <Space wrap>
          {link('/directory/import?kind=members', t('setup.importMembers'), 'setup-import-members')}
          {link('/directory/import?kind=households', t('setup.importHouseholds'), 'setup-import-households')}
        </Space>
      ),
    },
    { title: t('setup.step.accounts'), done: counts.memberAccounts > 0, content: link('/directory/members', t('setup.createAccounts'), 'setup-accounts') },
  ];
  const current = Math.max(0, steps.findIndex((s) => !s.done));

  return (
    <>
      <PageHeader title={t('setup.title')} />
      <Card data-testid="setup-page">
        <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
        <Typography.Paragraph type="secondary" data-testid="setup-counts">
          {t('setup.counts', counts)}
        </Typography.Paragraph>
        <Steps
          direction="vertical"
          current={steps.every((s) => s.done) ? steps.length : current}
          items={steps.map((s, i) => ({ title: s.title, status: s.done ? 'finish' : i === current ? 'process' : 'wait', description: <div style={{ padding: '8px 0 16px' }}>{s.content}</div> }))}
        />
      </Card>
    </>
  );
}
