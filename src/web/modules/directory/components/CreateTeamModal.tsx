import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { applyFieldErrors } from '../../../lib/forms';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useFeedback } from '../../../ui/useFeedback';
import { TEAM_KINDS } from '../constants';
import type { CreateTeamBody, TeamKind, VolunteerTeam } from '../types';
import { OrganizationSelect } from '../../../ui/OrganizationSelect';

interface TeamValues {
  name: string;
  organizationId?: string | null;
  kind: TeamKind;
  description?: string | null;
}

/** A new volunteer team of an organisation (POST /volunteer-teams). */
export function CreateTeamModal({
  open,
  organizationId,
  onClose,
  onCreated,
}: {
  open: boolean;
  /** The organisation to start with (the list's filter). */
  organizationId?: string;
  onClose: () => void;
  onCreated: (team: VolunteerTeam) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const feedback = useFeedback();
  const [form] = Form.useForm<TeamValues>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    let values: TeamValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (!values.organizationId) return;
    setSubmitting(true);
    const body: CreateTeamBody = {
      name: values.name.trim(),
      organizationId: values.organizationId,
      kind: values.kind,
      description: values.description?.trim() ? values.description.trim() : null,
    };
    try {
      const team = await api.post<VolunteerTeam>('/volunteer-teams', body);
      feedback.ok(t('team.created', { name: team.name }));
      onCreated(team);
    } catch (error) {
      if (!applyFieldErrors(form, error, i18n)) feedback.fail(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('team.new')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'team-create-submit' }}
      destroyOnHidden
    >
      <Form<TeamValues>
        form={form}
        layout="vertical"
        requiredMark="optional"
        preserve={false}
        initialValues={{ name: '', kind: 'volunteer', organizationId: organizationId ?? null }}
        data-testid="team-create-form"
      >
        <Form.Item
          name="name"
          label={t('team.name')}
          rules={[{ required: true, whitespace: true, message: t('field.required') }, { max: 100 }]}
        >
          <Input maxLength={100} placeholder={t('team.namePlaceholder')} data-testid="team-create-name" />
        </Form.Item>
        <Form.Item name="organizationId" label={t('team.organization')} rules={[{ required: true, message: t('field.required') }]}>
          <OrganizationSelect data-testid="team-create-organization" />
        </Form.Item>
        <Form.Item name="kind" label={t('team.kind')} rules={[{ required: true, message: t('field.required') }]}>
          <Select options={TEAM_KINDS.map((k) => ({ value: k, label: t(`teamKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('team.description')} rules={[{ max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
