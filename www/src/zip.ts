// A minimal ZIP writer: stored entries (no compression), UTF-8 names, no ZIP64. The archive is a
// Blob made of the entries' own Blobs between small headers, so the data is never copied into
// one big buffer; only the CRC-32 reads each entry once, in chunks.

export interface ZipEntry {
  name: string;
  data: Blob;
}

/** ZIP without ZIP64 stores sizes and offsets in 32 bits and counts in 16. */
const MAX_32 = 0xffff_ffff;
const MAX_ENTRIES = 0xffff;

let table: Uint32Array | null = null;
function crcTable(): Uint32Array {
  if (table) return table;
  table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/** CRC-32 (IEEE, as ZIP and gzip use) continuing from `crc` (start with 0). */
export function crc32(bytes: Uint8Array, crc = 0): number {
  const t = crcTable();
  let c = ~crc >>> 0;
  for (let i = 0; i < bytes.length; i++) c = t[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

async function blobCrc(blob: Blob, shouldStop: () => boolean): Promise<number> {
  let crc = 0;
  const reader = blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return crc;
    if (shouldStop()) {
      await reader.cancel();
      throw new Error("Cancelled.");
    }
    crc = crc32(value, crc);
  }
}

/** MS-DOS time and date of `d` (local time, 2-second resolution, 1980 at the earliest). */
function dosTime(d: Date): { time: number; date: number } {
  const year = Math.max(d.getFullYear(), 1980);
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** Makes names unique and safe as archive paths: no folders, no empty name, no duplicates. */
export function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw) => {
    const clean = raw.replace(/[/\\]/g, "_").replace(/^\.+$/, "_") || "file";
    let name = clean;
    const dot = clean.lastIndexOf(".");
    const [stem, ext] = dot > 0 ? [clean.slice(0, dot), clean.slice(dot)] : [clean, ""];
    for (let i = 2; seen.has(name.toLowerCase()); i++) name = `${stem} (${i})${ext}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/**
 * Builds a stored (uncompressed) ZIP of `entries`. Throws a readable error when the archive
 * would need ZIP64 (an entry or the whole archive of 4 GB or more, or over 65,535 entries).
 */
export async function zip(entries: ZipEntry[], shouldStop: () => boolean = () => false, now = new Date()): Promise<Blob> {
  if (entries.length > MAX_ENTRIES) throw new Error(`Too many files for one archive (${entries.length}; at most ${MAX_ENTRIES}). Download them one by one.`);
  const enc = new TextEncoder();
  const { time, date } = dosTime(now);
  const parts: BlobPart[] = [];
  const central: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  for (const e of entries) {
    const size = e.data.size;
    const name = enc.encode(e.name);
    if (size >= MAX_32 || offset + 30 + name.length + size >= MAX_32) {
      throw new Error("The archive would be 4 GB or more, which needs ZIP64 (not supported here). Download the files one by one.");
    }
    const crc = await blobCrc(e.data, shouldStop);
    const local = new Uint8Array(30 + name.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true); // local file header signature
    l.setUint16(4, 10, true); // version needed: 1.0 (stored)
    l.setUint16(6, 0x0800, true); // flags: names are UTF-8
    l.setUint16(8, 0, true); // method: stored
    l.setUint16(10, time, true);
    l.setUint16(12, date, true);
    l.setUint32(14, crc, true);
    l.setUint32(18, size, true); // compressed size
    l.setUint32(22, size, true); // uncompressed size
    l.setUint16(26, name.length, true);
    l.setUint16(28, 0, true); // extra field length
    local.set(name, 30);
    const cd = new Uint8Array(46 + name.length);
    const c = new DataView(cd.buffer);
    c.setUint32(0, 0x02014b50, true); // central directory header signature
    c.setUint16(4, (3 << 8) | 20, true); // made by: Unix, spec 2.0
    c.setUint16(6, 10, true);
    c.setUint16(8, 0x0800, true);
    c.setUint16(10, 0, true);
    c.setUint16(12, time, true);
    c.setUint16(14, date, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, size, true);
    c.setUint32(24, size, true);
    c.setUint16(28, name.length, true);
    // extra, comment, disk number, internal attributes: 0
    c.setUint32(38, (0o100644 << 16) >>> 0, true); // external attributes: a regular file, rw-r--r--
    c.setUint32(42, offset, true); // offset of the local header
    cd.set(name, 46);
    parts.push(local, e.data);
    central.push(cd);
    offset += local.length + size;
  }
  const cdSize = central.reduce((a, b) => a + b.length, 0);
  if (offset + cdSize + 22 >= MAX_32) {
    throw new Error("The archive would be 4 GB or more, which needs ZIP64 (not supported here). Download the files one by one.");
  }
  const end = new Uint8Array(22);
  const v = new DataView(end.buffer);
  v.setUint32(0, 0x06054b50, true); // end of central directory signature
  v.setUint16(8, entries.length, true); // entries on this disk
  v.setUint16(10, entries.length, true); // entries in total
  v.setUint32(12, cdSize, true);
  v.setUint32(16, offset, true); // offset of the central directory
  return new Blob([...parts, ...central, end], { type: "application/zip" });
}
