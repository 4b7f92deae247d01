import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { applyFieldErrors } from '../../../lib/forms';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { Page } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { useFeedback } from '../../../ui/useFeedback';
import { DATE_ONLY, defaultTerm } from '../dates';
import type { Agreement, CreateAgreementBody, Pairing } from '../types';

interface DraftValues {
  pairingId?: string;
  title: string;
  term: [Dayjs, Dayjs];
}

/** `临江市税务局机关党支部与幸福社区结对共建协议书`: the usual title of a pairing's agreement. */
function titleOf(t: (key: 'agreement.defaultTitle', vars: Record<string, string>) => string, pairing: Pairing): string {
  return t('agreement.defaultTitle', { unit: pairing.unitName, community: pairing.communityName });
}

/**
 * Starts the agreement (共建协议) of an active pairing as a draft (POST /agreements): title and
 * term here, with the usual goals and principles filled in to edit; the rest on the detail page.
 */
export function CreateAgreementModal({
  open,
  pairing,
  onClose,
  onCreated,
}: {
  open: boolean;
  /** The pairing to draft for; without it the user picks one of the active pairings. */
  pairing?: Pairing | null;
  onClose: () => void;
  onCreated: (agreement: Agreement) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const feedback = useFeedback();
  const [form] = Form.useForm<DraftValues>();
  const [submitting, setSubmitting] = useState(false);
  const active = useApi<Page<Pairing>>(open && !pairing ? '/pairings' : null, { status: 'active', pageSize: 200 });
  const pairings = active.data?.items ?? [];
  const [start, end] = defaultTerm();

  const submit = async () => {
    let values: DraftValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const pairingId = pairing?.id ?? values.pairingId;
    if (!pairingId) return;
    setSubmitting(true);
    const body: CreateAgreementBody = {
      pairingId,
      title: values.title.trim(),
      termStart: values.term[0].format(DATE_ONLY),
      termEnd: values.term[1].format(DATE_ONLY),
      goals: t('agreement.template.goals'),
      principles: t('agreement.template.principles'),
      tasks: [],
      filedWith: null,
      endCondition: null,
    };
    try {
      let agreement = await api.post<Agreement>('/agreements', body);
      // The title left as proposed names the parties as the paper does: the server knows 甲方's
      // full name (the community's party organisation, 幸福社区党委), the pairing only the community.
      const picked = pairing ?? pairings.find((p) => p.id === pairingId);
      const exact = t('agreement.defaultTitle', { unit: agreement.partyB, community: agreement.partyA });
      if (picked && body.title === titleOf(t, picked) && exact !== body.title && exact.length <= 100) {
        agreement = await api.patch<Agreement>(`/agreements/${encodeURIComponent(agreement.id)}`, { title: exact });
      }
      feedback.ok(t('agreement.created'));
      onCreated(agreement);
    } catch (error) {
      if (!applyFieldErrors(form, error, i18n)) feedback.fail(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('agreement.new')}
      okText={t('agreement.createDraft')}
      okButtonProps={{ 'data-testid': 'agreement-create-submit' }}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      destroyOnHidden
    >
      <Form<DraftValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ title: pairing ? titleOf(t, pairing) : '', term: [dayjs(start), dayjs(end)] }}
        data-testid="agreement-create-form"
      >
        {pairing ? (
          <Form.Item label={t('agreement.pairing')}>
            {pairing.unitName} — {pairing.communityName}
          </Form.Item>
        ) : (
          <Form.Item name="pairingId" label={t('agreement.pairing')} rules={[{ required: true, message: t('field.required') }]}>
            <Select<string>
              showSearch={{ optionFilterProp: 'label' }}
              loading={active.loading}
              placeholder={t('agreement.pickPairing')}
              notFoundContent={active.loading ? t('common.loading') : t('pairing.empty')}
              options={pairings.map((p) => ({ value: p.id, label: `${p.unitName} — ${p.communityName}` }))}
              onChange={(id) => {
                const picked = pairings.find((p) => p.id === id);
                if (picked && !form.getFieldValue('title')) form.setFieldValue('title', titleOf(t, picked));
              }}
              data-testid="agreement-create-pairing"
            />
          </Form.Item>
        )}
        <Form.Item
          name="title"
          label={t('agreement.title')}
          rules={[{ required: true, whitespace: true, message: t('field.required') }, { max: 100 }]}
        >
          <Input maxLength={100} data-testid="agreement-create-title" />
        </Form.Item>
        <Form.Item name="term" label={t('agreement.term')} rules={[{ required: true, message: t('field.required') }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} allowClear={false} data-testid="agreement-create-term" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
