import { EditOutlined, PrinterOutlined, SaveOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Form, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useAuth, useCurrentUser } from '../../../app/useAuth';
import { api } from '../../../lib/api';
import { applyFieldErrors } from '../../../lib/forms';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { PageSpinner } from '../../../ui/PageSpinner';
import { useFeedback } from '../../../ui/useFeedback';
import { toBody, toValues, type AgreementValues } from '../agreementForm';
import { AgreementDocument } from '../components/AgreementDocument';
import { AgreementFields } from '../components/AgreementFields';
import { AgreementStatusTag } from '../components/AgreementStatusTag';
import { ExpiryTag } from '../components/ExpiryTag';
import { ReasonModal } from '../../../ui/ReasonModal';
import { SignModal } from '../components/SignModal';
import { agreementSignSides } from '../sides';
import type { Agreement, AgreementSide } from '../types';
import '../registration.css';

const SIGNABLE = ['draft', 'signed_by_one'];
const ENDABLE = ['draft', 'signed_by_one', 'signed_by_both', 'in_force'];

/**
 * /registration/agreements/:id: one agreement. A draft is edited here (title, term, goals,
 * principles, tasks per side, filed copy, end condition); each side signs with its signatory's
 * name (community staff 甲方, unit admins 乙方); the agreement can be ended early with a reason.
 */
