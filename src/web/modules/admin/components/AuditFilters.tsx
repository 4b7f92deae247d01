import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Col, DatePicker, Form, Input, Row, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../../lib/i18n/useI18n';

export interface AuditFilterValues {
  q?: string;
  actor?: string;
  action?: string;
  entityType?: string;
  /** Whole days, `YYYY-MM-DD`. */
  from?: string;
  to?: string;
}

interface FormValues {
  q?: string;
  actor?: string;
  action?: string;
  entityType?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const DAY = 'YYYY-MM-DD';

/** The last `n` days, today included. */
function lastDays(n: number): [Dayjs, Dayjs] {
  const today = dayjs().startOf('day');
  return [today.subtract(n - 1, 'day'), today];
}

/** The filter bar of the audit log; `onApply` gets the values to put in the URL. */
export function AuditFilters({ value, onApply }: { value: AuditFilterValues; onApply: (v: AuditFilterValues) => void }) {
  const { t, tName, knownNames } = useI18n();
  const [form] = Form.useForm<FormValues>();

  const toValues = (v: FormValues): AuditFilterValues => ({
    q: v.q?.trim() || undefined,
    actor: v.actor?.trim() || undefined,
    action: v.action?.trim() || undefined,
    entityType: v.entityType?.trim() || undefined,
    from: v.range?.[0]?.format(DAY),
    to: v.range?.[1]?.format(DAY),
  });

  const nameOptions = (prefix: string) =>
    knownNames(prefix).map((name) => ({ value: name, label: `${tName(prefix, name)} · ${name}` }));

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={{
        q: value.q,
        actor: value.actor,
        action: value.action,
        entityType: value.entityType,
        range: value.from || value.to ? [value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null] : null,
      }}
      onFinish={(v) => onApply(toValues(v))}
      data-testid="audit-filters"
    >
      <Row gutter={[12, 0]}>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="q" label={t('audit.q')}>
            <Input allowClear placeholder={t('audit.qPlaceholder')} data-testid="audit-q" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={12} lg={4}>
          <Form.Item name="actor" label={t('audit.actor')}>
            <Input allowClear placeholder={t('audit.actorPlaceholder')} data-testid="audit-actor" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={12} lg={5}>
          <Form.Item name="action" label={t('audit.action')}>
            <AutoComplete
              allowClear
              options={nameOptions('action')}
              showSearch={{
                filterOption: (input, option) =>
                  String(option?.label ?? '').toLowerCase().includes(input.toLowerCase()),
              }}
              popupMatchSelectWidth={false}
              data-testid="audit-action"
            />
          </Form.Item>
        </Col>
        <Col xs={12} sm={12} lg={4}>
          <Form.Item name="entityType" label={t('audit.entityType')}>
            <AutoComplete allowClear options={nameOptions('entity')} data-testid="audit-entity-type" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={5}>
          <Form.Item name="range" label={t('audit.range')}>
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              style={{ width: '100%' }}
              presets={[7, 30, 90].map((n) => ({ label: t('audit.lastDays', { n }), value: lastDays(n) }))}
              data-testid="audit-range"
            />
          </Form.Item>
        </Col>
      </Row>
      <Space style={{ marginBottom: 8 }}>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
          {t('common.search')}
        </Button>
        <Button
          onClick={() => {
            form.setFieldsValue({ q: undefined, actor: undefined, action: undefined, entityType: undefined, range: null });
            onApply({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Space>
    </Form>
  );
}
