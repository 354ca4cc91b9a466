import crypto from 'node:crypto';
import { type AttachmentFileType, attachmentFileTypes } from '@tongxin/common/proposals/attachments.ts';
import { AppError } from '../../../../platform/http/app-error.ts';
import { nameMatches, recogniseFile } from '../file-types.ts';
import type { Upload } from '../read-upload.ts';

export interface CheckedFile {
  fileName: string;
  fileType: AttachmentFileType;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  data: Buffer;
}

/**
 * An upload whose content is one of `allowed` and whose name says so; otherwise `code` (415) with what the
 * content was recognised as, so the message can be acted on ("this .docx is really a PDF").
 */
export function checkedFile(
  upload: Upload,
  allowed: readonly AttachmentFileType[],
  code: 'ATTACHMENT_TYPE' | 'SCAN_TYPE',
): CheckedFile {
  const found = recogniseFile(upload.data);
  if (!found || !allowed.includes(found.type) || !nameMatches(upload.fileName, found.type)) {
    throw new AppError(code, {
      fileName: upload.fileName,
      detected: found ? attachmentFileTypes[found.type].label : null,
      allowed: allowed.map((t) => attachmentFileTypes[t].label),
    });
  }
  return {
    fileName: upload.fileName,
    fileType: found.type,
    mimeType: found.mime,
    sizeBytes: upload.data.length,
    sha256: crypto.createHash('sha256').update(upload.data).digest('hex'),
    data: upload.data,
  };
}

/** What the audit row keeps of a file (never the bytes). */
export const fileFacts = (f: { fileName: string; fileType: string; sizeBytes: number; sha256: string }) => ({
  fileName: f.fileName,
  fileType: f.fileType,
  sizeBytes: f.sizeBytes,
  sha256: f.sha256,
});
