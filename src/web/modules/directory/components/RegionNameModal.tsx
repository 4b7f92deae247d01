import { Checkbox, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { applyFieldErrors } from '../../../lib/forms';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useFeedback } from '../../../ui/useFeedback';
import { childKindOf } from '../regionKinds';
import type { CreateRegionBody, Region } from '../types';

export type RegionNameMode = { mode: 'add'; parent: Region } | { mode: 'rename'; region: Region };

/**
 * Adds a region below `parent` (POST /regions; its kind is the next level down, 村 can be ticked
 * for a community) or renames `region` (PATCH /regions/:id).
 */
export function RegionNameModal({
  target,
  onClose,
  onSaved,
}: {
  target: RegionNameMode | null;
  onClose: () => void;
  onSaved: (region: Region) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const feedback = useFeedback();
  const [form] = Form.useForm<{ name: string; village?: boolean }>();
  const [submitting, setSubmitting] = useState(false);
  const kind = target?.mode === 'add' ? childKindOf(target.parent.kind) : null;

  const submit = async () => {
    if (!target) return;
    let values: { name: string; village?: boolean };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSubmitting(true);
    try {
      let saved: Region;
      if (target.mode === 'add') {
        if (!kind) return;
        const body: CreateRegionBody = {
          parentId: target.parent.id,
          kind,
          name: values.name.trim(),
          ...(kind === 'community' ? { village: values.village === true } : {}),
        };
        saved = await api.post<Region>('/regions', body);
        feedback.ok(t('region.added', { name: saved.name }));
      } else {
        saved = await api.patch<Region>(`/regions/${encodeURIComponent(target.region.id)}`, { name: values.name.trim() });
        feedback.ok(t('region.renamed'));
      }
      onSaved(saved);
    } catch (error) {
      if (!applyFieldErrors(form, error, i18n)) feedback.fail(error);
    } finally {
      setSubmitting(false);
    }
  };

  const title =
    target?.mode === 'add' && kind
      ? t('region.addChildTitle', { kind: t(`kind.region.${kind}`), parent: target.parent.name })
      : target?.mode === 'rename'
        ? t('region.renameTitle', { name: target.region.name })
        : '';

  return (
    <Modal
      open={target !== null}
      title={title}
      okText={target?.mode === 'add' ? t('common.create') : t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'region-name-submit' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ name: target?.mode === 'rename' ? target.region.name : '', village: false }}
        onFinish={() => void submit()}
      >
        <Form.Item
          name="name"
          label={t('region.name')}
          rules={[{ required: true, whitespace: true, message: t('field.required') }, { max: 50 }]}
        >
          <Input autoFocus maxLength={50} data-testid="region-name-input" />
        </Form.Item>
        {kind === 'community' && (
          <Form.Item name="village" valuePropName="checked" extra={t('region.villageHelp')}>
            <Checkbox data-testid="region-village-input">{t('region.isVillage')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
