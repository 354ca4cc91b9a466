import { DeleteOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import {
  type AttachmentFileType,
  acceptOf,
  attachmentFileTypes,
  extensionOf,
} from '@tongxin/common/proposals/attachments.ts';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Popconfirm, Progress, Upload } from 'antd';
import { useState } from 'react';
import { useReportError } from '../../../components/use-report-error.ts';
import { useT } from '../../../i18n/index.tsx';
import {
  type AttachmentList,
  type AttachmentView,
  attachmentsKey,
  downloadAttachment,
  formatSize,
  removeAttachment,
  uploadFile,
} from '../attachments-api.ts';
import { formatTime } from '../labels.ts';

/** The labels of file types, for hints ("PDF、Word（.docx）…"). */
export const typeLabels = (types: readonly AttachmentFileType[]) =>
  types.map((t) => attachmentFileTypes[t].label).join('、');

/** A list of files: download by name, size and who added it, and a remove button where allowed. */
export function FileItems({ proposalId, items }: { proposalId: string; items: AttachmentView[] }) {
  const t = useT();
  const { message } = App.useApp();
  const reportError = useReportError();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const remove = async (item: AttachmentView) => {
    setBusy(item.id);
    try {
      queryClient.setQueryData(attachmentsKey(proposalId), await removeAttachment(proposalId, item.id));
      message.success(t('att.removed'));
    } catch (err) {
      reportError(err);
    } finally {
      setBusy(null);
    }
  };
  return (
    <ul className="plain-list attachment-files">
      {items.map((item) => (
        <li key={item.id}>
          <Flex gap={8} align="center" wrap>
            <FileOutlined aria-hidden />
            <Button
              type="link"
              style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
              aria-label={t('att.download', { name: item.fileName })}
              onClick={() => void downloadAttachment(item).catch((e: unknown) => reportError(e))}
            >
              {item.fileName}
            </Button>
            <span className="muted">{formatSize(item.sizeBytes)}</span>
            <span className="muted">
              {item.uploadedByName
                ? t('att.uploadedBy', { name: item.uploadedByName, time: formatTime(item.createdAt) })
                : formatTime(item.createdAt)}
            </span>
            {item.canRemove && (
              <Popconfirm
                title={t('att.removeConfirm', { name: item.fileName })}
                okText={t('att.remove')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => remove(item)}
              >
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  loading={busy === item.id}
                  aria-label={t('att.removeNamed', { name: item.fileName })}
                >
                  {t('att.remove')}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        </li>
      ))}
    </ul>
  );
}

/**
 * One upload button: the allowed types and limits are checked before sending (so a person learns at
 * once), the server checks the content again and its refusal is shown as it words it; progress is shown.
 */
export function FileUploader({
  proposalId,
  path,
  types,
  list,
  count,
  label,
}: {
  proposalId: string;
  path: string;
  types: readonly AttachmentFileType[];
  list: AttachmentList;
  /** Files already counted against the limit. */
  count: number;
  label: string;
}) {
  const t = useT();
  const { message } = App.useApp();
  const reportError = useReportError();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const mb = Math.round(list.limits.maxBytes / 1024 / 1024);
  const full = count >= list.limits.maxCount;

  const check = (file: File): string | null => {
    const ext = extensionOf(file.name);
    if (!types.some((ty) => (attachmentFileTypes[ty].extensions as readonly string[]).includes(ext)))
      return t('att.badType', { name: file.name, types: typeLabels(types) });
    if (file.size > list.limits.maxBytes) return t('att.tooLarge', { name: file.name, mb });
    if (file.size === 0) return t('att.emptyFile', { name: file.name });
    return null;
  };

  const send = async (file: File) => {
    setProgress({ name: file.name, percent: 0 });
    try {
      const fresh = await uploadFile(path, file, (percent) => setProgress({ name: file.name, percent }));
      queryClient.setQueryData(attachmentsKey(proposalId), fresh);
      message.success(t('att.uploaded', { name: file.name }));
    } catch (err) {
      reportError(err);
    } finally {
      setProgress(null);
    }
  };

  return (
    <Flex vertical gap={8}>
      <p className="muted" style={{ margin: 0 }}>
        {t('att.hint', { types: typeLabels(types), mb, count: list.limits.maxCount })}
      </p>
      <Upload
        accept={acceptOf(types)}
        showUploadList={false}
        disabled={full || progress !== null}
        beforeUpload={(file) => {
          const problem = check(file);
          if (problem) message.error(problem);
          else void send(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <Button icon={<UploadOutlined />} disabled={full || progress !== null}>
          {label}
        </Button>
      </Upload>
      {full && <span className="muted">{t('att.full', { count: list.limits.maxCount })}</span>}
      {progress && (
        <div role="status">
          <span className="muted">{t('att.uploading', { name: progress.name })}</span>
          <Progress percent={progress.percent} size="small" />
        </div>
      )}
    </Flex>
  );
}
