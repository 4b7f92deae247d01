import { Form, Input } from 'antd';
import { useI18n } from '../lib/i18n/useI18n';
import { FormModal } from './FormModal';

/**
 * Asks for the reason of a refusal, a sending back or an ending (驳回, 退回, 终止, 取消): 2–200
 * characters. `onSubmit` sends it; the modal stays open on an error, with the API's field errors
 * on the reason.
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
  const { t } = useI18n();
  return (
    <FormModal<{ reason: string }>
      open={open}
      title={title}
      okText={okText}
      danger
      requiredMark
      onClose={onClose}
      onSubmit={(values) => onSubmit(values.reason.trim())}
      intro={description && <p style={{ marginTop: 0 }}>{description}</p>}
      testId={dataTestId}
    >
      <Form.Item
        name="reason"
        label={t('common.reason')}
        rules={[
          { required: true, whitespace: true, message: t('common.reasonRequired') },
          { min: 2, message: t('common.reasonRequired') },
          { max: 200 },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} showCount placeholder={placeholder} />
      </Form.Item>
    </FormModal>
  );
}
