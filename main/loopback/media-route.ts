import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MediaResponse } from '../core/media/media-server.ts';

export const MEDIA_PATH = '/media/';

const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

/** The token of a media URL's path, or null when the path is not one. */
export const mediaToken = (url: string | undefined): string | null => {
  if (url === undefined || !url.startsWith(MEDIA_PATH)) {
    return null;
  }
  const token = url.slice(MEDIA_PATH.length);
  return TOKEN.test(token) ? token : null;
};

/**
 * Whether a media request may be answered: from our own page only. Browsers say where a
 * request comes from in `Sec-Fetch-Site` (and `Origin` for fetches); another site, even
 * another port on this machine, gets nothing, whatever token it guessed or was given.
 */
export const mayServeMedia = (headers: IncomingMessage['headers'], expectedOrigin: string): boolean => {
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return false;
  }
  const origin = headers.origin;
  return origin === undefined || origin === expectedOrigin;
};

/** Writes a MediaServer answer to a Node response, streaming the body. */
export const sendMediaResponse = async (answer: MediaResponse, response: ServerResponse): Promise<void> => {
  response.writeHead(answer.status, answer.headers);
  if (answer.body === null) {
    response.end();
    return;
  }
  try {
    for await (const chunk of answer.body) {
      if (response.destroyed) {
        return;
      }
      if (!response.write(chunk)) {
        await new Promise<void>((resolve) => {
          response.once('drain', resolve);
          response.once('close', resolve);
        });
      }
    }
    response.end();
  } catch {
    // Headers are out: all that is left is to cut the response short.
    response.destroy();
  }
};
