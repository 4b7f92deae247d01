import { Button, Drawer, Flex, Grid } from 'antd';
import { useI18n } from '../lib/i18n/useI18n';
import { useFormShell, type FormShellProps } from './FormShell';

/**
 * A form in a drawer from the right (the whole screen on a phone) with 取消 and the submit button
 * at its foot: creating or changing a record with many fields. See FormShellProps.
 */
export function FormDrawer<V, R = unknown>(props: FormShellProps<V, R> & { width?: number }) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const { form, submitting, body, submitTestId } = useFormShell(props);
  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      title={props.title}
      size={screens.sm ? (props.width ?? 560) : '100%'}
      destroyOnHidden
      footer={
        <Flex justify="end" gap="small">
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button type="primary" danger={props.danger} loading={submitting} onClick={() => form.submit()} data-testid={submitTestId}>
            {props.okText ?? t('common.save')}
          </Button>
        </Flex>
      }
    >
      {body}
    </Drawer>
  );
}
