import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { applyFieldErrors } from '../../../lib/forms';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useFeedback } from '../../../ui/useFeedback';

/**
 * Asks for the reason of a refusal or an ending (驳回, 拒绝, 终止): 2–200 characters, as the
 * contract's RejectBody and EndBody want. `onSubmit` sends it; the modal stays open on an error.
 */
export function ReasonModal({
  open,
  title,
  description,
  okText,
  placeholder,
  onSubmit,
  onClose,
  'data-testid': dataTestId,
}: {
  open: boolean;
  title: string;
  description?: string;
  okText: string;
  placeholder?: string;
  onSubmit: (reason: string) => Promise<void>;
  onClose: () => void;
  'data-testid'?: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const feedback = useFeedback();
  const [form] = Form.useForm<{ reason: string }>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    let values: { reason: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSubmitting(true);
    try {
      await onSubmit(values.reason.trim());
    } catch (error) {
      if (!applyFieldErrors(form, error, i18n)) feedback.fail(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger: true, ...(dataTestId ? { 'data-testid': `${dataTestId}-submit` } : {}) }}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      destroyOnHidden
    >
      {description && <p style={{ marginTop: 0 }}>{description}</p>}
      <Form form={form} layout="vertical" preserve={false} data-testid={dataTestId}>
        <Form.Item
          name="reason"
          label={t('registration.reason')}
          rules={[
            { required: true, whitespace: true, message: t('registration.reasonRequired') },
            { min: 2, message: t('registration.reasonRequired') },
            { max: 200 },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} showCount placeholder={placeholder} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
