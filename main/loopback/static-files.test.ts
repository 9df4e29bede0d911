import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStatic, resolveStaticPath } from './static-files.ts';

const root = path.resolve('/srv/rembuk/app');

describe('resolveStaticPath', () => {
  it.each(['/', '', '/?bridge=1'])('maps %j to index.html', (urlPath) => {
    expect(resolveStaticPath(root, urlPath)).toBe(path.join(root, 'index.html'));
  });

  it.each([
    ['/assets/app.js', 'assets/app.js'],
    ['/assets/app.js?v=3', 'assets/app.js'],
    ['/fonts/Inter%20Var.woff2', 'fonts/Inter Var.woff2'],
    ['//assets//app.js', 'assets/app.js'],
    ['/assets/../index.html', 'index.html'],
  ])('resolves %j inside the root', (urlPath, relative) => {
    expect(resolveStaticPath(root, urlPath)).toBe(path.join(root, relative));
  });

  it.each([
    '/../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2fsecret',
    '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    '/assets/../../secret',
    '/../app-other/file',
    '/.',
    '/..',
    '/index.html%00.js',
    '/index.html\0',
    '/..\\secret',
    '/%5c..%5csecret',
    '/assets\\app.js',
    '/%E0%A4%A',
  ])('refuses %j', (urlPath) => {
    expect(resolveStaticPath(root, urlPath)).toBeNull();
  });
});

describe('readStatic', () => {
  let dir: string;
  let app: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'rembuk-static-'));
    app = path.join(dir, 'app');
    await mkdir(path.join(app, 'assets'), { recursive: true });
    await writeFile(path.join(app, 'index.html'), '<!doctype html>');
    await writeFile(path.join(app, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(app, 'assets', 'blob.bin'), 'raw');
    await writeFile(path.join(dir, 'secret.txt'), 'do not serve');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('serves files with their content type', async () => {
    const index = await readStatic(app, '/');
    expect(index?.body.toString('utf8')).toBe('<!doctype html>');
    expect(index?.type).toBe('text/html; charset=utf-8');
    expect((await readStatic(app, '/assets/app.js'))?.type).toBe('text/javascript; charset=utf-8');
    expect((await readStatic(app, '/assets/blob.bin'))?.type).toBe('application/octet-stream');
  });

  it('answers null for a missing file, a folder, or a file outside the root', async () => {
    expect(await readStatic(app, '/missing.js')).toBeNull();
    expect(await readStatic(app, '/assets')).toBeNull();
    expect(await readStatic(app, '/../secret.txt')).toBeNull();
    expect(await readStatic(app, '/%2e%2e/secret.txt')).toBeNull();
  });
});