export function AgreementDetailPage() {
  const { id = '' } = useParams();
  const i18n = useI18n();
  const { t, formatDate, formatDateTime } = i18n;
  const { can } = useAuth();
  const user = useCurrentUser();
  const feedback = useFeedback();
  const loaded = useApi<Agreement>(`/agreements/${encodeURIComponent(id)}`);
  // The newest copy: what a save or a signature returned, else what was loaded.
  const [latest, setLatest] = useState<Agreement | null>(null);
  const [form] = Form.useForm<AgreementValues>();
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [signing, setSigning] = useState<AgreementSide | null>(null);
  const [ending, setEnding] = useState(false);

  const data = latest?.id === id ? latest : loaded.data?.id === id ? loaded.data : undefined;
  const editable = data?.status === 'draft' && can('agreement.write');

  const save = async (): Promise<Agreement | null> => {
    if (!data) return null;
    let values: AgreementValues;
    try {
      values = await form.validateFields();
    } catch {
      return null;
    }
    setSaving(true);
    try {
      const saved = await api.patch<Agreement>(`/agreements/${encodeURIComponent(data.id)}`, toBody(values));
      setLatest(saved);
      setDirty(false);
      feedback.ok(t('common.saved'));
      return saved;
    } catch (error) {
      if (!applyFieldErrors(form, error, i18n)) feedback.fail(error);
      return null;
    } finally {
      setSaving(false);
    }
  };

  // Unsaved changes are saved first: what is signed is what the page shows.
  const startSigning = async (side: AgreementSide) => {
    if (editable && dirty && !(await save())) return;
    setSigning(side);
  };

  const end = async (reason: string) => {
    if (!data) return;
    const ended = await api.post<Agreement>(`/agreements/${encodeURIComponent(data.id)}/end`, { reason });
    setLatest(ended);
    setEnding(false);
    feedback.ok(t('agreement.endedDone'));
  };

  if (loaded.error?.status === 404) {
    return (
      <Result
        status="404"
        title={t('error.NOT_FOUND')}
        extra={
          <Link to="/registration/agreements">
            <Button>{t('agreement.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  if (!data) return loaded.error ? <ErrorAlert error={loaded.error} onRetry={loaded.reload} /> : <PageSpinner />;

  const signSides = can('agreement.sign') && SIGNABLE.includes(data.status) ? agreementSignSides(user) : new Set<AgreementSide>();
  const canSign = (side: AgreementSide) => signSides.has(side) && (side === 'a' ? data.signedAAt : data.signedBAt) === null;
  const none = <Typography.Text type="secondary">{t('agreement.notSigned')}</Typography.Text>;
  const signed = (signatory: string | null, at: string | null) =>
    signatory && at ? t('agreement.signedBy', { name: signatory, at: formatDateTime(at) }) : none;

  return (
    <>
      <PageHeader
        crumbs={[{ title: t('agreement.listTitle'), to: '/registration/agreements' }]}
        title={data.title}
        extra={
          <>
            <Link to={`/registration/agreements/${encodeURIComponent(data.id)}/print`} data-testid="agreement-print">
              <Button icon={<PrinterOutlined />}>{t('agreement.printView')}</Button>
            </Link>
            {(['a', 'b'] as const).filter(canSign).map((side) => (
              <Button
                key={side}
                type="primary"
                icon={<EditOutlined />}
                loading={saving && signing === null}
                onClick={() => void startSigning(side)}
                data-testid={`agreement-sign-${side}`}
              >
                {t('agreement.signAs', { side: t(`agreementSide.${side}`) })}
              </Button>
            ))}
            {can('agreement.write') && ENDABLE.includes(data.status) && (
              <Button danger icon={<StopOutlined />} onClick={() => setEnding(true)} data-testid="agreement-end">
                {t('agreement.end')}
              </Button>
            )}
          </>
        }
      />
      <Flex vertical gap="middle">
        <Card size="small">
          <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
            <span data-testid="agreement-status" data-status={data.status}>
              <AgreementStatusTag status={data.status} />
            </span>
            <ExpiryTag agreement={data} />
            <Typography.Text type="secondary">
              {t('agreement.termRange', { from: formatDate(data.termStart), to: formatDate(data.termEnd) })}
            </Typography.Text>
          </Flex>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'a', label: t('agreement.partyAIs', { party: data.partyA }), children: signed(data.signatoryA, data.signedAAt) },
              { key: 'b', label: t('agreement.partyBIs', { party: data.partyB }), children: signed(data.signatoryB, data.signedBAt) },
            ]}
            data-testid="agreement-signatures"
          />
          {data.status === 'ended' && (
            <Alert
              type="warning"
              showIcon
              title={t('agreement.endedOn', { date: formatDate(data.endedAt) })}
              description={data.endReason ?? undefined}
              style={{ marginTop: 8 }}
            />
          )}
          {data.status === 'signed_by_both' && (
            <Alert type="info" showIcon title={t('agreement.waitsForTerm', { date: formatDate(data.termStart) })} style={{ marginTop: 8 }} />
          )}
        </Card>
        {editable ? (
          <Card
            title={t('agreement.editDraft')}
            extra={
              <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={!dirty} onClick={() => void save()} data-testid="agreement-save">
                {t('common.save')}
              </Button>
            }
          >
            <Alert type="info" showIcon title={t('agreement.draftHelp')} style={{ marginBottom: 16 }} />
            <Form<AgreementValues>
              // a new copy from the server starts the form again
              key={data.updatedAt}
              form={form}
              initialValues={toValues(data)}
              layout="vertical"
              onValuesChange={() => setDirty(true)}
              data-testid="agreement-form"
            >
              <AgreementFields />
            </Form>
            <Flex justify="flex-end">
              <Space>
                <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={!dirty} onClick={() => void save()}>
                  {t('common.save')}
                </Button>
              </Space>
            </Flex>
          </Card>
        ) : (
          <Card styles={{ body: { padding: 0 } }}>
            <AgreementDocument agreement={data} inline />
          </Card>
        )}
      </Flex>
      <SignModal
        agreement={data}
        side={signing}
        onClose={() => setSigning(null)}
        onSigned={(a) => {
          setSigning(null);
          setLatest(a);
        }}
      />
      <ReasonModal
        open={ending}
        title={t('agreement.endTitle', { title: data.title })}
        description={t('agreement.endHelp')}
        okText={t('agreement.end')}
        onSubmit={end}
        onClose={() => setEnding(false)}
        data-testid="agreement-end-form"
      />
    </>
  );
}
