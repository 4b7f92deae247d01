import { Button, DatePicker, Drawer, Form, Input, List, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { applyFieldErrors } from '../../../lib/forms';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useFeedback } from '../../../ui/useFeedback';
import { DATE_ONLY } from '../dates';
import { useCycles } from '../hooks/useCycles';
import type { CreateCycleBody, RegistrationCycle } from '../types';

interface CycleValues {
  name: string;
  range: [Dayjs, Dayjs];
}

/**
 * The registration cycles (报到周期, e.g. every half year) and a form for the next one — for the
 * supervisor (registration.cycle.manage). Units and members report in again in each new cycle.
 */
export function CyclesDrawer({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const feedback = useFeedback();
  const cycles = useCycles();
  const [form] = Form.useForm<CycleValues>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: CycleValues) => {
    setSubmitting(true);
    const body: CreateCycleBody = {
      name: values.name.trim(),
      startsOn: values.range[0].format(DATE_ONLY),
      endsOn: values.range[1].format(DATE_ONLY),
    };
    try {
      const created = await api.post<RegistrationCycle>('/registration-cycles', body);
      feedback.ok(t('cycle.created', { name: created.name }));
      form.resetFields();
      cycles.reload();
      onCreated();
    } catch (error) {
      if (!applyFieldErrors(form, error, i18n)) feedback.fail(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Drawer open={open} onClose={onClose} title={t('cycle.title')} size={420} destroyOnHidden data-testid="cycles-drawer">
      <Typography.Paragraph type="secondary">{t('cycle.help')}</Typography.Paragraph>
      <List<RegistrationCycle>
        size="small"
        bordered
        loading={cycles.loading}
        dataSource={cycles.items}
        locale={{ emptyText: t('cycle.empty') }}
        renderItem={(c) => (
          <List.Item extra={c.current ? <Tag color="green">{t('cycle.current')}</Tag> : undefined}>
            <List.Item.Meta title={c.name} description={t('agreement.termRange', { from: formatDate(c.startsOn), to: formatDate(c.endsOn) })} />
          </List.Item>
        )}
        style={{ marginBottom: 24 }}
      />
      <Typography.Title level={5}>{t('cycle.new')}</Typography.Title>
      <Form<CycleValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="cycle-form">
        <Form.Item name="name" label={t('cycle.name')} rules={[{ required: true, whitespace: true, message: t('field.required') }, { max: 50 }]}>
          <Input maxLength={50} placeholder={t('cycle.namePlaceholder')} data-testid="cycle-name" />
        </Form.Item>
        <Form.Item name="range" label={t('cycle.range')} rules={[{ required: true, message: t('field.required') }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="cycle-create">
          {t('common.create')}
        </Button>
      </Form>
    </Drawer>
  );
}
