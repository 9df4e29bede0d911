import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../shared/ipc/errors.ts';
import { RembukError } from '../../../shared/ipc/errors.ts';
import { probeHomeserver, type Fetch } from './homeserver-probe.ts';

type Route = Response | Error;

/** A fetch that answers from a table of URLs (404 for anything else) and records what was asked. */
const fakeFetch = (routes: Record<string, () => Route>) => {
  const asked: string[] = [];
  const signals: unknown[] = [];
  const fetchImpl: Fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    asked.push(url);
    signals.push(init?.signal);
    const route = routes[url];
    const answer = route ? route() : new Response('not found', { status: 404 });
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  };
  return { fetchImpl, asked, signals };
};

const json =
  (body: unknown, status = 200) =>
  (): Response =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const versions = json({ versions: ['v1.11', 'v1.12'] });

const rejectsWith = async (promise: Promise<unknown>, code: ErrorCode): Promise<void> => {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(RembukError);
  expect((error as RembukError).code).toBe(code);
};

describe('probeHomeserver', () => {
  it('answers the base URL of a server whose /versions is good', async () => {
    const { fetchImpl, signals } = fakeFetch({ 'https://hs.example.org/_matrix/client/versions': versions });
    await expect(probeHomeserver('https://hs.example.org/', fetchImpl)).resolves.toBe('https://hs.example.org');
    expect(signals[0]).toBeInstanceOf(AbortSignal);
  });

  it('follows .well-known discovery for a bare domain', async () => {
    const { fetchImpl, asked } = fakeFetch({
      'https://example.org/.well-known/matrix/client': json({ 'm.homeserver': { base_url: 'https://matrix.example.org/' } }),
      'https://matrix.example.org/_matrix/client/versions': versions,
    });
    await expect(probeHomeserver('example.org', fetchImpl)).resolves.toBe('https://matrix.example.org');
    expect(asked).toEqual(['https://example.org/.well-known/matrix/client', 'https://matrix.example.org/_matrix/client/versions']);
  });

  it('skips discovery when a scheme was typed', async () => {
    const { fetchImpl, asked } = fakeFetch({
      'https://example.org/.well-known/matrix/client': json({ 'm.homeserver': { base_url: 'https://elsewhere.org' } }),
      'https://example.org/_matrix/client/versions': versions,
    });
    await expect(probeHomeserver('https://example.org', fetchImpl)).resolves.toBe('https://example.org');
    expect(asked).toEqual(['https://example.org/_matrix/client/versions']);
  });

  it.each<[string, () => Route]>([
    ['is missing', () => new Response('nope', { status: 404 })],
    ['is not JSON', () => new Response('<html></html>', { status: 200 })],
    ['has no base_url', json({ 'm.homeserver': {} })],
    ['points at an unusable URL', json({ 'm.homeserver': { base_url: 'ftp://matrix.example.org' } })],
    ['cannot be fetched', () => new TypeError('fetch failed')],
  ])('falls back to the typed domain when discovery %s', async (_label, wellKnown) => {
    const { fetchImpl } = fakeFetch({
      'https://example.org/.well-known/matrix/client': wellKnown,
      'https://example.org/_matrix/client/versions': versions,
    });
    await expect(probeHomeserver('example.org', fetchImpl)).resolves.toBe('https://example.org');
  });

  it('reports homeserver_unreachable when fetch rejects', async () => {
    const { fetchImpl } = fakeFetch({
      'https://example.org/.well-known/matrix/client': () => new TypeError('getaddrinfo ENOTFOUND'),
      'https://example.org/_matrix/client/versions': () => new TypeError('getaddrinfo ENOTFOUND'),
    });
    await rejectsWith(probeHomeserver('example.org', fetchImpl), 'homeserver_unreachable');
  });

  it.each<[string, () => Route]>([
    ['a 404', () => new Response('not found', { status: 404 })],
    ['a 500 with versions', json({ versions: ['v1.11'] }, 500)],
    ['JSON without versions', json({ hello: 'world' })],
    ['versions that is not a list', json({ versions: 'v1.11' })],
    ['JSON null', json(null)],
    ['an HTML page', () => new Response('<!doctype html><title>Welcome</title>', { status: 200, headers: { 'Content-Type': 'text/html' } })],
  ])('reports not_a_homeserver for %s', async (_label, answer) => {
    const { fetchImpl } = fakeFetch({ 'https://example.org/_matrix/client/versions': answer });
    await rejectsWith(probeHomeserver('https://example.org', fetchImpl), 'not_a_homeserver');
  });

  it('rejects an invalid address without fetching anything', async () => {
    const { fetchImpl, asked } = fakeFetch({});
    await rejectsWith(probeHomeserver('ftp://example.org', fetchImpl), 'invalid_homeserver_url');
    expect(asked).toEqual([]);
  });
});

describe('discovery never downgrades to plain http', () => {
  it('ignores a .well-known that points a bare domain at http', async () => {
    const { fetchImpl, asked } = fakeFetch({
      'https://example.org/.well-known/matrix/client': json({ 'm.homeserver': { base_url: 'http://matrix.example.org' } }),
      'https://example.org/_matrix/client/versions': versions,
    });
    expect(await probeHomeserver('example.org', fetchImpl)).toBe('https://example.org');
    expect(asked).not.toContain('http://matrix.example.org/_matrix/client/versions');
  });
});
