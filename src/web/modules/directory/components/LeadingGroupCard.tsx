import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Form, Input, Row, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { applyFieldErrors } from '../../../lib/forms';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useFeedback } from '../../../ui/useFeedback';
import { LEADING_GROUP_POSTS } from '../constants';
import type { LeadingGroupMember, LeadingGroupPost, OrganizationDetail } from '../types';

interface GroupRow {
  name: string;
  post: LeadingGroupPost;
  title?: string | null;
}

/**
 * 领导小组: the people who lead an organisation's co-building work. With the write permission the
 * list is edited in place and saved as a whole (PUT /organizations/:id/leading-group).
 */
export function LeadingGroupCard({
  organization,
  canWrite,
  onSaved,
}: {
  organization: OrganizationDetail;
  canWrite: boolean;
  onSaved: (organization: OrganizationDetail) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const feedback = useFeedback();
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ members: GroupRow[] }>();

  const save = async (values: { members?: GroupRow[] }) => {
    setSaving(true);
    const members: LeadingGroupMember[] = (values.members ?? []).map((m) => ({
      name: m.name.trim(),
      post: m.post,
      title: m.title?.trim() ? m.title.trim() : null,
    }));
    try {
      const saved = await api.put<OrganizationDetail>(
        `/organizations/${encodeURIComponent(organization.id)}/leading-group`,
        { members },
      );
      feedback.ok(t('common.saved'));
      setEditing(false);
      onSaved(saved);
    } catch (error) {
      if (!applyFieldErrors(form, error, i18n)) feedback.fail(error);
    } finally {
      setSaving(false);
    }
  };

  const columns: TableColumnsType<LeadingGroupMember> = [
    {
      title: t('leadingGroup.post'),
      dataIndex: 'post',
      width: 120,
      render: (p: LeadingGroupPost) => <Tag color={p === 'leader' ? 'red' : p === 'deputy_leader' ? 'volcano' : 'default'}>{t(`leadingPost.${p}`)}</Tag>,
    },
    { title: t('leadingGroup.name'), dataIndex: 'name', width: 140 },
    { title: t('leadingGroup.title'), dataIndex: 'title', render: (v: string | null | undefined) => v ?? '' },
  ];

  return (
    <Card
      title={t('leadingGroup.heading')}
      data-testid="leading-group"
      extra={
        canWrite &&
        !editing && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="leading-group-edit">
            {t('common.edit')}
          </Button>
        )
      }
    >
      {editing ? (
        <Form<{ members: GroupRow[] }>
          form={form}
          layout="vertical"
          initialValues={{ members: organization.leadingGroup.map((m) => ({ name: m.name, post: m.post, title: m.title ?? null })) }}
          onFinish={(values) => void save(values)}
          data-testid="leading-group-form"
        >
          <Form.List name="members">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('leadingGroup.empty')} />}
                {fields.map((field) => (
                  <Row key={field.key} gutter={8} align="top" wrap>
                    <Col xs={12} sm={6}>
                      <Form.Item
                        name={[field.name, 'post']}
                        rules={[{ required: true, message: t('field.required') }]}
                        style={{ marginBottom: 8 }}
                      >
                        <Select
                          placeholder={t('leadingGroup.post')}
                          options={LEADING_GROUP_POSTS.map((p) => ({ value: p, label: t(`leadingPost.${p}`) }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={6}>
                      <Form.Item
                        name={[field.name, 'name']}
                        rules={[{ required: true, whitespace: true, message: t('field.required') }, { max: 50 }]}
                        style={{ marginBottom: 8 }}
                      >
                        <Input placeholder={t('leadingGroup.name')} maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col xs={20} sm={10}>
                      <Form.Item name={[field.name, 'title']} rules={[{ max: 100 }]} style={{ marginBottom: 8 }}>
                        <Input placeholder={t('leadingGroup.titlePlaceholder')} maxLength={100} />
                      </Form.Item>
                    </Col>
                    <Col xs={4} sm={2}>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('common.delete')}
                        onClick={() => remove(field.name)}
                      />
                    </Col>
                  </Row>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ name: '', post: fields.length === 0 ? 'leader' : 'member', title: null })}
                  disabled={fields.length >= 50}
                  data-testid="leading-group-add"
                >
                  {t('leadingGroup.add')}
                </Button>
                <Flex justify="end" gap="small">
                  <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
                  <Button type="primary" htmlType="submit" loading={saving} data-testid="leading-group-save">
                    {t('common.save')}
                  </Button>
                </Flex>
              </Flex>
            )}
          </Form.List>
        </Form>
      ) : (
        <Table<LeadingGroupMember>
          rowKey={(m) => `${m.post}|${m.name}|${m.title ?? ''}`}
          size="small"
          columns={columns}
          dataSource={organization.leadingGroup}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('leadingGroup.empty') }}
        />
      )}
    </Card>
  );
}
