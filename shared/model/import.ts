import { z } from 'zod';
import { errorCode } from '../ipc/errors.ts';
import { matrixUserId, roomId } from './room.ts';

/** One import, from the file picked to the last message sent: 32 hex digits made by main. */
export const importId = z.string().regex(/^[0-9a-f]{32}$/, 'not an import id');

/** Which of the three header numbers is the day, the month and the year. */
export const dateOrder = z.enum(['dmy', 'mdy', 'ymd']);
export type DateOrder = z.infer<typeof dateOrder>;

/** A time as the exporting phone showed it (no zone): the renderer formats it as it stands. */
export const wallClock = z.object({
  year: z.number().int(),
  month: z.number().int(),
  day: z.number().int(),
  hour: z.number().int(),
  minute: z.number().int(),
  second: z.number().int(),
});
export type WallClock = z.infer<typeof wallClock>;

/** Why something of the export will not arrive as it was. */
export const skipReason = z.enum([
  'media_missing',
  'unsafe_file_name',
  'media_unreferenced',
  'media_omitted',
  'truncated',
  'text_before_first_header',
  'header_in_message',
]);
export type SkipReason = z.infer<typeof skipReason>;

export const importPreview = z.object({
  importId,
  /** The file the member picked. */
  fileName: z.string(),
  format: z.enum(['android', 'ios']),
  /** A name for the new room, read from the file name or the group's subject lines. */
  groupName: z.string().nullable(),
  dateRange: z.object({ first: wallClock, last: wallClock }).nullable(),
  dateOrder: z.object({
    order: dateOrder,
    /** The file does not decide: the member picks (`import:reparse`) after seeing the samples. */
    ambiguous: z.boolean(),
    samples: z.array(z.object({ raw: z.string(), dmy: wallClock.nullable(), mdy: wallClock.nullable() })),
  }),
  counts: z.object({
    /** Matrix messages the import will send (long texts become several). */
    events: z.number().int().nonnegative(),
    messages: z.number().int().nonnegative(),
    system: z.number().int().nonnegative(),
    /** Files the export holds and the import will upload. */
    media: z.number().int().nonnegative(),
    mediaBytes: z.number().int().nonnegative(),
    /** Entries whose file is not in the export: they arrive as a text placeholder. */
    mediaMissing: z.number().int().nonnegative(),
    deleted: z.number().int().nonnegative(),
    edited: z.number().int().nonnegative(),
  }),
  /** Message senders, most active first. */
  participants: z.array(z.object({ name: z.string(), messageCount: z.number().int().nonnegative() })),
  /** What will not arrive as it was, grouped by reason, with a few examples each. */
  skipped: z.array(z.object({ reason: skipReason, count: z.number().int().positive(), examples: z.array(z.string()) })),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const importTarget = z.discriminatedUnion('kind', [
  /** A new end-to-end encrypted room, made by the import. */
  z.object({ kind: z.literal('new'), name: z.string().trim().min(1).max(255) }).strict(),
  z.object({ kind: z.literal('existing'), roomId }).strict(),
]);
export type ImportTarget = z.infer<typeof importTarget>;

/** An IANA zone such as `Asia/Jakarta`; main checks it names a zone it knows. */
export const timeZoneName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_+\-/]+$/, 'not a time zone');

export const importStartInput = z
  .object({
    importId,
    timeZone: timeZoneName,
    /** WhatsApp names shown under a Rembuk member (checked to exist); unmapped names stay names. */
    mapping: z.array(z.object({ name: z.string().min(1).max(255), userId: matrixUserId }).strict()).max(2000),
    target: importTarget,
  })
  .strict();
export type ImportStartInput = z.infer<typeof importStartInput>;

export const importPhase = z.enum([
  /** Opened and previewed, not started. */
  'preview',
  /** Making the room, or waiting for the room to be ready for encrypted messages. */
  'preparing',
  'running',
  /** The server said "too many requests": the import waits as long as it asked. */
  'waiting',
  /** The connection is gone; the import goes on by itself when it is back. */
  'offline',
  'paused',
  'done',
  'cancelled',
  /** Stopped on an error no waiting fixes (say, no longer allowed to post); resuming tries again. */
  'failed',
]);
export type ImportPhase = z.infer<typeof importPhase>;

/** One import as the progress view shows it; sent whole on every change (`import:changed`). */
export const importJob = z.object({
  importId,
  fileName: z.string(),
  phase: importPhase,
  roomId: z.string().nullable(),
  roomName: z.string(),
  /** Whether the room was made by this import (then Rembuk offers the invite link). */
  newRoom: z.boolean(),
  total: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  mediaTotal: z.number().int().nonnegative(),
  mediaDone: z.number().int().nonnegative(),
  /** Messages per second over the last half minute; null until there is a rate to tell. */
  ratePerSecond: z.number().nonnegative().nullable(),
  /** Time left at that rate, in ms; null when unknown. */
  etaMs: z.number().nonnegative().nullable(),
  /** While `waiting`: when the server said to try again (epoch ms). */
  waitingUntil: z.number().nullable(),
  error: errorCode.nullable(),
  startedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
});
export type ImportJob = z.infer<typeof importJob>;

/** How people who have the link get in: they ask (knock) and a member lets them in. */
export const roomLink = z.object({
  roomId: z.string(),
  /** `https://matrix.to/#/<room>?via=<server>`, for any Matrix app. */
  link: z.string(),
  joinRule: z.string(),
});
export type RoomLink = z.infer<typeof roomLink>;

/** Someone who asked to join a room by its link. */
export const knockRequest = z.object({ userId: z.string(), displayName: z.string(), reason: z.string().nullable() });
export type KnockRequest = z.infer<typeof knockRequest>;

export const matrixUser = z.object({ userId: z.string(), displayName: z.string() });
export type MatrixUser = z.infer<typeof matrixUser>;

/** What opening an export gives: its preview, or (an archive with several chats) the chats to pick from. */
export const importOpenResult = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('preview'), preview: importPreview }),
  z.object({ kind: z.literal('chooseChat'), importId, fileName: z.string(), candidates: z.array(z.string()) }),
]);
export type ImportOpenResult = z.infer<typeof importOpenResult>;

export const joinLinkResult = z.object({ roomId: z.string(), state: z.enum(['joined', 'requested']) });
export type JoinLinkResult = z.infer<typeof joinLinkResult>;
