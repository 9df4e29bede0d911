import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore } from '../core/app-core.ts';
import { silentLogger } from '../core/ports.ts';
import { mayServeMedia, mediaToken } from './media-route.ts';
import { startLoopbackServer, type LoopbackServer } from './server.ts';

const token = 'AbCdEfGhIjKlMnOpQrStUvWx';

describe('mediaToken', () => {
  it('takes a well-formed token only', () => {
    expect(mediaToken(`/media/${token}`)).toBe(token);
    expect(mediaToken(`/media/${token}?x`)).toBeNull();
    expect(mediaToken('/media/../index.html')).toBeNull();
    expect(mediaToken('/media/short')).toBeNull();
    expect(mediaToken('/index.html')).toBeNull();
  });
});

describe('mayServeMedia', () => {
  const origin = 'http://127.0.0.1:5000';
  it.each([
    [{}, true],
    [{ 'sec-fetch-site': 'same-origin' }, true],
    [{ 'sec-fetch-site': 'none' }, true],
    [{ 'sec-fetch-site': 'same-site' }, false],
    [{ 'sec-fetch-site': 'cross-site' }, false],
    [{ origin }, true],
    [{ origin: 'http://127.0.0.1:6000' }, false],
  ])('%j → %s', (headers, allowed) => {
    expect(mayServeMedia(headers, origin)).toBe(allowed);
  });
});

describe('GET /media/<token> on the loopback server', () => {
  let server: LoopbackServer;
  let staticDir: string;
  const asked: { token: string; range?: string; head?: boolean }[] = [];

  beforeEach(async () => {
    staticDir = await mkdtemp(path.join(os.tmpdir(), 'rembuk-static-'));
    await writeFile(path.join(staticDir, 'index.html'), '<!doctype html>');
    const core = {
      serveMedia: (t: string, options: { range?: string; head?: boolean }) => {
        asked.push({ token: t, ...options });
        const body = (async function* () {
          await Promise.resolve();
          yield new TextEncoder().encode('image-bytes');
        })();
        return Promise.resolve({ status: 200, headers: { 'Content-Type': 'image/png', 'X-Content-Type-Options': 'nosniff' }, body });
      },
    } as unknown as AppCore;
    asked.length = 0;
    server = await startLoopbackServer({ core, staticDir, logger: silentLogger });
  });

  afterEach(async () => {
    await server.close();
    await rm(staticDir, { recursive: true, force: true });
  });

  const get = (pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; type: string | undefined }> =>
    new Promise((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, path: pathname, headers: { host: `127.0.0.1:${String(server.port)}`, ...headers } },
        (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, body, type: res.headers['content-type'] });
          });
        },
      );
      req.on('error', reject);
      req.end();
    });

  it('streams what the core answers, with the range', async () => {
    const response = await get(`/media/${token}`, { range: 'bytes=0-3', 'sec-fetch-site': 'same-origin' });
    expect(response).toEqual({ status: 200, body: 'image-bytes', type: 'image/png' });
    expect(asked).toEqual([{ token, range: 'bytes=0-3', head: false }]);
  });

  it('refuses another site and a wrong host before asking the core', async () => {
    expect((await get(`/media/${token}`, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await get(`/media/${token}`, { host: 'evil.example' })).status).toBe(421);
    expect((await get('/media/bad')).status).toBe(404);
    expect(asked).toEqual([]);
  });
});
