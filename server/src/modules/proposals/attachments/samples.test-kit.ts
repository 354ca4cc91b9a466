/** Small real files of every kind the attachment tests upload, and a multipart upload helper. */
import type { LightMyRequestResponse } from 'fastify';
import { Document, Packer, Paragraph } from 'docx';
import { makeZip } from '../../../platform/documents/testing.ts';
import type { Client } from '../../../test/http.ts';

export const pdf = (extra = '') =>
  Buffer.from(`%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\n% 提案附件 ${extra}\ntrailer <<>>\n%%EOF\n`);
export const png = () =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
export const jpeg = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 3)]);
/** A Windows program: "MZ", then the DOS stub. */
export const exe = () =>
  Buffer.concat([
    Buffer.from('MZ'),
    Buffer.alloc(58),
    Buffer.from('This program cannot be run in DOS mode.'),
  ]);
export const ofd = () => makeZip({ 'OFD.xml': '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>' });
export const plainZip = () => makeZip({ 'readme.txt': 'hello' });

export async function docx(): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: [new Paragraph({ text: '调研报告' })] }] });
  return Buffer.from(await Packer.toBuffer(doc));
}

/** A .docm (macros) dressed as a .docx. */
export const docm = () =>
  makeZip({
    '[Content_Types].xml': '<Types/>',
    'word/document.xml': '<w:document/>',
    'word/vbaProject.bin': 'Attribute VB_Name = "AutoOpen"',
  });

/**
 * A minimal OLE compound file (512-byte sectors: header, one FAT sector, one directory sector) whose
 * directory holds the given stream names — `WordDocument` makes a .doc, `Workbook` an .xls.
 */
export function ole(streams: string[]): Buffer {
  const buf = Buffer.alloc(512 * 3, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  buf.writeUInt16LE(0x3e, 0x18);
  buf.writeUInt16LE(3, 0x1a);
  buf.writeUInt16LE(0xfffe, 0x1c);
  buf.writeUInt16LE(9, 0x1e);
  buf.writeUInt16LE(6, 0x20);
  buf.writeUInt32LE(1, 0x2c);
  buf.writeUInt32LE(1, 0x30);
  buf.writeUInt32LE(4096, 0x38);
  buf.writeUInt32LE(0xfffffffe, 0x3c);
  buf.writeUInt32LE(0xfffffffe, 0x44);
  buf.writeUInt32LE(0, 0x4c);
  for (let i = 1; i < 109; i++) buf.writeUInt32LE(0xffffffff, 0x4c + i * 4);
  const fat = 512;
  buf.fill(0xff, fat, fat + 512);
  buf.writeUInt32LE(0xfffffffd, fat);
  buf.writeUInt32LE(0xfffffffe, fat + 4);
  const dir = 1024;
  ['Root Entry', ...streams].slice(0, 4).forEach((name, i) => {
    const at = dir + i * 128;
    buf.write(name, at, 'utf16le');
    buf.writeUInt16LE((name.length + 1) * 2, at + 0x40);
    buf[at + 0x42] = i === 0 ? 5 : 2;
  });
  return buf;
}

/** POSTs one file as multipart/form-data field `file`, the way a browser does. */
export async function uploadTo(
  by: Client,
  url: string,
  file: Buffer,
  name: string,
): Promise<LightMyRequestResponse> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), name);
  const req = new Request('http://x', { method: 'POST', body: form });
  return by.send({
    method: 'POST',
    url,
    headers: { 'content-type': req.headers.get('content-type') ?? '' },
    payload: Buffer.from(await req.arrayBuffer()),
  });
}
