import {
  type AttachmentFileType,
  attachmentFileTypes,
  extensionOf,
} from '@tongxin/common/proposals/attachments.ts';
import { zipEntries } from '../../../platform/documents/zip-entries.ts';
import { oleStreamNames } from './ole-directory.ts';

const PDF = Buffer.from('%PDF-');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export interface Recognised {
  type: AttachmentFileType;
  /** The MIME type to serve it with (text carries its charset). */
  mime: string;
}

/**
 * What a file is, from its bytes alone: a signature at the start, and for the container formats the
 * names inside (a .docx is a ZIP holding `word/document.xml`, an OFD one holding `OFD.xml`, a .doc an OLE
 * file holding a `WordDocument` stream). `null` = none of the accepted types — an .exe, an .msi (also OLE),
 * a plain ZIP, a file with macros, HTML, anything else.
 */
export function recogniseFile(buf: Buffer): Recognised | null {
  const type = detectType(buf);
  if (!type) return null;
  if (type === 'txt') return { type, mime: `text/plain; charset=${textCharset(buf)}` };
  return { type, mime: attachmentFileTypes[type].mime };
}

function detectType(buf: Buffer): AttachmentFileType | null {
  const starts = (sig: Buffer) => buf.length >= sig.length && buf.subarray(0, sig.length).equals(sig);
  if (starts(PDF)) return 'pdf';
  if (starts(PNG)) return 'png';
  if (starts(JPEG)) return 'jpeg';
  if (starts(OLE)) {
    const names = oleStreamNames(buf);
    if (!names) return null;
    // Macros are refused here too: a .doc keeps them in `Macros`, an .xls in `_VBA_PROJECT_CUR`.
    if (names.has('macros') || names.has('_vba_project_cur')) return null;
    if (names.has('worddocument')) return 'doc';
    if (names.has('workbook') || names.has('book')) return 'xls';
    return null;
  }
  const zip = zipEntries(buf);
  if (zip) {
    // Macros are refused: a .docm/.xlsm renamed .docx/.xlsx carries vbaProject.bin.
    if ([...zip.keys()].some((n) => n.toLowerCase().endsWith('vbaproject.bin'))) return null;
    const office = zip.has('[Content_Types].xml');
    if (office && zip.has('word/document.xml')) return 'docx';
    if (office && zip.has('xl/workbook.xml')) return 'xlsx';
    if (zip.has('OFD.xml')) return 'ofd';
    return null;
  }
  return textCharset(buf) ? 'txt' : null;
}

/**
 * `utf-8` or `gb18030` when the whole file decodes strictly in that encoding and holds no control
 * characters but tab, line breaks and form feed (binaries always do); `null` otherwise.
 */
function textCharset(buf: Buffer): 'utf-8' | 'gb18030' | null {
  for (const charset of ['utf-8', 'gb18030'] as const) {
    let text: string;
    try {
      text = new TextDecoder(charset, { fatal: true }).decode(buf);
    } catch {
      continue;
    }
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we look for
    return /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text) ? null : charset;
  }
  return null;
}

/** The name's extension is one of the recognised type's (`报告.PDF` is a PDF, `报告.docx` holding a PDF is not). */
export function nameMatches(fileName: string, type: AttachmentFileType): boolean {
  return (attachmentFileTypes[type].extensions as readonly string[]).includes(extensionOf(fileName));
}

/**
 * A file name safe to store and send back: no folders (some browsers send a path), no control characters,
 * at most 200 characters with the extension kept.
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are removed on purpose
  const name = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  if (name.length <= 200) return name;
  const ext = extensionOf(name);
  return `${name.slice(0, 200 - ext.length - 1)}.${ext}`;
}
