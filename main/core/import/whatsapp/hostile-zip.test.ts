/** Archives built to break the reader: each must be refused with its own code, or read safely. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test-support/temp-dir.ts';
import { ExportError } from './export-error.ts';
import type { ExportLimits } from './export-limits.ts';
import { openExport, type ZipExport } from './open-export.ts';
import { buildZip, SMALL_CHAT, type TestZipEntry } from './test-zip.ts';

const temp = useTempDir('rembuk-wa-zip-');
const CHAT: TestZipEntry = { name: '_chat.txt', data: SMALL_CHAT };
const PHOTO: TestZipEntry = { name: 'IMG-20240105-WA0003.jpg', data: 'jpeg bytes' };

const write = async (entries: readonly TestZipEntry[], name = 'export.zip'): Promise<string> => {
  const file = path.join(temp.path, name);
  await writeFile(file, buildZip(entries));
  return file;
};

const openZip = async (entries: readonly TestZipEntry[], limits?: Partial<ExportLimits>): Promise<ZipExport> => {
  const opened = await openExport(await write(entries), limits);
  if (opened.kind !== 'zip') {
    throw new Error('not a zip');
  }
  return opened;
};

const refusal = async (run: () => Promise<unknown>): Promise<string> => {
  try {
    await run();
    return 'not refused';
  } catch (error) {
    return error instanceof ExportError ? error.code : `not an ExportError: ${String(error)}`;
  }
};

const refusalOf = (entries: readonly TestZipEntry[], limits?: Partial<ExportLimits>): Promise<string> =>
  refusal(async () => openExport(await write(entries), limits));

describe('a well-formed archive built here', () => {
  it('opens, resolves the photo and reads it', async () => {
    const opened = await openZip([CHAT, PHOTO]);
    expect(opened.media.resolved.map((item) => item.fileName)).toEqual(['IMG-20240105-WA0003.jpg']);
    expect((await opened.readMedia('IMG-20240105-WA0003.jpg')).toString()).toBe('jpeg bytes');
    await opened.close();
  });

  it('ignores __MACOSX/ and .DS_Store, and folders', async () => {
    const opened = await openZip([
      CHAT,
      PHOTO,
      { name: '__MACOSX/._IMG-20240105-WA0003.jpg', data: 'x' },
      { name: '.DS_Store', data: 'x' },
      { name: 'empty/', method: 0 },
    ]);
    expect(opened.mediaEntries().map((entry) => entry.fileName)).toEqual(['IMG-20240105-WA0003.jpg']);
    await opened.close();
  });

  it('matches names inside a folder that wraps the whole archive (a re-zipped export folder)', async () => {
    const opened = await openZip([
      { ...CHAT, name: 'WhatsApp Chat - Tani/_chat.txt' },
      { ...PHOTO, name: 'WhatsApp Chat - Tani/IMG-20240105-WA0003.jpg' },
    ]);
    expect(opened.chatFileName).toBe('_chat.txt');
    expect(opened.media.resolved).toHaveLength(1);
    await opened.close();
  });

  it('takes a renamed chat text by its content when no name says chat', async () => {
    const opened = await openZip([{ ...CHAT, name: 'export.txt' }, { name: 'readme.txt', data: 'just a note' }, PHOTO]);
    expect(opened.chatFileName).toBe('export.txt');
    await opened.close();
  });

  it('does not count a *chat*.txt without header lines as a chat text', async () => {
    const opened = await openZip([CHAT, { name: 'chat-notes.txt', data: 'catatan rapat, bukan ekspor' }]);
    expect(opened.chatFileName).toBe('_chat.txt');
    await opened.close();
  });

  it('takes the group name from the zip when the chat text is _chat.txt', async () => {
    const file = await write([CHAT], 'WhatsApp Chat - Koperasi Sejahtera.zip');
    expect((await openExport(file)).parsed.groupName).toEqual({ name: 'Koperasi Sejahtera', source: 'file_name' });
  });

  it('accepts office documents, which are zip containers by design', async () => {
    const opened = await openZip([CHAT, { name: 'Laporan.docx', data: buildZip([{ name: 'word/document.xml', data: '<w/>' }]) }]);
    expect(opened.mediaEntries().map((entry) => entry.fileName)).toEqual(['Laporan.docx']);
    await opened.close();
  });
});

describe('refusals', () => {
  it.each<[string, readonly TestZipEntry[]]>([
    ['unsafe_entry_name', [CHAT, { name: '../evil.txt', data: 'x' }]],
    ['unsafe_entry_name', [CHAT, { name: 'media/../../evil.txt', data: 'x' }]],
    ['unsafe_entry_name', [CHAT, { name: '/tmp/evil.txt', data: 'x' }]],
    ['unsafe_entry_name', [CHAT, { name: 'C:\\evil.txt', data: 'x' }]],
    ['unsafe_entry_name', [CHAT, { name: 'C:evil.txt', data: 'x' }]],
    ['unsafe_entry_name', [CHAT, { name: '..\\evil.txt', data: 'x' }]],
    ['unsafe_entry_name', [CHAT, { name: 'evil\u0000.txt', data: 'x' }]],
    ['unsafe_entry_name', [CHAT, { name: '__MACOSX/../../evil', data: 'x' }]],
    ['symlink_entry', [CHAT, { name: 'IMG-20240105-WA0003.jpg', data: '/etc/passwd', unixMode: 0o120777 }]],
    ['encrypted_entry', [CHAT, { ...PHOTO, flags: 0x1 }]],
    ['nested_zip', [CHAT, { name: 'more.zip', data: 'x' }]],
    ['nested_zip', [CHAT, { name: 'IMG-20240105-WA0003.jpg', data: buildZip([{ name: 'a.txt', data: 'a' }]) }]],
    ['nested_zip', [CHAT, { name: 'photo.jpg', data: buildZip([]) }]],
    ['duplicate_entry', [CHAT, PHOTO, { ...PHOTO, data: 'another photo' }]],
    ['duplicate_entry', [CHAT, CHAT]],
    ['unsupported_compression', [CHAT, { ...PHOTO, method: 12 }]],
    ['no_chat_file', [PHOTO]],
    ['no_chat_file', []],
    ['no_chat_file', [PHOTO, { name: 'catatan.txt', data: 'bukan chat, hanya catatan' }]],
    ['several_chat_files', [CHAT, { ...CHAT, name: 'WhatsApp Chat with Tani.txt' }]],
    ['corrupt_zip', [{ ...CHAT, crc: 1234 }]],
    ['corrupt_zip', [{ ...CHAT, method: 0, declaredSize: 10 }]],
  ])('%s', async (code, entries) => {
    expect(await refusalOf(entries)).toBe(code);
  });

  it('refuses by the caps in the headers', async () => {
    const megabytes = (count: number): TestZipEntry => ({ name: 'VID-20240105-WA0011.mp4', data: Buffer.alloc(count * 1024 * 1024, 7) });
    // 2 MiB of one byte deflates about 1000:1.
    expect(await refusalOf([CHAT, megabytes(2)])).toBe('ratio_too_high');
    expect(await refusalOf([CHAT, megabytes(2)], { maxMediaBytes: 1024 * 1024, maxCompressionRatio: 10_000 })).toBe('entry_too_large');
    expect(await refusalOf([CHAT, megabytes(2)], { maxTotalBytes: 2 * 1024 * 1024, maxCompressionRatio: 10_000 })).toBe('total_too_large');
    expect(await refusalOf([CHAT, PHOTO, { name: 'a.jpg', data: 'a' }], { maxEntries: 2 })).toBe('too_many_entries');
    expect(await refusalOf([{ ...CHAT, data: SMALL_CHAT.repeat(100) }], { maxChatTextBytes: 1000 })).toBe('entry_too_large');
  });

  it('enforces the caps on the inflated bytes when the headers lie', async () => {
    // Declares 10 bytes, inflates to 2 MiB: the stream stops at the first chunk past 10.
    const liar: TestZipEntry = { name: 'IMG-20240105-WA0003.jpg', data: Buffer.alloc(2 * 1024 * 1024, 1), declaredSize: 10 };
    expect(await refusalOf([CHAT, liar])).toBe('corrupt_zip');
    expect(await refusalOf([{ ...CHAT, data: SMALL_CHAT + 'x'.repeat(100_000), declaredSize: SMALL_CHAT.length }])).toBe('corrupt_zip');
  });

  it('enforces the media cap while reading an entry whose header is under it', async () => {
    // A .docx is not sniffed at open, so nothing is inflated before readMedia.
    const liar: TestZipEntry = { name: 'Laporan.docx', data: Buffer.alloc(512 * 1024, 1), declaredSize: 100 };
    const opened = await openZip([CHAT, liar], { maxMediaBytes: 1000 });
    expect(await refusal(() => opened.readMedia('Laporan.docx'))).toBe('entry_too_large');
    await opened.close();
  });

  it('refuses a media entry whose CRC does not match when it is read', async () => {
    const opened = await openZip([CHAT, { ...PHOTO, crc: 42 }]);
    expect(await refusal(() => opened.readMedia(PHOTO.name))).toBe('corrupt_zip');
    await opened.close();
  });

  it('refuses a file that is neither a zip nor a chat text', async () => {
    const file = path.join(temp.path, 'photo.zip');
    await writeFile(file, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]));
    expect(await refusal(() => openExport(file))).toBe('not_an_export');
    await writeFile(file, 'just some text\nwithout any header\n');
    expect(await refusal(() => openExport(file))).toBe('not_an_export');
  });
});
