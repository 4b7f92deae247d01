import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { applyFieldErrors } from '../../../lib/forms';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useFeedback } from '../../../ui/useFeedback';
import type { RevealField, Revealed } from '../types';

export interface RevealTarget {
  /** The record's API path, e.g. `/members/<id>`; the request goes to `<path>/reveal`. */
  path: string;
  field: RevealField;
  /** Whose number it is, for the title. */
  subject: string;
}

/**
 * Shows a phone or ID number in full after asking why (POST …/reveal, written to the audit log).
 * The value lives only in this dialog: closing it forgets it, and the next look asks again.
 */
export function RevealModal({ target, onClose }: { target: RevealTarget | null; onClose: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const feedback = useFeedback();
  const [form] = Form.useForm<{ reason: string }>();
  const [submitting, setSubmitting] = useState(false);
  const [revealed, setRevealed] = useState<Revealed | null>(null);

  const close = () => {
    setRevealed(null);
    onClose();
  };

  const submit = async () => {
    if (!target) return;
    let values: { reason: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSubmitting(true);
    try {
      const answer = await api.post<Revealed>(`${target.path}/reveal`, { field: target.field, reason: values.reason.trim() });
      setRevealed(answer);
    } catch (error) {
      if (!applyFieldErrors(form, error, i18n)) feedback.fail(error);
    } finally {
      setSubmitting(false);
    }
  };

  const fieldLabel = target ? t(target.field === 'phone' ? 'field.phone' : 'member.idNumber') : '';

  return (
    <Modal
      open={target !== null}
      title={target ? t('reveal.title', { name: target.subject, field: fieldLabel }) : ''}
      onCancel={close}
      destroyOnHidden
      okText={revealed ? t('common.close') : t('reveal.submit')}
      cancelButtonProps={revealed ? { style: { display: 'none' } } : undefined}
      cancelText={t('common.cancel')}
      onOk={() => (revealed ? close() : void submit())}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'reveal-submit' }}
    >
      {revealed ? (
        <div style={{ textAlign: 'center', padding: '12px 0' }}>
          <Typography.Text type="secondary">{fieldLabel}</Typography.Text>
          <div>
            {revealed.value ? (
              <Typography.Text
                className="gj-secret"
                copyable={{ text: revealed.value }}
                style={{ fontSize: 22, fontWeight: 600 }}
                data-testid="reveal-value"
              >
                {revealed.value}
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary" data-testid="reveal-value">
                {t('reveal.empty')}
              </Typography.Text>
            )}
          </div>
        </div>
      ) : (
        <>
          <Alert type="warning" showIcon title={t('reveal.audited')} style={{ marginBottom: 16 }} />
          <Form form={form} layout="vertical" preserve={false} onFinish={() => void submit()}>
            <Form.Item
              name="reason"
              label={t('reveal.reason')}
              rules={[
                { required: true, whitespace: true, message: t('reveal.reasonRequired') },
                { min: 2, message: t('reveal.reasonRequired') },
                { max: 200 },
              ]}
            >
              <Input.TextArea
                autoFocus
                autoSize={{ minRows: 2, maxRows: 4 }}
                maxLength={200}
                placeholder={t('reveal.reasonPlaceholder')}
                data-testid="reveal-reason"
                onPressEnter={(e) => {
                  if (!e.shiftKey) {
                    e.preventDefault();
                    void submit();
                  }
                }}
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
