/**
 * An export turned into the Matrix messages the import sends, in file order: one per entry,
 * except a text too long for one event, which becomes numbered parts. The plan is a pure
 * function of the parsed export and the member's choices, so after a restart the same plan
 * comes out again and the checkpoint's step number means the same message.
 */
import type { MediaKind } from '../../../shared/model/media.ts';
import { formatImportBody, formatImportTime, IMPORT_BLOCK_KEY, type ImportBlock } from './import-block.ts';
import { mediaKindOf, mimeTypeOf } from './media-kind.ts';
import { importTxnId } from './txn-id.ts';
import type { DateOrder, ExportEntry, WallClock } from './whatsapp/export-model.ts';

/**
 * The most UTF-8 bytes of text in one event. Synapse refuses events over 64 KiB, and Megolm
 * ciphertext is base64 of the whole content (4/3), so a part stays well under half of that.
 */
export const MAX_PART_BYTES = 24 * 1024;

export type PlanOptions = {
  /** SHA-256 of the chat text, hex. */
  fingerprint: string;
  dateOrder: DateOrder;
  /** The entry's time in the zone the member chose. */
  toEpochMs(ts: WallClock): number;
  /** WhatsApp name → Rembuk member. */
  mapping: ReadonlyMap<string, string>;
  /** Files of the archive by exact name: only these are uploaded. */
  mediaFiles: ReadonlyMap<string, number>;
};

type StepBase = { entryIndex: number; txnId: string; block: ImportBlock };

export type TextStep = StepBase & { kind: 'text'; content: Record<string, unknown> };
export type MediaStep = StepBase & {
  kind: 'media';
  fileName: string;
  size: number;
  mediaKind: MediaKind;
  mimetype: string;
  /** The caption as it reads elsewhere: `[time] Name: caption` (or the file name). */
  body: string;
};
export type ImportStep = TextStep | MediaStep;

/** `m.mentions: {}` says the message mentions no one, so no old name in it pings a member today. */
const NO_MENTIONS = { 'm.mentions': {} };

/** Splits text into parts of at most `maxBytes` UTF-8 bytes, never inside a character. */
export const splitText = (text: string, maxBytes: number = MAX_PART_BYTES): string[] => {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) {
    return [text];
  }
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > maxBytes) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  if (current !== '' || parts.length === 0) {
    parts.push(current);
  }
  return parts;
};

/** The caption of an Android media entry: the lines after the `NAME (file attached)` line. */
export const captionOf = (entry: ExportEntry): string => {
  const newline = entry.body.indexOf('\n');
  return newline < 0 ? '' : entry.body.slice(newline + 1).trim();
};

/** What a placeholder or a deleted message says in its body, for any Matrix app (both languages: the room may have both). */
const placeholderText = (entry: ExportEntry, missing: string | null): string => {
  if (entry.deleted !== null) {
    return '(pesan dihapus · message deleted)';
  }
  const caption = captionOf(entry);
  const note = missing !== null ? `📎 ${missing} (berkas tidak ada di ekspor · file not in the export)` : '📎 (media tidak disertakan · media omitted)';
  return caption === '' ? note : `${note}\n${caption}`;
};

const blockFor = (entry: ExportEntry, options: PlanOptions): ImportBlock => {
  const mapped = entry.type === 'message' && entry.sender !== null ? options.mapping.get(entry.sender) : undefined;
  return {
    v: 1,
    source: options.fingerprint,
    index: entry.index,
    sender: entry.sender,
    ts: options.toEpochMs(entry.ts),
    ...(mapped === undefined ? {} : { mapped_user: mapped }),
    system: entry.type === 'system',
    ...(entry.deleted === null ? {} : { deleted: entry.deleted }),
    ...(entry.edited ? { edited: true as const } : {}),
  };
};

const textSteps = (entry: ExportEntry, block: ImportBlock, time: string, options: PlanOptions): TextStep[] => {
  const msgtype = entry.type === 'system' ? 'm.notice' : 'm.text';
  const missing = entry.attachment !== null ? entry.attachment.fileName : null;
  const text = entry.deleted !== null || entry.mediaOmitted || missing !== null ? placeholderText(entry, missing) : entry.body;
  const fullBlock: ImportBlock = {
    ...block,
    ...(missing === null ? {} : { media_missing: missing }),
    ...(entry.mediaOmitted ? { media_omitted: true as const } : {}),
  };
  const parts = splitText(text);
  return parts.map((part, index) => {
    const partBlock: ImportBlock = parts.length === 1 ? fullBlock : { ...fullBlock, part: [index + 1, parts.length] };
    const sender = parts.length === 1 ? entry.sender : `${entry.sender ?? ''} (${String(index + 1)}/${String(parts.length)})`.trim();
    return {
      kind: 'text',
      entryIndex: entry.index,
      txnId: importTxnId(options.fingerprint, entry.index, parts.length === 1 ? null : index + 1),
      block: partBlock,
      content: { msgtype, body: formatImportBody(time, sender, part), ...NO_MENTIONS, [IMPORT_BLOCK_KEY]: partBlock },
    };
  });
};

/** The steps of one entry. */
export const stepsForEntry = (entry: ExportEntry, options: PlanOptions): ImportStep[] => {
  const block = blockFor(entry, options);
  const time = formatImportTime(entry.ts, options.dateOrder);
  const fileName = entry.attachment?.fileName;
  const size = fileName === undefined ? undefined : options.mediaFiles.get(fileName);
  if (fileName !== undefined && size !== undefined && entry.deleted === null) {
    const caption = captionOf(entry);
    return [
      {
        kind: 'media',
        entryIndex: entry.index,
        txnId: importTxnId(options.fingerprint, entry.index, null),
        block,
        fileName,
        size,
        mediaKind: mediaKindOf(fileName, entry.tags),
        mimetype: mimeTypeOf(fileName),
        body: formatImportBody(time, entry.sender, caption === '' ? fileName : caption),
      },
    ];
  }
  return textSteps(entry, block, time, options);
};

export const buildPlan = (entries: readonly ExportEntry[], options: PlanOptions): ImportStep[] => entries.flatMap((entry) => stepsForEntry(entry, options));

/** The content of a media step once its file is on the homeserver (`attachment` from attachmentContent). */
export const mediaStepContent = (step: MediaStep, attachment: Record<string, unknown>): Record<string, unknown> => ({
  ...attachment,
  ...NO_MENTIONS,
  [IMPORT_BLOCK_KEY]: step.block,
});
