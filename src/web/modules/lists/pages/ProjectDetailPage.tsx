import { AuditOutlined, CheckOutlined, EditOutlined, FlagOutlined, SendOutlined, StarOutlined, StopOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Rate, Result, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { PageSpinner } from '../../../ui/PageSpinner';
import { useFeedback } from '../../../ui/useFeedback';
import { filled } from '../forms';
import { ReasonModal } from '../../../ui/ReasonModal';
import { AssignModal } from '../components/AssignModal';
import { CategoryTag } from '../components/CategoryTag';
import { ClaimList } from '../components/ClaimList';
import { ClaimModal } from '../components/ClaimModal';
import { MilestoneList } from '../components/MilestoneList';
import { MilestoneProgress } from '../components/MilestoneProgress';
import { ProjectFormDrawer } from '../components/ProjectFormDrawer';
import { RateModal } from '../components/RateModal';
import { ReportProgressModal } from '../components/ReportProgressModal';
import { ReportTimeline } from '../components/ReportTimeline';
import { SignOffModal } from '../components/SignOffModal';
import { StatusTag } from '../components/StatusTag';
import type { Milestone, ProjectDetail } from '../types';

type Dialog = 'edit' | 'cancel' | 'claim' | 'assign' | 'signOff' | 'rate' | null;

/**
 * /lists/projects/:id: one co-building project. The community edits, publishes, assigns or cancels
 * it and signs it off (or sends it back with a reason); units and members claim it, answer an
 * assignment, report progress on each milestone with notes and photos and ask for sign-off;
 * residents served rate it. Which buttons show comes from the server's `actions`.
 */
export function ProjectDetailPage() {
  const { id = '' } = useParams();
  const { t, formatDate } = useI18n();
  const feedback = useFeedback();
  const { modal } = App.useApp();
  const loaded = useApi<ProjectDetail>(`/lists/projects/${encodeURIComponent(id)}`);
  const [latest, setLatest] = useState<ProjectDetail | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reporting, setReporting] = useState<Milestone | null>(null);
  const [busy, setBusy] = useState(false);

  const project = latest?.id === id ? latest : loaded.data?.id === id ? loaded.data : undefined;

  // After an action that answers with a claim, not the project, read the project again.
  const refresh = () => {
    api.get<ProjectDetail>(`/lists/projects/${encodeURIComponent(id)}`).then(setLatest, (error: unknown) => feedback.fail(error));
  };

  const post = async (action: 'publish' | 'submit', done: string) => {
    if (!project) return;
    setBusy(true);
    try {
      const saved = await api.post<ProjectDetail>(`/lists/projects/${encodeURIComponent(project.id)}/${action}`);
      feedback.ok(done);
      setLatest(saved);
    } catch (error) {
      feedback.fail(error);
    } finally {
      setBusy(false);
    }
  };

  const submit = () => {
    if (!project) return;
    modal.confirm({
      title: t('lists.project.submitTitle'),
      content: t('lists.project.submitHelp', { done: project.milestonesDone, total: project.milestonesTotal }),
      okText: t('lists.project.submit'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'project-submit-confirm' },
      onOk: () => post('submit', t('lists.project.submitted')),
    });
  };

  const cancel = async (reason: string) => {
    if (!project) return;
    const saved = await api.post<ProjectDetail>(`/lists/projects/${encodeURIComponent(project.id)}/cancel`, { reason });
    setDialog(null);
    feedback.ok(t('lists.project.cancelled'));
    setLatest(saved);
  };

  if (loaded.error?.status === 404) {
    return (
      <Result
        status="404"
        title={t('error.NOT_FOUND')}
        extra={
          <Link to="/lists/projects">
            <Button>{t('lists.project.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  if (!project) return loaded.error ? <ErrorAlert error={loaded.error} onRetry={loaded.reload} /> : <PageSpinner />;

  const p = project;
  const a = p.actions;
  const lastSentBack = p.status === 'in_progress' ? [...p.signOffs].sort((x, y) => y.createdAt.localeCompare(x.createdAt))[0] : undefined;

  return (
    <>
      <PageHeader
        crumbs={[{ title: t('lists.project.listTitle', { year: p.year }), to: `/lists/projects${p.year ? `?year=${p.year}` : ''}` }]}
        title={p.title}
        extra={
          <>
            {a.claim && (
              <Button type="primary" icon={<FlagOutlined />} onClick={() => setDialog('claim')} data-testid="project-claim">
                {t('lists.claim.action')}
              </Button>
            )}
            {a.submit && p.milestonesDone >= p.milestonesTotal && (
              <Button type="primary" icon={<SendOutlined />} loading={busy} onClick={submit} data-testid="project-submit">
                {t('lists.project.submit')}
              </Button>
            )}
            {a.signOff && (
              <Button type="primary" icon={<AuditOutlined />} onClick={() => setDialog('signOff')} data-testid="project-signoff">
                {t('lists.signOff.action')}
              </Button>
            )}
            {a.rate && (
              <Button icon={<StarOutlined />} onClick={() => setDialog('rate')} data-testid="project-rate">
                {t('lists.rating.action')}
              </Button>
            )}
            {a.publish && (
              <Button type="primary" icon={<CheckOutlined />} loading={busy} onClick={() => void post('publish', t('lists.project.published'))} data-testid="project-publish">
                {t('lists.publish')}
              </Button>
            )}
            {a.assign && (
              <Button icon={<UserAddOutlined />} onClick={() => setDialog('assign')} data-testid="project-assign">
                {t('lists.claim.assign')}
              </Button>
            )}
            {a.edit && (
              <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="project-edit">
                {t('common.edit')}
              </Button>
            )}
            {a.cancel && (
              <Button danger icon={<StopOutlined />} onClick={() => setDialog('cancel')} data-testid="project-cancel">
                {t('lists.project.cancel')}
              </Button>
            )}
          </>
        }
      />
      {lastSentBack?.decision === 'sent_back' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('lists.signOff.sentBackBy', { name: lastSentBack.decidedBy })}
          description={lastSentBack.reason ?? undefined}
          data-testid="project-sent-back"
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <Card size="small">
              <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
                <span data-testid="project-status" data-status={p.status}>
                  <StatusTag of="project" status={p.status} />
                </span>
                <Tag>{t('lists.yearLabel', { year: p.year })}</Tag>
                <MilestoneProgress done={p.milestonesDone} total={p.milestonesTotal} width={160} />
              </Flex>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'community', label: t('lists.community'), children: p.communityName },
                  { key: 'lead', label: t('lists.project.leadUnit'), children: p.leadUnitName ?? '' },
                  { key: 'budget', label: t('lists.budgetYuan'), children: p.budgetYuan === null ? '' : p.budgetYuan.toLocaleString() },
                  { key: 'slots', label: t('lists.project.claims'), children: t('lists.project.slots', { taken: p.slotsTaken, total: p.claimSlots }) },
                  { key: 'next', label: t('lists.project.nextDueOn'), children: formatDate(p.nextDueOn) },
                  {
                    key: 'rating',
                    label: t('lists.project.rating'),
                    children:
                      p.ratingAverage === null ? (
                        t('lists.rating.none')
                      ) : (
                        <span>
                          <Rate disabled allowHalf value={Math.round(p.ratingAverage * 2) / 2} style={{ fontSize: 14 }} /> {p.ratingAverage.toFixed(1)} ({p.ratingCount})
                        </span>
                      ),
                  },
                ].filter(filled)}
              />
              {p.goal && (
                <>
                  <Typography.Title level={5}>{t('lists.project.goal')}</Typography.Title>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.goal}</Typography.Paragraph>
                </>
              )}
              {p.needs.length > 0 && (
                <Flex vertical gap={4} style={{ marginBottom: 8 }} data-testid="project-needs">
                  <Typography.Text type="secondary">{t('lists.project.needs')}</Typography.Text>
                  {p.needs.map((n) => (
                    <Flex key={n.id} gap={6} align="center" wrap>
                      <Link to={`/lists/needs/${encodeURIComponent(n.id)}`}>{n.title}</Link>
                      <CategoryTag category={n.category} />
                    </Flex>
                  ))}
                </Flex>
              )}
              {p.resources.length > 0 && (
                <Flex vertical gap={4} data-testid="project-resources">
                  <Typography.Text type="secondary">{t('lists.project.resources')}</Typography.Text>
                  {p.resources.map((r) => (
                    <span key={r.id}>
                      <Link to={`/lists/resources/${encodeURIComponent(r.id)}`}>{r.title}</Link>
                      <Typography.Text type="secondary"> · {r.unitName}</Typography.Text>
                    </span>
                  ))}
                </Flex>
              )}
            </Card>
            <Card size="small" title={t('lists.project.milestones')}>
              <MilestoneList milestones={p.milestones} reports={p.reports} canReport={a.report} onReport={setReporting} />
            </Card>
            <Card size="small" title={t('lists.report.listTitle')}>
              <ReportTimeline reports={p.reports} signOffs={p.signOffs} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <Card size="small" title={t('lists.project.claims')}>
              <ClaimList claims={p.claims} onChanged={refresh} />
            </Card>
            {p.ratings.length > 0 && (
              <Card size="small" title={t('lists.rating.listTitle')} data-testid="ratings">
                <Flex vertical gap={8}>
                  {p.ratings.map((r, i) => (
                    <Flex key={`${r.raterName}-${i}`} vertical gap={0}>
                      <Flex gap={8} align="center">
                        <Rate disabled value={r.stars} style={{ fontSize: 14 }} />
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {r.raterName} · {formatDate(r.createdAt)}
                        </Typography.Text>
                      </Flex>
                      {r.comment && <Typography.Text>{r.comment}</Typography.Text>}
                    </Flex>
                  ))}
                </Flex>
              </Card>
            )}
          </Flex>
        </Col>
      </Row>
      <ProjectFormDrawer
        open={dialog === 'edit'}
        project={p}
        onClose={() => setDialog(null)}
        onSaved={(saved) => {
          setDialog(null);
          setLatest(saved);
        }}
      />
      <ClaimModal
        project={p}
        open={dialog === 'claim'}
        onClose={() => setDialog(null)}
        onClaimed={() => {
          setDialog(null);
          refresh();
        }}
      />
      <AssignModal
        project={p}
        open={dialog === 'assign'}
        onClose={() => setDialog(null)}
        onAssigned={() => {
          setDialog(null);
          refresh();
        }}
      />
      <SignOffModal
        project={p}
        open={dialog === 'signOff'}
        onClose={() => setDialog(null)}
        onDone={(saved) => {
          setDialog(null);
          setLatest(saved);
        }}
      />
      <RateModal
        project={p}
        open={dialog === 'rate'}
        onClose={() => setDialog(null)}
        onRated={(saved) => {
          setDialog(null);
          setLatest(saved);
        }}
      />
      <ReportProgressModal
        projectId={p.id}
        milestone={reporting}
        onClose={() => setReporting(null)}
        onReported={(saved) => {
          setReporting(null);
          setLatest(saved);
        }}
      />
      <ReasonModal
        open={dialog === 'cancel'}
        title={t('lists.project.cancelTitle', { title: p.title })}
        okText={t('lists.project.cancel')}
        onSubmit={cancel}
        onClose={() => setDialog(null)}
        data-testid="project-cancel-form"
      />
    </>
  );
}
