/**
 * What a media response says about itself. The renderer shows images, audio and video
 * inline; everything else (HTML, SVG, PDF, anything a browser might run or render as a
 * document) is served as an opaque download, whatever type its sender claimed.
 */

const INLINE = /^(image\/(png|jpeg|gif|webp|avif|bmp)|audio\/[a-z0-9.+-]+|video\/(mp4|webm|ogg|quicktime|x-matroska))$/;

/** The type to serve: the sender's, when it is one we show inline, else application/octet-stream. */
export const servedType = (mimetype: string | null): { type: string; inline: boolean } => {
  const type = (mimetype ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  // audio/* is fine, but not the one scriptable kind that lives under it.
  return INLINE.test(type) && !type.includes('xml') ? { type, inline: true } : { type: 'application/octet-stream', inline: false };
};

/** RFC 6266/5987 filename: an ASCII fallback and the exact UTF-8 name. */
export const contentDisposition = (inline: boolean, filename: string): string => {
  const clean = filename.replace(/[\r\n"\\/]/g, '_').slice(0, 255) || 'file';
  const ascii = clean.replace(/[^\x20-\x7e]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(clean)}`;
};

export type ByteRange = { start: number; end: number };

/**
 * One `bytes=` range (what <audio>/<video> ask for when seeking), clamped to the size;
 * null for no or an unsupported header (multiple ranges: the whole file is sent), and
 * 'unsatisfiable' for a range past the end.
 */
export const parseRange = (header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null => {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (match === null) {
    return null;
  }
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') {
    return null;
  }
  if (from === '') {
    const suffix = Number(to);
    return suffix === 0 || size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  return start >= size || end < start ? 'unsatisfiable' : { start, end };
};

/** The headers of every media response: never cached by the browser (it would keep decrypted bytes), never sniffed, never a document. */
export const mediaHeaders = (options: { mimetype: string | null; filename: string; size: number; range: ByteRange | null }): Record<string, string> => {
  const { type, inline } = servedType(options.mimetype);
  const length = options.range === null ? options.size : options.range.end - options.range.start + 1;
  const headers: Record<string, string> = {
    'Content-Type': type,
    'Content-Length': String(length),
    'Content-Disposition': contentDisposition(inline, options.filename),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Accept-Ranges': 'bytes',
  };
  if (options.range !== null) {
    headers['Content-Range'] = `bytes ${String(options.range.start)}-${String(options.range.end)}/${String(options.size)}`;
  }
  return headers;
};
