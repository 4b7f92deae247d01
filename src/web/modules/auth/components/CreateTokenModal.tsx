import { Checkbox, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useCurrentUser } from '../../../app/useAuth';
import { api } from '../../../lib/api';
import { applyFieldErrors } from '../../../lib/forms';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { CreatedApiToken } from '../../../lib/types';
import { useFeedback } from '../../../ui/useFeedback';

interface TokenValues {
  name: string;
  scopes: string[];
  expiresInDays: 30 | 90 | 365 | 0;
}

/** New API token: a name, scopes taken from the user's own permissions, an expiry. */
export function CreateTokenModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (token: CreatedApiToken) => void;
}) {
  const i18n = useI18n();
  const { t, tName } = i18n;
  const user = useCurrentUser();
  const feedback = useFeedback();
  const [form] = Form.useForm<TokenValues>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    let values: TokenValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setSubmitting(true);
    try {
      const created = await api.post<CreatedApiToken>('/auth/tokens', {
        name: values.name.trim(),
        scopes: values.scopes,
        ...(values.expiresInDays > 0 ? { expiresInDays: values.expiresInDays } : {}),
      });
      form.resetFields();
      onCreated(created);
    } catch (error) {
      if (!applyFieldErrors(form, error, i18n)) feedback.fail(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('tokens.create')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'token-create-submit' }}
      destroyOnHidden
    >
      {user.permissions.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('tokens.noPermissions')}</Typography.Paragraph>
      ) : (
        <Form<TokenValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ scopes: [], expiresInDays: 90 }}
          data-testid="token-form"
        >
          <Form.Item
            name="name"
            label={t('tokens.name')}
            rules={[{ required: true, whitespace: true, message: t('tokens.nameRequired') }, { max: 100 }]}
          >
            <Input placeholder={t('tokens.namePlaceholder')} maxLength={100} data-testid="token-name" />
          </Form.Item>
          <Form.Item
            name="scopes"
            label={t('tokens.scopes')}
            extra={t('tokens.scopesHelp')}
            rules={[{ required: true, type: 'array', min: 1, message: t('tokens.scopesRequired') }]}
          >
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
              options={user.permissions.map((p) => ({
                value: p,
                label: (
                  <span>
                    {tName('perm', p)}{' '}
                    <Typography.Text type="secondary" code>
                      {p}
                    </Typography.Text>
                  </span>
                ),
              }))}
            />
          </Form.Item>
          <Form.Item name="expiresInDays" label={t('tokens.expires')}>
            <Select
              style={{ maxWidth: 200 }}
              options={[
                { value: 30, label: t('tokens.expires.30') },
                { value: 90, label: t('tokens.expires.90') },
                { value: 365, label: t('tokens.expires.365') },
                { value: 0, label: t('tokens.expires.never') },
              ]}
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
