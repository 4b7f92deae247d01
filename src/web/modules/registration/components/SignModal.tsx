import { Alert, Form, Input } from 'antd';
import { useCurrentUser } from '../../../app/useAuth';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import { FormModal } from '../../../ui/FormModal';
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
  const { t } = useI18n();
  const user = useCurrentUser();
  const party = side === 'a' ? agreement.partyA : agreement.partyB;

  return (
    <FormModal<{ signatory: string }, Agreement>
      open={side !== null}
      title={side ? t('agreement.signTitle', { side: t(`agreementSide.${side}`), party }) : ''}
      okText={t('agreement.sign')}
      onClose={onClose}
      initialValues={{ signatory: user.displayName }}
      onSubmit={(values) => {
        const body: SignBody = { side: side!, signatory: values.signatory.trim() };
        return api.post<Agreement>(`/agreements/${encodeURIComponent(agreement.id)}/sign`, body);
      }}
      success={(signed) => t(signed.status === 'signed_by_one' ? 'agreement.signedOne' : 'agreement.signedBoth')}
      onDone={onSigned}
      intro={<Alert type="info" showIcon title={t('agreement.signHelp')} style={{ marginBottom: 16 }} />}
      submitTestId="agreement-sign-submit"
    >
      <Form.Item
        name="signatory"
        label={t('agreement.signatory')}
        extra={t('agreement.signatoryHelp')}
        rules={[{ required: true, whitespace: true, message: t('field.required') }, { max: 50 }]}
      >
        <Input maxLength={50} autoComplete="name" data-testid="agreement-signatory" />
      </Form.Item>
    </FormModal>
  );
}
