import { Form, Input, Modal, Rate } from 'antd';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { applyFieldErrors } from '../../../lib/forms';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useFeedback } from '../../../ui/useFeedback';
import { orNull } from '../forms';
import type { ProjectDetail, RateBody } from '../types';

interface RateValues {
  stars: number;
  comment?: string;
}

/** A resident served by a completed project rates it, 1–5 stars and a comment (a second rating replaces the first). */
export function RateModal({ project, open, onClose, onRated }: { project: ProjectDetail; open: boolean; onClose: () => void; onRated: (project: ProjectDetail) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const feedback = useFeedback();
  const [form] = Form.useForm<RateValues>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    let values: RateValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSubmitting(true);
    const body: RateBody = { stars: values.stars, comment: orNull(values.comment) };
    try {
      const rated = await api.post<ProjectDetail>(`/lists/projects/${encodeURIComponent(project.id)}/ratings`, body);
      feedback.ok(t('lists.rating.thanks'));
      onRated(rated);
    } catch (error) {
      if (!applyFieldErrors(form, error, i18n)) feedback.fail(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('lists.rating.title', { project: project.title })}
      okText={t('lists.rating.submit')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'rate-submit' }}
      destroyOnHidden
    >
      <Form<RateValues> form={form} layout="vertical" preserve={false} initialValues={{ stars: 5, comment: '' }} data-testid="rate-form">
        <Form.Item name="stars" label={t('lists.rating.stars')} rules={[{ required: true, message: t('field.required') }]}>
          <Rate style={{ fontSize: 32 }} />
        </Form.Item>
        <Form.Item name="comment" label={t('lists.rating.comment')} rules={[{ max: 200 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
