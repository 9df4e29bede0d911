import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../ports.ts';
import { useTempDir } from '../test-support/temp-dir.ts';
import { CheckpointStore, IMPORTS_DIR, type SavedJob } from './import-checkpoint.ts';

const temp = useTempDir('rembuk-import-');
const ID = 'a'.repeat(32);

const job = (next: number): SavedJob => ({
  v: 1,
  importId: ID,
  fileName: 'chat.txt',
  exportName: 'chat.txt',
  chatFileName: null,
  fingerprint: 'f'.repeat(64),
  dateOrder: 'dmy',
  timeZone: 'Asia/Jakarta',
  mapping: [{ name: 'Budi', userId: '@budi:hs' }],
  target: { kind: 'new', name: 'Grup' },
  roomId: null,
  roomName: 'Grup',
  phase: 'running',
  next,
  total: 10,
  mediaTotal: 0,
  mediaDone: 0,
  inflight: null,
  error: null,
  startedAt: 1,
  finishedAt: null,
});

describe('CheckpointStore', () => {
  it('keeps the last of many quick saves, in order', async () => {
    const store = new CheckpointStore({ profileDir: temp.path, logger: silentLogger });
    await store.makeFolder(ID);
    await Promise.all(Array.from({ length: 20 }, (_, next) => store.save(job(next))));
    expect((await store.loadAll()).map((saved) => saved.next)).toEqual([19]);
  });

  it('removes exports opened but never started, keeps a damaged checkpoint on disk', async () => {
    const store = new CheckpointStore({ profileDir: temp.path, logger: silentLogger });
    const unstarted = 'b'.repeat(32);
    const damaged = 'c'.repeat(32);
    await store.makeFolder(unstarted);
    await writeFile(path.join(store.folder(unstarted), 'chat.txt'), 'x');
    await store.makeFolder(damaged);
    await writeFile(path.join(store.folder(damaged), 'job.json'), '{"v":');
    expect(await store.loadAll()).toEqual([]);
    expect((await readdir(path.join(temp.path, IMPORTS_DIR))).sort()).toEqual([damaged]);
  });

  it('ignores what is not an import folder, and a profile without imports', async () => {
    expect(await new CheckpointStore({ profileDir: temp.path, logger: silentLogger }).loadAll()).toEqual([]);
    await mkdir(path.join(temp.path, IMPORTS_DIR, 'notes'), { recursive: true });
    expect(await new CheckpointStore({ profileDir: temp.path, logger: silentLogger }).loadAll()).toEqual([]);
  });
});
