/** The shared fixture archives (zips/, MANIFEST.txt), opened in place. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ExportError } from './export-error.ts';
import { openExport, type OpenedExport, type ZipExport } from './open-export.ts';
import { expectedFor, fixturePath } from './test-fixtures.ts';

const zip = (name: string): string => fixturePath('zips', name);

const openZipFixture = async (name: string): Promise<ZipExport> => {
  const opened = await openExport(zip(name));
  if (opened.kind !== 'zip') {
    throw new Error(`${name} opened as ${opened.kind}`);
  }
  return opened;
};

const refusalOf = async (open: () => Promise<unknown>): Promise<ExportError> => {
  try {
    await open();
  } catch (error) {
    if (error instanceof ExportError) {
      return error;
    }
    throw error;
  }
  throw new Error('not refused');
};

/** Entry numbers (from 1) the ground truth tags with `tag`. */
const taggedEntries = (textFixture: string, tag: string): number[] =>
  (expectedFor(textFixture).entries ?? []).flatMap((entry, index) => (entry.tags.includes(tag) ? [index + 1] : []));

describe('the fingerprint', () => {
  it('is the SHA-256 of the chat text as stored, the same for the .txt and for the zip holding it', async () => {
    const text = await openExport(fixturePath('txt', '06-attachments-android-id.txt'));
    const archive = await openZipFixture('android-id-with-media.zip');
    try {
      expect(text.fingerprint).toBe(
        createHash('sha256')
          .update(readFileSync(fixturePath('txt', '06-attachments-android-id.txt')))
          .digest('hex'),
      );
      expect(archive.fingerprint).toBe(text.fingerprint);
    } finally {
      await archive.close();
    }
  });
});

describe('android-id-with-media.zip', () => {
  it('parses the chat and matches 11 of 15 references to entries', async () => {
    const opened = await openZipFixture('android-id-with-media.zip');
    try {
      expect(opened.chatFileName).toBe('Chat WhatsApp dengan Koperasi Tani Makmur.txt');
      expect(opened.parsed.counts).toMatchObject({ entries: 18, messages: 17, system: 1, attachments: 15 });
      expect(opened.parsed.groupName).toEqual({ name: 'Koperasi Tani Makmur', source: 'file_name' });
      expect(opened.media.resolved.map((item) => item.fileName)).toEqual([
        'IMG-20240105-WA0003.jpg',
        'IMG-20240105-WA0004.jpg',
        'VID-20240105-WA0011.mp4',
        'PTT-20240105-WA0004.opus',
        'AUD-20240105-WA0012.mp3',
        'STK-20240105-WA0013.webp',
        'Laporan Keuangan 2023.pdf',
        'Bagan Struktur Koperasi.png',
        'Pak Joko.vcf',
        'rekap.panen.2024.final (1).xlsx',
        'Notulen – Rapat Ke-3 (revisi).docx',
      ]);
      // Each resolved file belongs to the entry that names it.
      for (const item of opened.media.resolved) {
        expect(opened.parsed.entries[item.entryIndex]?.attachment?.fileName).toBe(item.fileName);
      }
      expect(opened.media.missing.map((item) => item.entryIndex + 1)).toEqual(taggedEntries('06-attachments-android-id.txt', 'missing_in_zip'));
      expect(opened.media.unsafe.map((item) => item.fileName)).toEqual(['../../evil.txt', '..\\..\\evil-win.txt', '/etc/passwd']);
      expect(opened.media.unreferenced).toEqual([{ fileName: 'IMG-20240105-WA0100.jpg', size: 155 }]);
      expect(opened.parsed.skipped.map((item) => [item.reason, item.fileName])).toEqual([
        ['unsafe_file_name', '../../evil.txt'],
        ['unsafe_file_name', '..\\..\\evil-win.txt'],
        ['unsafe_file_name', '/etc/passwd'],
        ['media_missing', 'IMG-20240105-WA0099.jpg'],
        ['media_unreferenced', 'IMG-20240105-WA0100.jpg'],
      ]);
    } finally {
      await opened.close();
    }
  });

  it('reads one media entry by exact name, byte for byte', async () => {
    const opened = await openZipFixture('android-id-with-media.zip');
    try {
      expect(await opened.readMedia('IMG-20240105-WA0003.jpg')).toEqual(readFileSync(fixturePath('zips', 'media', 'sample.jpg')));
      expect(await opened.readMedia('Pak Joko.vcf')).toEqual(readFileSync(fixturePath('zips', 'media', 'sample.vcf')));
      expect(opened.mediaEntries()).toHaveLength(12);
      expect(opened.mediaEntries().map((entry) => entry.fileName)).not.toContain(opened.chatFileName);
    } finally {
      await opened.close();
    }
  });

  it('never resolves a hostile, missing or differently spelt name', async () => {
    const opened = await openZipFixture('android-id-with-media.zip');
    try {
      expect((await refusalOf(() => opened.readMedia('../../evil.txt'))).code).toBe('unsafe_entry_name');
      expect((await refusalOf(() => opened.readMedia('/etc/passwd'))).code).toBe('unsafe_entry_name');
      expect((await refusalOf(() => opened.readMedia('IMG-20240105-WA0099.jpg'))).code).toBe('entry_not_found');
      expect((await refusalOf(() => opened.readMedia('img-20240105-wa0003.jpg'))).code).toBe('entry_not_found');
      expect((await refusalOf(() => opened.readMedia(opened.chatFileName))).code).toBe('entry_not_found');
    } finally {
      await opened.close();
    }
    expect((await refusalOf(() => opened.readMedia('IMG-20240105-WA0003.jpg'))).code).toBe('unreadable');
  });
});

