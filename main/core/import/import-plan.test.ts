import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatImportBody, formatImportTime, IMPORT_BLOCK_KEY, readImportBlock } from './import-block.ts';
import { buildPlan, MAX_PART_BYTES, splitText, type MediaStep, type TextStep } from './import-plan.ts';
import { mediaKindOf, mimeTypeOf } from './media-kind.ts';
import { importTxnId } from './txn-id.ts';
import { parse } from './whatsapp/parse-export.ts';
import { toEpochMs } from './whatsapp/time-zone.ts';
import { whatsappFixture } from '../test-support/shared-fixtures.ts';

const FIXTURES = whatsappFixture('txt');
const fixture = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');
const FINGERPRINT = 'c0ffee'.padEnd(64, '0');

const planFor = (name: string, mediaFiles: Map<string, number> = new Map(), mapping: Map<string, string> = new Map()) => {
  const parsed = parse(fixture(name), { fileName: name });
  return {
    parsed,
    plan: buildPlan(parsed.entries, {
      fingerprint: FINGERPRINT,
      dateOrder: parsed.dateOrder.order,
      toEpochMs: (ts) => toEpochMs(ts, 'Asia/Jakarta'),
      mapping,
      mediaFiles,
    }),
  };
};

describe('transaction ids', () => {
  it('depend only on the export and the entry (and part), never on chance', () => {
    expect(importTxnId(FINGERPRINT, 7, null)).toBe(importTxnId(FINGERPRINT, 7, null));
    expect(importTxnId(FINGERPRINT, 7, null)).toBe(`rbi1.${FINGERPRINT.slice(0, 32)}.7`);
    expect(importTxnId(FINGERPRINT, 7, 2)).toBe(`rbi1.${FINGERPRINT.slice(0, 32)}.7.2`);
    expect(importTxnId('f'.repeat(64), 7, null)).not.toBe(importTxnId(FINGERPRINT, 7, null));
    expect(importTxnId(FINGERPRINT, 7, null)).toMatch(/^[A-Za-z0-9.]+$/);
  });
});

describe('body and block', () => {
  it('formats the time in the export own date order', () => {
    const ts = { year: 2021, month: 1, day: 12, hour: 16, minute: 37, second: 5 };
    expect(formatImportTime(ts, 'dmy')).toBe('12/01/21 16.37');
    expect(formatImportTime(ts, 'mdy')).toBe('01/12/21 16:37');
    expect(formatImportTime(ts, 'ymd')).toBe('2021/01/12 16:37');
    expect(formatImportBody('12/01/21 16.37', 'Budi', 'Halo')).toBe('[12/01/21 16.37] Budi: Halo');
    expect(formatImportBody('12/01/21 16.37', null, 'Grup dibuat')).toBe('[12/01/21 16.37] Grup dibuat');
  });

  it('reads a block back, and refuses one that is not ours', () => {
    const block = { v: 1, source: FINGERPRINT, index: 3, sender: 'Budi', ts: 1000, mapped_user: '@budi:hs', system: false, edited: true };
    expect(readImportBlock({ [IMPORT_BLOCK_KEY]: block })).toEqual({
      senderName: 'Budi',
      ts: 1000,
      mappedUserId: '@budi:hs',
      system: false,
      deleted: false,
      edited: true,
      mediaMissing: null,
      index: 3,
    });
    expect(readImportBlock({})).toBeNull();
    expect(readImportBlock({ [IMPORT_BLOCK_KEY]: { ...block, v: 2 } })).toBeNull();
    expect(readImportBlock({ [IMPORT_BLOCK_KEY]: { ...block, ts: 'yesterday' } })).toBeNull();
    expect(readImportBlock({ [IMPORT_BLOCK_KEY]: { ...block, mapped_user: 'budi' } })?.mappedUserId).toBeNull();
  });
});

