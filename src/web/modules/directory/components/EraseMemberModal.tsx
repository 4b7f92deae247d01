import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { applyFieldErrors } from '../../../lib/forms';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useFeedback } from '../../../ui/useFeedback';
import type { Member } from '../types';

/**
 * Erases what identifies a member and keeps the record (POST /members/:id/erase with a reason):
 * phone, ID number, birth date, gender and skills go, the name becomes the surname only, the
 * status becomes 已离开. See docs/data-protection.md.
 */
export function EraseMemberModal({
  member,
  onClose,
  onErased,
}: {
  member: Member | null;
  onClose: () => void;
  onErased: (member: Member) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const feedback = useFeedback();
  const [form] = Form.useForm<{ reason: string }>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    if (!member) return;
    let values: { reason: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSubmitting(true);
    try {
      const erased = await api.post<Member>(`/members/${encodeURIComponent(member.id)}/erase`, { reason: values.reason.trim() });
      feedback.ok(t('member.erased'));
      onErased(erased);
    } catch (error) {
      if (!applyFieldErrors(form, error, i18n)) feedback.fail(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={member !== null}
      title={member ? t('member.eraseTitle', { name: member.name }) : ''}
      okText={t('member.erase')}
      okButtonProps={{ danger: true, 'data-testid': 'member-erase-submit' }}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('member.eraseWarning')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('member.eraseReason')}
          rules={[
            { required: true, whitespace: true, message: t('reveal.reasonRequired') },
            { min: 2, message: t('reveal.reasonRequired') },
            { max: 200 },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} placeholder={t('member.eraseReasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
