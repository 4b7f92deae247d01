import { Col, Form, Input, Row, Select } from 'antd';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import { PHONE_PATTERN } from '../../../lib/patterns';
import { FormDrawer } from '../../../ui/FormDrawer';
import { useFeedback } from '../../../ui/useFeedback';
import { ORGANIZATION_KINDS, SECTORS } from '../constants';
import type { CreateOrganizationBody, Organization, OrganizationKind, Sector, UpdateOrganizationBody } from '../types';
import { OrganizationSelect } from '../../../ui/OrganizationSelect';
import { RegionSelect } from '../../../ui/RegionSelect';

interface OrganizationValues {
  kind?: OrganizationKind;
  name: string;
  code?: string | null;
  parentId?: string | null;
  regionId?: string | null;
  sector?: Sector | null;
  strengths: string[];
  secretaryName?: string | null;
  liaisonName?: string | null;
  contactPhone?: string;
  address?: string | null;
}

function text(value: string | null | undefined): string | null {
  const v = value?.trim();
  return v ? v : null;
}

/**
 * A new party organisation (POST /organizations) or changes to one (PATCH /organizations/:id):
 * sector, strengths (as tags), secretary, liaison, contact phone (sent only when a new one is
 * typed) and address. Kind and parent are set at creation only (the server refuses moving an
 * organisation here).
 */
export function OrganizationFormDrawer({
  open,
  organization,
  onClose,
  onSaved,
}: {
  open: boolean;
  organization: Organization | null;
  onClose: () => void;
  onSaved: (organization: Organization) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const feedback = useFeedback();
  const [form] = Form.useForm<OrganizationValues>();

  const initialValues: OrganizationValues = organization
    ? {
        kind: organization.kind,
        name: organization.name,
        code: organization.code,
        parentId: organization.parentId,
        regionId: organization.regionId,
        sector: organization.sector,
        strengths: organization.strengths,
        secretaryName: organization.secretaryName,
        liaisonName: organization.liaisonName,
        address: organization.address,
      }
    : { name: '', kind: 'unit', strengths: [] };

  const onFinish = async (values: OrganizationValues) => {
    const fields: UpdateOrganizationBody = {
      name: values.name.trim(),
      code: text(values.code),
      regionId: values.regionId ?? null,
      sector: values.sector ?? null,
      strengths: values.strengths.map((s) => s.trim()).filter(Boolean),
      secretaryName: text(values.secretaryName),
      liaisonName: text(values.liaisonName),
      address: text(values.address),
      ...(values.contactPhone?.trim() ? { contactPhone: values.contactPhone.trim() } : {}),
    };
    let saved: Organization;
    if (organization) {
      saved = await api.patch<Organization>(`/organizations/${encodeURIComponent(organization.id)}`, fields);
    } else {
      const body: CreateOrganizationBody = {
        ...fields,
        name: values.name.trim(),
        kind: values.kind ?? 'unit',
        parentId: values.parentId ?? null,
      };
      saved = await api.post<Organization>('/organizations', body);
    }
    feedback.ok(organization ? t('common.saved') : t('organization.created', { name: saved.name }));
    onSaved(saved);
  };

  const half = { xs: 24, sm: 12 };

  return (
    <FormDrawer<OrganizationValues>
      open={open}
      onClose={onClose}
      title={organization ? t('organization.editTitle', { name: organization.name }) : t('organization.new')}
      width={560}
      okText={organization ? t('common.save') : t('common.create')}
      form={form}
      requiredMark="optional"
      initialValues={initialValues}
      onSubmit={onFinish}
      testId="organization-form"
    >
      <Row gutter={12}>
        <Col span={24}>
          <Form.Item
            name="name"
            label={t('organization.name')}
            rules={[{ required: true, whitespace: true, message: t('field.required') }, { max: 200 }]}
          >
            <Input maxLength={200} data-testid="organization-form-name" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="kind" label={t('organization.kind')} rules={[{ required: true, message: t('field.required') }]}>
            <Select
              disabled={organization !== null}
              options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`kind.organization.${k}`) }))}
              data-testid="organization-form-kind"
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="sector" label={t('organization.sector')}>
            <Select allowClear options={SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) }))} data-testid="organization-form-sector" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="code" label={t('organization.code')} rules={[{ max: 50 }]}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="regionId" label={t('organization.region')}>
            <RegionSelect valueLabel={organization?.regionName} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="parentId"
            label={t('organization.parent')}
            extra={organization ? t('organization.parentFixed') : undefined}
          >
            <OrganizationSelect valueLabel={organization?.parentName} disabled={organization !== null} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="strengths" label={t('organization.strengths')} extra={t('organization.strengthsHelp')}>
            <Select
              mode="tags"
              tokenSeparators={[',', '，', '、']}
              maxCount={20}
              open={false}
              suffixIcon={null}
              data-testid="organization-form-strengths"
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="secretaryName" label={t('organization.secretary')} rules={[{ max: 50 }]}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="liaisonName" label={t('organization.liaison')} rules={[{ max: 50 }]}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="contactPhone"
            label={t('organization.contactPhone')}
            extra={organization?.contactPhoneMasked ? t('member.keepMasked', { value: organization.contactPhoneMasked }) : undefined}
            rules={[{ pattern: PHONE_PATTERN, message: t('field.phoneInvalid') }]}
          >
            <Input inputMode="tel" maxLength={20} placeholder={organization?.contactPhoneMasked ?? ''} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="address" label={t('organization.address')} rules={[{ max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
    </FormDrawer>
  );
}
