import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test-support/temp-dir.ts';
import { readFileIfExists, writeFileAtomic } from './atomic-file.ts';

const temp = useTempDir('rembuk-atomic-');

describe('writeFileAtomic', () => {
  it('creates a file, and replaces its content on the next write', async () => {
    const file = path.join(temp.path, 'data.json');
    await writeFileAtomic(file, 'first, and longer than the second');
    expect(await readFile(file, 'utf8')).toBe('first, and longer than the second');
    await writeFileAtomic(file, Buffer.from('second'));
    expect(await readFile(file, 'utf8')).toBe('second');
  });

  it('leaves no temporary files behind', async () => {
    const file = path.join(temp.path, 'data.json');
    await Promise.all(Array.from({ length: 10 }, (_, i) => writeFileAtomic(file, String(i))));
    expect(await readdir(temp.path)).toEqual(['data.json']);
  });

  it('creates missing parent folders', async () => {
    const file = path.join(temp.path, 'a', 'b', 'data.txt');
    await writeFileAtomic(file, 'deep');
    expect(await readFile(file, 'utf8')).toBe('deep');
  });

  it('writes with mode 0600 by default and honours another mode', async () => {
    const secret = path.join(temp.path, 'secret');
    const open = path.join(temp.path, 'open');
    await writeFileAtomic(secret, 's');
    await writeFileAtomic(open, 'o', 0o700);
    expect((await stat(secret)).mode & 0o777).toBe(0o600);
    // Group and other bits may be masked by the umask; the owner's are not.
    expect((await stat(open)).mode & 0o700).toBe(0o700);
  });

  it('fails, leaving no temporary file, when the target is a folder', async () => {
    const target = path.join(temp.path, 'folder');
    await writeFileAtomic(path.join(target, 'inside'), 'x');
    await expect(writeFileAtomic(target, 'y')).rejects.toThrow();
    expect(await readdir(temp.path)).toEqual(['folder']);
  });
});

describe('readFileIfExists', () => {
  it('returns the bytes of an existing file', async () => {
    const file = path.join(temp.path, 'there');
    await writeFile(file, 'hello');
    expect((await readFileIfExists(file))?.toString('utf8')).toBe('hello');
  });

  it('returns null for a missing file', async () => {
    expect(await readFileIfExists(path.join(temp.path, 'missing'))).toBeNull();
  });

  it('throws for errors other than a missing file', async () => {
    await expect(readFileIfExists(temp.path)).rejects.toThrow();
  });
});
