import { KeyOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, InputNumber, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { postForFile } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import { saveBlob } from '../../../lib/saveBlob';
import { useFeedback } from '../../../ui/useFeedback';
import { OrganizationSelect } from '../../../ui/OrganizationSelect';
import { RegionSelect } from '../../../ui/RegionSelect';
import type { BulkAccountsBody } from '../types';

interface Values {
  by: 'organization' | 'community';
  organizationId?: string;
  communityId?: string;
  reportedIn?: boolean;
  expiresInDays?: number;
}

/**
 * 批量开通账号 on the members page: a unit's members, or a community's (all living there, or only
 * those reported in), each get an account name and a one-time activation code, downloaded as the
 * .xlsx to hand out. Members with an activated account are left as they are.
 */
export function BulkAccountsButton({ defaultOrganizationId, defaultCommunityId }: { defaultOrganizationId?: string; defaultCommunityId?: string }) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const by = Form.useWatch('by', form) ?? (defaultCommunityId && !defaultOrganizationId ? 'community' : 'organization');

  const submit = async (v: Values) => {
    const body: BulkAccountsBody =
      v.by === 'organization' ? { organizationId: v.organizationId, expiresInDays: v.expiresInDays } : { communityId: v.communityId, reportedIn: v.reportedIn === true, expiresInDays: v.expiresInDays };
    setBusy(true);
    try {
      const file = await postForFile('/accounts/bulk/sheet', body);
      saveBlob(file.blob, file.fileName ?? `${t('accounts.bulk.fileName')}.xlsx`);
      feedback.ok(t('accounts.bulk.done'));
      setOpen(false);
    } catch (error) {
      feedback.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button icon={<KeyOutlined />} onClick={() => setOpen(true)} data-testid="accounts-bulk">
        {t('accounts.bulk.button')}
      </Button>
      <Modal
        open={open}
        title={t('accounts.bulk.title')}
        okText={t('accounts.bulk.submit')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        data-testid="accounts-bulk-modal"
      >
        <Typography.Paragraph type="secondary">{t('accounts.bulk.intro')}</Typography.Paragraph>
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ by, organizationId: defaultOrganizationId, communityId: defaultCommunityId, reportedIn: false }}
          onFinish={(v) => void submit(v)}
        >
          <Form.Item name="by" label={t('accounts.bulk.by')}>
            <Radio.Group
              options={[
                { value: 'organization', label: t('accounts.bulk.byOrganization') },
                { value: 'community', label: t('accounts.bulk.byCommunity') },
              ]}
              data-testid="accounts-bulk-by"
            />
          </Form.Item>
          {by === 'organization' ? (
            <Form.Item name="organizationId" label={t('accounts.bulk.organization')} rules={[{ required: true, message: t('accounts.bulk.organizationRequired') }]}>
              <OrganizationSelect kind="unit" />
            </Form.Item>
          ) : (
            <>
              <Form.Item name="communityId" label={t('accounts.bulk.community')} rules={[{ required: true, message: t('accounts.bulk.communityRequired') }]}>
                <RegionSelect kinds={['community']} deepest="community" />
              </Form.Item>
              <Form.Item name="reportedIn" valuePropName="checked">
                <Checkbox>{t('accounts.bulk.reportedIn')}</Checkbox>
              </Form.Item>
            </>
          )}
          <Form.Item name="expiresInDays" label={t('accounts.bulk.expiresInDays')} extra={t('accounts.bulk.expiresHelp')}>
            <InputNumber min={1} max={90} placeholder="14" />
          </Form.Item>
        </Form>
        <Alert type="warning" showIcon title={t('accounts.bulk.warning')} />
      </Modal>
    </>
  );
}
