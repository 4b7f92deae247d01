import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useCurrentUser } from '../../../app/useAuth';
import { api } from '../../../lib/api';
import { applyFieldErrors } from '../../../lib/forms';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useFeedback } from '../../../ui/useFeedback';
import { orNull } from '../forms';
import { ownUnits } from '../scopes';
import type { Claim, ProjectDetail, SelfClaimBody } from '../types';

interface ClaimValues {
  unitOrgId?: string;
  note?: string;
}

/**
 * Self-claim (自主认领) of an open project: a unit's admin claims for the unit (choosing which, with
 * several); a member claims as himself or herself. A short note says what the claimant will do.
 */
export function ClaimModal({ project, open, onClose, onClaimed }: { project: ProjectDetail; open: boolean; onClose: () => void; onClaimed: (claim: Claim) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const user = useCurrentUser();
  const feedback = useFeedback();
  const [form] = Form.useForm<ClaimValues>();
  const [submitting, setSubmitting] = useState(false);
  const units = ownUnits(user);

  const submit = async () => {
    let values: ClaimValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSubmitting(true);
    const body: SelfClaimBody = { note: orNull(values.note), ...(values.unitOrgId ? { unitOrgId: values.unitOrgId } : {}) };
    try {
      const claim = await api.post<Claim>(`/lists/projects/${encodeURIComponent(project.id)}/claims`, body);
      feedback.ok(t('lists.claim.claimed', { project: project.title }));
      onClaimed(claim);
    } catch (error) {
      if (!applyFieldErrors(form, error, i18n)) feedback.fail(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('lists.claim.title', { project: project.title })}
      okText={t('lists.claim.submit')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'claim-submit' }}
      destroyOnHidden
    >
      <Form<ClaimValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ unitOrgId: units[0]?.id, note: '' }}
        data-testid="claim-form"
      >
        {units.length > 0 && (
          <Form.Item name="unitOrgId" label={t('lists.claim.asUnit')} rules={[{ required: true, message: t('field.required') }]}>
            <Select<string> options={units.map((u) => ({ value: u.id, label: u.name }))} data-testid="claim-unit" />
          </Form.Item>
        )}
        {units.length === 0 && <p style={{ marginTop: 0 }}>{t('lists.claim.asMember')}</p>}
        <Form.Item name="note" label={t('lists.claim.note')} rules={[{ max: 200 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} showCount placeholder={t('lists.claim.notePlaceholder')} data-testid="claim-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
