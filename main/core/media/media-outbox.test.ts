import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../ports.ts';
import { useTempDir } from '../test-support/temp-dir.ts';
import { MEDIA_OUTBOX_DIR, MediaOutbox, type MediaOutboxEntry } from './media-outbox.ts';

const temp = useTempDir('rembuk-media-outbox-');
const box = (): MediaOutbox => new MediaOutbox({ profileDir: temp.path, logger: silentLogger });
const entry = (txnId: string): MediaOutboxEntry => ({
  txnId,
  roomId: '!r:x',
  kind: 'image',
  createdAt: 1,
  file: { name: 'a.jpg', mimetype: 'image/jpeg', size: 3 },
  thumbnail: { name: 't.jpg', mimetype: 'image/jpeg', size: 1, width: 1, height: 1 },
});

const part = async (name: string, data: string): Promise<string> => {
  const file = path.join(temp.path, name);
  await writeFile(file, data);
  return file;
};

describe('MediaOutbox', () => {
  it('moves the files in, keeps the entry on disk, and takes both out again', async () => {
    const outbox = box();
    await outbox.add(entry('t1'), { file: await part('u1.part', 'abc'), thumbnail: await part('u2.part', 't') });
    expect(await readFile(outbox.fileOf('t1'), 'utf8')).toBe('abc');
    expect(await readFile(outbox.thumbnailOf('t1'), 'utf8')).toBe('t');
    await outbox.put({ ...entry('t1'), content: { msgtype: 'm.image' } });
    const reopened = box();
    expect(await reopened.load()).toEqual([{ ...entry('t1'), content: { msgtype: 'm.image' } }]);
    await reopened.remove('t1');
    expect(await box().load()).toEqual([]);
    expect(await readdir(path.join(temp.path, MEDIA_OUTBOX_DIR))).toEqual([]);
  });

  it('removes files no entry names when loading (a crash between the move and the write)', async () => {
    const outbox = box();
    await outbox.add(entry('t1'), { file: await part('u1.part', 'abc') });
    await writeFile(path.join(temp.path, MEDIA_OUTBOX_DIR, 'orphan'), 'x');
    await box().load();
    expect(await readdir(path.join(temp.path, MEDIA_OUTBOX_DIR))).toEqual(['t1']);
  });
});
