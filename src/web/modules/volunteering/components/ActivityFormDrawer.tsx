import { Alert, Col, DatePicker, Form, Input, InputNumber, Row, Segmented, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCurrentUser } from '../../../app/useAuth';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import type { ItemList } from '../../../lib/types';
import { FormDrawer } from '../../../ui/FormDrawer';
import { usePhone } from '../../../ui/usePhone';
import { useFeedback } from '../../../ui/useFeedback';
import { RegionSelect } from '../../../ui/RegionSelect';
import { ACTIVITY_KINDS, ELIGIBILITIES } from '../constants';
import type { Activity, ActivityKind, Eligibility, PublishActivityBody, UpdateActivityBody } from '../types';

type Repeat = 'none' | 'daily' | 'weekly';

interface Values {
  kind: ActivityKind;
  title: string;
  description?: string;
  place: string;
  regionId?: string | null;
  time: [Dayjs, Dayjs] | null;
  repeat: Repeat;
  repeatCount: number;
  capacity: number;
  eligibility: Eligibility;
  skills: string[];
  organiserName?: string;
  contact: string;
  concentrated: boolean;
  cancelDeadlineHours?: number | null;
}

/** The shifts of a recurring activity: the same hours every day or every week, `count` times. */
function shiftsOf(time: [Dayjs, Dayjs], repeat: Repeat, count: number): { startsAt: string; endsAt: string }[] {
  const n = repeat === 'none' ? 1 : Math.max(1, Math.min(60, count));
  const unit = repeat === 'weekly' ? 'week' : 'day';
  return Array.from({ length: n }, (_, i) => ({
    startsAt: time[0].add(i, unit).toISOString(),
    endsAt: time[1].add(i, unit).toISOString(),
  }));
}

/**
 * Publishes an activity (or a recurring one as a series of shifts), or edits one: kind, title,
 * place and area, time, places, who may sign up, skills, organiser and contact.
 */
