import { Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/useAuth';
import { api } from '../../../lib/api';
import { applyFieldErrors } from '../../../lib/forms';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { Page } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { useFeedback } from '../../../ui/useFeedback';
import { MemberSelect } from '../../../ui/MemberSelect';
import type { Pairing } from '../../../../contracts/registration';
import { orNull } from '../forms';
import type { AssignClaimBody, Claim, ProjectDetail } from '../types';

interface AssignValues {
  to: 'unit' | 'member';
  unitOrgId?: string;
  memberId?: string;
  note?: string;
}

/**
 * Assigned claim (指定认领): the community (or the street, the supervisor) names a unit paired with
 * the community, or a member; the claim waits until the assignee accepts or declines it.
 */
export function AssignModal({ project, open, onClose, onAssigned }: { project: ProjectDetail; open: boolean; onClose: () => void; onAssigned: (claim: Claim) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { can } = useAuth();
  const feedback = useFeedback();
  const [form] = Form.useForm<AssignValues>();
  const [submitting, setSubmitting] = useState(false);
  const [memberLabel, setMemberLabel] = useState<string | null>(null);
  const to = Form.useWatch('to', form) ?? 'unit';
  const memberId = Form.useWatch('memberId', form);
  const pairings = useApi<Page<Pairing>>(open && can('pairing.read') ? '/pairings' : null, {
    communityId: project.communityId,
    status: 'active',
    pageSize: 200,
  });
  const units = new Map<string, string>();
  for (const p of pairings.data?.items ?? []) units.set(p.unitOrgId, p.unitName);

  const submit = async () => {
    let values: AssignValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSubmitting(true);
    const body: AssignClaimBody = {
      note: orNull(values.note),
      ...(values.to === 'unit' ? { unitOrgId: values.unitOrgId } : { memberId: values.memberId }),
    };
    try {
      const claim = await api.post<Claim>(`/lists/projects/${encodeURIComponent(project.id)}/assignments`, body);
      feedback.ok(t('lists.claim.assigned', { who: claim.unitName ?? claim.memberName ?? '' }));
      onAssigned(claim);
    } catch (error) {
      if (!applyFieldErrors(form, error, i18n)) feedback.fail(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('lists.claim.assignTitle', { project: project.title })}
      okText={t('lists.claim.assign')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'assign-submit' }}
      destroyOnHidden
    >
      <Form<AssignValues> form={form} layout="vertical" preserve={false} initialValues={{ to: 'unit', note: '' }} data-testid="assign-form">
        <Form.Item name="to">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'unit', label: t('lists.claim.toUnit') },
              ...(can('directory.member.read') ? [{ value: 'member', label: t('lists.claim.toMember') }] : []),
            ]}
          />
        </Form.Item>
        {to === 'unit' ? (
          <Form.Item name="unitOrgId" label={t('lists.unit')} extra={t('lists.claim.pairedOnly')} rules={[{ required: true, message: t('field.required') }]}>
            <Select<string>
              showSearch
              optionFilterProp="label"
              loading={pairings.loading}
              options={[...units].map(([value, label]) => ({ value, label }))}
              placeholder={t('lists.claim.pickUnit')}
              data-testid="assign-unit"
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="memberId" hidden rules={[{ required: true, message: t('field.required') }]}>
              <Input />
            </Form.Item>
            <Form.Item label={t('lists.claim.member')} required extra={memberId && memberLabel ? t('lists.claim.memberPicked', { name: memberLabel }) : undefined}>
              <MemberSelect
                onPick={(m) => {
                  form.setFieldsValue({ memberId: m.id });
                  setMemberLabel(m.name);
                }}
                data-testid="assign-member"
              />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={t('lists.claim.note')} rules={[{ max: 200 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
