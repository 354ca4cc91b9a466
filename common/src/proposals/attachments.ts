/**
 * Files attached to a proposal (附件) and the scanned signed copy of a reply letter (答复函盖章扫描件).
 * The server decides a file's type from its content (magic bytes and, for Office/OFD, the archive's
 * directory), never from its name; the name's extension must agree with what the content is.
 */
export const attachmentFileTypes = {
  pdf: { label: 'PDF', mime: 'application/pdf', extensions: ['pdf'] },
  docx: {
    label: 'Word（.docx）',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  xlsx: {
    label: 'Excel（.xlsx）',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
  },
  doc: { label: 'Word 97-2003（.doc）', mime: 'application/msword', extensions: ['doc'] },
  xls: { label: 'Excel 97-2003（.xls）', mime: 'application/vnd.ms-excel', extensions: ['xls'] },
  ofd: { label: 'OFD', mime: 'application/ofd', extensions: ['ofd'] },
  jpeg: { label: 'JPEG', mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  png: { label: 'PNG', mime: 'image/png', extensions: ['png'] },
  // Plain text is kept because members paste 调研 notes as .txt; UTF-8 or GB18030 (Windows' 中文 default).
  txt: { label: '纯文本（.txt）', mime: 'text/plain', extensions: ['txt'] },
} as const;

export type AttachmentFileType = keyof typeof attachmentFileTypes;

/** What may be attached to a proposal. */
export const proposalAttachmentTypes: readonly AttachmentFileType[] = [
  'pdf',
  'docx',
  'doc',
  'xlsx',
  'xls',
  'ofd',
  'jpeg',
  'png',
  'txt',
];

/** A scan of the signed and sealed letter is a picture or a PDF. */
export const replyScanTypes: readonly AttachmentFileType[] = ['pdf', 'jpeg', 'png'];

export const attachmentKinds = ['proposal', 'reply_scan'] as const;
export type AttachmentKind = (typeof attachmentKinds)[number];

/** The `accept` attribute of a file input for these types (a hint only: the server checks the content). */
export function acceptOf(types: readonly AttachmentFileType[]): string {
  return types.flatMap((t) => attachmentFileTypes[t].extensions.map((e) => `.${e}`)).join(',');
}

/** The extension of a file name, lower case, without the dot ('' when there is none). */
export function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]{1,10})$/.exec(fileName.trim());
  return m ? m[1]!.toLowerCase() : '';
}

/** One attachment as the API lists it (the bytes are fetched from `downloadUrl`). */
export interface AttachmentView {
  id: string;
  kind: AttachmentKind;
  replyLetterId: string | null;
  fileName: string;
  fileType: AttachmentFileType;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedByName: string | null;
  createdAt: string;
  downloadUrl: string;
  canRemove: boolean;
}

/** `GET /api/proposals/:id/attachments`: the files, what the caller may add, and the limits to show. */
export interface AttachmentList {
  items: AttachmentView[];
  /** The caller may attach files to the proposal now (its draft, or returned for revision). */
  canAttach: boolean;
  /** Reply letters the caller may attach a scanned signed copy to now. */
  scanLetterIds: string[];
  limits: { maxBytes: number; maxCount: number };
}
