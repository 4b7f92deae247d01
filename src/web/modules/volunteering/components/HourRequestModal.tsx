import { DatePicker, Form, Grid, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { applyFieldErrors } from '../../../lib/forms';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useFeedback } from '../../../ui/useFeedback';
import { formatHours } from '../format';
import type { CreateHourRequestBody, HourRequest, HourRequestKind } from '../types';

interface Values {
  time: [Dayjs, Dayjs] | null;
  reason: string;
}

/**
 * A member asks for supplementary hours (forgot to scan at an activity he signed up for) or for a
 * correction of an entry's times; the organiser decides. Starts from the scheduled (or recorded) times.
 */
export function HourRequestModal({
  open,
  kind,
  activityId,
  entryId,
  subject,
  currentHours,
  startedAt,
  endedAt,
  onClose,
  onSent,
}: {
  open: boolean;
  kind: HourRequestKind;
  activityId?: string;
  entryId?: string;
  /** The activity or entry the request is about, as shown to the member. */
  subject: string;
  currentHours?: number | null;
  startedAt: string;
  endedAt: string;
  onClose: () => void;
  onSent: (request: HourRequest) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const feedback = useFeedback();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (!values.time) return;
    setSubmitting(true);
    const body: CreateHourRequestBody = {
      kind,
      ...(activityId ? { activityId } : {}),
      ...(entryId ? { entryId } : {}),
      startedAt: values.time[0].toISOString(),
      endedAt: values.time[1].toISOString(),
      reason: values.reason.trim(),
    };
    try {
      const sent = await api.post<HourRequest>('/volunteering/hour-requests', body);
      feedback.ok(t('hourRequest.sent'));
      onSent(sent);
    } catch (error) {
      if (!applyFieldErrors(form, error, i18n)) feedback.fail(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t(kind === 'supplementary' ? 'hourRequest.supplementaryTitle' : 'hourRequest.correctionTitle')}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'hour-request-submit' }}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ time: [dayjs(startedAt), dayjs(endedAt)], reason: '' }}
        data-testid="hour-request-form"
      >
        <Form.Item label={t(kind === 'supplementary' ? 'hourRequest.activity' : 'hourRequest.entry')}>
          <Typography.Text strong>{subject}</Typography.Text>
          {currentHours !== undefined && currentHours !== null && (
            <Typography.Text type="secondary"> · {t('hourRequest.current', { hours: formatHours(currentHours) })}</Typography.Text>
          )}
        </Form.Item>
        <Form.Item
          name="time"
          label={t('hourRequest.time')}
          rules={[
            { required: true, message: t('field.required') },
            {
              validator: (_, value: [Dayjs, Dayjs] | null) =>
                !value || value[1].isAfter(value[0]) ? Promise.resolve() : Promise.reject(new Error(t('activityForm.endBeforeStart'))),
            },
          ]}
        >
          <DatePicker.RangePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" inputReadOnly={!screens.md} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('hourRequest.reason')}
          rules={[
            { required: true, whitespace: true, message: t('field.required') },
            { min: 2, max: 500 },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount placeholder={t('hourRequest.reasonPlaceholder')} data-testid="hour-request-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
