import { Alert, Button, Card, Col, Form, InputNumber, Row, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../app/useAuth';
import { api } from '../../../lib/api';
import { applyFieldErrors } from '../../../lib/forms';
import { useI18n } from '../../../lib/i18n/useI18n';
import { positiveInt } from '../../../lib/params';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { PageSpinner } from '../../../ui/PageSpinner';
import { useFeedback } from '../../../ui/useFeedback';
import type { UpdateSettingsBody, VolunteeringSettings } from '../types';

type Values = Omit<VolunteeringSettings, 'year' | 'reminderAt'> & { reminderPercent: number };

/**
 * /volunteering/settings: the year's rules — hours per member per quarter, team days per year,
 * a unit's concentrated activities per quarter, rounding, points per hour, star thresholds, the
 * default cancellation deadline and when reminders go out. The supervisor changes them; others read.
 */
export function SettingsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { can } = useAuth();
  const feedback = useFeedback();
  const [params, setParams] = useSearchParams();
  const thisYear = dayjs().year();
  const year = positiveInt(params.get('year'), thisYear);
  const settings = useApi<VolunteeringSettings>('/volunteering/settings', { year });
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const editable = can('volunteering.quota.manage');
  const data = settings.data?.year === year ? settings.data : undefined;

  const save = async (values: Values) => {
    const thresholds = values.starThresholds;
    if (thresholds.some((v, i) => i > 0 && v < thresholds[i - 1]!)) {
      form.setFields([{ name: ['starThresholds', 0], errors: [t('settings.thresholdsAscending')] }]);
      return;
    }
    setSaving(true);
    const { reminderPercent, ...rest } = values;
    const body: UpdateSettingsBody = { year, ...rest, reminderAt: reminderPercent / 100 };
    try {
      await api.put<VolunteeringSettings>('/volunteering/settings', body);
      feedback.ok(t('settings.saved'));
      settings.reload();
    } catch (error) {
      if (!applyFieldErrors(form, error, i18n)) feedback.fail(error);
    } finally {
      setSaving(false);
    }
  };

  const number = (name: keyof Values, label: string, props: { min: number; max: number; step?: number }) => (
    <Col xs={24} md={12}>
      <Form.Item name={name} label={label} rules={[{ required: true, message: t('field.required') }]}>
        <InputNumber {...props} disabled={!editable} style={{ width: '100%' }} data-testid={`settings-${name}`} />
      </Form.Item>
    </Col>
  );

  return (
    <>
      <PageHeader
        title={t('settings.title')}
        extra={
          <Select<number>
            value={year}
            onChange={(v) => setParams(v === thisYear ? {} : { year: String(v) }, { replace: true })}
            options={[thisYear + 1, thisYear, thisYear - 1].map((y) => ({ value: y, label: t('hours.year.label', { year: y }) }))}
            style={{ width: 110 }}
            aria-label={t('settings.year')}
          />
        }
      />
      {settings.error && <ErrorAlert error={settings.error} onRetry={settings.reload} />}
      {!data ? (
        !settings.error && <PageSpinner />
      ) : (
        <Card style={{ maxWidth: 880 }}>
          {!editable && <Alert type="info" showIcon title={t('settings.readOnly')} style={{ marginBottom: 16 }} />}
          <Form<Values>
            key={`${data.year}-${JSON.stringify(data)}`}
            form={form}
            layout="vertical"
            initialValues={{ ...data, reminderPercent: Math.round(data.reminderAt * 100) }}
            onFinish={(values) => void save(values)}
            data-testid="settings-form"
          >
            <Row gutter={16}>
              {number('memberHoursPerQuarter', t('settings.memberHoursPerQuarter'), { min: 0, max: 500, step: 0.5 })}
              {number('teamDaysPerYear', t('settings.teamDaysPerYear'), { min: 0, max: 366 })}
              {number('unitActivitiesPerQuarter', t('settings.unitActivitiesPerQuarter'), { min: 0, max: 100 })}
              {number('roundingMinutes', t('settings.roundingMinutes'), { min: 1, max: 240 })}
              {number('pointsPerHour', t('settings.pointsPerHour'), { min: 0, max: 1000 })}
              {number('cancelDeadlineHours', t('settings.cancelDeadlineHours'), { min: 0, max: 720 })}
              {number('reminderPercent', t('settings.reminderAt'), { min: 0, max: 100 })}
            </Row>
            <Form.Item label={t('settings.starThresholds')} required>
              <Space wrap>
                {[0, 1, 2, 3, 4].map((i) => (
                  <Form.Item key={i} name={['starThresholds', i]} noStyle rules={[{ required: true, message: t('field.required') }]}>
                    <InputNumber min={0} max={100000} disabled={!editable} addonBefore={t('settings.star', { n: i + 1 })} style={{ width: 150 }} />
                  </Form.Item>
                ))}
              </Space>
            </Form.Item>
            {editable && (
              <Button type="primary" htmlType="submit" loading={saving} data-testid="settings-save">
                {t('common.save')}
              </Button>
            )}
          </Form>
        </Card>
      )}
    </>
  );
}
