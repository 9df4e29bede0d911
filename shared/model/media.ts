import { z } from 'zod';
import { roomId } from './room.ts';

/** The largest file a member can hand to main: 2 GiB. A homeserver usually accepts far less. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;

/**
 * Bytes per `upload:chunk`. A request may be at most 256 KiB of JSON (MAX_REQUEST_BYTES), and
 * base64 makes 128 KiB into about 171 KiB, which leaves room for the rest of the request.
 */
export const UPLOAD_CHUNK_BYTES = 128 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MAX_CHUNK_BASE64_LENGTH = Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4;

/** How many bytes a (valid, padded) base64 string decodes to. */
export const base64DecodedLength = (text: string): number => {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
};

/** One chunk of an upload: standard base64 with padding, at most UPLOAD_CHUNK_BYTES once decoded. */
export const uploadChunkData = z
  .string()
  .max(MAX_CHUNK_BASE64_LENGTH)
  .refine((text) => text.length % 4 === 0 && BASE64.test(text), 'not base64')
  .refine((text) => base64DecodedLength(text) <= UPLOAD_CHUNK_BYTES, 'chunk too large');

export const uploadId = z.string().regex(/^[0-9a-f]{32}$/, 'not an upload id');

export const uploadBeginInput = z
  .object({
    name: z.string().min(1).max(255),
    mimetype: z.string().max(255),
    size: z.number().int().min(0).max(MAX_UPLOAD_BYTES),
  })
  .strict();
export type UploadBeginInput = z.infer<typeof uploadBeginInput>;

export const uploadChunkInput = z.object({ uploadId, offset: z.number().int().min(0).max(MAX_UPLOAD_BYTES), data: uploadChunkData }).strict();

/** What a media message is sent as; `voice` is an `m.audio` marked as a voice note (MSC3245). */
export const mediaKind = z.enum(['image', 'file', 'audio', 'voice', 'video']);
export type MediaKind = z.infer<typeof mediaKind>;

const dimension = z.number().int().min(1).max(100_000);

/** A longest caption; like a text message's body it travels inside the event. */
export const MAX_CAPTION_LENGTH = 4096;

export const mediaSendInput = z
  .object({
    roomId,
    uploadId,
    caption: z.string().max(MAX_CAPTION_LENGTH).optional(),
    kind: mediaKind,
    width: dimension.optional(),
    height: dimension.optional(),
    durationMs: z
      .number()
      .int()
      .min(0)
      .max(24 * 60 * 60 * 1000)
      .optional(),
    thumbnailUploadId: uploadId.optional(),
  })
  .strict();
export type MediaSendInput = z.infer<typeof mediaSendInput>;

/** A timeline item's id (`txn:…` or an event id), as media requests name it. */
export const mediaItemId = z.string().min(1).max(300);

export const mediaProgress = z.object({
  roomId: z.string(),
  itemId: z.string(),
  phase: z.enum(['uploading', 'downloading']),
  loaded: z.number().nonnegative(),
  total: z.number().nonnegative(),
});
export type MediaProgress = z.infer<typeof mediaProgress>;

/** What the homeserver accepts; null when it does not say. */
export const mediaConfig = z.object({ maxUploadBytes: z.number().int().nonnegative().nullable() });
export type MediaConfig = z.infer<typeof mediaConfig>;

/** Thumbnails are at most this many pixels on their longer side. */
export const MAX_THUMBNAIL_PX = 800;

/** A thumbnail's size for an image of `width`×`height`: the same in the renderer (which draws it) and main (which describes it). */
export const thumbnailSize = (width: number, height: number): { width: number; height: number } => {
  const scale = Math.min(1, MAX_THUMBNAIL_PX / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
};
