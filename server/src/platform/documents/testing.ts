/** Helpers for the tests of this folder: reading generated files back, and writing ZIP files by hand. */
import { crc32, deflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import { readZipEntry } from './zip-entries.ts';

/** The non-empty paragraphs of a .docx as mammoth reads them (table cells are paragraphs too). */
export async function docxParagraphs(buffer: Buffer): Promise<string[]> {
  const { value } = await mammoth.extractRawText({ buffer });
  return value.split('\n').filter((l) => l.trim() !== '');
}

/** One XML part of a .docx as text. */
export function docxPart(buffer: Buffer, name = 'word/document.xml'): string {
  const bytes = readZipEntry(buffer, name);
  if (!bytes) throw new Error(`no ${name}`);
  return bytes.toString('utf8');
}

/** The runs (`<w:r>…</w:r>`) of an XML part that hold text. */
export function textRuns(xml: string): string[] {
  return [...xml.matchAll(/<w:r>.*?<\/w:r>/gs)].map((m) => m[0]).filter((r) => r.includes('<w:t'));
}

/** The text of a run. */
export const runText = (run: string): string =>
  [...run.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

/**
 * A ZIP archive of the given files, deflated (or stored, for names in `stored`). `declaredSize` overrides the size
 * the directory claims for a file, as a crafted upload might.
 */
export function makeZip(
  files: Record<string, string | Buffer>,
  options: { stored?: string[]; declaredSize?: Record<string, number> } = {},
): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const stored = options.stored?.includes(name) ?? false;
    const body = stored ? data : deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const size = options.declaredSize?.[name] ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
