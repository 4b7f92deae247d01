import { CloseOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Flex, Form, Grid, Input, Modal, Row, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useCurrentUser } from '../../../app/useAuth';
import { api } from '../../../lib/api';
import { applyFieldErrors } from '../../../lib/forms';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useFeedback } from '../../../ui/useFeedback';
import { MemberSelect } from '../../../ui/MemberSelect';
import type { Member } from '../../../../contracts/directory';
import { DATE_ONLY } from '../format';
import type { Certificate, IssueCertificateBody } from '../types';

interface Values {
  period: [Dayjs, Dayjs] | null;
  personInCharge: string;
  handler: string;
  contact: string;
}

/**
 * Issues a service certificate (志愿服务证明) for a member and a period: the hours and content come
 * from the ledger; the issuer names the person in charge, the handler and a contact.
 */
export function IssueCertificateModal({
  open,
  member: preset,
  onClose,
  onIssued,
}: {
  open: boolean;
  /** A member already chosen (from the review page), else picked here. */
  member?: { id: string; name: string } | null;
  onClose: () => void;
  onIssued: (certificate: Certificate) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const user = useCurrentUser();
  const feedback = useFeedback();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [member, setMember] = useState<{ id: string; name: string } | null>(preset ?? null);
  const [memberMissing, setMemberMissing] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      if (!member) setMemberMissing(true);
      return;
    }
    if (!member) {
      setMemberMissing(true);
      return;
    }
    if (!values.period) return;
    setSubmitting(true);
    const body: IssueCertificateBody = {
      memberId: member.id,
      periodFrom: values.period[0].format(DATE_ONLY),
      periodTo: values.period[1].format(DATE_ONLY),
      personInCharge: values.personInCharge.trim(),
      handler: values.handler.trim(),
      contact: values.contact.trim(),
    };
    try {
      const issued = await api.post<Certificate>('/volunteering/certificates', body);
      feedback.ok(t('certificates.issued', { no: issued.certNo }));
      onIssued(issued);
    } catch (error) {
      if (!applyFieldErrors(form, error, i18n)) feedback.fail(error);
    } finally {
      setSubmitting(false);
    }
  };

  const required = [{ required: true, whitespace: true, message: t('field.required') }, { max: 50 }];
  return (
    <Modal
      open={open}
      title={t('certificates.issue')}
      okText={t('certificates.issue')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'certificate-issue-submit' }}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      destroyOnHidden
      width={screens.sm ? 560 : undefined}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          period: [dayjs().startOf('year'), dayjs()],
          personInCharge: '',
          handler: user.displayName,
          contact: '',
        }}
        data-testid="certificate-issue-form"
      >
        <Form.Item
          label={t('certificates.member')}
          required
          validateStatus={memberMissing && !member ? 'error' : undefined}
          help={memberMissing && !member ? t('field.required') : undefined}
        >
          {member ? (
            <Flex gap={8} align="center">
              <Typography.Text strong data-testid="certificate-member">
                {member.name}
              </Typography.Text>
              {!preset && <Button size="small" type="text" icon={<CloseOutlined />} onClick={() => setMember(null)} aria-label={t('common.reset')} />}
            </Flex>
          ) : (
            <MemberSelect onPick={(m: Member) => setMember({ id: m.id, name: m.name })} data-testid="certificate-member-select" />
          )}
        </Form.Item>
        <Form.Item name="period" label={t('certificates.period')} rules={[{ required: true, message: t('field.required') }]}>
          <DatePicker.RangePicker inputReadOnly={!screens.md} style={{ width: '100%' }} data-testid="certificate-period" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="personInCharge" label={t('certificates.personInCharge')} rules={required}>
              <Input maxLength={50} data-testid="certificate-person-in-charge" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="handler" label={t('certificates.handler')} rules={required}>
              <Input maxLength={50} data-testid="certificate-handler" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="contact" label={t('certificates.contact')} rules={required}>
          <Input maxLength={50} inputMode="tel" data-testid="certificate-contact" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