describe('buildPlan', () => {
  it('makes one message per entry, in file order, system lines as notices', () => {
    const { parsed, plan } = planFor('01-android-id-24h-group.txt');
    expect(plan).toHaveLength(parsed.entries.length);
    expect(plan.map((step) => step.entryIndex)).toEqual(parsed.entries.map((entry) => entry.index));
    const first = plan[0] as TextStep;
    expect(first.content).toMatchObject({ msgtype: 'm.notice', 'm.mentions': {} });
    expect(first.block).toMatchObject({ v: 1, source: FINGERPRINT, index: 0, system: true, sender: null });
    const message = plan.find((step) => step.block.sender === 'Budi Santoso' && step.kind === 'text') as TextStep;
    expect(message.content.body).toMatch(/^\[\d\d\/\d\d\/24 \d\d\.\d\d\] Budi Santoso: /);
    expect(new Set(plan.map((step) => step.txnId)).size).toBe(plan.length);
  });

  it('reads the time in the chosen zone', () => {
    const { plan } = planFor('01-android-id-24h-group.txt');
    // 05/01/24 08.00 in Jakarta (UTC+7) is 01:00 UTC.
    const step = plan.find((candidate) => candidate.entryIndex === 1);
    expect(new Date(step!.block.ts).toISOString()).toBe('2024-01-05T01:00:00.000Z');
  });

  it('maps a WhatsApp name to a member, and only that name', () => {
    const { plan } = planFor('01-android-id-24h-group.txt', new Map(), new Map([['Budi Santoso', '@budi:hs']]));
    const budi = plan.filter((step) => step.block.sender === 'Budi Santoso' && !step.block.system);
    expect(budi.length).toBeGreaterThan(0);
    expect(budi.every((step) => step.block.mapped_user === '@budi:hs')).toBe(true);
    expect(plan.filter((step) => step.block.sender !== 'Budi Santoso').every((step) => step.block.mapped_user === undefined)).toBe(true);
  });

  it('uploads the files the archive has and leaves a placeholder for the rest', () => {
    const files = new Map([
      ['IMG-20240105-WA0003.jpg', 155],
      ['PTT-20240105-WA0004.opus', 128],
      ['Laporan Keuangan 2023.pdf', 601],
    ]);
    const { plan } = planFor('06-attachments-android-id.txt', files);
    const media = plan.filter((step): step is MediaStep => step.kind === 'media');
    expect(media.map((step) => [step.fileName, step.mediaKind])).toEqual([
      ['IMG-20240105-WA0003.jpg', 'image'],
      ['PTT-20240105-WA0004.opus', 'voice'],
      ['Laporan Keuangan 2023.pdf', 'file'],
    ]);
    expect(media[0]?.body).toMatch(/Budi Santoso: Foto nota pembelian pupuk$/);
    expect(media[2]?.body).toMatch(/Dewi Lestari: Mohon dicek sebelum rapat$/);
    const missing = plan.find((step) => step.block.media_missing === 'IMG-20240105-WA0099.jpg') as TextStep;
    expect(missing.content.body).toContain('IMG-20240105-WA0099.jpg');
    const hostile = plan.find((step) => step.block.media_missing === '../../evil.txt');
    expect(hostile?.kind).toBe('text');
    const omitted = plan.find((step) => step.block.media_omitted === true) as TextStep;
    expect(omitted.content.body).toContain('media omitted');
    const text = plan.at(-1) as TextStep;
    expect(text.content.body).toMatch(/Saya sudah kirim file nota\.pdf \(file terlampir\) kemarin ya$/);
  });

  it('marks deleted and edited messages in the block', () => {
    const { plan } = planFor('08-deleted-edited-android-id.txt');
    expect(plan.filter((step) => step.block.deleted !== undefined)).toHaveLength(3);
    expect(plan.filter((step) => step.block.edited === true)).toHaveLength(3);
    const deleted = plan.find((step) => step.block.deleted !== undefined) as TextStep;
    expect(deleted.content.body).toContain('message deleted');
  });

  it('splits a message too long for one event into numbered parts, each with its own txn id', () => {
    const { parsed, plan } = planFor('15-huge-2mb-single-message-android-id.txt');
    const parts = plan.filter((step) => step.entryIndex === 1);
    expect(parts.length).toBeGreaterThan(60);
    expect(plan).toHaveLength(parsed.entries.length - 1 + parts.length);
    for (const [index, step] of parts.entries()) {
      expect(step.block.part).toEqual([index + 1, parts.length]);
      expect(step.txnId.endsWith(`.1.${String(index + 1)}`)).toBe(true);
      expect(Buffer.byteLength(JSON.stringify((step as TextStep).content))).toBeLessThan(MAX_PART_BYTES + 1024);
    }
    const joined = parts.map((step) => ((step as TextStep).content.body as string).replace(/^\[[^\]]+\] [^:]+: /, '')).join('');
    expect(joined).toBe(parsed.entries[1]?.body);
  });

  it('never cuts a character in two', () => {
    const text = '🌾'.repeat(10) + 'a'.repeat(5);
    const parts = splitText(text, 9);
    expect(parts.join('')).toBe(text);
    expect(parts.every((part) => Buffer.byteLength(part) <= 9)).toBe(true);
    expect(splitText('', 9)).toEqual(['']);
  });
});

describe('media kinds', () => {
  it('follows the extension, and the voice-note prefix', () => {
    expect(mediaKindOf('IMG-1.JPG', [])).toBe('image');
    expect(mediaKindOf('VID-1.mp4', [])).toBe('video');
    expect(mediaKindOf('PTT-1.opus', [])).toBe('voice');
    expect(mediaKindOf('00000013-AUDIO-2021.opus', ['voice_note'])).toBe('voice');
    expect(mediaKindOf('AUD-1.mp3', [])).toBe('audio');
    expect(mediaKindOf('Pak Joko.vcf', [])).toBe('file');
    expect(mimeTypeOf('Pak Joko.vcf')).toBe('text/vcard');
    expect(mimeTypeOf('noextension')).toBe('application/octet-stream');
  });
});
