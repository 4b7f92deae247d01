import { PlusOutlined } from '@ant-design/icons';
import { Upload as AntUpload, type UploadFile, type UploadProps } from 'antd';
import { useState } from 'react';
import { api, toApiError } from '../../../lib/api';
import { errorText } from '../../../lib/errors';
import { useI18n } from '../../../lib/i18n/useI18n';
import { useFeedback } from '../../../ui/useFeedback';
import { MAX_ATTACHMENTS, UPLOAD_ACCEPT, UPLOAD_MAX_BYTES } from '../constants';
import type { Attachment, Upload, UploadBody } from '../types';

/** The file's bytes as base64 (without the data-URL prefix), as POST /lists/uploads wants them. */
function readBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

function toFile(a: Attachment): UploadFile<Upload | Attachment> {
  return {
    uid: a.id,
    name: a.fileName,
    status: 'done',
    url: a.url,
    thumbUrl: a.thumbnailUrl ?? undefined,
    response: a,
  };
}

/**
 * Photos (and PDFs) for a need or a progress report: each file is sent at once to POST
 * /lists/uploads (base64 in JSON; the server checks the real type from the bytes and makes the
 * thumbnail) and shown with its thumbnail. `onChange` gets the uploads that are done.
 */
export function PhotoUpload({
  value,
  onChange,
  max = MAX_ATTACHMENTS,
  'data-testid': dataTestId,
}: {
  value?: Attachment[];
  onChange?: (attachments: Attachment[]) => void;
  max?: number;
  'data-testid'?: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const feedback = useFeedback();
  const [files, setFiles] = useState<UploadFile<Upload | Attachment>[]>(() => (value ?? []).map(toFile));

  const emit = (list: UploadFile<Upload | Attachment>[]) => {
    onChange?.(list.filter((f) => f.status === 'done' && f.response).map((f) => f.response as Attachment));
  };

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    if (file.size > UPLOAD_MAX_BYTES) {
      feedback.fail(toApiError({ status: 413, code: 'PAYLOAD_TOO_LARGE', message: t('lists.upload.tooLarge') }));
      return AntUpload.LIST_IGNORE;
    }
    return true;
  };

  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError, onProgress }) => {
    const blob = file as File;
    void (async () => {
      try {
        onProgress?.({ percent: 10 });
        const body: UploadBody = { fileName: blob.name || 'photo', contentBase64: await readBase64(blob) };
        onProgress?.({ percent: 50 });
        const uploaded = await api.post<Upload>('/lists/uploads', body);
        onSuccess?.(uploaded);
      } catch (error) {
        const e = toApiError(error);
        onError?.(Object.assign(new Error(errorText(i18n, e)), { status: e.status }));
        feedback.fail(e);
      }
    })();
  };

  const handleChange: UploadProps<Upload | Attachment>['onChange'] = ({ fileList }) => {
    const next = fileList
      .filter((f) => f.status !== 'error')
      .map((f) => {
        const r = f.response;
        return f.status === 'done' && r ? { ...f, url: r.url, thumbUrl: r.thumbnailUrl ?? undefined } : f;
      });
    setFiles(next);
    emit(next);
  };

  return (
    <AntUpload<Upload | Attachment>
      listType="picture-card"
      accept={UPLOAD_ACCEPT}
      multiple
      fileList={files}
      beforeUpload={beforeUpload}
      customRequest={customRequest}
      onChange={handleChange}
      maxCount={max}
      data-testid={dataTestId}
    >
      {files.length >= max ? null : (
        <button type="button" style={{ border: 0, background: 'none', cursor: 'pointer' }} data-testid={dataTestId ? `${dataTestId}-add` : undefined}>
          <PlusOutlined />
          <div style={{ marginTop: 6, fontSize: 12 }}>{t('lists.upload.add')}</div>
        </button>
      )}
    </AntUpload>
  );
}
