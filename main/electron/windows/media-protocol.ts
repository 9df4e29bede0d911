import { protocol } from 'electron';
import { MEDIA_SCHEME } from '../../../shared/security/content-security-policy.ts';
import type { AppCore } from '../../core/app-core.ts';
import type { MediaResponse } from '../../core/media/media-server.ts';
import type { Logger } from '../../core/ports.ts';

export { MEDIA_SCHEME };

const MEDIA_HOST = 'media';

/** What media URLs start with in Electron: the core appends the item's token. */
export const MEDIA_URL_BASE = `${MEDIA_SCHEME}://${MEDIA_HOST}/`;

/** The privileges the scheme is registered with (before `ready`, with app://): streamed, fetchable, a secure origin of its own. */
export const MEDIA_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, stream: true } as const;

const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

/** The token of a `rembuk-media://media/<token>` request, or the status to refuse it with. */
export const mediaRequestToken = (method: string, url: string): { token: string } | { status: number } => {
  if (method !== 'GET' && method !== 'HEAD') {
    return { status: 405 };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { status: 400 };
  }
  const token = parsed.pathname.slice(1);
  if (parsed.protocol !== `${MEDIA_SCHEME}:` || parsed.hostname !== MEDIA_HOST || parsed.search !== '' || !TOKEN.test(token)) {
    return { status: 404 };
  }
  return { token };
};

/** A MediaServer answer as the web Response `protocol.handle` wants, its body streamed. */
export const toWebResponse = (answer: MediaResponse): Response => {
  const source = answer.body;
  const body =
    source === null
      ? null
      : new ReadableStream<Uint8Array>({
          async start(controller) {
            try {
              for await (const chunk of source) {
                controller.enqueue(new Uint8Array(chunk));
              }
              controller.close();
            } catch (error) {
              controller.error(error);
            }
          },
        });
  return new Response(body, { status: answer.status, headers: answer.headers });
};

/** Serves attachments on `rembuk-media://media/<token>` from the core's MediaServer. Call after `ready`. */
export const serveMediaScheme = (core: AppCore, logger: Logger): void => {
  protocol.handle(MEDIA_SCHEME, async (request) => {
    const target = mediaRequestToken(request.method, request.url);
    if ('status' in target) {
      return new Response(null, { status: target.status, headers: { 'Cache-Control': 'no-store' } });
    }
    try {
      const answer = await core.serveMedia(target.token, { range: request.headers.get('range') ?? undefined, head: request.method === 'HEAD' });
      return toWebResponse(answer);
    } catch (error) {
      logger.warn('media request failed', error);
      return new Response(null, { status: 500 });
    }
  });
};
