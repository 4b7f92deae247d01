import { Form, type FormInstance, type FormProps } from 'antd';
import type { ReactNode } from 'react';
import { useFormSubmit, type SubmitOptions } from './useFormSubmit';

/** What FormDrawer and FormModal take: a form sent to the API, with its fields as children. */
export interface FormShellProps<V, R> extends SubmitOptions<V, R> {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  /** The submit button's text (default: 保存 / Save). */
  okText?: string;
  /** Pass one when the fields need the form (watching values, setting fields). */
  form?: FormInstance<V>;
  initialValues?: FormProps<V>['initialValues'];
  onValuesChange?: FormProps<V>['onValuesChange'];
  requiredMark?: FormProps<V>['requiredMark'];
  /** The form's test id; the submit button's is `<testId>-submit` unless `submitTestId` says otherwise. */
  testId?: string;
  submitTestId?: string;
  /** A red submit button (ending, erasing). */
  danger?: boolean;
  /** Shown above the fields (a hint, a warning). */
  intro?: ReactNode;
  children: ReactNode;
}

/** The form inside FormDrawer and FormModal, and its submit state. */
export function useFormShell<V, R>(props: FormShellProps<V, R>) {
  const [own] = Form.useForm<V>();
  const form = props.form ?? own;
  const { submitting, submit } = useFormSubmit(form, props);
  const body = (
    <>
      {props.intro}
      <Form<V>
        form={form}
        layout="vertical"
        requiredMark={props.requiredMark}
        initialValues={props.initialValues}
        onValuesChange={props.onValuesChange}
        preserve={false}
        onFinish={(values) => void submit(values)}
        data-testid={props.testId}
      >
        {props.children}
      </Form>
    </>
  );
  const submitTestId = props.submitTestId ?? (props.testId ? `${props.testId}-submit` : undefined);
  return { form, submitting, body, submitTestId };
}
