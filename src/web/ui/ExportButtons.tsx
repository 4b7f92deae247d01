import { DownloadOutlined } from '@ant-design/icons';
import { Button, Popconfirm } from 'antd';
import { useState } from 'react';
import { fetchFile, type Query } from '../lib/api';
import { useI18n } from '../lib/i18n/useI18n';
import { saveBlob } from '../lib/saveBlob';
import { useFeedback } from './useFeedback';

/**
 * 导出: the list as it is filtered, to .xlsx, with masked phone and ID numbers; 完整导出 (only
 * with the reveal permission, after a confirmation) with them in full, which is audited.
 */
export function ExportButtons({
  path,
  query,
  canFull,
  fileName,
  testIdPrefix,
}: {
  /** The export route, e.g. `/members/export`. */
  path: string;
  query: Query;
  canFull: boolean;
  /** The name to save under when the server gives none (without .xlsx). */
  fileName: string;
  testIdPrefix: string;
}) {
  const { t } = useI18n();
  const feedback = useFeedback();
  const [busy, setBusy] = useState<'masked' | 'full' | null>(null);

  const run = async (full: boolean) => {
    setBusy(full ? 'full' : 'masked');
    try {
      const file = await fetchFile(path, { ...query, full });
      saveBlob(file.blob, file.fileName ?? `${fileName}.xlsx`);
      feedback.ok(t('export.done'));
    } catch (error) {
      feedback.fail(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Button
        icon={<DownloadOutlined />}
        loading={busy === 'masked'}
        disabled={busy !== null}
        onClick={() => void run(false)}
        data-testid={`${testIdPrefix}-export`}
      >
        {busy === 'masked' ? t('export.running') : t('export.masked')}
      </Button>
      {canFull && (
        <Popconfirm
          title={t('export.fullTitle')}
          description={t('export.fullConfirm')}
          okText={t('export.full')}
          cancelText={t('common.cancel')}
          onConfirm={() => run(true)}
        >
          <Button
            icon={<DownloadOutlined />}
            loading={busy === 'full'}
            disabled={busy !== null}
            data-testid={`${testIdPrefix}-export-full`}
          >
            {busy === 'full' ? t('export.running') : t('export.full')}
          </Button>
        </Popconfirm>
      )}
    </>
  );
}
