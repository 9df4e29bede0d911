/**
 * What an exported file is sent as. WhatsApp's file names are the only type information an
 * export carries (reference §7), so the kind and MIME type come from the extension, and a
 * voice note from WhatsApp's `PTT-` prefix (Android) or the parser's `voice_note` tag.
 */
import type { MediaKind } from '../../../shared/model/media.ts';

const MIME_TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  mp4: 'video/mp4',
  '3gp': 'video/3gpp',
  mov: 'video/quicktime',
  webm: 'video/webm',
  // WhatsApp's voice notes are Opus in an Ogg container.
  opus: 'audio/ogg',
  ogg: 'audio/ogg',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  wav: 'audio/wav',
  pdf: 'application/pdf',
  vcf: 'text/vcard',
  txt: 'text/plain',
  csv: 'text/csv',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  zip: 'application/zip',
};

/** Types a browser shows inline; anything else goes as a file the member downloads. */
const INLINE_IMAGES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);
const INLINE_VIDEOS = new Set(['video/mp4', 'video/webm']);

const extensionOf = (fileName: string): string => {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
};

export const mimeTypeOf = (fileName: string): string => MIME_TYPES[extensionOf(fileName)] ?? 'application/octet-stream';

export const mediaKindOf = (fileName: string, tags: readonly string[]): MediaKind => {
  const mimetype = mimeTypeOf(fileName);
  if (INLINE_IMAGES.has(mimetype)) {
    return 'image';
  }
  if (INLINE_VIDEOS.has(mimetype)) {
    return 'video';
  }
  if (mimetype.startsWith('audio/')) {
    return tags.includes('voice_note') || /^PTT-/i.test(fileName) ? 'voice' : 'audio';
  }
  return 'file';
};
