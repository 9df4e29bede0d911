import { randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test-support/temp-dir.ts';
import { SealedCache } from './sealed-cache.ts';

const temp = useTempDir('rembuk-sealed-');
const key = randomBytes(32);

const cache = (storageKey: Uint8Array = key): SealedCache => new SealedCache({ dir: path.join(temp.path, 'cache'), storageKey });

const store = async (c: SealedCache, name: string, data: Buffer, pieces = 3): Promise<void> => {
  const writer = await c.writer(name);
  const step = Math.ceil(data.length / pieces) || 1;
  for (let offset = 0; offset < data.length; offset += step) {
    await writer.write(data.subarray(offset, offset + step));
  }
  await writer.finish();
};

const readAll = async (c: SealedCache, name: string, start: number, end: number): Promise<Buffer> => {
  const parts: Buffer[] = [];
  for await (const part of c.read(name, start, end)) {
    parts.push(part);
  }
  return Buffer.concat(parts);
};

describe('SealedCache', () => {
  it.each([0, 1, 65_535, 65_536, 65_537, 200_000, 3 * 65_536])('round-trips %i bytes, whole and in ranges', async (size) => {
    const c = cache();
    const data = randomBytes(size);
    await store(c, 'n', data);
    expect(await c.size('n')).toBe(size);
    expect((await readAll(c, 'n', 0, size - 1)).equals(data)).toBe(true);
    if (size > 10) {
      for (const [start, end] of [
        [0, 0],
        [5, 9],
        [size - 3, size - 1],
        [Math.floor(size / 2), size - 1],
      ] as const) {
        expect((await readAll(c, 'n', start, end)).equals(data.subarray(start, end + 1))).toBe(true);
      }
    }
  });

  it('keeps nothing readable on disk, and names files by a keyed hash', async () => {
    const c = cache();
    const data = Buffer.from('foto rahasia '.repeat(1000));
    const name = c.nameFor('mxc://hs/abc');
    expect(name).toMatch(/^[0-9a-f]{64}$/);
    expect(name).not.toBe(cache(randomBytes(32)).nameFor('mxc://hs/abc'));
    await store(c, name, data);
    const raw = await readFile(path.join(temp.path, 'cache', `${name}.bin`));
    expect(raw.includes(Buffer.from('foto rahasia'))).toBe(false);
  });

  it('refuses another key and a tampered chunk', async () => {
    await store(cache(), 'n', randomBytes(1000));
    await expect(readAll(cache(randomBytes(32)), 'n', 0, 999)).rejects.toThrow();
    const file = path.join(temp.path, 'cache', 'n.bin');
    const raw = await readFile(file);
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    await writeFile(file, raw);
    await expect(readAll(cache(), 'n', 0, 999)).rejects.toThrow();
  });

  it('refuses a file cut off after a full chunk (the last chunk is marked)', async () => {
    await store(cache(), 'n', randomBytes(3 * 65_536));
    const file = path.join(temp.path, 'cache', 'n.bin');
    const raw = await readFile(file);
    await writeFile(file, raw.subarray(0, 4 + 2 * (65_536 + 28)));
    await expect(readAll(cache(), 'n', 0, 2 * 65_536 - 1)).rejects.toThrow();
  });

  it('shows a file only once finished, and nothing after abort', async () => {
    const c = cache();
    const writer = await c.writer('n');
    await writer.write(Buffer.from('abc'));
    expect(await c.size('n')).toBeNull();
    await writer.abort();
    expect(await readdir(path.join(temp.path, 'cache'))).toEqual([]);
  });

  it('imports a plain file', async () => {
    const c = cache();
    const data = randomBytes(150_000);
    const source = path.join(temp.path, 'plain');
    await writeFile(source, data);
    await c.importFile('n', source);
    expect((await readAll(c, 'n', 0, data.length - 1)).equals(data)).toBe(true);
  });
});
