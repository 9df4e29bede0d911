import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppCore } from '../../core/app-core.ts';
import { silentLogger } from '../../core/ports.ts';
import { MEDIA_URL_BASE, mediaRequestToken, serveMediaScheme, toWebResponse } from './media-protocol.ts';

type Handler = (request: Request) => Promise<Response>;
const fake = vi.hoisted(() => ({ handlers: new Map<string, Handler>() }));

vi.mock('electron', () => ({
  protocol: {
    handle: (scheme: string, handler: Handler) => {
      fake.handlers.set(scheme, handler);
    },
  },
}));

const token = 'AbCdEfGhIjKlMnOpQrStUvWx';

describe('mediaRequestToken', () => {
  it('takes the token of a media URL', () => {
    expect(mediaRequestToken('GET', `${MEDIA_URL_BASE}${token}`)).toEqual({ token });
    expect(mediaRequestToken('HEAD', `${MEDIA_URL_BASE}${token}`)).toEqual({ token });
  });

  it.each([
    ['POST', `${MEDIA_URL_BASE}${token}`, 405],
    ['GET', `rembuk-media://other/${token}`, 404],
    ['GET', `${MEDIA_URL_BASE}${token}?x=1`, 404],
    ['GET', `${MEDIA_URL_BASE}a/${token}`, 404],
    ['GET', `${MEDIA_URL_BASE}short`, 404],
    ['GET', `app://rembuk/${token}`, 404],
    ['GET', 'not a url', 400],
  ])('refuses %s %s with %i', (method, url, status) => {
    expect(mediaRequestToken(method, url)).toEqual({ status });
  });
});

describe('toWebResponse', () => {
  it('streams the body with status and headers', async () => {
    const body = (): AsyncIterable<Uint8Array> => ({
      [Symbol.asyncIterator]: () => {
        const parts = [new TextEncoder().encode('ab'), new TextEncoder().encode('c')];
        return { next: () => Promise.resolve(parts.length > 0 ? { done: false, value: parts.shift()! } : { done: true, value: undefined }) };
      },
    });
    const response = toWebResponse({ status: 206, headers: { 'Content-Type': 'image/png', 'X-Content-Type-Options': 'nosniff' }, body: body() });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(await response.text()).toBe('abc');
  });
});

describe('serveMediaScheme', () => {
  const asked: { token: string; range?: string; head?: boolean }[] = [];
  const core = {
    serveMedia: (t: string, request: { range?: string; head?: boolean }) => {
      asked.push({ token: t, ...request });
      return Promise.resolve({ status: 200, headers: { 'Content-Type': 'image/jpeg' }, body: null });
    },
  } as unknown as AppCore;

  beforeEach(() => {
    asked.length = 0;
    fake.handlers.clear();
    serveMediaScheme(core, silentLogger);
  });

  it('asks the core for the token, with the range', async () => {
    const handler = fake.handlers.get('rembuk-media')!;
    const response = await handler(new Request(`${MEDIA_URL_BASE}${token}`, { headers: { Range: 'bytes=0-9' } }));
    expect(response.status).toBe(200);
    expect(asked).toEqual([{ token, range: 'bytes=0-9', head: false }]);
  });

  it('never asks the core about a malformed request', async () => {
    const handler = fake.handlers.get('rembuk-media')!;
    const response = await handler(new Request(`${MEDIA_URL_BASE}x`));
    expect(response.status).toBe(404);
    expect(asked).toEqual([]);
  });
});
