import { Checkbox, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { applyFieldErrors } from '../../../lib/forms';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useFeedback } from '../../../ui/useFeedback';
import type { Attachment, Milestone, ProjectDetail, ReportProgressBody } from '../types';
import { PhotoUpload } from './PhotoUpload';

interface ReportValues {
  note: string;
  done: boolean;
  attachments: Attachment[];
}

/**
 * A claimant reports progress on a milestone: what was done, photos as evidence (uploaded as they
 * are picked, shown as thumbnails), and whether the milestone is now done.
 */
export function ReportProgressModal({
  projectId,
  milestone,
  onClose,
  onReported,
}: {
  projectId: string;
  /** The milestone reported on; null closes the modal. */
  milestone: Milestone | null;
  onClose: () => void;
  /** Gets the project as it is after the report. */
  onReported: (project: ProjectDetail) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const feedback = useFeedback();
  const [form] = Form.useForm<ReportValues>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    if (!milestone) return;
    let values: ReportValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSubmitting(true);
    const body: ReportProgressBody = { note: values.note.trim(), done: values.done, attachmentIds: values.attachments.map((a) => a.id) };
    try {
      const project = await api.post<ProjectDetail>(
        `/lists/projects/${encodeURIComponent(projectId)}/milestones/${encodeURIComponent(milestone.id)}/reports`,
        body,
      );
      feedback.ok(t('lists.report.saved'));
      onReported(project);
    } catch (error) {
      if (!applyFieldErrors(form, error, i18n)) feedback.fail(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={milestone !== null}
      title={t('lists.report.title', { milestone: milestone?.title ?? '' })}
      okText={t('lists.report.submit')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'report-submit' }}
      destroyOnHidden
    >
      <Form<ReportValues> form={form} layout="vertical" preserve={false} initialValues={{ note: '', done: false, attachments: [] }} data-testid="report-form">
        <Form.Item
          name="note"
          label={t('lists.report.note')}
          rules={[{ required: true, whitespace: true, message: t('field.required') }, { max: 2000 }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount placeholder={t('lists.report.notePlaceholder')} data-testid="report-note" />
        </Form.Item>
        <Form.Item name="attachments" label={t('lists.photos')} extra={t('lists.upload.help')}>
          <PhotoUpload data-testid="report-photos" />
        </Form.Item>
        <Form.Item name="done" valuePropName="checked" style={{ marginBottom: 0 }}>
          <Checkbox data-testid="report-done">{t('lists.report.markDone')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
