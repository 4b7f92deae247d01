import { Col, DatePicker, Form, Input, Radio, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { checkIdNumber, idBirthDate, idGender } from '../../../../domain/directory/id-number';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import { PHONE_PATTERN } from '../../../lib/patterns';
import { FormDrawer } from '../../../ui/FormDrawer';
import { useFeedback } from '../../../ui/useFeedback';
import { GENDERS, MEMBER_STATUSES } from '../constants';
import type { CreateMemberBody, Gender, Member, MemberStatus } from '../types';
import { ChildRegionSelect } from './ChildRegionSelect';
import { OrganizationSelect } from '../../../ui/OrganizationSelect';
import { RegionSelect } from '../../../ui/RegionSelect';

interface MemberValues {
  name: string;
  gender?: Gender | null;
  birthDate?: Dayjs | null;
  phone?: string;
  idNumber?: string;
  isPartyMember: boolean;
  partyJoinedOn?: Dayjs | null;
  employerOrgId?: string | null;
  residenceRegionId?: string | null;
  gridRegionId?: string | null;
  buildingRegionId?: string | null;
  skills: string[];
  status: MemberStatus;
}

const DAY = 'YYYY-MM-DD';
const ID_SHAPE = /^(\d{15}|\d{17}[\dXx])$/;

/**
 * A new member (POST /members) or changes to one (PATCH /members/:id). Phone and ID numbers are
 * shown masked and only sent when a new one is typed. The residence is picked community → grid →
 * building, each list below the one chosen above it.
 */
export function MemberFormDrawer({
  open,
  member,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** The member to edit; null for a new one. */
  member: Member | null;
  onClose: () => void;
  onSaved: (member: Member) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const feedback = useFeedback();
  const [form] = Form.useForm<MemberValues>();
  const residence = Form.useWatch('residenceRegionId', form);
  const grid = Form.useWatch('gridRegionId', form);
  const isPartyMember = Form.useWatch('isPartyMember', form);

  const initialValues: MemberValues = member
    ? {
        name: member.name,
        gender: member.gender,
        birthDate: member.birthDate ? dayjs(member.birthDate) : null,
        isPartyMember: member.isPartyMember,
        partyJoinedOn: member.partyJoinedOn ? dayjs(member.partyJoinedOn) : null,
        employerOrgId: member.employerOrgId,
        residenceRegionId: member.residenceRegionId,
        gridRegionId: member.gridRegionId,
        buildingRegionId: member.buildingRegionId,
        skills: member.skills,
        status: member.status,
      }
    : { name: '', isPartyMember: true, skills: [], status: 'active' };

  const onFinish = async (values: MemberValues) => {
    const body: CreateMemberBody = {
      name: values.name.trim(),
      gender: values.gender ?? null,
      birthDate: values.birthDate ? values.birthDate.format(DAY) : null,
      isPartyMember: values.isPartyMember,
      partyJoinedOn: values.isPartyMember && values.partyJoinedOn ? values.partyJoinedOn.format(DAY) : null,
      employerOrgId: values.employerOrgId ?? null,
      residenceRegionId: values.residenceRegionId ?? null,
      gridRegionId: values.gridRegionId ?? null,
      buildingRegionId: values.buildingRegionId ?? null,
      skills: values.skills.map((s) => s.trim()).filter(Boolean),
      status: values.status,
      ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
      ...(values.idNumber?.trim() ? { idNumber: values.idNumber.trim().toUpperCase() } : {}),
    };
    const saved = member
      ? await api.patch<Member>(`/members/${encodeURIComponent(member.id)}`, body)
      : await api.post<Member>('/members', body);
    feedback.ok(member ? t('common.saved') : t('member.created', { name: saved.name }));
    onSaved(saved);
  };

  const half = { xs: 24, sm: 12 };
  // Shown as 1985年6月15日; typed as that or as 1985-06-15.
  const dateFormat = [t('format.date'), DAY];

  return (
    <FormDrawer<MemberValues>
      open={open}
      onClose={onClose}
      title={member ? t('member.editTitle', { name: member.name }) : t('member.new')}
      width={560}
      okText={member ? t('common.save') : t('common.create')}
      form={form}
      requiredMark="optional"
      initialValues={initialValues}
      onValuesChange={(changed: Partial<MemberValues>) => {
        if ('residenceRegionId' in changed) form.setFieldsValue({ gridRegionId: null, buildingRegionId: null });
        if ('gridRegionId' in changed) form.setFieldsValue({ buildingRegionId: null });
        // An 18-digit ID number carries the birth date and the gender: fill them in when empty.
        const id = changed.idNumber?.trim().toUpperCase();
        if (id && id.length === 18 && checkIdNumber(id) === null) {
          const birth = idBirthDate(id);
          if (birth && !form.getFieldValue('birthDate')) form.setFieldsValue({ birthDate: dayjs(birth) });
          if (!form.getFieldValue('gender')) form.setFieldsValue({ gender: idGender(id) });
        }
      }}
      onSubmit={onFinish}
      testId="member-form"
    >
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item
            name="name"
            label={t('member.name')}
            rules={[{ required: true, whitespace: true, message: t('field.required') }, { max: 50 }]}
          >
            <Input autoComplete="off" maxLength={50} data-testid="member-form-name" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="gender" label={t('member.gender')}>
            <Radio.Group
              optionType="button"
              options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="phone"
            label={t('field.phone')}
            extra={member?.phoneMasked ? t('member.keepMasked', { value: member.phoneMasked }) : undefined}
            rules={[{ pattern: PHONE_PATTERN, message: t('field.phoneInvalid') }]}
          >
            <Input
              inputMode="tel"
              autoComplete="off"
              maxLength={20}
              placeholder={member?.phoneMasked ?? ''}
              data-testid="member-form-phone"
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="idNumber"
            label={t('member.idNumber')}
            extra={member?.idNumberMasked ? t('member.keepMasked', { value: member.idNumberMasked }) : undefined}
            rules={[
              {
                validator: async (_, value: string | undefined) => {
                  const v = value?.trim() ?? '';
                  if (!v) return;
                  if (!ID_SHAPE.test(v)) throw new Error(t('member.idNumberInvalid'));
                  if (v.length === 18 && checkIdNumber(v) !== null) throw new Error(t('member.idNumberInvalid'));
                },
              },
            ]}
          >
            <Input
              autoComplete="off"
              maxLength={18}
              placeholder={member?.idNumberMasked ?? ''}
              data-testid="member-form-idNumber"
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="birthDate" label={t('member.birthDate')}>
            <DatePicker style={{ width: '100%' }} format={dateFormat} disabledDate={(d) => d.isAfter(dayjs())} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="status" label={t('field.status')}>
            <Select options={MEMBER_STATUSES.map((s) => ({ value: s, label: t(`memberStatus.${s}`) }))} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="isPartyMember" label={t('member.isPartyMember')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col {...half}>
          {isPartyMember !== false && (
            <Form.Item name="partyJoinedOn" label={t('member.partyJoinedOn')}>
              <DatePicker style={{ width: '100%' }} format={dateFormat} disabledDate={(d) => d.isAfter(dayjs())} />
            </Form.Item>
          )}
        </Col>
        <Col span={24}>
          <Form.Item name="employerOrgId" label={t('member.employer')}>
            <OrganizationSelect valueLabel={member?.employerName} data-testid="member-form-employer" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="residenceRegionId" label={t('member.residence')} extra={t('member.residenceHelp')}>
            <RegionSelect
              kinds={['community']}
              deepest="community"
              valueLabel={member?.residenceRegionId === residence ? member?.residenceName : undefined}
              placeholder={t('member.pickCommunity')}
              data-testid="member-form-residence"
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="gridRegionId" label={t('member.grid')}>
            <ChildRegionSelect
              parentId={residence}
              valueLabel={member?.gridName}
              placeholder={t('member.pickGrid')}
              data-testid="member-form-grid"
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="buildingRegionId" label={t('member.building')}>
            <ChildRegionSelect
              parentId={grid}
              valueLabel={member?.buildingName}
              placeholder={t('member.pickBuilding')}
              data-testid="member-form-building"
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="skills" label={t('member.skills')} extra={t('member.skillsHelp')}>
            <Select mode="tags" tokenSeparators={[',', '，', '、', ' ']} maxCount={20} open={false} suffixIcon={null} />
          </Form.Item>
        </Col>
      </Row>
    </FormDrawer>
  );
}
