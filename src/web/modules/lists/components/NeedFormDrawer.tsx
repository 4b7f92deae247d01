import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCurrentUser } from '../../../app/useAuth';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import { FormDrawer } from '../../../ui/FormDrawer';
import { useFeedback } from '../../../ui/useFeedback';
import { NEED_CATEGORIES, PRIORITIES } from '../constants';
import { fromDay, numberOrNull, orNull, toDay } from '../forms';
import { ownCommunities } from '../scopes';
import type { Attachment, CreateNeedBody, Need, NeedCategory, Priority } from '../types';
import { CommunityField } from './CommunityField';
import { PhotoUpload } from './PhotoUpload';

interface NeedValues {
  communityId?: string;
  title: string;
  description: string;
  category?: NeedCategory;
  priority: Priority;
  place?: string | null;
  window?: [Dayjs | null, Dayjs | null] | null;
  peopleNeeded?: number | null;
  budgetYuan?: number | null;
  materials?: string | null;
  beneficiaries?: string | null;
  attachments: Attachment[];
}

/**
 * A new need (POST /lists/needs, a draft) or changes to one (PATCH /lists/needs/:id): what, which
 * category, where and when, how big (people, money, materials), how urgent, whom it serves, photos.
 */
export function NeedFormDrawer({
  open,
  need,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** null: a new need. */
  need: Need | null;
  onClose: () => void;
  onSaved: (need: Need) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const user = useCurrentUser();
  const feedback = useFeedback();
  const [form] = Form.useForm<NeedValues>();
  const own = ownCommunities(user);

  const initialValues: NeedValues = need
    ? {
        communityId: need.communityId,
        title: need.title,
        description: need.description,
        category: need.category,
        priority: need.priority,
        place: need.place,
        window: need.startsOn || need.endsOn ? [toDay(need.startsOn), toDay(need.endsOn)] : null,
        peopleNeeded: need.peopleNeeded,
        budgetYuan: need.budgetYuan,
        materials: need.materials,
        beneficiaries: need.beneficiaries,
        attachments: need.attachments,
      }
    : { communityId: own.length === 1 ? own[0]!.id : undefined, title: '', description: '', priority: 'normal', attachments: [] };

  const onFinish = async (values: NeedValues) => {
    if (!values.category || (!need && !values.communityId)) return;
    const fields = {
      title: values.title.trim(),
      description: values.description.trim(),
      category: values.category,
      priority: values.priority,
      place: orNull(values.place),
      startsOn: fromDay(values.window?.[0]),
      endsOn: fromDay(values.window?.[1]),
      peopleNeeded: numberOrNull(values.peopleNeeded),
      budgetYuan: numberOrNull(values.budgetYuan),
      materials: orNull(values.materials),
      beneficiaries: orNull(values.beneficiaries),
      attachmentIds: values.attachments.map((a) => a.id),
    };
    const saved = need
      ? await api.patch<Need>(`/lists/needs/${encodeURIComponent(need.id)}`, fields)
      : await api.post<Need>('/lists/needs', { communityId: values.communityId!, ...fields } satisfies CreateNeedBody);
    feedback.ok(need ? t('common.saved') : t('lists.need.created'));
    onSaved(saved);
  };

  const half = { xs: 24, sm: 12 };
  const third = { xs: 12, sm: 8 };
  const required = { required: true, message: t('field.required') };

  return (
    <FormDrawer<NeedValues>
      open={open}
      onClose={onClose}
      title={need ? t('lists.need.editTitle') : t('lists.need.new')}
      width={600}
      okText={need ? t('common.save') : t('lists.saveDraft')}
      form={form}
      requiredMark="optional"
      initialValues={initialValues}
      onSubmit={onFinish}
      testId="need-form"
    >
      <Row gutter={12}>
        {!need && (
          <Col span={24}>
            <Form.Item name="communityId" label={t('lists.community')} rules={[required]}>
              <CommunityField data-testid="need-form-community" />
            </Form.Item>
          </Col>
        )}
        <Col span={24}>
          <Form.Item name="title" label={t('lists.need.title')} rules={[{ ...required, whitespace: true }, { min: 2, max: 100 }]}>
            <Input maxLength={100} placeholder={t('lists.need.titlePlaceholder')} data-testid="need-form-title" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="description" label={t('lists.description')} rules={[{ max: 2000 }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount data-testid="need-form-description" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="category" label={t('lists.category')} rules={[required]}>
            <Select<NeedCategory>
              options={NEED_CATEGORIES.map((c) => ({ value: c, label: t(`lists.category.${c}`) }))}
              placeholder={t('lists.pickCategory')}
              data-testid="need-form-category"
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="priority" label={t('lists.priority')} rules={[required]}>
            <Select<Priority> options={PRIORITIES.map((p) => ({ value: p, label: t(`lists.priority.${p}`) }))} data-testid="need-form-priority" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="place" label={t('lists.place')} rules={[{ max: 200 }]}>
            <Input maxLength={200} placeholder={t('lists.need.placePlaceholder')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="window" label={t('lists.need.window')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="peopleNeeded" label={t('lists.need.peopleNeeded')}>
            <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="budgetYuan" label={t('lists.budgetYuan')}>
            <InputNumber min={0} max={1000000000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="materials" label={t('lists.need.materials')} rules={[{ max: 500 }]}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="beneficiaries" label={t('lists.need.beneficiaries')} extra={t('lists.need.beneficiariesHelp')} rules={[{ max: 200 }]}>
            <Input maxLength={200} placeholder={t('lists.need.beneficiariesPlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="attachments" label={t('lists.photos')}>
            <PhotoUpload data-testid="need-form-photos" />
          </Form.Item>
        </Col>
      </Row>
    </FormDrawer>
  );
}
