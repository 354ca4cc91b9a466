import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/http/app-error.ts';
import { cleanFileName } from './file-types.ts';

export interface Upload {
  fileName: string;
  data: Buffer;
}

/**
 * The one file of a multipart upload, read into memory up to `maxBytes` (the committee's rule, above the
 * app's default multipart limit). A larger file is refused as a whole: nothing of it is kept.
 */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!request.isMultipart()) throw new AppError('ATTACHMENT_EMPTY');
  const part = await request.file({
    limits: { fileSize: maxBytes, files: 1 },
    throwFileSizeLimit: false,
  });
  if (!part) throw new AppError('ATTACHMENT_EMPTY');
  const data = await part.toBuffer();
  if (part.file.truncated) {
    throw new AppError('ATTACHMENT_TOO_LARGE', { maxBytes, maxMb: Math.round(maxBytes / 1024 / 1024) });
  }
  if (data.length === 0) throw new AppError('ATTACHMENT_EMPTY');
  return { fileName: cleanFileName(part.filename) || '附件', data };
}
