import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { fixtureZip } from '../fixtures/import-files.ts';
import { readZip, withoutSenders, writeZip } from './demo-export.ts';

describe('withoutSenders', () => {
  it('drops every entry of the senders, with its continuation lines, and keeps the rest as it was', () => {
    const chat = [
      '05/01/24 10.01 - Budi Santoso: foto.jpg (file terlampir)',
      'Foto nota',
      '05/01/24 10.14 - Penyusup: ../../evil.txt (file terlampir)',
      'baris lanjutan',
      '05/01/24 10.17 - Agus Salim: Penyusup: bukan pengirim',
      '',
    ].join('\n');
    expect(withoutSenders(chat, ['Penyusup'])).toBe(
      ['05/01/24 10.01 - Budi Santoso: foto.jpg (file terlampir)', 'Foto nota', '05/01/24 10.17 - Agus Salim: Penyusup: bukan pengirim', ''].join('\n'),
    );
  });
});

describe('writeZip', () => {
  it('writes an archive that reads back file for file, UTF-8 names included', async () => {
    const files = new Map([
      ['Chat WhatsApp dengan Koperasi.txt', Buffer.from('05/01/24 10.00 - Sari: halo\n')],
      ['Notulen – Rapat Ke-3 (revisi).docx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])],
    ]);
    expect(await readZip(writeZip(files))).toEqual(files);
  });

  it('copies the shared WhatsApp fixture whole', async () => {
    const files = await readZip(await readFile(fixtureZip('android-id-with-media.zip')));
    expect(files.size).toBeGreaterThan(10);
    expect(await readZip(writeZip(files))).toEqual(files);
  });
});
