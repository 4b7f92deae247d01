import { Alert, Form, Modal } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../../app/useAuth';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useFeedback } from '../../../ui/useFeedback';
import { RegionSelect } from '../../../ui/RegionSelect';

/**
 * 我的居住社区不对: the member picks the community where he or she really lives and reports in
 * there; the community confirms, and that corrects the directory too.
 */
export function CorrectionModal({
  open,
  currentName,
  onSubmit,
  onClose,
}: {
  open: boolean;
  /** The residence the directory has now, if known. */
  currentName?: string | null;
  onSubmit: (communityId: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { can } = useAuth();
  const feedback = useFeedback();
  // Picking a community needs the region list; without it the member asks the community instead.
  const canPick = can('directory.region.read');
  const [form] = Form.useForm<{ communityId?: string }>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    let values: { communityId?: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (!values.communityId) return;
    setSubmitting(true);
    try {
      await onSubmit(values.communityId);
    } catch (error) {
      feedback.fail(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('myRegistration.correctionTitle')}
      okText={t('myRegistration.correctionSubmit')}
      okButtonProps={{ disabled: !canPick, 'data-testid': 'correction-submit' }}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={currentName ? t('myRegistration.correctionNow', { name: currentName }) : t('myRegistration.correctionHelp')}
        description={currentName ? t('myRegistration.correctionHelp') : undefined}
      />
      {!canPick && <Alert type="warning" showIcon title={t('myRegistration.correctionUnavailable')} />}
      <Form form={form} layout="vertical" preserve={false} hidden={!canPick}>
        <Form.Item
          name="communityId"
          label={t('myRegistration.realCommunity')}
          rules={[{ required: true, message: t('myRegistration.pickCommunity') }]}
        >
          <RegionSelect kinds={['community']} deepest="community" placeholder={t('myRegistration.pickCommunity')} data-testid="correction-community" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
