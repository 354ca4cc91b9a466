const END_OF_CHAIN = 0xfffffffe;
const MAX_SECTOR = 0xfffffffa;

/**
 * The names (lower case) of the entries of an OLE compound file — the container of .doc and .xls, but also
 * of .msi installers and .msg mails — read from its directory, or `null` when the file is not well formed.
 * Only the FAT and the directory chain are read, every step bounded by the file's size, so a crafted file
 * cannot loop or read outside the buffer.
 */
export function oleStreamNames(buf: Buffer): Set<string> | null {
  if (buf.length < 512) return null;
  const shift = buf.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const size = 1 << shift;
  const sectorCount = Math.floor((buf.length - size) / size);
  const sectorAt = (n: number) => (n + 1) * size;
  const validSector = (n: number) => n <= MAX_SECTOR && n < sectorCount;

  // The FAT's own sectors: 109 listed in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) fatSectors.push(buf.readUInt32LE(0x4c + i * 4));
  let difat = buf.readUInt32LE(0x44);
  for (let hops = 0; validSector(difat) && hops < sectorCount; hops++) {
    const at = sectorAt(difat);
    for (let i = 0; i < size / 4 - 1; i++) fatSectors.push(buf.readUInt32LE(at + i * 4));
    difat = buf.readUInt32LE(at + size - 4);
  }
  const fat: number[] = [];
  for (const s of fatSectors) {
    if (!validSector(s)) continue;
    const at = sectorAt(s);
    for (let i = 0; i < size / 4; i++) fat.push(buf.readUInt32LE(at + i * 4));
  }

  const names = new Set<string>();
  let sector = buf.readUInt32LE(0x30);
  for (let hops = 0; sector !== END_OF_CHAIN; hops++) {
    if (!validSector(sector) || hops > sectorCount) return null;
    const at = sectorAt(sector);
    for (let e = 0; e < size / 128; e++) {
      const entry = at + e * 128;
      const nameBytes = buf.readUInt16LE(entry + 0x40);
      const objectType = buf[entry + 0x42];
      if (nameBytes < 2 || nameBytes > 64 || objectType === 0) continue;
      names.add(
        buf
          .subarray(entry, entry + nameBytes - 2)
          .toString('utf16le')
          .toLowerCase(),
      );
    }
    sector = fat[sector] ?? END_OF_CHAIN;
  }
  return names.size ? names : null;
}
