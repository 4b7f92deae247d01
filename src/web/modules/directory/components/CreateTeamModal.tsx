import { Form, Input, Select } from 'antd';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import { FormModal } from '../../../ui/FormModal';
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
  const { t } = useI18n();
  return (
    <FormModal<TeamValues, VolunteerTeam>
      open={open}
      title={t('team.new')}
      okText={t('common.create')}
      onClose={onClose}
      requiredMark="optional"
      initialValues={{ name: '', kind: 'volunteer', organizationId: organizationId ?? null }}
      onSubmit={(values) => {
        const body: CreateTeamBody = {
          name: values.name.trim(),
          organizationId: values.organizationId!,
          kind: values.kind,
          description: values.description?.trim() ? values.description.trim() : null,
        };
        return api.post<VolunteerTeam>('/volunteer-teams', body);
      }}
      success={(team) => t('team.created', { name: team.name })}
      onDone={onCreated}
      testId="team-create-form"
      submitTestId="team-create-submit"
    >
      <Form.Item name="name" label={t('team.name')} rules={[{ required: true, whitespace: true, message: t('field.required') }, { max: 100 }]}>
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
    </FormModal>
  );
}
