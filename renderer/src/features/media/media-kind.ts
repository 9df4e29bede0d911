import type { MediaKind } from '../../../../shared/model/media.ts';
import type { UploadableFile } from '../../lib/upload.ts';

/** Images every browser shows; anything else an "image" could be goes as a file. */
const INLINE_IMAGES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

const AUDIO_EXTENSIONS: Record<string, string> = {
  opus: 'audio/ogg',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  m4a: 'audio/mp4',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  aac: 'audio/aac',
};

const extensionOf = (name: string): string => name.split('.').pop()?.toLowerCase() ?? '';

/** The type of a file, guessed from its name where the browser knows none (.opus often). */
export const typeOf = (file: UploadableFile): string => file.type || AUDIO_EXTENSIONS[extensionOf(file.name)] || '';

/** How a file is sent when the member does not say: images, audio and video as such, the rest as files. */
export const kindOf = (file: UploadableFile): MediaKind => {
  const type = typeOf(file);
  if (INLINE_IMAGES.has(type)) {
    return 'image';
  }
  if (type.startsWith('audio/')) {
    return 'audio';
  }
  return type.startsWith('video/') ? 'video' : 'file';
};

/** The file with the type we guessed, when the browser gave it none; voice notes are Ogg/Opus at least. */
export const withType = (file: UploadableFile, kind: MediaKind): UploadableFile => {
  const type = typeOf(file) || (kind === 'voice' ? 'audio/ogg' : '');
  return type === file.type ? file : new File([file], file.name, { type });
};

/** Sizes as people read them: 1,2 MB in Indonesian, 1.2 MB in English. */
export const formatBytes = (bytes: number, language: string): string => {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value)} ${units[unit] ?? 'B'}`;
};

/** The limit in whole megabytes, as main states it ("10 MB" for 10 MiB). */
export const megabytes = (bytes: number): number => Math.floor(bytes / (1024 * 1024));
