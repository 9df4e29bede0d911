import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RembukError } from '../../../shared/ipc/errors.ts';
import { silentLogger } from '../ports.ts';
import { useTempDir } from '../test-support/temp-dir.ts';
import { Uploads, UPLOADS_DIR } from './uploads.ts';

const temp = useTempDir('rembuk-uploads-');

const open: Uploads[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((uploads) => uploads.stop()));
});

const started = async (): Promise<Uploads> => {
  const uploads = new Uploads({ profileDir: temp.path, logger: silentLogger });
  open.push(uploads);
  await uploads.start();
  return uploads;
};

const codeOf = async (work: Promise<unknown>): Promise<string> => {
  try {
    await work;
  } catch (error) {
    return error instanceof RembukError ? error.code : `not a RembukError: ${String(error)}`;
  }
  return 'resolved';
};

const partFiles = async (): Promise<string[]> => readdir(path.join(temp.path, UPLOADS_DIR));

describe('Uploads', () => {
  it('assembles chunks in order and hands over the complete file', async () => {
    const uploads = await started();
    const id = await uploads.begin({ name: 'a.txt', mimetype: 'text/plain', size: 10 });
    expect(await uploads.chunk(id, 0, Buffer.from('hello'))).toBe(5);
    expect(await uploads.chunk(id, 5, Buffer.from('world'))).toBe(10);
    const taken = await uploads.take(id);
    expect(taken).toEqual({ path: path.join(temp.path, UPLOADS_DIR, `${id}.part`), name: 'a.txt', mimetype: 'text/plain', size: 10 });
    expect((await readFile(taken.path)).toString()).toBe('helloworld');
    expect((await stat(taken.path)).mode & 0o777).toBe(0o600);
    // Handed over: a second take does not get it again.
    expect(await codeOf(uploads.take(id))).toBe('invalid_request');
  });

  it('accepts an empty file at once', async () => {
    const uploads = await started();
    const id = await uploads.begin({ name: 'empty', mimetype: '', size: 0 });
    expect((await uploads.take(id)).size).toBe(0);
  });

  it('refuses a chunk at the wrong offset, changing nothing', async () => {
    const uploads = await started();
    const id = await uploads.begin({ name: 'a', mimetype: 'x/y', size: 6 });
    await uploads.chunk(id, 0, Buffer.from('abc'));
    expect(await codeOf(uploads.chunk(id, 0, Buffer.from('abc')))).toBe('invalid_request');
    expect(await codeOf(uploads.chunk(id, 4, Buffer.from('de')))).toBe('invalid_request');
    expect(await uploads.chunk(id, 3, Buffer.from('def'))).toBe(6);
    expect((await readFile((await uploads.take(id)).path)).toString()).toBe('abcdef');
  });

  it('refuses bytes beyond the declared size', async () => {
    const uploads = await started();
    const id = await uploads.begin({ name: 'a', mimetype: 'x/y', size: 3 });
    expect(await codeOf(uploads.chunk(id, 0, Buffer.from('abcd')))).toBe('invalid_request');
    expect(await uploads.chunk(id, 0, Buffer.from('abc'))).toBe(3);
  });

  it('refuses two chunks sent at once for the same offset', async () => {
    const uploads = await started();
    const id = await uploads.begin({ name: 'a', mimetype: 'x/y', size: 6 });
    const results = await Promise.all([codeOf(uploads.chunk(id, 0, Buffer.from('abc'))), codeOf(uploads.chunk(id, 0, Buffer.from('xyz')))]);
    expect(results.sort()).toEqual(['invalid_request', 'resolved']);
  });

  it('will not hand over an incomplete or unknown upload', async () => {
    const uploads = await started();
    const id = await uploads.begin({ name: 'a', mimetype: 'x/y', size: 6 });
    await uploads.chunk(id, 0, Buffer.from('abc'));
    expect(await codeOf(uploads.take(id))).toBe('invalid_request');
    expect(await codeOf(uploads.take('0'.repeat(32)))).toBe('invalid_request');
    expect(await codeOf(uploads.chunk('0'.repeat(32), 0, Buffer.from('a')))).toBe('invalid_request');
    // Still there after the refused take.
    expect(await uploads.chunk(id, 3, Buffer.from('def'))).toBe(6);
  });

  it('removes the file on abort, and an unknown abort changes nothing', async () => {
    const uploads = await started();
    const id = await uploads.begin({ name: 'a', mimetype: 'x/y', size: 6 });
    await uploads.chunk(id, 0, Buffer.from('abc'));
    await uploads.abort(id);
    expect(await partFiles()).toEqual([]);
    expect(await codeOf(uploads.chunk(id, 3, Buffer.from('def')))).toBe('invalid_request');
    await uploads.abort(id);
  });

  it('removes stale parts of an earlier run at start, and open ones at stop', async () => {
    await mkdir(path.join(temp.path, UPLOADS_DIR), { recursive: true });
    await writeFile(path.join(temp.path, UPLOADS_DIR, 'old.part'), 'x');
    const uploads = await started();
    expect(await partFiles()).toEqual([]);
    await uploads.begin({ name: 'a', mimetype: 'x/y', size: 6 });
    expect(await partFiles()).toHaveLength(1);
    await uploads.stop();
    expect(await partFiles()).toEqual([]);
  });
});
