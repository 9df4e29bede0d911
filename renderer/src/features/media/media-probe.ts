import { thumbnailSize } from '../../../../shared/model/media.ts';
import type { UploadableFile } from '../../lib/upload.ts';

/** What the browser can tell about a file before it is sent; every answer may be "don't know". */
export type MediaProbe = {
  /** An image's size and a thumbnail (≤ 800 px, JPEG or PNG for pictures with transparency), or null when it cannot be decoded. */
  image(file: UploadableFile): Promise<{ width: number; height: number; thumbnail: UploadableFile | null } | null>;
  /** Audio or video length in milliseconds, or null. */
  duration(file: UploadableFile): Promise<number | null>;
};

const DURATION_TIMEOUT_MS = 5000;

const canvasBlob = (canvas: HTMLCanvasElement, type: string): Promise<Blob | null> =>
  new Promise((resolve) => {
    canvas.toBlob(resolve, type, 0.8);
  });

/** The browser's decoders and a canvas: thumbnails are made here, so main never parses an image. */
export const browserProbe: MediaProbe = {
  image: async (file) => {
    let bitmap: ImageBitmap;
    try {
      bitmap = await createImageBitmap(file);
    } catch {
      return null;
    }
    try {
      const { width, height } = bitmap;
      const size = thumbnailSize(width, height);
      const canvas = document.createElement('canvas');
      canvas.width = size.width;
      canvas.height = size.height;
      const context = canvas.getContext('2d');
      if (context === null) {
        return { width, height, thumbnail: null };
      }
      context.drawImage(bitmap, 0, 0, size.width, size.height);
      const type = file.type === 'image/png' || file.type === 'image/gif' ? 'image/png' : 'image/jpeg';
      const blob = await canvasBlob(canvas, type);
      const thumbnail = blob === null ? null : new File([blob], `thumbnail.${type === 'image/png' ? 'png' : 'jpg'}`, { type });
      return { width, height, thumbnail };
    } finally {
      bitmap.close();
    }
  },
  duration: (file) =>
    new Promise((resolve) => {
      const url = URL.createObjectURL(file);
      const audio = document.createElement('audio');
      const done = (value: number | null): void => {
        clearTimeout(timer);
        URL.revokeObjectURL(url);
        audio.removeAttribute('src');
        resolve(value);
      };
      const timer = setTimeout(() => {
        done(null);
      }, DURATION_TIMEOUT_MS);
      audio.preload = 'metadata';
      audio.onloadedmetadata = () => {
        done(Number.isFinite(audio.duration) ? audio.duration * 1000 : null);
      };
      audio.onerror = () => {
        done(null);
      };
      audio.src = url;
    }),
};
