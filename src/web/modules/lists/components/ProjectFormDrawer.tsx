import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Drawer, Flex, Form, Grid, Input, InputNumber, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useAuth, useCurrentUser } from '../../../app/useAuth';
import { api } from '../../../lib/api';
import { applyFieldErrors } from '../../../lib/forms';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { Page } from '../../../lib/types';
import { useApi } from '../../../lib/useApi';
import { useFeedback } from '../../../ui/useFeedback';
import type { Pairing } from '../../../../contracts/registration';
import { fromDay, numberOrNull, toDay } from '../forms';
import { ownCommunities, thisYear } from '../scopes';
import type { CreateProjectBody, Need, ProjectDetail, Resource } from '../types';
import { CommunityField } from './CommunityField';

interface ProjectValues {
  communityId?: string;
  year: number;
  title: string;
  goal: string;
  needIds: string[];
  resourceIds: string[];
  leadUnitOrgId?: string | null;
  budgetYuan?: number | null;
  claimSlots: number;
  milestones: { title: string; dueOn: Dayjs | null }[];
}

/** What a new project starts with (from a need's page: that need and its community). */
export interface ProjectDraft {
  communityId?: string;
  needIds?: string[];
  resourceIds?: string[];
  title?: string;
  year?: number;
}

/**
 * A new yearly project (POST /lists/projects, a draft) or changes to one: its goal, the needs it
 * answers and the resources it uses, the lead unit, the budget, how many claims it takes, and its
 * milestones with due dates.
 */
