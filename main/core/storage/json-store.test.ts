import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useTempDir } from '../test-support/temp-dir.ts';
import { z } from 'zod';
import type { Logger } from '../ports.ts';
import { JsonStore } from './json-store.ts';

const schema = z.object({ count: z.number() });
type Value = z.infer<typeof schema>;

const temp = useTempDir('rembuk-json-');
let file: string;

beforeEach(() => {
  file = path.join(temp.path, 'store.json');
});

const makeStore = () => {
  const warn = vi.fn();
  const error = vi.fn();
  const logger: Logger = { info: vi.fn(), warn, error };
  const store = new JsonStore<Value>({ file, schema, fallback: () => ({ count: -1 }), logger });
  return { store, warn, error };
};

describe('JsonStore', () => {
  it('returns the fallback for a missing file, without creating one', async () => {
    const { store } = makeStore();
    expect(await store.read()).toEqual({ count: -1 });
    expect(await readdir(temp.path)).toEqual([]);
  });

  it('reads back what it wrote, and a later write replaces it', async () => {
    const { store } = makeStore();
    await store.write({ count: 1 });
    await store.write({ count: 2 });
    expect(await store.read()).toEqual({ count: 2 });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ count: 2 });
  });

  it('is read by a new instance on the same file', async () => {
    await makeStore().store.write({ count: 7 });
    expect(await makeStore().store.read()).toEqual({ count: 7 });
  });

  it.each([
    ['invalid JSON', '{"count": 1'],
    ['a schema mismatch', '{"count": "one"}'],
    ['an empty file', ''],
  ])('falls back and keeps a .damaged copy for %s', async (_label, content) => {
    await writeFile(file, content);
    const { store, warn } = makeStore();
    expect(await store.read()).toEqual({ count: -1 });
    expect(await readFile(`${file}.damaged`, 'utf8')).toBe(content);
    expect(warn).toHaveBeenCalledTimes(1);
    // The damaged original is left alone until the next write replaces it.
    expect(await readFile(file, 'utf8')).toBe(content);
  });

  it('applies writes in call order and leaves no temporary files', async () => {
    const { store } = makeStore();
    for (let count = 1; count <= 20; count++) {
      void store.write({ count });
    }
    await store.flushed();
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ count: 20 });
    expect((await readdir(temp.path)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('takes a snapshot of the value when write is called', async () => {
    const { store } = makeStore();
    const value = { count: 1 };
    const written = store.write(value);
    value.count = 99;
    await written;
    expect(await store.read()).toEqual({ count: 1 });
  });

  it('reports a failed write to its caller and the log, and keeps serving later writes', async () => {
    const { store, error } = makeStore();
    // A folder where the file should be makes the rename fail.
    await mkdir(path.join(file, 'blocker'), { recursive: true });
    const failing = store.write({ count: 1 });
    await expect(failing).rejects.toThrow();
    await expect(store.flushed()).resolves.toBeUndefined();
    expect(error).toHaveBeenCalledTimes(1);
    await rm(file, { recursive: true });
    await store.write({ count: 2 });
    expect(await store.read()).toEqual({ count: 2 });
  });
});
