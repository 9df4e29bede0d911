import type { MediaKind } from '../../../shared/model/media.ts';
import type { SendState, TimelineItem } from '../../../shared/model/timeline.ts';
import { encryptedFileSchema } from './attachment-crypto.ts';
import type { MediaMeta, MediaRole, RemoteSource } from './media-server.ts';

export type MediaItem = Extract<TimelineItem, { kind: 'media' }>;
type Base = Pick<MediaItem, 'id' | 'eventId' | 'sender' | 'senderName' | 'own' | 'ts'>;

/** How the projection turns an event's mxc into a URL the renderer may load (MediaServer.url). */
export type MediaUrls = {
  url(roomId: string, itemId: string, role: MediaRole, source: RemoteSource, meta: MediaMeta): string;
};

const MEDIA_MSGTYPES: Record<string, MediaKind | undefined> = { 'm.image': 'image', 'm.file': 'file', 'm.audio': 'audio', 'm.video': 'video' };

export const isMediaMsgtype = (msgtype: unknown): boolean => typeof msgtype === 'string' && MEDIA_MSGTYPES[msgtype] !== undefined;

const numberOr = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null);
const stringOr = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const objectOr = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {});

/** The file of an attachment content (`file` when encrypted, else `url`), or null when it has none we can fetch. */
export const sourceOf = (content: Record<string, unknown>, fileKey: string, urlKey: string): RemoteSource | null => {
  // What another client wrote as an EncryptedFile is checked before it goes anywhere near a decipher.
  const parsed = encryptedFileSchema.safeParse(content[fileKey]);
  if (parsed.success) {
    const { url, ...keys } = parsed.data;
    return url.startsWith('mxc://') ? { mxc: url, file: keys } : null;
  }
  const url = content[urlKey];
  return typeof url === 'string' && url.startsWith('mxc://') ? { mxc: url } : null;
};

/**
 * An m.image / m.file / m.audio / m.video event as a media item. The caption is the body
 * when the event also names the file and the two differ (the spec's rule), so a plain
 * upload shows only its name. Voice notes are m.audio with MSC3245's marker.
 */
export const toMediaItem = (options: {
  content: Record<string, unknown>;
  base: Base;
  roomId: string;
  sendState: SendState;
  urls: MediaUrls | null;
}): MediaItem | null => {
  const { content, base, roomId, urls } = options;
  const kind = MEDIA_MSGTYPES[String(content.msgtype)];
  if (kind === undefined) {
    return null;
  }
  const info = objectOr(content.info);
  const body = stringOr(content.body) ?? '';
  const filename = stringOr(content.filename);
  const caption = filename !== null && filename !== body && body.trim() !== '' ? body : null;
  const voice = kind === 'audio' && typeof content['org.matrix.msc3245.voice'] === 'object' && content['org.matrix.msc3245.voice'] !== null;
  const mimetype = stringOr(info.mimetype);
  const name = filename ?? (body.trim() === '' ? 'file' : body);
  const source = sourceOf(content, 'file', 'url');
  const thumbnail = sourceOf(info, 'thumbnail_file', 'thumbnail_url');
  const thumbnailInfo = objectOr(info.thumbnail_info);
  return {
    ...base,
    kind: 'media',
    msgtype: voice ? 'voice' : kind,
    caption,
    filename: name,
    mimetype,
    size: numberOr(info.size),
    width: numberOr(info.w),
    height: numberOr(info.h),
    durationMs: numberOr(info.duration) ?? numberOr(objectOr(content['org.matrix.msc1767.audio']).duration),
    sendState: options.sendState,
    error: null,
    mediaUrl: source === null || urls === null ? null : urls.url(roomId, base.id, 'media', source, { mimetype, filename: name }),
    thumbnailUrl:
      thumbnail === null || urls === null
        ? null
        : urls.url(roomId, base.id, 'thumbnail', thumbnail, { mimetype: stringOr(thumbnailInfo.mimetype), filename: `thumbnail-${name}` }),
  };
};
