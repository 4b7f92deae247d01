import { Modal } from 'antd';
import { useI18n } from '../lib/i18n/useI18n';
import { useFormShell, type FormShellProps } from './FormShell';

/** A short form in a dialog (a few fields, one decision). See FormShellProps. */
export function FormModal<V, R = unknown>(props: FormShellProps<V, R> & { width?: number }) {
  const { t } = useI18n();
  const { form, submitting, body, submitTestId } = useFormShell(props);
  return (
    <Modal
      open={props.open}
      title={props.title}
      width={props.width}
      okText={props.okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={submitting}
      okButtonProps={{ danger: props.danger, ...(submitTestId ? { 'data-testid': submitTestId } : {}) }}
      destroyOnHidden
    >
      {body}
    </Modal>
  );
}