describe('ios-en-with-media.zip', () => {
  it('resolves 5 files, reports VIDEO/STICKER/GIF missing and never resolves ../../../evil.txt', async () => {
    const opened = await openZipFixture('ios-en-with-media.zip');
    try {
      expect(opened.chatFileName).toBe('_chat.txt');
      expect(opened.parsed.format).toBe('ios');
      expect(opened.parsed.counts).toMatchObject({ entries: 19, messages: 18, system: 1, attachments: 9 });
      expect(opened.media.resolved.map((item) => item.fileName)).toEqual([
        '00000012-PHOTO-2021-01-12-16-37-05.jpg',
        '00000013-AUDIO-2021-01-12-16-38-15.opus',
        '00000014-Proposal Koperasi.pdf',
        '00000015-Ayu Lestari.vcf',
        '00000016-Org chart.png',
      ]);
      expect(opened.media.missing.map((item) => item.entryIndex + 1)).toEqual(taggedEntries('07-attachments-ios-en.txt', 'missing_in_zip'));
      expect(opened.media.missing.map((item) => item.fileName)).toEqual([
        '00000017-VIDEO-2021-01-12-16-42-15.mp4',
        '00000018-STICKER-2021-01-12-16-43-15.webp',
        '00000019-GIF-2021-01-12-16-44-15.mp4',
      ]);
      expect(opened.media.unsafe).toEqual([{ entryIndex: 16, fileName: '../../../evil.txt' }]);
      expect(opened.media.unreferenced).toEqual([]);
      const pdf = await opened.readMedia('00000014-Proposal Koperasi.pdf');
      expect(pdf).toHaveLength(610);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect((await refusalOf(() => opened.readMedia('../../../evil.txt'))).code).toBe('unsafe_entry_name');
    } finally {
      await opened.close();
    }
  });
});

describe('the other fixture archives', () => {
  it.each([
    ['no-txt.zip', 'no_chat_file'],
    ['truncated.zip', 'corrupt_zip'],
    ['two-txt.zip', 'several_chat_files'],
    ['zip-bomb-txt.zip', 'ratio_too_high'],
    ['zip-slip.zip', 'unsafe_entry_name'],
  ])('refuses %s with %s', async (name, code) => {
    expect((await refusalOf(() => openExport(zip(name)))).code).toBe(code);
  });

  it('lists both chat texts of two-txt.zip, not the note catatan.txt, and opens the one chosen', async () => {
    const refusal = await refusalOf(() => openExport(zip('two-txt.zip')));
    expect(refusal.candidates).toEqual(['_chat.txt', 'WhatsApp Chat with Warung Bersama 2.0.txt']);
    const chosen = await openExport(zip('two-txt.zip'), {}, { chatFileName: 'WhatsApp Chat with Warung Bersama 2.0.txt' });
    expect(chosen.parsed.counts.entries).toBe(26);
    expect(chosen.parsed.groupName).toEqual({ name: 'Warung Bersama 2.0', source: 'file_name' });
    if (chosen.kind === 'zip') {
      expect(chosen.mediaEntries().map((entry) => entry.fileName)).toEqual(['_chat.txt', 'catatan.txt']);
      await chosen.close();
    }
  });

  it('refuses the zip bomb from its headers, before inflating 64 MiB', async () => {
    const before = process.memoryUsage().rss;
    await refusalOf(() => openExport(zip('zip-bomb-txt.zip')));
    expect(process.memoryUsage().rss - before).toBeLessThan(32 * 1024 * 1024);
  });

  it('still refuses the zip bomb by its size cap when the ratio cap is lifted', async () => {
    const refusal = await refusalOf(() => openExport(zip('zip-bomb-txt.zip'), { maxCompressionRatio: 1000, maxChatTextBytes: 16 * 1024 * 1024 }));
    expect(refusal.code).toBe('entry_too_large');
  });

  it('opens not-a-zip.zip as the text it is, by its bytes and not its name', async () => {
    const opened: OpenedExport = await openExport(zip('not-a-zip.zip'));
    expect(opened.kind).toBe('txt');
    expect(opened.parsed.counts).toMatchObject({ entries: 26, messages: 12, system: 14 });
    // A plain text carries no media: every reference is missing.
    expect(opened.media.missing.map((item) => item.fileName)).toEqual(['IMG-20240105-WA0003.jpg', 'PTT-20240105-WA0004.opus']);
  });
});

describe('plain text exports', () => {
  it('opens a .txt and re-parses it with the date order the member chose', async () => {
    const opened = await openExport(fixturePath('txt', '08-deleted-edited-android-id.txt'));
    expect(opened.kind).toBe('txt');
    expect(opened.parsed.dateOrder).toMatchObject({ order: 'dmy', ambiguous: true });
    const again = opened.reparse({ dateOrder: 'mdy' });
    expect(again.parsed.entries[0]?.ts).toMatchObject({ year: 2024, month: 2, day: 3 });
    expect(again.parsed.dateOrder).toMatchObject({ order: 'mdy', ambiguous: false, decidedBy: 'option' });
  });

  it('refuses a missing file or a folder as unreadable', async () => {
    expect((await refusalOf(() => openExport(fixturePath('txt', 'no-such-file.txt')))).code).toBe('unreadable');
    expect((await refusalOf(() => openExport(fixturePath('txt')))).code).toBe('unreadable');
  });

  it('refuses a text over the chat cap before reading it', async () => {
    const refusal = await refusalOf(() => openExport(fixturePath('txt', '19-volume-50k-android-id.txt'), { maxChatTextBytes: 1024 * 1024 }));
    expect(refusal.code).toBe('entry_too_large');
  });
});
