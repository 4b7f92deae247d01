import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useAuth, useCurrentUser } from '../../../app/useAuth';
import { api } from '../../../lib/api';
import { applyFieldErrors } from '../../../lib/forms';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useFeedback } from '../../../ui/useFeedback';
import { OrganizationSelect } from '../../../ui/OrganizationSelect';
import { RegionSelect } from '../../../ui/RegionSelect';
import type { Pairing, ProposePairingBody } from '../types';

interface PairingValues {
  unitOrgId?: string | null;
  communityId?: string | null;
  /** Only to find the community when the region tree is out of reach. */
  communityOrgId?: string | null;
  note?: string;
}

/**
 * Proposes a pairing of a unit with a community (POST /pairings): the other side accepts it; a
 * supervisor's proposal is active at once. A unit admin starts with his or her own unit.
 */
export function ProposePairingModal({ open, onClose, onProposed }: { open: boolean; onClose: () => void; onProposed: (pairing: Pairing) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { can } = useAuth();
  const user = useCurrentUser();
  const feedback = useFeedback();
  const [form] = Form.useForm<PairingValues>();
  const [submitting, setSubmitting] = useState(false);
  const ownUnit = user.roles.find((r) => r.role === 'unit_admin' && r.scopeType === 'organization');
  const ownCommunity = user.roles.find((r) => r.role === 'community_staff' && r.scopeType === 'region');
  // Without the region tree (a unit admin), the community is found through its party organisation.
  const byRegion = can('directory.region.read');

  const submit = async () => {
    let values: PairingValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (!values.unitOrgId || !values.communityId) return;
    setSubmitting(true);
    const body: ProposePairingBody = {
      unitOrgId: values.unitOrgId,
      communityId: values.communityId,
      note: values.note?.trim() ? values.note.trim() : null,
    };
    try {
      const pairing = await api.post<Pairing>('/pairings', body);
      feedback.ok(t(pairing.status === 'active' ? 'pairing.createdActive' : 'pairing.proposed', { unit: pairing.unitName, community: pairing.communityName }));
      onProposed(pairing);
    } catch (error) {
      if (!applyFieldErrors(form, error, i18n)) feedback.fail(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('pairing.propose')}
      okText={t('pairing.proposeSubmit')}
      okButtonProps={{ 'data-testid': 'pairing-propose-submit' }}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      destroyOnHidden
    >
      <Form<PairingValues>
        form={form}
        layout="vertical"
        requiredMark="optional"
        preserve={false}
        initialValues={{ unitOrgId: ownUnit?.scopeId ?? null, communityId: ownCommunity?.scopeId ?? null, note: '' }}
        data-testid="pairing-propose-form"
      >
        <Form.Item name="unitOrgId" label={t('pairing.unit')} rules={[{ required: true, message: t('field.required') }]}>
          <OrganizationSelect kind="unit" valueLabel={ownUnit?.scopeName} data-testid="pairing-propose-unit" />
        </Form.Item>
        {byRegion ? (
          <Form.Item name="communityId" label={t('pairing.community')} rules={[{ required: true, message: t('field.required') }]}>
            <RegionSelect kinds={['community']} deepest="community" valueLabel={ownCommunity?.scopeName} data-testid="pairing-propose-community" />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name="communityOrgId"
              label={t('pairing.community')}
              help={t('pairing.communityByOrganization')}
              rules={[{ required: true, message: t('field.required') }]}
            >
              <OrganizationSelect
                kind="community"
                onChange={(_, organization) => form.setFieldValue('communityId', organization?.regionId ?? null)}
                data-testid="pairing-propose-community"
              />
            </Form.Item>
            <Form.Item name="communityId" hidden>
              <Input />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={t('pairing.note')} rules={[{ max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount placeholder={t('pairing.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
