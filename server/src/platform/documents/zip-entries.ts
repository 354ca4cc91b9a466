import { inflateRawSync } from 'node:zlib';

/** One file of a ZIP archive, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

/**
 * The entries of a ZIP archive (an Office file is one), read from its central directory, or `null` when the
 * buffer is not a well-formed ZIP. Reads only the directory, so it is cheap and safe on untrusted uploads: nothing
 * is decompressed. ZIP64 archives (over 4 GB or 65,535 entries) are not Office files anyone uploads, so they are
 * refused.
 */
export function zipEntries(buf: Buffer): Map<string, ZipEntry> | null {
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL_HEADER) return null;
  // The end record sits in the last 22 bytes plus an optional comment of up to 65,535 bytes.
  const from = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff || offset + size > eocd) return null;

  const entries = new Map<string, ZipEntry>();
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL_HEADER) return null;
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    if (p + 46 + nameLength > eocd) return null;
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    entries.set(name, {
      name,
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localHeaderOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The bytes of one entry (stored or deflated), or `null` when there is no such entry or it uses another method.
 * Throws a RangeError when it inflates to more than `maxBytes`, whatever size the directory declares.
 */
export function readZipEntry(
  buf: Buffer,
  entry: string | ZipEntry,
  maxBytes = 50 * 1024 * 1024,
): Buffer | null {
  const e = typeof entry === 'string' ? zipEntries(buf)?.get(entry) : entry;
  if (!e) return null;
  const h = e.localHeaderOffset;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== LOCAL_HEADER) return null;
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  if (e.method === 0) {
    if (data.length > maxBytes) throw new RangeError('entry too large');
    return Buffer.from(data);
  }
  if (e.method === 8) return inflateRawSync(data, { maxOutputLength: maxBytes });
  return null;
}
