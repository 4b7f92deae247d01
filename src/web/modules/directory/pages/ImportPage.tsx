import { CloudUploadOutlined, DownloadOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Grid, Progress, Radio, Result, Spin, Steps, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../app/useAuth';
import { api, fetchFile, isAbortError, toApiError, upload } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n/useI18n';
import { oneOf } from '../../../lib/params';
import { saveBlob } from '../../../lib/saveBlob';
import { PageHeader } from '../../../ui/PageHeader';
import { useFeedback } from '../../../ui/useFeedback';
import { ImportCounts } from '../components/ImportCounts';
import { ImportErrorTable } from '../components/ImportErrorTable';
import { ImportHistory } from '../components/ImportHistory';
import { ImportPreviewTable } from '../components/ImportPreviewTable';
import { IMPORT_KINDS } from '../constants';
import type { ImportKind, ImportReport } from '../types';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_BYTES = 10 * 1024 * 1024;

/** Importing a kind also needs the write permission of that kind (the server checks both). */
const WRITE_PERMISSIONS: Record<ImportKind, string> = {
  members: 'directory.member.write',
  households: 'directory.household.write',
  organizations: 'directory.organization.write',
  regions: 'directory.region.write',
};

const LIST_PAGES: Record<ImportKind, { path: string; permission: string }> = {
  members: { path: '/directory/members', permission: 'directory.member.read' },
  households: { path: '/directory/households', permission: 'directory.household.read' },
  organizations: { path: '/directory/organizations', permission: 'directory.organization.read' },
  regions: { path: '/directory/regions', permission: 'directory.region.read' },
};

interface Uploading {
  fileName: string;
  percent: number;
}

/**
 * /directory/import: bring members, households or organisations in from .xlsx in three steps —
 * pick the kind and get its template; upload the file (sent as it is, with progress); read the
 * validation report (counts, the rows with errors, a preview) and import the valid rows or give up.
 */
export function ImportPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { can } = useAuth();
  const feedback = useFeedback();
  const phone = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const kinds = IMPORT_KINDS.filter((k) => can(WRITE_PERMISSIONS[k]));
  const kind = oneOf<ImportKind>(params.get('kind'), kinds) ?? kinds[0] ?? 'members';
  const [uploading, setUploading] = useState<Uploading | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [committing, setCommitting] = useState<number | null>(null);
  const [discarding, setDiscarding] = useState(false);
  const [result, setResult] = useState<ImportReport | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [historyVersion, setHistoryVersion] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const uploadAbort = useRef<AbortController | null>(null);

  // A clock for the commit's progress while it runs.
  useEffect(() => {
    if (committing === null) return undefined;
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [committing]);
  // Leaving the page stops an upload on its way.
  useEffect(() => () => uploadAbort.current?.abort(), []);

  const setKind = (next: ImportKind) => {
    const p = new URLSearchParams(params);
    p.set('kind', next);
    setParams(p, { replace: true });
  };

  const startOver = () => {
    setReport(null);
    setResult(null);
    setUploadError(null);
  };

  /** Opens a validated batch from the recent list again, to commit or discard it. */
  const resume = async (batchId: string) => {
    try {
      const batch = await api.get<ImportReport>(`/imports/${encodeURIComponent(batchId)}`);
      setResult(null);
      setUploadError(null);
      setKind(batch.kind);
      setReport(batch);
      window.scrollTo({ top: 0, behavior: 'smooth' });
    } catch (error) {
      feedback.fail(error);
    }
  };

  const downloadTemplate = async () => {
    setDownloading(true);
    try {
      const file = await fetchFile(`/imports/templates/${kind}`);
      saveBlob(file.blob, file.fileName ?? `${t(`importKind.${kind}`)}${t('import.templateSuffix')}.xlsx`);
    } catch (error) {
      feedback.fail(error);
    } finally {
      setDownloading(false);
    }
  };

  const startUpload = async (file: File) => {
    setUploadError(null);
    if (!/\.xlsx$/i.test(file.name)) {
      setUploadError(t('import.wrongType'));
      return;
    }
    if (file.size > MAX_BYTES) {
      setUploadError(t('import.tooLarge'));
      return;
    }
    const controller = new AbortController();
    uploadAbort.current = controller;
    setUploading({ fileName: file.name, percent: 0 });
    try {
      const answer = await upload<ImportReport>(`/imports/${kind}`, file, {
        query: { fileName: file.name },
        contentType: XLSX,
        signal: controller.signal,
        onProgress: (fraction) =>
          setUploading((u) => (u ? { ...u, percent: Math.min(100, Math.round(fraction * 100)) } : u)),
      });
      setReport(answer);
      setHistoryVersion((v) => v + 1);
    } catch (error) {
      if (isAbortError(error)) return;
      const e = toApiError(error);
      const missing = (e.details as { missing?: unknown } | undefined)?.missing;
      const columns = Array.isArray(missing) ? missing.filter((c): c is string => typeof c === 'string') : [];
      setUploadError(
        e.status === 413
          ? t('import.tooLarge')
          : columns.length > 0
            ? `${errorText(i18n, e)} ${t('import.missingColumns', { columns: columns.join('、') })}`
            : errorText(i18n, e),
      );
    } finally {
      if (uploadAbort.current === controller) uploadAbort.current = null;
      setUploading(null);
    }
  };

  const commit = async () => {
    if (!report) return;
    const started = Date.now();
    setNow(started);
    setCommitting(started);
    try {
      const done = await api.post<ImportReport>(`/imports/${encodeURIComponent(report.batchId)}/commit`);
      setResult(done);
      setReport(null);
      setHistoryVersion((v) => v + 1);
    } catch (error) {
      feedback.fail(error);
    } finally {
      setCommitting(null);
    }
  };

  const discard = async () => {
    if (!report) return;
    setDiscarding(true);
    try {
      await api.delete(`/imports/${encodeURIComponent(report.batchId)}`);
      feedback.ok(t('import.discarded'));
      startOver();
      setHistoryVersion((v) => v + 1);
    } catch (error) {
      feedback.fail(error);
    } finally {
      setDiscarding(false);
    }
  };

  const kindLabel = t(`importKind.${kind}`);

  // --- steps 1 and 2: kind, template, upload (one screen) ----------------------------------------
  const chooseAndUpload = (
    <Flex vertical gap="middle">
      <div data-testid="import-kind">
        <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
          {t('import.kind')}
        </Typography.Text>
        <Radio.Group
          value={kind}
          onChange={(e) => setKind(e.target.value as ImportKind)}
          optionType="button"
          buttonStyle="solid"
          disabled={uploading !== null}
          options={kinds.map((k) => ({ value: k, label: <span data-testid={`import-kind-${k}`}>{t(`importKind.${k}`)}</span> }))}
          aria-label={t('import.kind')}
        />
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 13 }}>
          {t('import.columns', { columns: t(`import.kindHelp.${kind}`) })}
        </Typography.Paragraph>
      </div>
      <Flex gap="small" align="center" wrap>
        <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void downloadTemplate()} data-testid="import-template">
          {t('import.downloadTemplate', { kind: kindLabel })}
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t('import.templateHint')}
        </Typography.Text>
      </Flex>
      <div data-testid="import-upload">
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          showUploadList={false}
          disabled={uploading !== null}
          beforeUpload={(file) => {
            void startUpload(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{phone ? t('import.tapToPick', { kind: kindLabel }) : t('import.dropHere', { kind: kindLabel })}</p>
          <p className="ant-upload-hint">{t('import.uploadHint')}</p>
        </Upload.Dragger>
      </div>
      {uploading && (
        <Card size="small" data-testid="import-progress">
          <Flex gap="small" align="center">
            <FileExcelOutlined style={{ color: '#217346', fontSize: 20 }} />
            <Typography.Text ellipsis style={{ flex: 1 }}>
              {uploading.fileName}
            </Typography.Text>
            <Button size="small" onClick={() => uploadAbort.current?.abort()}>
              {t('common.cancel')}
            </Button>
          </Flex>
          <Progress percent={uploading.percent} status="active" />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {uploading.percent < 100 ? t('import.uploading') : t('import.validating')}
          </Typography.Text>
        </Card>
      )}
      {uploadError && <Alert type="error" showIcon title={uploadError} data-testid="import-upload-error" />}
    </Flex>
  );

  // --- step 3: report, commit, result -----------------------------------------------------------
  const elapsed = committing === null ? 0 : (now - committing) / 1000;
  // The server says nothing until it is done: estimate ~3,000 rows a second and never claim 100 %.
  const expected = Math.max(2, (report?.validRows ?? 0) / 3000);
  const commitPercent = Math.min(95, Math.round((elapsed / expected) * 90));
  const list = LIST_PAGES[kind];

  const reportStep = result ? (
    <Result
      status="success"
      title={t('import.doneTitle', { n: result.toCreate + result.toUpdate + result.unchanged })}
      subTitle={t('import.doneSummary', { created: result.toCreate, updated: result.toUpdate, unchanged: result.unchanged })}
      data-testid="import-result"
      extra={[
        <Button key="again" type="primary" icon={<CloudUploadOutlined />} onClick={startOver} data-testid="import-again">
          {t('import.again')}
        </Button>,
        can(list.permission) && (
          <Link key="list" to={list.path}>
            <Button>{t('import.viewList', { kind: kindLabel })}</Button>
          </Link>
        ),
      ]}
    >
      {result.errorRows > 0 && (
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginBottom: 0 }}>
          {t('import.skipped', { n: result.errorRows })}
        </Typography.Paragraph>
      )}
    </Result>
  ) : report ? (
    committing !== null ? (
      <Flex vertical align="center" gap="middle" style={{ padding: '32px 0' }} data-testid="import-committing">
        <Spin size="large" />
        <Typography.Text strong>{t('import.committing', { n: report.validRows })}</Typography.Text>
        <Progress percent={commitPercent} status="active" style={{ maxWidth: 420 }} showInfo={false} />
        <Typography.Text type="secondary">{t('import.elapsed', { n: Math.floor(elapsed) })}</Typography.Text>
      </Flex>
    ) : (
      <Flex vertical gap="middle" data-testid="import-report">
        <Typography.Text type="secondary">
          <FileExcelOutlined style={{ color: '#217346' }} /> {report.fileName} · {t(`importKind.${report.kind}`)}
        </Typography.Text>
        <ImportCounts report={report} />
        {report.errorRows > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={t('import.hasErrors', { n: report.errorRows })}
            description={t(report.validRows > 0 ? 'import.hasErrorsHelp' : 'import.noValidRows')}
          />
        ) : (
          <Alert type="success" showIcon title={t('import.noErrors')} />
        )}
        <Flex gap="small" wrap>
          <Button
            type="primary"
            disabled={report.validRows === 0}
            onClick={() => void commit()}
            data-testid="import-commit"
          >
            {t('import.commit', { n: report.validRows })}
          </Button>
          <Button loading={discarding} onClick={() => void discard()} data-testid="import-discard">
            {t('import.discard')}
          </Button>
        </Flex>
        {report.errors.length > 0 && (
          <div>
            <Typography.Title level={5}>{t('import.errorsTitle')}</Typography.Title>
            <ImportErrorTable errors={report.errors} />
          </div>
        )}
        <div>
          <Typography.Title level={5}>{t('import.previewTitle', { n: report.preview.length })}</Typography.Title>
          <ImportPreviewTable rows={report.preview} />
        </div>
      </Flex>
    )
  ) : null;

  return (
    <>
      <PageHeader title={t('import.title')} />
      <Flex vertical gap="middle">
        <Card styles={{ body: { padding: phone ? 12 : 24 } }}>
          <Steps
            current={result ?? report ? 2 : uploading ? 1 : 0}
            size="small"
            responsive={false}
            titlePlacement={phone ? 'vertical' : 'horizontal'}
            style={{ marginBottom: 24 }}
            items={[{ title: t('import.step.kind') }, { title: t('import.step.upload') }, { title: t('import.step.report') }]}
            data-testid="import-steps"
          />
          {kinds.length === 0 ? (
            <Result status="info" title={t('import.nothingToImport')} data-testid="import-none" />
          ) : (
            (reportStep ?? chooseAndUpload)
          )}
        </Card>
        <ImportHistory version={historyVersion} onResume={(batchId) => void resume(batchId)} />
      </Flex>
    </>
  );
}
