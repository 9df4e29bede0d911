/**
 * Whatever the bytes, reading an export ends in a result or an ExportError, never another
 * exception: random bytes, invalid UTF-8, header-shaped noise, and fixture archives with
 * bytes flipped or cut off. A fixed seed keeps every run the same.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test-support/temp-dir.ts';
import { ExportError } from './export-error.ts';
import { openExport } from './open-export.ts';
import { parse, parseBytes } from './parse-export.ts';
import { fixturePath } from './test-fixtures.ts';
import { isValidWallClock } from './wall-clock.ts';

/** mulberry32: a small seeded generator. */
const generator = (seed: number): (() => number) => {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
};

const random = generator(20240105);
const integer = (below: number): number => Math.floor(random() * below);
const pick = <T>(items: readonly T[]): T => items[integer(items.length)] as T;
const randomBytes = (length: number): Uint8Array => Uint8Array.from({ length }, () => integer(256));

const FRAGMENTS = [
  '05/01/24 ',
  '1/13/21, ',
  '[12/01/21 ',
  '[2026/7/9 ',
  '31/02/24 ',
  '99/99/99 ',
  '2565 BE, ',
  '10.00',
  '12:05\u202FAM',
  '4:37:05 PM',
  '.59',
  '] ',
  ' - ',
  ': ',
  'Budi',
  'Ayu Lestari',
  '\u202A+62 812\u202C',
  '\u200E',
  '\u200F',
  '"',
  '“',
  '”',
  'left',
  'keluar',
  'menambahkan',
  'created group "X"',
  ' (file attached)',
  '<attached: ',
  '>',
  '../',
  '\\',
  'C:',
  '<Media omitted>',
  ' <Pesan ini diedit>',
  'null',
  'POLL:',
  '\n',
  '\r\n',
  '\r',
  '\uFEFF',
  '\uFFFD',
  '\u0000',
  ' ',
  '😀',
];

const expectOnlyExportError = (run: () => unknown): void => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ExportError);
  }
};

const expectOnlyExportErrorAsync = async (run: () => Promise<unknown>): Promise<void> => {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(ExportError);
  }
};

describe('parse', () => {
  it('throws nothing but ExportError on header-shaped noise, and dates every entry', () => {
    for (let round = 0; round < 500; round++) {
      const text = Array.from({ length: 1 + integer(60) }, () => pick(FRAGMENTS)).join('');
      expectOnlyExportError(() => {
        const parsed = parse(text);
        for (const entry of parsed.entries) {
          expect(isValidWallClock(entry.ts)).toBe(true);
        }
        expect(parsed.counts.entries).toBe(parsed.entries.length);
      });
    }
  });

  it('throws nothing but ExportError on random bytes and invalid UTF-8', () => {
    for (let round = 0; round < 300; round++) {
      expectOnlyExportError(() => parseBytes(randomBytes(integer(2000))));
      // A valid header followed by invalid UTF-8 parses, with U+FFFD in the body.
      const bytes = Buffer.concat([
        Buffer.from('05/01/24 10.00 - Budi: '),
        Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]),
        Buffer.from(randomBytes(integer(50))),
      ]);
      expectOnlyExportError(() => parseBytes(bytes));
    }
    expect(parseBytes(Buffer.concat([Buffer.from('05/01/24 10.00 - Budi: a'), Buffer.from([0xff]), Buffer.from('b\n')])).entries[0]?.body).toBe('a\uFFFDb');
  });

  it('stays fast on long lines that could make a pattern backtrack', () => {
    const started = performance.now();
    parse(`05/01/24 10.00 - ${'Budi menambahkan '.repeat(40_000)}\n`);
    parse(`05/01/24 10.00 - A: ${'"'.repeat(200_000)}: x (file attached)\n`);
    parse(`05/01/24 10.00 - ${'a: '.repeat(100_000)}<attached: ${'<'.repeat(100_000)}>\n`);
    parse(`[05/01/24 10.00.00] A: \u200E${'b '.repeat(300)} left\n`);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('openExport', () => {
  const temp = useTempDir('rembuk-wa-fuzz-');
  const archives = ['android-id-with-media.zip', 'ios-en-with-media.zip', 'two-txt.zip', 'zip-slip.zip'].map((name) => readFileSync(fixturePath('zips', name)));

  const openAndReadAll = async (bytes: Uint8Array): Promise<void> => {
    const file = path.join(temp.path, 'export.zip');
    await writeFile(file, bytes);
    await expectOnlyExportErrorAsync(async () => {
      const opened = await openExport(file);
      if (opened.kind === 'zip') {
        try {
          for (const { fileName } of opened.media.resolved) {
            await expectOnlyExportErrorAsync(() => opened.readMedia(fileName));
          }
        } finally {
          await opened.close();
        }
      }
    });
  };

  it('throws nothing but ExportError on random files, with and without a zip signature', async () => {
    for (let round = 0; round < 60; round++) {
      const body = randomBytes(integer(3000));
      await openAndReadAll(round % 2 === 0 ? body : Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), body]));
    }
  });

  it('throws nothing but ExportError on fixture archives with bytes flipped or cut off', async () => {
    for (let round = 0; round < 120; round++) {
      const bytes = Buffer.from(pick(archives));
      if (round % 3 === 0) {
        await openAndReadAll(bytes.subarray(0, integer(bytes.length)));
        continue;
      }
      for (let flips = 1 + integer(4); flips > 0; flips--) {
        bytes[integer(bytes.length)] = integer(256);
      }
      await openAndReadAll(bytes);
    }
  });
});
