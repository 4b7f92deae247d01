import type { FormInstance } from 'antd';
import { useState } from 'react';
import { applyFieldErrors } from '../lib/forms';
import { useI18n } from '../lib/i18n/useI18n';
import { useFeedback } from './useFeedback';

export interface SubmitOptions<V, R> {
  /** Sends the values (the form has checked its rules); throws the API's error on a refusal. */
  onSubmit: (values: V) => Promise<R>;
  /** The toast after it worked (none when absent). */
  success?: string | ((result: R) => string);
  onDone?: (result: R) => void;
  /** Handles an error the form words itself (e.g. password rules); true when handled. */
  onError?: (error: unknown, form: FormInstance<V>) => boolean;
}

/**
 * Submitting a form to the API: `submitting` while it runs; on success a toast and `onDone`; on a
 * refusal the `[{ path, message }]` details of the error shape go onto the form's fields, and any
 * other error is a toast. The form keeps what was typed.
 */
export function useFormSubmit<V, R>(form: FormInstance<V>, { onSubmit, success, onDone, onError }: SubmitOptions<V, R>) {
  const i18n = useI18n();
  const feedback = useFeedback();
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: V) => {
    setSubmitting(true);
    try {
      const result = await onSubmit(values);
      const text = typeof success === 'function' ? success(result) : success;
      if (text) feedback.ok(text);
      onDone?.(result);
    } catch (error) {
      if (!onError?.(error, form) && !applyFieldErrors(form, error, i18n)) feedback.fail(error);
    } finally {
      setSubmitting(false);
    }
  };
  return { submitting, submit };
}
