import { Alert, Form, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useFeedback } from '../../../ui/useFeedback';
import { parentKindOf } from '../regionKinds';
import type { Region } from '../types';
import { RegionSelect } from '../../../ui/RegionSelect';

/**
 * Moves a region, with everything below it, under another parent of the same level as its
 * current one (PATCH /regions/:id { parentId }). The records that point at it keep pointing at it.
 */
export function MoveRegionModal({
  region,
  onClose,
  onMoved,
}: {
  region: Region | null;
  onClose: () => void;
  /** With the moved region and the parent it left. */
  onMoved: (region: Region, oldParentId: string | null) => void;
}) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const [parentId, setParentId] = useState<string | undefined>(undefined);
  const [submitting, setSubmitting] = useState(false);
  const parentKind = region ? parentKindOf(region.kind) : null;

  const close = () => {
    setParentId(undefined);
    onClose();
  };

  const submit = async () => {
    if (!region || !parentId) return;
    setSubmitting(true);
    try {
      const moved = await api.patch<Region>(`/regions/${encodeURIComponent(region.id)}`, { parentId });
      feedback.ok(t('region.moved', { name: moved.name }));
      setParentId(undefined);
      onMoved(moved, region.parentId);
    } catch (error) {
      feedback.fail(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={region !== null}
      title={region ? t('region.moveTitle', { name: region.name }) : ''}
      okText={t('region.move')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={close}
      confirmLoading={submitting}
      okButtonProps={{ disabled: !parentId || parentId === region?.parentId, 'data-testid': 'region-move-submit' }}
      destroyOnHidden
    >
      {region && parentKind && (
        <>
          <Alert type="info" showIcon title={t('region.moveHelp')} style={{ marginBottom: 16 }} />
          <Form layout="vertical">
            <Form.Item
              label={t('region.newParent', { kind: t(`kind.region.${parentKind}`) })}
              extra={region.pathNames.length > 1 ? t('region.currentlyUnder', { path: region.pathNames.slice(0, -1).join(' / ') }) : undefined}
            >
              <RegionSelect
                value={parentId}
                onChange={(id) => setParentId(id)}
                kinds={[parentKind]}
                deepest={parentKind}
                exclude={region.id}
                data-testid="region-move-parent"
              />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
