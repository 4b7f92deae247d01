import { CheckOutlined, EditOutlined, ProjectOutlined, RedoOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Grid, Result, Row, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useAuth } from '../../../app/useAuth';
import { api } from '../../../lib/api';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useApi } from '../../../lib/useApi';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { PageHeader } from '../../../ui/PageHeader';
import { PageSpinner } from '../../../ui/PageSpinner';
import { useFeedback } from '../../../ui/useFeedback';
import { filled } from '../forms';
import { ReasonModal } from '../../../ui/ReasonModal';
import { AttachmentThumbs } from '../components/AttachmentThumbs';
import { CategoryTag } from '../components/CategoryTag';
import { NeedFormDrawer } from '../components/NeedFormDrawer';
import { PriorityTag } from '../components/PriorityTag';
import { ProjectFormDrawer } from '../components/ProjectFormDrawer';
import { ResourceSuggestionList } from '../components/ResourceSuggestionList';
import { StatusTag } from '../components/StatusTag';
import type { Need } from '../types';

/**
 * /lists/needs/:id: one need. Its community edits, publishes, closes (with a reason) or reopens it,
 * and turns it into a project; everyone who sees it sees the resources and units most likely to
 * answer it, with the reasons of each match, and the way to the community's projects to claim.
 */
export function NeedDetailPage() {
  const { id = '' } = useParams();
  const { t, formatDate, formatDateTime } = useI18n();
  const { can } = useAuth();
  const feedback = useFeedback();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const loaded = useApi<Need>(`/lists/needs/${encodeURIComponent(id)}`);
  const [latest, setLatest] = useState<Need | null>(null);
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState(false);
  const [planning, setPlanning] = useState(false);
  const [busy, setBusy] = useState(false);

  const need = latest?.id === id ? latest : loaded.data?.id === id ? loaded.data : undefined;

  const act = async (action: 'publish' | 'reopen') => {
    if (!need) return;
    setBusy(true);
    try {
      const saved = await api.post<Need>(`/lists/needs/${encodeURIComponent(need.id)}/${action}`);
      setLatest(saved);
      feedback.ok(t(action === 'publish' ? 'lists.need.published' : 'lists.need.reopened'));
    } catch (error) {
      feedback.fail(error);
    } finally {
      setBusy(false);
    }
  };

  const close = async (reason: string) => {
    if (!need) return;
    const saved = await api.post<Need>(`/lists/needs/${encodeURIComponent(need.id)}/close`, { reason });
    setLatest(saved);
    setClosing(false);
    feedback.ok(t('lists.need.closed'));
  };

  if (loaded.error?.status === 404) {
    return (
      <Result
        status="404"
        title={t('error.NOT_FOUND')}
        extra={
          <Link to="/lists/needs">
            <Button>{t('lists.need.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  if (!need) return loaded.error ? <ErrorAlert error={loaded.error} onRetry={loaded.reload} /> : <PageSpinner />;

  const size = [
    need.peopleNeeded !== null ? t('lists.need.people', { n: need.peopleNeeded }) : null,
    need.budgetYuan !== null ? t('lists.yuan', { n: need.budgetYuan.toLocaleString() }) : null,
    need.materials,
  ].filter(Boolean);

  return (
    <>
      <PageHeader
        crumbs={[{ title: t('lists.need.listTitle'), to: '/lists/needs' }]}
        title={need.title}
        extra={
          need.canEdit && (
            <>
              {need.status !== 'closed' && (
                <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="need-edit">
                  {t('common.edit')}
                </Button>
              )}
              {need.status === 'draft' && (
                <Button type="primary" icon={<CheckOutlined />} loading={busy} onClick={() => void act('publish')} data-testid="need-publish">
                  {t('lists.publish')}
                </Button>
              )}
              {need.status === 'closed' ? (
                <Button icon={<RedoOutlined />} loading={busy} onClick={() => void act('reopen')} data-testid="need-reopen">
                  {t('lists.need.reopen')}
                </Button>
              ) : (
                <Button danger icon={<StopOutlined />} onClick={() => setClosing(true)} data-testid="need-close">
                  {t('lists.need.close')}
                </Button>
              )}
              {need.status === 'published' && can('lists.project.write') && (
                <Button icon={<ProjectOutlined />} onClick={() => setPlanning(true)} data-testid="need-make-project">
                  {t('lists.need.makeProject')}
                </Button>
              )}
            </>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small">
            <Flex gap={6} wrap align="center" style={{ marginBottom: 12 }}>
              <span data-testid="need-status" data-status={need.status}>
                <StatusTag of="need" status={need.status} />
              </span>
              <CategoryTag category={need.category} />
              <PriorityTag priority={need.priority} always />
            </Flex>
            {need.status === 'closed' && need.closeReason && (
              <Alert type="warning" showIcon title={t('lists.need.closedBecause', { reason: need.closeReason })} style={{ marginBottom: 12 }} />
            )}
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'community', label: t('lists.community'), children: need.streetName ? `${need.communityName}（${need.streetName}）` : need.communityName },
                { key: 'place', label: t('lists.place'), children: need.place ?? '' },
                {
                  key: 'window',
                  label: t('lists.need.window'),
                  children: need.startsOn || need.endsOn ? t('lists.dateRange', { from: formatDate(need.startsOn), to: formatDate(need.endsOn) }) : '',
                },
                { key: 'size', label: t('lists.need.size'), children: size.join(' · ') },
                { key: 'beneficiaries', label: t('lists.need.beneficiaries'), children: need.beneficiaries ?? '' },
                { key: 'projects', label: t('lists.need.projects'), children: need.projectCount },
                { key: 'published', label: t('lists.publishedAt'), children: formatDateTime(need.publishedAt) },
                { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(need.updatedAt) },
              ].filter(filled)}
            />
            {need.description && (
              <Typography.Paragraph style={{ marginTop: 12, whiteSpace: 'pre-wrap' }} data-testid="need-description">
                {need.description}
              </Typography.Paragraph>
            )}
            <AttachmentThumbs attachments={need.attachments} size={screens.md ? 96 : 72} />
            <Flex gap={8} wrap style={{ marginTop: 12 }}>
              <Link to={`/lists/projects?communityId=${encodeURIComponent(need.communityId)}`} data-testid="need-community-projects">
                <Button size="small">{t('lists.need.communityProjects', { community: need.communityName })}</Button>
              </Link>
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <ResourceSuggestionList needId={need.id} canJudge={need.canEdit && can('lists.need.write')} />
        </Col>
      </Row>
      <NeedFormDrawer
        open={editing}
        need={need}
        onClose={() => setEditing(false)}
        onSaved={(n) => {
          setEditing(false);
          setLatest(n);
        }}
      />
      <ProjectFormDrawer
        open={planning}
        project={null}
        draft={{ communityId: need.communityId, needIds: [need.id], title: need.title }}
        onClose={() => setPlanning(false)}
        onSaved={(p) => {
          setPlanning(false);
          void navigate(`/lists/projects/${encodeURIComponent(p.id)}`);
        }}
      />
      <ReasonModal
        open={closing}
        title={t('lists.need.closeTitle', { title: need.title })}
        okText={t('lists.need.close')}
        onSubmit={close}
        onClose={() => setClosing(false)}
        data-testid="need-close-form"
      />
    </>
  );
}
