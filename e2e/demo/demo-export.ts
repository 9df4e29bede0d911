import { readFile, writeFile } from 'node:fs/promises';
import yauzl from 'yauzl';
import { buildZip } from '../../main/core/import/whatsapp/test-zip.ts';

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

/**
 * A zip of `files`, stored (not compressed), names in UTF-8, as WhatsApp's own exports mark
 * them: the import tests' zip writer, which writes exactly what it is told.
 */
export const writeZip = (files: ReadonlyMap<string, Buffer>): Buffer => buildZip([...files].map(([name, data]) => ({ name, data, method: 0 })));

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
