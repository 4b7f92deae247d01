import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useCurrentUser } from '../../../app/useAuth';
import { api } from '../../../lib/api';
import { applyFieldErrors } from '../../../lib/forms';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useFeedback } from '../../../ui/useFeedback';
import type { Agreement, AgreementSide, SignBody } from '../types';

/**
 * Signs one side of an agreement (POST /agreements/:id/sign): 甲方 for the community, 乙方 for the
 * unit, with the name of the person who signs for it (负责人), the user by default.
 */
export function SignModal({
  agreement,
  side,
  onClose,
  onSigned,
}: {
  agreement: Agreement;
  /** The side being signed; null = closed. */
  side: AgreementSide | null;
  onClose: () => void;
  onSigned: (agreement: Agreement) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const user = useCurrentUser();
  const feedback = useFeedback();
  const [form] = Form.useForm<{ signatory: string }>();
  const [submitting, setSubmitting] = useState(false);
  const party = side === 'a' ? agreement.partyA : agreement.partyB;

  const submit = async () => {
    if (!side) return;
    let values: { signatory: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSubmitting(true);
    try {
      const body: SignBody = { side, signatory: values.signatory.trim() };
      const signed = await api.post<Agreement>(`/agreements/${encodeURIComponent(agreement.id)}/sign`, body);
      feedback.ok(t(signed.status === 'signed_by_one' ? 'agreement.signedOne' : 'agreement.signedBoth'));
      onSigned(signed);
    } catch (error) {
      if (!applyFieldErrors(form, error, i18n)) feedback.fail(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={side !== null}
      title={side ? t('agreement.signTitle', { side: t(`agreementSide.${side}`), party }) : ''}
      okText={t('agreement.sign')}
      okButtonProps={{ 'data-testid': 'agreement-sign-submit' }}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('agreement.signHelp')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" preserve={false} initialValues={{ signatory: user.displayName }}>
        <Form.Item
          name="signatory"
          label={t('agreement.signatory')}
          extra={t('agreement.signatoryHelp')}
          rules={[{ required: true, whitespace: true, message: t('field.required') }, { max: 50 }]}
        >
          <Input maxLength={50} autoComplete="name" data-testid="agreement-signatory" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
