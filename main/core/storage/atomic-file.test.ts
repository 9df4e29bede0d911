import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileIfExists, writeFileAtomic } from './atomic-file.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'rembuk-atomic-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates a file, and replaces its content on the next write', async () => {
    const file = path.join(dir, 'data.json');
    await writeFileAtomic(file, 'first, and longer than the second');
    expect(await readFile(file, 'utf8')).toBe('first, and longer than the second');
    await writeFileAtomic(file, Buffer.from('second'));
    expect(await readFile(file, 'utf8')).toBe('second');
  });

  it('leaves no temporary files behind', async () => {
    const file = path.join(dir, 'data.json');
    await Promise.all(Array.from({ length: 10 }, (_, i) => writeFileAtomic(file, String(i))));
    expect(await readdir(dir)).toEqual(['data.json']);
  });

  it('creates missing parent folders', async () => {
    const file = path.join(dir, 'a', 'b', 'data.txt');
    await writeFileAtomic(file, 'deep');
    expect(await readFile(file, 'utf8')).toBe('deep');
  });

  it('writes with mode 0600 by default and honours another mode', async () => {
    const secret = path.join(dir, 'secret');
    const open = path.join(dir, 'open');
    await writeFileAtomic(secret, 's');
    await writeFileAtomic(open, 'o', 0o700);
    expect((await stat(secret)).mode & 0o777).toBe(0o600);
    // Group and other bits may be masked by the umask; the owner's are not.
    expect((await stat(open)).mode & 0o700).toBe(0o700);
  });

  it('fails, leaving no temporary file, when the target is a folder', async () => {
    const target = path.join(dir, 'folder');
    await writeFileAtomic(path.join(target, 'inside'), 'x');
    await expect(writeFileAtomic(target, 'y')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['folder']);
  });
});

describe('readFileIfExists', () => {
  it('returns the bytes of an existing file', async () => {
    const file = path.join(dir, 'there');
    await writeFile(file, 'hello');
    expect((await readFileIfExists(file))?.toString('utf8')).toBe('hello');
  });

  it('returns null for a missing file', async () => {
    expect(await readFileIfExists(path.join(dir, 'missing'))).toBeNull();
  });

  it('throws for errors other than a missing file', async () => {
    await expect(readFileIfExists(dir)).rejects.toThrow();
  });
});
