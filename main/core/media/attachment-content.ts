import type { MediaKind } from '../../../shared/model/media.ts';
import type { EncryptedFile } from './attachment-crypto.ts';

type Uploaded = { url?: string; file?: EncryptedFile; info: { mimetype: string; size: number } };

export type AttachmentContentOptions = {
  kind: MediaKind;
  /** The file's name as the member chose it. */
  name: string;
  /** What the member wrote with it; without one, the body is the file name. */
  caption?: string;
  upload: Uploaded;
  width?: number;
  height?: number;
  durationMs?: number;
  thumbnail?: { upload: Uploaded; width: number; height: number };
};

const msgtypes: Record<MediaKind, string> = {
  image: 'm.image',
  file: 'm.file',
  audio: 'm.audio',
  voice: 'm.audio',
  video: 'm.video',
};

/**
 * The `m.room.message` content of an attachment, as the spec's m.image / m.file / m.audio /
 * m.video describe it: `body` is the caption (or the file name), `filename` the name, so
 * clients that know captions show both. A voice note is an m.audio with MSC3245's marker
 * and MSC1767's duration, as Element and the mobile apps send and recognise it.
 */
export const attachmentContent = (options: AttachmentContentOptions): Record<string, unknown> => {
  const { kind, upload } = options;
  const caption = options.caption?.trim();
  const info: Record<string, unknown> = { mimetype: upload.info.mimetype, size: upload.info.size };
  if (kind === 'image' || kind === 'video') {
    if (options.width !== undefined) {
      info.w = options.width;
    }
    if (options.height !== undefined) {
      info.h = options.height;
    }
  }
  if ((kind === 'audio' || kind === 'voice' || kind === 'video') && options.durationMs !== undefined) {
    info.duration = options.durationMs;
  }
  const thumbnail = options.thumbnail;
  if (thumbnail !== undefined && kind !== 'audio' && kind !== 'voice') {
    if (thumbnail.upload.file !== undefined) {
      info.thumbnail_file = thumbnail.upload.file;
    } else if (thumbnail.upload.url !== undefined) {
      info.thumbnail_url = thumbnail.upload.url;
    }
    info.thumbnail_info = { mimetype: thumbnail.upload.info.mimetype, size: thumbnail.upload.info.size, w: thumbnail.width, h: thumbnail.height };
  }
  const content: Record<string, unknown> = {
    msgtype: msgtypes[kind],
    body: caption !== undefined && caption !== '' ? caption : options.name,
    filename: options.name,
    info,
  };
  if (upload.file !== undefined) {
    content.file = upload.file;
  } else {
    content.url = upload.url;
  }
  if (kind === 'voice') {
    content['org.matrix.msc3245.voice'] = {};
    content['org.matrix.msc1767.audio'] = { duration: options.durationMs ?? 0 };
  }
  return content;
};
