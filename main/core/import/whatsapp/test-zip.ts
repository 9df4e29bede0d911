/**
 * A minimal zip writer for tests: it writes exactly what it is told, including what a
 * well-behaved writer never would (lying sizes, symlink modes, the encryption flag, bad
 * CRCs, duplicate and hostile names), to build the hostile archives the reader must refuse.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export type TestZipEntry = {
  readonly name: string;
  readonly data?: Uint8Array | string;
  /** 0 stored, 8 deflated (default); anything else is written as is. */
  readonly method?: number;
  /** Overrides of what the headers claim. */
  readonly declaredSize?: number;
  readonly crc?: number;
  readonly flags?: number;
  /** Unix mode bits (e.g. 0o120777 for a symlink), stored in the external attributes. */
  readonly unixMode?: number;
};

const UNIX_VERSION_MADE_BY = (3 << 8) | 20;

const header = (size: number, write: (buffer: Buffer) => void): Buffer => {
  const buffer = Buffer.alloc(size);
  write(buffer);
  return buffer;
};

export const buildZip = (entries: readonly TestZipEntry[]): Buffer => {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data ?? new Uint8Array());
    const method = entry.method ?? 8;
    const body = method === 8 ? deflateRawSync(data) : data;
    const crc = entry.crc ?? crc32(data);
    const size = entry.declaredSize ?? data.length;
    const flags = (entry.flags ?? 0) | 0x800; // names are UTF-8
    const local = header(30, (buffer) => {
      buffer.writeUInt32LE(0x04034b50, 0);
      buffer.writeUInt16LE(20, 4);
      buffer.writeUInt16LE(flags, 6);
      buffer.writeUInt16LE(method, 8);
      buffer.writeUInt32LE(crc >>> 0, 14);
      buffer.writeUInt32LE(body.length, 18);
      buffer.writeUInt32LE(size, 22);
      buffer.writeUInt16LE(name.length, 26);
    });
    const central = header(46, (buffer) => {
      buffer.writeUInt32LE(0x02014b50, 0);
      buffer.writeUInt16LE(UNIX_VERSION_MADE_BY, 4);
      buffer.writeUInt16LE(20, 6);
      buffer.writeUInt16LE(flags, 8);
      buffer.writeUInt16LE(method, 10);
      buffer.writeUInt32LE(crc >>> 0, 16);
      buffer.writeUInt32LE(body.length, 20);
      buffer.writeUInt32LE(size, 24);
      buffer.writeUInt16LE(name.length, 28);
      buffer.writeUInt32LE(((entry.unixMode ?? 0o100644) << 16) >>> 0, 38);
      buffer.writeUInt32LE(offset, 42);
    });
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = header(22, (buffer) => {
    buffer.writeUInt32LE(0x06054b50, 0);
    buffer.writeUInt16LE(entries.length, 8);
    buffer.writeUInt16LE(entries.length, 10);
    buffer.writeUInt32LE(directory.length, 12);
    buffer.writeUInt32LE(offset, 16);
  });
  return Buffer.concat([...locals, directory, end]);
};

/** A small valid chat text, referring to one photo. */
export const SMALL_CHAT = ['05/01/24 10.00 - Budi: IMG-20240105-WA0003.jpg (file terlampir)', '05/01/24 10.01 - Siti: halo', ''].join('\n');
