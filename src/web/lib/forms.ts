import type { FormInstance } from 'antd';
import { toApiError } from './api';
import type { I18n } from './i18n/I18nContext';

/** `/phone`, `body/phone` or `body/roles/0` → ['phone'] / ['roles', '0']. */
function fieldName(path: string): string[] {
  return path
    .replace(/^\//, '')
    .replace(/^(body|querystring|params)(\/|$)/, '')
    .split('/')
    .filter(Boolean);
}

/**
 * Puts the `[{ path, message }]` details of a 4xx answer on the form's fields. A rule's own code
 * (ACCOUNT_TAKEN…) is shown translated; schema messages (VALIDATION_FAILED) as the server words them.
 * Returns true when at least one field was marked (the caller then needs no other message).
 */
export function applyFieldErrors(form: FormInstance, error: unknown, i18n: Pick<I18n, 'tName'>): boolean {
  const e = toApiError(error);
  const translated = e.code === 'VALIDATION_FAILED' ? null : i18n.tName('error', e.code);
  const registered = form.getFieldsValue() as Record<string, unknown>;
  const fields = e.fieldErrors
    .map((f) => ({
      name: fieldName(f.path),
      errors: [translated !== null && translated !== e.code ? translated : f.message],
    }))
    .filter((f) => f.name[0] !== undefined && f.name[0] in registered);
  if (fields.length === 0) return false;
  form.setFields(fields);
  return true;
}
