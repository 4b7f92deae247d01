import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCurrentUser } from '../../../app/useAuth';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import { FormDrawer } from '../../../ui/FormDrawer';
import { useFeedback } from '../../../ui/useFeedback';
import { OrganizationSelect } from '../../../ui/OrganizationSelect';
import { NEED_CATEGORIES, RESOURCE_KINDS } from '../constants';
import { fromDay, numberOrNull, orNull, toDay } from '../forms';
import { ownUnits } from '../scopes';
import type { CreateResourceBody, NeedCategory, Resource, ResourceKind } from '../types';

interface ResourceValues {
  unitOrgId?: string | null;
  kind?: ResourceKind;
  title: string;
  description: string;
  category?: NeedCategory;
  skills: string[];
  quantity?: number | null;
  available?: [Dayjs | null, Dayjs | null] | null;
  availabilityNote?: string | null;
}

/**
 * A new resource of a unit (POST /lists/resources, a draft) or changes to one: what kind (people,
 * service, venue, equipment, funds), what it is, the category it serves best, skills, how much, when.
 */
export function ResourceFormDrawer({
  open,
  resource,
  onClose,
  onSaved,
}: {
  open: boolean;
  resource: Resource | null;
  onClose: () => void;
  onSaved: (resource: Resource) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const user = useCurrentUser();
  const feedback = useFeedback();
  const [form] = Form.useForm<ResourceValues>();
  const units = ownUnits(user);
  const kind = Form.useWatch('kind', form);

  const initialValues: ResourceValues = resource
    ? {
        unitOrgId: resource.unitOrgId,
        kind: resource.kind,
        title: resource.title,
        description: resource.description,
        category: resource.category,
        skills: resource.skills,
        quantity: resource.quantity,
        available: resource.availableFrom || resource.availableUntil ? [toDay(resource.availableFrom), toDay(resource.availableUntil)] : null,
        availabilityNote: resource.availabilityNote,
      }
    : { unitOrgId: units.length === 1 ? units[0]!.id : undefined, title: '', description: '', skills: [] };

  const onFinish = async (values: ResourceValues) => {
    if (!values.kind || !values.category || (!resource && !values.unitOrgId)) return;
    const fields = {
      kind: values.kind,
      title: values.title.trim(),
      description: values.description.trim(),
      category: values.category,
      skills: values.skills.map((s) => s.trim()).filter(Boolean),
      quantity: numberOrNull(values.quantity),
      availableFrom: fromDay(values.available?.[0]),
      availableUntil: fromDay(values.available?.[1]),
      availabilityNote: orNull(values.availabilityNote),
    };
    const saved = resource
      ? await api.patch<Resource>(`/lists/resources/${encodeURIComponent(resource.id)}`, fields)
      : await api.post<Resource>('/lists/resources', { unitOrgId: values.unitOrgId!, ...fields } satisfies CreateResourceBody);
    feedback.ok(resource ? t('common.saved') : t('lists.resource.created'));
    onSaved(saved);
  };

  const half = { xs: 24, sm: 12 };
  const required = { required: true, message: t('field.required') };

  return (
    <FormDrawer<ResourceValues>
      open={open}
      onClose={onClose}
      title={resource ? t('lists.resource.editTitle') : t('lists.resource.new')}
      width={600}
      okText={resource ? t('common.save') : t('lists.saveDraft')}
      form={form}
      requiredMark="optional"
      initialValues={initialValues}
      onSubmit={onFinish}
      testId="resource-form"
    >
      <Row gutter={12}>
        {!resource && (
          <Col span={24}>
            <Form.Item name="unitOrgId" label={t('lists.unit')} rules={[required]}>
              {units.length > 0 ? (
                <Select<string> options={units.map((u) => ({ value: u.id, label: u.name }))} data-testid="resource-form-unit" />
              ) : (
                <OrganizationSelect kind="unit" data-testid="resource-form-unit" />
              )}
            </Form.Item>
          </Col>
        )}
        <Col {...half}>
          <Form.Item name="kind" label={t('lists.resource.kind')} rules={[required]}>
            <Select<ResourceKind>
              options={RESOURCE_KINDS.map((k) => ({ value: k, label: t(`lists.resourceKind.${k}`) }))}
              placeholder={t('lists.resource.pickKind')}
              data-testid="resource-form-kind"
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="category" label={t('lists.resource.category')} rules={[required]}>
            <Select<NeedCategory>
              options={NEED_CATEGORIES.map((c) => ({ value: c, label: t(`lists.category.${c}`) }))}
              placeholder={t('lists.pickCategory')}
              data-testid="resource-form-category"
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="title" label={t('lists.resource.title')} rules={[{ ...required, whitespace: true }, { min: 2, max: 100 }]}>
            <Input maxLength={100} placeholder={t('lists.resource.titlePlaceholder')} data-testid="resource-form-title" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="description" label={t('lists.description')} rules={[{ max: 2000 }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount data-testid="resource-form-description" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="skills" label={t('lists.resource.skills')} extra={t('lists.resource.skillsHelp')}>
            <Select<string[]> mode="tags" maxCount={20} tokenSeparators={[',', '，', '、', ' ']} open={false} data-testid="resource-form-skills" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="quantity" label={kind === 'funds' ? t('lists.budgetYuan') : t('lists.resource.quantity')}>
            <InputNumber min={0} max={1000000000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="available" label={t('lists.resource.available')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="availabilityNote" label={t('lists.resource.availabilityNote')} rules={[{ max: 200 }]}>
            <Input maxLength={200} placeholder={t('lists.resource.availabilityPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
    </FormDrawer>
  );
}
