import { randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MediaProgress } from '../../../shared/model/media.ts';
import { silentLogger } from '../ports.ts';
import { useTempDir } from '../test-support/temp-dir.ts';
import { encryptAttachment } from './attachment-crypto.ts';
import { MediaServer, type MediaResponse } from './media-server.ts';
import { SealedCache } from './sealed-cache.ts';

const temp = useTempDir('rembuk-media-server-');

type Served = { url: string; auth: string | null };

const setup = (files: Record<string, Buffer | 'unrecognized' | 'hang'>) => {
  const requests: Served[] = [];
  const progress: MediaProgress[] = [];
  const fakeFetch = ((input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers = new Headers(init?.headers);
    requests.push({ url, auth: headers.get('authorization') });
    const key = Object.keys(files).find((name) => url.includes(name));
    const file = key === undefined ? undefined : files[key];
    if (file === 'hang') {
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => {
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    }
    if (file === 'unrecognized' && url.includes('/client/v1/')) {
      return Promise.resolve(new Response(JSON.stringify({ errcode: 'M_UNRECOGNIZED' }), { status: 404 }));
    }
    const body = file === undefined || file === 'unrecognized' ? files[`${key ?? ''}:legacy`] : file;
    if (!(body instanceof Buffer)) {
      return Promise.resolve(new Response(JSON.stringify({ errcode: 'M_NOT_FOUND' }), { status: 404 }));
    }
    return Promise.resolve(new Response(new Uint8Array(body), { status: 200, headers: { 'content-length': String(body.length) } }));
  }) as typeof fetch;
  const server = new MediaServer({
    cache: new SealedCache({ dir: path.join(temp.path, 'cache'), storageKey: randomBytes(32) }),
    logger: silentLogger,
    urlBase: '/media/',
    homeserverUrl: () => 'http://hs.test',
    accessToken: () => 'secret-token',
    progress: (p) => progress.push(p),
    fetch: fakeFetch,
  });
  return { server, requests, progress };
};

const tokenOf = (url: string): string => url.slice('/media/'.length);

const bodyOf = async (response: MediaResponse): Promise<Buffer> => {
  const parts: Uint8Array[] = [];
  for await (const part of response.body ?? []) {
    parts.push(part);
  }
  return Buffer.concat(parts);
};

const meta = { mimetype: 'image/jpeg', filename: 'foto.jpg' };

describe('MediaServer', () => {
  it('gives each item its own unguessable token, stable for the run', () => {
    const { server } = setup({});
    const a = server.url('!r', '$a', 'media', { mxc: 'mxc://hs/a' }, meta);
    expect(a).toMatch(/^\/media\/[A-Za-z0-9_-]{32}$/);
    expect(server.url('!r', '$a', 'media', { mxc: 'mxc://hs/a' }, meta)).toBe(a);
    expect(server.url('!r', '$a', 'thumbnail', { mxc: 'mxc://hs/t' }, meta)).not.toBe(a);
    expect(server.url('!r', '$b', 'media', { mxc: 'mxc://hs/a' }, meta)).not.toBe(a);
  });

  it('answers 404 for a token it never gave', async () => {
    const { server, requests } = setup({});
    expect((await server.serve('x'.repeat(32), {})).status).toBe(404);
    expect(requests).toEqual([]);
  });

  it('downloads with the token from the authenticated endpoint, checks, decrypts, caches sealed and streams', async () => {
    const plain = randomBytes(200_000);
    const { data, keys } = encryptAttachment(plain);
    const { server, requests, progress } = setup({ 'hs/enc': data });
    const url = server.url('!r', '$e', 'media', { mxc: 'mxc://hs/enc', file: keys }, meta);
    const first = await server.serve(tokenOf(url), {});
    expect(first.status).toBe(200);
    expect(first.headers['Content-Type']).toBe('image/jpeg');
    expect(first.headers['Content-Length']).toBe(String(plain.length));
    expect((await bodyOf(first)).equals(plain)).toBe(true);
    expect(requests).toEqual([{ url: 'http://hs.test/_matrix/client/v1/media/download/hs/enc?allow_redirect=true', auth: 'Bearer secret-token' }]);
    expect(progress.at(-1)).toEqual({ roomId: '!r', itemId: '$e', phase: 'downloading', loaded: data.length, total: data.length });
    // The second time from the cache, which holds no plaintext.
    expect((await bodyOf(await server.serve(tokenOf(url), {}))).equals(plain)).toBe(true);
    expect(requests).toHaveLength(1);
    const [cached] = await readdir(path.join(temp.path, 'cache'));
    const raw = await readFile(path.join(temp.path, 'cache', cached!));
    expect(raw.includes(plain.subarray(0, 64))).toBe(false);
  });

  it('refuses ciphertext that does not match its hash, and caches nothing', async () => {
    const { data, keys } = encryptAttachment(randomBytes(1000));
    data[10] = (data[10] ?? 0) ^ 1;
    const { server } = setup({ 'hs/bad': data });
    const url = server.url('!r', '$e', 'media', { mxc: 'mxc://hs/bad', file: keys }, meta);
    expect((await server.serve(tokenOf(url), {})).status).toBe(502);
    expect(await readdir(path.join(temp.path, 'cache'))).toEqual([]);
  });

  it('falls back to the legacy endpoint for a server without authenticated media', async () => {
    const plain = Buffer.from('plain file');
    const { server, requests } = setup({ 'hs/old': 'unrecognized', 'hs/old:legacy': plain });
    const url = server.url('!r', '$o', 'media', { mxc: 'mxc://hs/old' }, { mimetype: 'text/plain', filename: 'a.txt' });
    const response = await server.serve(tokenOf(url), {});
    expect((await bodyOf(response)).toString()).toBe('plain file');
    expect(requests.map((r) => r.url)).toEqual([
      'http://hs.test/_matrix/client/v1/media/download/hs/old?allow_redirect=true',
      'http://hs.test/_matrix/media/v3/download/hs/old?allow_redirect=true',
    ]);
    // A text file is not shown as a page.
    expect(response.headers['Content-Type']).toBe('application/octet-stream');
    expect(response.headers['Content-Disposition']).toMatch(/^attachment/);
  });

  it('answers ranges and HEAD', async () => {
    const plain = randomBytes(100_000);
    const { server } = setup({ 'hs/audio': plain });
    const url = server.url('!r', '$a', 'media', { mxc: 'mxc://hs/audio' }, { mimetype: 'audio/ogg', filename: 'v.ogg' });
    const ranged = await server.serve(tokenOf(url), { range: 'bytes=70000-70009' });
    expect(ranged.status).toBe(206);
    expect((await bodyOf(ranged)).equals(plain.subarray(70000, 70010))).toBe(true);
    const head = await server.serve(tokenOf(url), { head: true });
    expect(head.body).toBeNull();
    expect(head.headers['Content-Length']).toBe('100000');
    expect((await server.serve(tokenOf(url), { range: 'bytes=100000-' })).status).toBe(416);
  });

  it('serves our own file while it uploads, then from the cache once settled', async () => {
    const plain = randomBytes(5000);
    const file = path.join(temp.path, 'pending');
    await writeFile(file, plain);
    const { server, requests } = setup({});
    const url = server.localUrl('!r', 'txn:1', 'media', file, meta);
    expect((await bodyOf(await server.serve(tokenOf(url), {}))).equals(plain)).toBe(true);
    await server.settle('txn:1', 'media', { mxc: 'mxc://hs/sent' });
    await writeFile(file, 'gone');
    expect(server.url('!r', 'txn:1', 'media', { mxc: 'mxc://hs/sent' }, meta)).toBe(url);
    expect((await bodyOf(await server.serve(tokenOf(url), {}))).equals(plain)).toBe(true);
    expect(requests).toEqual([]);
  });

  it('saves the decrypted file where asked', async () => {
    const plain = randomBytes(3000);
    const { data, keys } = encryptAttachment(plain);
    const { server } = setup({ 'hs/doc': data });
    server.url('!r', '$d', 'media', { mxc: 'mxc://hs/doc', file: keys }, { mimetype: 'application/pdf', filename: 'laporan.pdf' });
    expect(server.filenameOf('$d')).toBe('laporan.pdf');
    const target = path.join(temp.path, 'laporan.pdf');
    await server.save('$d', target);
    expect((await readFile(target)).equals(plain)).toBe(true);
  });

  it('cancels a download an item waits for', async () => {
    const { server } = setup({ 'hs/slow': 'hang' });
    const url = server.url('!r', '$s', 'media', { mxc: 'mxc://hs/slow' }, meta);
    const serving = server.serve(tokenOf(url), {});
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.cancelDownload('$s')).toBe(true);
    expect((await serving).status).toBe(502);
    expect(server.cancelDownload('$s')).toBe(false);
  });
});
