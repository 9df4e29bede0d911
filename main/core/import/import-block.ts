/**
 * What an imported WhatsApp entry looks like inside its Matrix event. A client cannot set
 * `origin_server_ts` (reference §12), so the original sender and time travel in the content:
 * a namespaced block Rembuk reads back (`readImportBlock`), and a plain `body` that reads
 * sensibly in any other Matrix app: `[12/01/21 16.37] Budi: …`.
 */
import type { DateOrder, DeletedBy, WallClock } from './whatsapp/export-model.ts';

/** The content key of the block; a reverse-DNS name we own, as the spec asks of custom keys. */
export const IMPORT_BLOCK_KEY = 'coop.rembuk.import';

export type ImportBlock = {
  v: 1;
  /** The export's fingerprint (SHA-256 of the chat text, hex): which export this came from. */
  source: string;
  /** The entry's position in the export, from 0. */
  index: number;
  /** The WhatsApp name as written; null for system events without one. */
  sender: string | null;
  /** The original time, read in the zone the member chose (epoch ms). */
  ts: number;
  /** The Rembuk member this name was mapped to, if any. */
  mapped_user?: string;
  system: boolean;
  deleted?: DeletedBy;
  edited?: true;
  /** The file the entry referred to, when the export does not hold it. */
  media_missing?: string;
  /** The media was left out of the export by WhatsApp itself. */
  media_omitted?: true;
  /** `[part, parts]` of a message too long for one event. */
  part?: [number, number];
};

const pad = (value: number): string => String(value).padStart(2, '0');

/**
 * The time prefix in the export's own date order, so it reads the way the group wrote it:
 * `12/01/21 16.37` (day first, Indonesian dot), `1/12/21 16:37` style for month first.
 */
export const formatImportTime = (ts: WallClock, order: DateOrder): string => {
  const year = pad(ts.year % 100);
  switch (order) {
    case 'dmy':
      return `${pad(ts.day)}/${pad(ts.month)}/${year} ${pad(ts.hour)}.${pad(ts.minute)}`;
    case 'mdy':
      return `${pad(ts.month)}/${pad(ts.day)}/${year} ${pad(ts.hour)}:${pad(ts.minute)}`;
    case 'ymd':
      return `${String(ts.year)}/${pad(ts.month)}/${pad(ts.day)} ${pad(ts.hour)}:${pad(ts.minute)}`;
  }
};

/** `[time] Name: text`, or `[time] text` for a system event without a name. */
export const formatImportBody = (time: string, sender: string | null, text: string): string =>
  sender === null || sender === '' ? `[${time}] ${text}` : `[${time}] ${sender}: ${text}`;

const isWallClockSafe = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** What Rembuk shows of an imported event, read back from its content; null if it carries no valid block. */
export type ImportedFacts = {
  senderName: string;
  ts: number;
  mappedUserId: string | null;
  system: boolean;
  deleted: boolean;
  edited: boolean;
  mediaMissing: string | null;
  index: number;
};

export const readImportBlock = (content: Record<string, unknown>): ImportedFacts | null => {
  const block = content[IMPORT_BLOCK_KEY];
  if (typeof block !== 'object' || block === null) {
    return null;
  }
  const fields = block as Record<string, unknown>;
  if (fields.v !== 1 || !isWallClockSafe(fields.ts) || typeof fields.index !== 'number') {
    return null;
  }
  const sender = typeof fields.sender === 'string' ? fields.sender : '';
  const mapped = fields.mapped_user;
  return {
    senderName: sender,
    ts: fields.ts,
    mappedUserId: typeof mapped === 'string' && mapped.startsWith('@') ? mapped : null,
    system: fields.system === true,
    deleted: typeof fields.deleted === 'string',
    edited: fields.edited === true,
    mediaMissing: typeof fields.media_missing === 'string' ? fields.media_missing : null,
    index: fields.index,
  };
};
