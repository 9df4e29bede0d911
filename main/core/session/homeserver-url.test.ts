import { describe, expect, it } from 'vitest';
import { RembukError } from '../../../shared/ipc/errors.ts';
import { loginIdentifier, normaliseHomeserverUrl } from './homeserver-url.ts';

describe('normaliseHomeserverUrl', () => {
  it.each([
    ['example.org', 'https://example.org'],
    ['  matrix.example.org  ', 'https://matrix.example.org'],
    ['example.org:8448', 'https://example.org:8448'],
    ['example.org/', 'https://example.org'],
  ])('takes the bare domain %j as https: %s', (typed, url) => {
    expect(normaliseHomeserverUrl(typed)).toEqual({ url, typedScheme: false });
  });

  it.each([
    ['localhost:8008', 'http://localhost:8008'],
    ['localhost', 'http://localhost'],
    ['127.0.0.1:8008', 'http://127.0.0.1:8008'],
    ['[::1]:8008', 'http://[::1]:8008'],
  ])('takes the loopback address %j as http: %s', (typed, url) => {
    expect(normaliseHomeserverUrl(typed)).toEqual({ url, typedScheme: false });
  });

  it.each([
    ['https://example.org///', 'https://example.org'],
    ['https://example.org/matrix/', 'https://example.org/matrix'],
    ['HTTPS://Example.ORG/', 'https://example.org'],
    ['http://example.org', 'http://example.org'],
    ['https://example.org:443/', 'https://example.org'],
  ])('keeps a typed scheme and drops trailing slashes: %j → %s', (typed, url) => {
    expect(normaliseHomeserverUrl(typed)).toEqual({ url, typedScheme: true });
  });

  it.each([
    '',
    '   ',
    'ftp://example.org',
    'file:///etc/passwd',
    'ws://example.org',
    'https://user:pw@example.org',
    'https://user@example.org',
    'https://example.org/?q=1',
    'https://example.org/#fragment',
    'javascript:alert(1)',
    'data:text/html,hi',
    'https://exa mple.org',
    'example.org:notaport',
  ])('rejects %j with invalid_homeserver_url', (typed) => {
    let thrown: unknown;
    try {
      normaliseHomeserverUrl(typed);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RembukError);
    expect((thrown as RembukError).code).toBe('invalid_homeserver_url');
  });
});

describe('loginIdentifier', () => {
  it('passes a plain or full user name, trimmed, as an m.id.user identifier', () => {
    expect(loginIdentifier(' alice ')).toEqual({ type: 'm.id.user', user: 'alice' });
    expect(loginIdentifier('@alice:example.org')).toEqual({ type: 'm.id.user', user: '@alice:example.org' });
  });
});

describe('loopback detection', () => {
  it('sends only real loopback addresses over http when no scheme is typed', () => {
    expect(normaliseHomeserverUrl('localhost:8008').url).toBe('http://localhost:8008');
    expect(normaliseHomeserverUrl('127.0.0.1:8008').url).toBe('http://127.0.0.1:8008');
    expect(normaliseHomeserverUrl('localhost.evil.com').url).toBe('https://localhost.evil.com');
    expect(normaliseHomeserverUrl('127.evil.com').url).toBe('https://127.evil.com');
    expect(normaliseHomeserverUrl('localhostfoo.org:8008').url).toBe('https://localhostfoo.org:8008');
  });
});
