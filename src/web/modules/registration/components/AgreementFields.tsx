import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Flex, Form, Input, Row, Select, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n/useI18n';

/**
 * The fields of a draft agreement, inside the page's <Form>: title, term, goals, principles, each
 * side's tasks (with owner and due date), where a copy is filed, and when the pair may end.
 */
export function AgreementFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="title" label={t('agreement.title')} rules={[{ required: true, whitespace: true, message: t('field.required') }, { max: 100 }]}>
        <Input maxLength={100} data-testid="agreement-title" />
      </Form.Item>
      <Form.Item name="term" label={t('agreement.term')} rules={[{ required: true, message: t('field.required') }]}>
        <DatePicker.RangePicker allowClear={false} style={{ width: '100%', maxWidth: 360 }} data-testid="agreement-term" />
      </Form.Item>
      <Form.Item name="goals" label={t('agreement.goals')} rules={[{ max: 4000 }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} data-testid="agreement-goals" />
      </Form.Item>
      <Form.Item name="principles" label={t('agreement.principles')} rules={[{ max: 4000 }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} data-testid="agreement-principles" />
      </Form.Item>
      <Form.Item label={t('agreement.tasks')} extra={t('agreement.tasksHelp')}>
        <Form.List name="tasks">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field, index) => (
                <Card key={field.key} size="small" data-testid="agreement-task">
                  <Row gutter={[8, 8]} align="top">
                    <Col xs={24} md={4}>
                      <Form.Item name={[field.name, 'side']} noStyle rules={[{ required: true }]}>
                        <Select
                          aria-label={t('agreement.taskSide')}
                          options={[
                            { value: 'a', label: t('agreementSide.a') },
                            { value: 'b', label: t('agreementSide.b') },
                          ]}
                          style={{ width: '100%' }}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={10}>
                      <Form.Item
                        name={[field.name, 'description']}
                        rules={[{ required: true, whitespace: true, message: t('agreement.taskRequired') }, { max: 500 }]}
                        style={{ marginBottom: 0 }}
                      >
                        <Input.TextArea
                          autoSize={{ minRows: 1, maxRows: 4 }}
                          maxLength={500}
                          placeholder={t('agreement.taskPlaceholder')}
                          aria-label={t('agreement.taskDescription')}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item name={[field.name, 'owner']} noStyle rules={[{ max: 50 }]}>
                        <Input maxLength={50} placeholder={t('agreement.taskOwner')} aria-label={t('agreement.taskOwner')} />
                      </Form.Item>
                    </Col>
                    <Col xs={9} md={5}>
                      <Form.Item name={[field.name, 'dueOn']} noStyle>
                        <DatePicker placeholder={t('agreement.taskDue')} style={{ width: '100%' }} aria-label={t('agreement.taskDue')} />
                      </Form.Item>
                    </Col>
                    <Col xs={3} md={1}>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={t('agreement.taskRemove', { n: index + 1 })}
                      />
                    </Col>
                  </Row>
                </Card>
              ))}
              {fields.length === 0 && <Typography.Text type="secondary">{t('agreement.noTasks')}</Typography.Text>}
              <Flex gap={8} wrap>
                <Button icon={<PlusOutlined />} onClick={() => add({ side: 'a', description: '', owner: '', dueOn: null })} data-testid="agreement-task-add-a">
                  {t('agreement.addTaskA')}
                </Button>
                <Button icon={<PlusOutlined />} onClick={() => add({ side: 'b', description: '', owner: '', dueOn: null })} data-testid="agreement-task-add-b">
                  {t('agreement.addTaskB')}
                </Button>
              </Flex>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="filedWith" label={t('agreement.filedWith')} extra={t('agreement.filedWithHelp')} rules={[{ max: 100 }]}>
        <Input maxLength={100} placeholder={t('agreement.filedWithPlaceholder')} data-testid="agreement-filed-with" />
      </Form.Item>
      <Form.Item name="endCondition" label={t('agreement.endCondition')} rules={[{ max: 500 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} placeholder={t('agreement.endConditionPlaceholder')} data-testid="agreement-end-condition" />
      </Form.Item>
    </>
  );
}
