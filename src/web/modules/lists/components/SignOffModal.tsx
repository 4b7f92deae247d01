import { Alert, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { applyFieldErrors } from '../../../lib/forms';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useFeedback } from '../../../ui/useFeedback';
import { orNull } from '../forms';
import type { ProjectDetail, SignOffBody } from '../types';

interface SignOffValues {
  decision: SignOffBody['decision'];
  reason?: string;
}

/**
 * The community's sign-off of a submitted project (验收): approve it (completed), or send it back
 * with a reason (back to in progress, for the claimants to finish).
 */
export function SignOffModal({ project, open, onClose, onDone }: { project: ProjectDetail; open: boolean; onClose: () => void; onDone: (project: ProjectDetail) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const feedback = useFeedback();
  const [form] = Form.useForm<SignOffValues>();
  const [submitting, setSubmitting] = useState(false);
  // No decision is chosen in advance: completing a project takes a deliberate choice.
  const decision = Form.useWatch('decision', form);

  const submit = async () => {
    let values: SignOffValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSubmitting(true);
    const body: SignOffBody = { decision: values.decision, reason: orNull(values.reason) };
    try {
      const saved = await api.post<ProjectDetail>(`/lists/projects/${encodeURIComponent(project.id)}/sign-off`, body);
      feedback.ok(t(values.decision === 'approve' ? 'lists.signOff.approved' : 'lists.signOff.sentBack'));
      onDone(saved);
    } catch (error) {
      if (!applyFieldErrors(form, error, i18n)) feedback.fail(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('lists.signOff.title', { project: project.title })}
      okText={t(decision === 'send_back' ? 'lists.signOff.sendBack' : 'lists.signOff.approve')}
      okButtonProps={{ danger: decision === 'send_back', disabled: !decision, 'data-testid': 'signoff-submit' }}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={t('lists.signOff.summary', { done: project.milestonesDone, total: project.milestonesTotal, reports: project.reports.length })}
      />
      <Form<SignOffValues> form={form} layout="vertical" preserve={false} initialValues={{ reason: '' }} data-testid="signoff-form">
        <Form.Item name="decision" rules={[{ required: true, message: t('lists.signOff.chooseDecision') }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'approve', label: t('lists.signOff.approve') },
              { value: 'send_back', label: t('lists.signOff.sendBack') },
            ]}
            data-testid="signoff-decision"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t(decision === 'send_back' ? 'lists.signOff.reason' : 'lists.signOff.comment')}
          rules={
            decision === 'send_back'
              ? [{ required: true, whitespace: true, message: t('common.reasonRequired') }, { min: 2, message: t('common.reasonRequired') }, { max: 200 }]
              : [{ max: 200 }]
          }
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} showCount data-testid="signoff-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
