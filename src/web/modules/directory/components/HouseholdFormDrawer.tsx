import { Col, Form, Input, InputNumber, Row, Switch } from 'antd';
import { checkIdNumber } from '../../../../domain/directory/id-number';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import { PHONE_PATTERN } from '../../../lib/patterns';
import { FormDrawer } from '../../../ui/FormDrawer';
import { useFeedback } from '../../../ui/useFeedback';
import type { CreateHouseholdBody, Household, HouseholdTag } from '../types';
import { ChildRegionSelect } from './ChildRegionSelect';
import { HouseholdTagsInput } from './HouseholdTagsInput';
import { RegionSelect } from '../../../ui/RegionSelect';

interface HouseholdValues {
  communityId?: string;
  gridId?: string | null;
  buildingId?: string | null;
  unitNo?: string | null;
  room?: string | null;
  headName: string;
  headPhone?: string;
  headIdNumber?: string;
  peopleCount: number;
  isLeadHousehold: boolean;
  tags: HouseholdTag[];
  notes?: string | null;
}

const ID_SHAPE = /^(\d{15}|\d{17}[\dXx])$/;

function text(value: string | null | undefined): string | null {
  const v = value?.trim();
  return v ? v : null;
}

/**
 * A new household (POST /households) or changes to one (PATCH /households/:id): where it is
 * (community → grid → building, unit, room), the head of the household, and its hardship tags
 * (the list sent replaces the old one).
 */
export function HouseholdFormDrawer({
  open,
  household,
  onClose,
  onSaved,
}: {
  open: boolean;
  household: Household | null;
  onClose: () => void;
  onSaved: (household: Household) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const feedback = useFeedback();
  const [form] = Form.useForm<HouseholdValues>();
  const community = Form.useWatch('communityId', form);
  const grid = Form.useWatch('gridId', form);

  const initialValues: HouseholdValues = household
    ? {
        communityId: household.communityId,
        gridId: household.gridId,
        buildingId: household.buildingId,
        unitNo: household.unitNo,
        room: household.room,
        headName: household.headName,
        peopleCount: household.peopleCount,
        isLeadHousehold: household.isLeadHousehold,
        tags: household.tags,
        notes: household.notes,
      }
    : { headName: '', peopleCount: 1, isLeadHousehold: false, tags: [] };

  const onFinish = async (values: HouseholdValues) => {
    if (!values.communityId) return;
    const body: CreateHouseholdBody = {
      communityId: values.communityId,
      gridId: values.gridId ?? null,
      buildingId: values.buildingId ?? null,
      unitNo: text(values.unitNo),
      room: text(values.room),
      headName: values.headName.trim(),
      peopleCount: values.peopleCount,
      isLeadHousehold: values.isLeadHousehold,
      tags: values.tags.map((tag) => ({ tag: tag.tag, verifiedOn: tag.verifiedOn })),
      notes: text(values.notes),
      ...(values.headPhone?.trim() ? { headPhone: values.headPhone.trim() } : {}),
      ...(values.headIdNumber?.trim() ? { headIdNumber: values.headIdNumber.trim().toUpperCase() } : {}),
    };
    const saved = household
      ? await api.patch<Household>(`/households/${encodeURIComponent(household.id)}`, body)
      : await api.post<Household>('/households', body);
    feedback.ok(household ? t('common.saved') : t('household.created', { name: saved.headName }));
    onSaved(saved);
  };

  const half = { xs: 24, sm: 12 };
  const third = { xs: 12, sm: 8 };

  return (
    <FormDrawer<HouseholdValues>
      open={open}
      onClose={onClose}
      title={household ? t('household.editTitle', { name: household.headName }) : t('household.new')}
      width={560}
      okText={household ? t('common.save') : t('common.create')}
      form={form}
      requiredMark="optional"
      initialValues={initialValues}
      onValuesChange={(changed: Partial<HouseholdValues>) => {
        if ('communityId' in changed) form.setFieldsValue({ gridId: null, buildingId: null });
        if ('gridId' in changed) form.setFieldsValue({ buildingId: null });
      }}
      onSubmit={onFinish}
      testId="household-form"
    >
      <Row gutter={12}>
        <Col span={24}>
          <Form.Item name="communityId" label={t('household.community')} rules={[{ required: true, message: t('field.required') }]}>
            <RegionSelect
              kinds={['community']}
              deepest="community"
              allowClear={false}
              valueLabel={household?.communityId === community ? household?.communityName : undefined}
              placeholder={t('member.pickCommunity')}
              data-testid="household-form-community"
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="gridId" label={t('member.grid')}>
            <ChildRegionSelect parentId={community} valueLabel={household?.gridName} placeholder={t('member.pickGrid')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="buildingId" label={t('member.building')}>
            <ChildRegionSelect parentId={grid} valueLabel={household?.buildingName} placeholder={t('member.pickBuilding')} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="unitNo" label={t('household.unitNo')} rules={[{ max: 20 }]}>
            <Input maxLength={20} placeholder={t('household.unitNoPlaceholder')} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="room" label={t('household.room')} rules={[{ max: 20 }]}>
            <Input maxLength={20} placeholder={t('household.roomPlaceholder')} data-testid="household-form-room" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="peopleCount" label={t('household.peopleCount')} rules={[{ required: true, message: t('field.required') }]}>
            <InputNumber min={1} max={50} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="headName"
            label={t('household.headName')}
            rules={[{ required: true, whitespace: true, message: t('field.required') }, { max: 50 }]}
          >
            <Input autoComplete="off" maxLength={50} data-testid="household-form-headName" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="headPhone"
            label={t('field.phone')}
            extra={household?.headPhoneMasked ? t('member.keepMasked', { value: household.headPhoneMasked }) : undefined}
            rules={[{ pattern: PHONE_PATTERN, message: t('field.phoneInvalid') }]}
          >
            <Input inputMode="tel" autoComplete="off" maxLength={20} placeholder={household?.headPhoneMasked ?? ''} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="headIdNumber"
            label={t('member.idNumber')}
            extra={household?.headIdNumberMasked ? t('member.keepMasked', { value: household.headIdNumberMasked }) : undefined}
            rules={[
              {
                validator: async (_, value: string | undefined) => {
                  const v = value?.trim() ?? '';
                  if (!v) return;
                  if (!ID_SHAPE.test(v) || (v.length === 18 && checkIdNumber(v) !== null)) {
                    throw new Error(t('member.idNumberInvalid'));
                  }
                },
              },
            ]}
          >
            <Input autoComplete="off" maxLength={18} placeholder={household?.headIdNumberMasked ?? ''} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="isLeadHousehold" label={t('household.lead')} valuePropName="checked" extra={t('household.leadHelp')}>
            <Switch />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="tags" label={t('household.tags')} extra={t('household.tagsHelp')}>
            <HouseholdTagsInput />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="notes" label={t('household.notes')} rules={[{ max: 500 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
          </Form.Item>
        </Col>
      </Row>
    </FormDrawer>
  );
}
