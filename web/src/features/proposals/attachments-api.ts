import type { ErrorBody } from '@tongxin/common/errors.ts';
import type { AttachmentList, AttachmentView } from '@tongxin/common/proposals/attachments.ts';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api, download } from '../../api/client.ts';
import { getLang, t } from '../../i18n/index.tsx';
import { proposalsKey } from './api.ts';

export type { AttachmentList, AttachmentView };

/** Under the proposals key, so every workflow action (submit, send a reply …) refreshes the files too. */
export const attachmentsKey = (proposalId: string) => [...proposalsKey, 'attachments', proposalId] as const;

export function useAttachments(proposalId: string | undefined) {
  return useQuery({
    queryKey: attachmentsKey(proposalId ?? ''),
    queryFn: ({ signal }) => api<AttachmentList>(`/proposals/${proposalId}/attachments`, { signal }),
    enabled: Boolean(proposalId),
  });
}

export const proposalUploadPath = (proposalId: string) => `/proposals/${proposalId}/attachments`;
export const scanUploadPath = (replyLetterId: string) => `/reply-letters/${replyLetterId}/scans`;

/**
 * Uploads one file as multipart field `file`, reporting progress (fetch cannot), and returns the fresh
 * list. A refusal becomes the same `ApiError` as every other call, with the server's Chinese message.
 */
export function uploadFile(
  path: string,
  file: File,
  onProgress: (percent: number) => void,
): Promise<AttachmentList> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', getLang());
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError('NETWORK', t('common.networkError'), 0));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as AttachmentList);
      const e = (body as Partial<ErrorBody> | null)?.error;
      reject(
        e
          ? new ApiError(e.code, e.message, xhr.status, e.details, e.requestId)
          : new ApiError(`HTTP_${xhr.status}`, t('common.serverError', { status: xhr.status }), xhr.status),
      );
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export function removeAttachment(proposalId: string, attachmentId: string) {
  return api<AttachmentList>(`/proposals/${proposalId}/attachments/${attachmentId}`, { method: 'DELETE' });
}

export function downloadAttachment(item: AttachmentView) {
  return download(item.downloadUrl.replace(/^\/api/, ''), item.fileName);
}

/** "1.2 MB", "350 KB" — sizes as people read them. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
