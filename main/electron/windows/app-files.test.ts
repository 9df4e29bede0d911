import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentTypeFor, resolveAppRequest } from './app-files.ts';

const root = '/opt/rembuk/dist/renderer';

describe('resolveAppRequest', () => {
  it('serves index.html for the entry URL', () => {
    expect(resolveAppRequest('GET', 'app://rembuk/', root, path.posix)).toEqual({
      kind: 'file',
      filePath: '/opt/rembuk/dist/renderer/index.html',
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveAppRequest('GET', 'app://rembuk', root, path.posix)).toMatchObject({ filePath: '/opt/rembuk/dist/renderer/index.html' });
  });

  it('serves files under the root with their type, ignoring query and hash', () => {
    expect(resolveAppRequest('GET', 'app://rembuk/assets/index-abc.js?v=2#x', root, path.posix)).toEqual({
      kind: 'file',
      filePath: '/opt/rembuk/dist/renderer/assets/index-abc.js',
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppRequest('GET', 'app://rembuk/fonts/a%20b.woff2', root, path.posix)).toMatchObject({
      filePath: '/opt/rembuk/dist/renderer/fonts/a b.woff2',
      contentType: 'font/woff2',
    });
  });

  it('allows names that merely start with two dots', () => {
    expect(resolveAppRequest('GET', 'app://rembuk/..hidden.txt', root, path.posix)).toMatchObject({
      kind: 'file',
      filePath: '/opt/rembuk/dist/renderer/..hidden.txt',
    });
  });

  it('serves a folder index for a trailing slash', () => {
    expect(resolveAppRequest('GET', 'app://rembuk/docs/', root, path.posix)).toMatchObject({
      filePath: '/opt/rembuk/dist/renderer/docs/index.html',
    });
  });

  it('answers only GET', () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS']) {
      expect(resolveAppRequest(method, 'app://rembuk/', root, path.posix)).toEqual({ kind: 'reject', status: 405 });
    }
  });

  it.each([
    'app://evil/',
    'app://rembuk.evil/index.html',
    'app://rembuk:1/',
    'app://x@rembuk/',
    'https://rembuk/',
    'file:///opt/rembuk/dist/renderer/index.html',
  ])('refuses other origins: %s', (url) => {
    expect(resolveAppRequest('GET', url, root, path.posix)).toMatchObject({ kind: 'reject', status: 404 });
  });

  it.each(['app://rembuk/..%2f..%2fsecret', 'app://rembuk/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd', 'app://rembuk/x/..%2f..%2f..%2f'])(
    'refuses escapes from the root: %s',
    (url) => {
      expect(resolveAppRequest('GET', url, root, path.posix)).toEqual({ kind: 'reject', status: 404 });
    },
  );

  it('keeps URL-level dot segments inside the root', () => {
    // The URL parser already folds `..` and `%2e%2e` segments, so these reach only the root's own files.
    expect(resolveAppRequest('GET', 'app://rembuk/../../etc/passwd', root, path.posix)).toMatchObject({
      filePath: '/opt/rembuk/dist/renderer/etc/passwd',
    });
    expect(resolveAppRequest('GET', 'app://rembuk/%2e%2e/%2e%2e/secret', root, path.posix)).toMatchObject({
      filePath: '/opt/rembuk/dist/renderer/secret',
    });
    expect(resolveAppRequest('GET', 'app://rembuk/%2e%2e', root, path.posix)).toMatchObject({
      filePath: '/opt/rembuk/dist/renderer/index.html',
    });
  });

  it('refuses NUL bytes and broken escapes', () => {
    expect(resolveAppRequest('GET', 'app://rembuk/index.html%00.png', root, path.posix)).toEqual({ kind: 'reject', status: 400 });
    expect(resolveAppRequest('GET', 'app://rembuk/%E0%A4%A', root, path.posix)).toEqual({ kind: 'reject', status: 400 });
  });

  it('refuses Windows backslash and drive escapes', () => {
    const winRoot = 'C:\\Program Files\\Rembuk\\resources\\app.asar\\dist\\renderer';
    expect(resolveAppRequest('GET', 'app://rembuk/%5c..%5c..%5c..%5csecret', winRoot, path.win32)).toEqual({ kind: 'reject', status: 404 });
    expect(resolveAppRequest('GET', 'app://rembuk/..%5c..%5csecret', winRoot, path.win32)).toEqual({ kind: 'reject', status: 404 });
    expect(resolveAppRequest('GET', 'app://rembuk/assets/app.js', winRoot, path.win32)).toMatchObject({
      kind: 'file',
      filePath: `${winRoot}\\assets\\app.js`,
    });
    const drive = resolveAppRequest('GET', 'app://rembuk/D:%5cdata', winRoot, path.win32);
    if (drive.kind === 'file') {
      expect(drive.filePath.startsWith(`${winRoot}\\`)).toBe(true);
    }
  });
});

describe('contentTypeFor', () => {
  it('knows the types Vite emits and falls back to bytes', () => {
    expect(contentTypeFor('a/INDEX.HTML')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('a.wasm')).toBe('application/wasm');
    expect(contentTypeFor('a.unknown')).toBe('application/octet-stream');
    expect(contentTypeFor('Makefile')).toBe('application/octet-stream');
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('is the agreed policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: rembuk-media:; media-src 'self' blob: rembuk-media:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });
});