export function ProjectFormDrawer({
  open,
  project,
  draft,
  onClose,
  onSaved,
}: {
  open: boolean;
  project: ProjectDetail | null;
  draft?: ProjectDraft;
  onClose: () => void;
  onSaved: (project: ProjectDetail) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { can } = useAuth();
  const user = useCurrentUser();
  const feedback = useFeedback();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<ProjectValues>();
  const [submitting, setSubmitting] = useState(false);
  const own = ownCommunities(user);
  const watched = Form.useWatch('communityId', form);
  const communityId = project?.communityId ?? watched ?? draft?.communityId;
  const chosenResources = Form.useWatch('resourceIds', form);

  const needs = useApi<Page<Need>>(open && communityId ? '/lists/needs' : null, { communityId, status: 'published', pageSize: 200 });
  const resources = useApi<Page<Resource>>(open ? '/lists/resources' : null, { status: 'published', pageSize: 200 });
  const pairings = useApi<Page<Pairing>>(open && communityId && can('pairing.read') ? '/pairings' : null, {
    communityId,
    status: 'active',
    pageSize: 200,
  });

  const needOptions = new Map<string, string>();
  for (const n of project?.needs ?? []) needOptions.set(n.id, n.title);
  for (const n of needs.data?.items ?? []) needOptions.set(n.id, n.title);
  const resourceOptions = new Map<string, string>();
  for (const r of project?.resources ?? []) resourceOptions.set(r.id, `${r.title} · ${r.unitName}`);
  for (const r of resources.data?.items ?? []) resourceOptions.set(r.id, `${r.title} · ${r.unitName}`);
  const unitOptions = new Map<string, string>();
  if (project?.leadUnitOrgId) unitOptions.set(project.leadUnitOrgId, project.leadUnitName ?? project.leadUnitOrgId);
  for (const p of pairings.data?.items ?? []) unitOptions.set(p.unitOrgId, p.unitName);
  for (const r of resources.data?.items ?? []) if ((chosenResources ?? []).includes(r.id)) unitOptions.set(r.unitOrgId, r.unitName);

  const initialValues: ProjectValues = project
    ? {
        communityId: project.communityId,
        year: project.year,
        title: project.title,
        goal: project.goal,
        needIds: project.needs.map((n) => n.id),
        resourceIds: project.resources.map((r) => r.id),
        leadUnitOrgId: project.leadUnitOrgId,
        budgetYuan: project.budgetYuan,
        claimSlots: project.claimSlots,
        milestones: project.milestones.map((m) => ({ title: m.title, dueOn: toDay(m.dueOn) })),
      }
    : {
        communityId: draft?.communityId ?? (own.length === 1 ? own[0]!.id : undefined),
        year: draft?.year ?? thisYear(),
        title: draft?.title ?? '',
        goal: '',
        needIds: draft?.needIds ?? [],
        resourceIds: draft?.resourceIds ?? [],
        claimSlots: 1,
        milestones: [{ title: '', dueOn: null }],
      };

  const onFinish = async (values: ProjectValues) => {
    if (!project && !values.communityId) return;
    setSubmitting(true);
    const fields = {
      title: values.title.trim(),
      goal: values.goal.trim(),
      year: values.year,
      needIds: values.needIds,
      resourceIds: values.resourceIds,
      leadUnitOrgId: values.leadUnitOrgId ?? null,
      budgetYuan: numberOrNull(values.budgetYuan),
      claimSlots: values.claimSlots,
      milestones: values.milestones
        .filter((m) => m.title?.trim() && m.dueOn)
        .map((m) => ({ title: m.title.trim(), dueOn: fromDay(m.dueOn)! })),
    };
    try {
      const saved = project
        ? await api.patch<ProjectDetail>(`/lists/projects/${encodeURIComponent(project.id)}`, fields)
        : await api.post<ProjectDetail>('/lists/projects', { communityId: values.communityId!, ...fields } satisfies CreateProjectBody);
      feedback.ok(project ? t('common.saved') : t('lists.project.created'));
      onSaved(saved);
    } catch (error) {
      if (!applyFieldErrors(form, error, i18n)) feedback.fail(error);
    } finally {
      setSubmitting(false);
    }
  };

  const half = { xs: 24, sm: 12 };
  const third = { xs: 12, sm: 8 };
  const required = { required: true, message: t('field.required') };
  const toOptions = (m: Map<string, string>) => [...m].map(([value, label]) => ({ value, label }));

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={project ? t('lists.project.editTitle') : t('lists.project.new')}
      size={screens.sm ? 640 : '100%'}
      destroyOnHidden
      footer={
        <Flex justify="end" gap="small">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={submitting} onClick={() => form.submit()} data-testid="project-form-submit">
            {project ? t('common.save') : t('lists.saveDraft')}
          </Button>
        </Flex>
      }
    >
      <Form<ProjectValues>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={initialValues}
        preserve={false}
        onFinish={(values) => void onFinish(values)}
        onValuesChange={(changed: Partial<ProjectValues>) => {
          if ('communityId' in changed) form.setFieldsValue({ needIds: [] });
        }}
        data-testid="project-form"
      >
        <Row gutter={12}>
          {!project && (
            <Col xs={24} sm={16}>
              <Form.Item name="communityId" label={t('lists.community')} rules={[required]}>
                <CommunityField data-testid="project-form-community" />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} sm={project ? 24 : 8}>
            <Form.Item name="year" label={t('lists.year')} rules={[required]}>
              <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="title" label={t('lists.project.title')} rules={[{ ...required, whitespace: true }, { min: 2, max: 100 }]}>
              <Input maxLength={100} data-testid="project-form-title" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="goal" label={t('lists.project.goal')} rules={[{ max: 2000 }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} showCount data-testid="project-form-goal" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="needIds" label={t('lists.project.needs')}>
              <Select<string[]>
                mode="multiple"
                maxCount={20}
                options={toOptions(needOptions)}
                loading={needs.loading}
                optionFilterProp="label"
                placeholder={t('lists.project.pickNeeds')}
                data-testid="project-form-needs"
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="resourceIds" label={t('lists.project.resources')}>
              <Select<string[]>
                mode="multiple"
                maxCount={20}
                options={toOptions(resourceOptions)}
                loading={resources.loading}
                optionFilterProp="label"
                placeholder={t('lists.project.pickResources')}
                data-testid="project-form-resources"
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="leadUnitOrgId" label={t('lists.project.leadUnit')} extra={t('lists.project.leadUnitHelp')}>
              <Select<string>
                allowClear
                options={toOptions(unitOptions)}
                optionFilterProp="label"
                showSearch
                placeholder={t('lists.project.pickLeadUnit')}
                data-testid="project-form-lead"
              />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="budgetYuan" label={t('lists.budgetYuan')}>
              <InputNumber min={0} max={1000000000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={4}>
            <Form.Item name="claimSlots" label={t('lists.project.claimSlots')} rules={[required]}>
              <InputNumber min={1} max={50} precision={0} style={{ width: '100%' }} data-testid="project-form-slots" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('lists.project.milestones')}
        </Typography.Title>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <Flex vertical gap={0}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="flex-start" data-testid="project-form-milestone">
                  <Form.Item name={[field.name, 'title']} rules={[{ max: 100 }]} style={{ flex: 1, minWidth: 0 }}>
                    <Input maxLength={100} placeholder={t('lists.project.milestoneTitle', { n: index + 1 })} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'dueOn']} style={{ width: 150 }}>
                    <DatePicker placeholder={t('lists.project.dueOn')} style={{ width: '100%' }} />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              {fields.length < 20 && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '', dueOn: null })} block data-testid="project-form-milestone-add">
                  {t('lists.project.addMilestone')}
                </Button>
              )}
            </Flex>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
