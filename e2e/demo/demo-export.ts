import { readFile, writeFile } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';

/** An Android Indonesian entry header: `dd/mm/yy HH.mm - `. */
const ENTRY_HEADER = /^\d{2}\/\d{2}\/\d{2} \d{2}\.\d{2} - /;

/**
 * The shared fixture's export is made to test the import, intruder and all: three entries
 * by "Penyusup" try to reach files outside the export. A co-op's real group has no such
 * member, so the demo imports a copy without them; everything else stays as exported.
 */
export const withoutSenders = (chat: string, senders: readonly string[]): string => {
  const kept: string[] = [];
  let dropping = false;
  for (const line of chat.split('\n')) {
    if (ENTRY_HEADER.test(line)) {
      const rest = line.replace(ENTRY_HEADER, '');
      dropping = senders.some((sender) => rest.startsWith(`${sender}: `));
    }
    if (!dropping) {
      kept.push(line);
    }
  }
  return kept.join('\n');
};

/** Every file of a zip archive, by name. */
export const readZip = (data: Buffer): Promise<Map<string, Buffer>> =>
  new Promise((resolve, reject) => {
    yauzl.fromBuffer(data, { lazyEntries: true, decodeStrings: true }, (openError, zip) => {
      if (openError !== null) {
        reject(openError);
        return;
      }
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError !== null) {
            reject(streamError);
            return;
          }
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => {
        resolve(files);
      });
      zip.on('error', reject);
      zip.readEntry();
    });
  });

/** A zip of `files`, stored (not compressed), names in UTF-8 (flag bit 11), as WhatsApp's own exports mark them. */
export const writeZip = (files: ReadonlyMap<string, Buffer>): Buffer => {
  const UTF8 = 0x0800;
  const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 5;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of files) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8, 6);
    local.writeUInt16LE(0, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.size, 8);
  end.writeUInt16LE(files.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
};

/** Writes to `target` a copy of the export at `source` whose chat has no entries by `senders`. */
export const copyExportWithout = async (source: string, target: string, senders: readonly string[]): Promise<void> => {
  const files = await readZip(await readFile(source));
  for (const [name, data] of files) {
    if (name.endsWith('.txt')) {
      files.set(name, Buffer.from(withoutSenders(data.toString('utf8'), senders), 'utf8'));
    }
  }
  await writeFile(target, writeZip(files));
};
