import { DeleteOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import { saveBlob } from '../../../lib/saveBlob';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { useFeedback } from '../../../ui/useFeedback';
import type { MatchDictionary } from '../types';

/**
 * /lists/match-terms: the matching dictionary. Staff add a word to a concept (an existing group's
 * head word, or a new one) so that residents' words meet units' service names; their entries can
 * be removed, the shipped groups are shown for reference. The feedback on suggestions downloads
 * as an evaluation set.
 */
export function MatchDictionaryPage() {
  const { t } = useI18n();
  const feedback = useFeedback();
  const dictionary = useApi<MatchDictionary>('/lists/match-terms');
  const [form] = Form.useForm<{ concept: string; word: string }>();
  const [saving, setSaving] = useState(false);
  const add = async (values: { concept: string; word: string }) => {
    setSaving(true);
    try {
      await api.post('/lists/match-terms', values);
      feedback.ok(t('lists.dictionary.added'));
      form.resetFields(['word']);
      dictionary.reload();
    } catch (error) {
      feedback.fail(error);
    } finally {
      setSaving(false);
    }
  };
  const remove = async (id: string) => {
    try {
      await api.delete(`/lists/match-terms/${encodeURIComponent(id)}`);
      dictionary.reload();
    } catch (error) {
      feedback.fail(error);
    }
  };
  const download = async () => {
    try {
      const set = await api.get<unknown>('/lists/suggestion-feedback/export');
      saveBlob(new Blob([JSON.stringify(set, null, 1)], { type: 'application/json' }), 'matching-feedback.json');
    } catch (error) {
      feedback.fail(error);
    }
  };
  const word = { required: true, whitespace: true, max: 20, pattern: /^\S+$/, message: t('lists.dictionary.wordRule') };
  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('lists.dictionary.title')}
        extra={
          <Button icon={<DownloadOutlined />} onClick={() => void download()} data-testid="dictionary-export">
            {t('lists.dictionary.export')}
          </Button>
        }
      />
      {dictionary.error && <ErrorAlert error={dictionary.error} onRetry={dictionary.reload} />}
      <Card size="small" title={t('lists.dictionary.add')}>
        <Typography.Paragraph type="secondary">{t('lists.dictionary.help')}</Typography.Paragraph>
        <Form form={form} layout="inline" onFinish={(v) => void add(v)} data-testid="dictionary-form">
          <Form.Item name="concept" label={t('lists.dictionary.concept')} rules={[word]}>
            <Input maxLength={20} style={{ width: 140 }} data-testid="dictionary-concept" />
          </Form.Item>
          <Form.Item name="word" label={t('lists.dictionary.word')} rules={[word]}>
            <Input maxLength={20} style={{ width: 140 }} data-testid="dictionary-word" />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={saving} data-testid="dictionary-submit">
            {t('lists.dictionary.addButton')}
          </Button>
        </Form>
      </Card>
      <Card size="small" title={t('lists.dictionary.staff')}>
        <Table
          size="small"
          rowKey="id"
          loading={dictionary.loading}
          dataSource={dictionary.data?.staff ?? []}
          pagination={false}
          columns={[
            { title: t('lists.dictionary.concept'), dataIndex: 'concept' },
            { title: t('lists.dictionary.word'), dataIndex: 'word' },
            {
              key: 'remove',
              width: 60,
              render: (_: unknown, row: { id: string }) => (
                <Popconfirm title={t('lists.dictionary.removeConfirm')} onConfirm={() => void remove(row.id)}>
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('lists.dictionary.remove')} />
                </Popconfirm>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('lists.dictionary.defaults')}>
        <Table
          size="small"
          rowKey="concept"
          loading={dictionary.loading}
          dataSource={dictionary.data?.defaults ?? []}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            { title: t('lists.dictionary.concept'), dataIndex: 'concept', width: 120 },
            { title: t('lists.dictionary.words'), dataIndex: 'words', render: (words: string[]) => words.map((w) => <Tag key={w}>{w}</Tag>) },
          ]}
        />
      </Card>
    </Flex>
  );
}