export function ActivityFormDrawer({
  open,
  activity,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** The activity to edit; absent to publish a new one. */
  activity?: Activity;
  onClose: () => void;
  onSaved: (saved: Activity[]) => void;
}) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const user = useCurrentUser();
  const feedback = useFeedback();
  const phone = usePhone();
  const [form] = Form.useForm<Values>();
  const repeat = Form.useWatch('repeat', form) ?? 'none';
  const repeatCount = Form.useWatch('repeatCount', form) ?? 1;
  const time = Form.useWatch('time', form);

  const regionRole = user.roles.find((r) => r.scopeType === 'region' && r.scopeId);
  const initialValues: Partial<Values> = activity
    ? {
        kind: activity.kind,
        title: activity.title,
        description: activity.description,
        place: activity.place,
        regionId: activity.regionId,
        time: [dayjs(activity.startsAt), dayjs(activity.endsAt)],
        repeat: 'none',
        repeatCount: 1,
        capacity: activity.capacity,
        eligibility: activity.eligibility,
        skills: activity.skills,
        organiserName: activity.organiserName,
        contact: activity.contact,
        concentrated: activity.concentrated,
        cancelDeadlineHours: activity.cancelDeadlineHours,
      }
    : {
        kind: 'volunteer_service',
        regionId: regionRole?.scopeId ?? null,
        repeat: 'none',
        repeatCount: 4,
        capacity: 20,
        eligibility: 'anyone',
        skills: [],
        organiserName: user.displayName,
        concentrated: false,
      };

  const onFinish = async (values: Values) => {
    if (!values.time || !values.regionId) return;
    if (activity) {
      const body: UpdateActivityBody = {
        kind: values.kind,
        title: values.title.trim(),
        description: values.description?.trim() ?? '',
        place: values.place.trim(),
        startsAt: values.time[0].toISOString(),
        endsAt: values.time[1].toISOString(),
        capacity: values.capacity,
        eligibility: values.eligibility,
        skills: values.skills,
        organiserName: values.organiserName?.trim() ?? '',
        contact: values.contact.trim(),
        concentrated: values.concentrated,
        ...(values.cancelDeadlineHours !== null && values.cancelDeadlineHours !== undefined ? { cancelDeadlineHours: values.cancelDeadlineHours } : {}),
      };
      const saved = await api.patch<Activity>(`/volunteering/activities/${encodeURIComponent(activity.id)}`, body);
      feedback.ok(t('activityForm.saved'));
      onSaved([saved]);
    } else {
      const body: PublishActivityBody = {
        kind: values.kind,
        title: values.title.trim(),
        description: values.description?.trim() ?? '',
        place: values.place.trim(),
        shifts: shiftsOf(values.time, values.repeat, values.repeatCount),
        regionId: values.regionId,
        capacity: values.capacity,
        eligibility: values.eligibility,
        skills: values.skills,
        contact: values.contact.trim(),
        concentrated: values.concentrated,
        ...(values.organiserName?.trim() ? { organiserName: values.organiserName.trim() } : {}),
        ...(values.cancelDeadlineHours !== null && values.cancelDeadlineHours !== undefined ? { cancelDeadlineHours: values.cancelDeadlineHours } : {}),
      };
      const saved = await api.post<ItemList<Activity>>('/volunteering/activities', body);
      feedback.ok(t('activityForm.published', { count: saved.items.length }));
      onSaved(saved.items);
    }
  };

  const half = { xs: 24, sm: 12 };
  const required = [{ required: true, message: t('field.required') }];
  const preview = !activity && time && repeat !== 'none' ? shiftsOf(time, repeat, repeatCount) : null;

  return (
    <FormDrawer<Values>
      open={open}
      onClose={onClose}
      title={activity ? t('activityForm.editTitle') : t('activityForm.newTitle')}
      width={600}
      okText={activity ? t('common.save') : t('activities.publish')}
      form={form}
      requiredMark="optional"
      initialValues={initialValues}
      onSubmit={onFinish}
      submitTestId="activity-form-submit"
    >
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="kind" label={t('activityForm.kind')} rules={required}>
            <Select options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`activityKind.${k}`) }))} data-testid="activity-form-kind" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="regionId" label={t('activityForm.region')} rules={required}>
            <RegionSelect
              kinds={['street', 'community']}
              deepest="community"
              valueLabel={activity?.regionName ?? regionRole?.scopeName ?? null}
              disabled={activity !== undefined}
              data-testid="activity-form-region"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="title" label={t('activityForm.title')} rules={[...required, { min: 2, max: 100 }]}>
        <Input maxLength={100} data-testid="activity-form-title" />
      </Form.Item>
      <Form.Item name="place" label={t('activityForm.place')} rules={[...required, { max: 200 }]}>
        <Input maxLength={200} data-testid="activity-form-place" />
      </Form.Item>
      <Form.Item
        name="time"
        label={t('activityForm.time')}
        rules={[
          ...required,
          {
            validator: (_, value: [Dayjs, Dayjs] | null) =>
              !value || value[1].isAfter(value[0]) ? Promise.resolve() : Promise.reject(new Error(t('activityForm.endBeforeStart'))),
          },
        ]}
      >
        <DatePicker.RangePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="YYYY-MM-DD HH:mm" inputReadOnly={phone} style={{ width: '100%' }} data-testid="activity-form-time" />
      </Form.Item>
      {!activity && (
        <Row gutter={12} align="bottom">
          <Col xs={24} sm={14}>
            <Form.Item name="repeat" label={t('activityForm.repeat')}>
              <Segmented<Repeat> options={(['none', 'daily', 'weekly'] as const).map((r) => ({ value: r, label: t(`activityForm.repeat.${r}`) }))} />
            </Form.Item>
          </Col>
          {repeat !== 'none' && (
            <Col xs={24} sm={10}>
              <Form.Item name="repeatCount" label={t('activityForm.repeatCount')}>
                <InputNumber min={2} max={60} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
          {preview && preview.length > 0 && (
            <Col span={24}>
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                title={t('activityForm.shiftsPreview', { count: preview.length, first: formatDateTime(preview[0]!.startsAt) })}
              />
            </Col>
          )}
        </Row>
      )}
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="capacity" label={t('activityForm.capacity')} rules={required}>
            <InputNumber min={1} max={100000} style={{ width: '100%' }} data-testid="activity-form-capacity" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="cancelDeadlineHours" label={t('activityForm.cancelDeadline')}>
            <InputNumber min={0} max={720} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="eligibility" label={t('activityForm.eligibility')} rules={required}>
        <Select options={ELIGIBILITIES.map((e) => ({ value: e, label: t(`eligibility.${e}`) }))} data-testid="activity-form-eligibility" />
      </Form.Item>
      <Form.Item name="skills" label={t('activityForm.skills')}>
        <Select mode="tags" placeholder={t('activityForm.skillsPlaceholder')} tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} />
      </Form.Item>
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item name="organiserName" label={t('activityForm.organiser')} rules={[{ max: 50 }]}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="contact" label={t('activityForm.contact')} rules={[...required, { max: 50 }]}>
            <Input maxLength={50} data-testid="activity-form-contact" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="description" label={t('activityForm.description')} rules={[{ max: 4000 }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} />
      </Form.Item>
      <Form.Item name="concentrated" valuePropName="checked" label={t('activityForm.concentrated')}>
        <Switch />
      </Form.Item>
    </FormDrawer>
  );
}
