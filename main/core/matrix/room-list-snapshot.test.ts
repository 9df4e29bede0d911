import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RoomListEntry } from '../../../shared/model/room.ts';
import { silentLogger } from '../ports.ts';
import { useTempDir } from '../test-support/temp-dir.ts';
import { ROOM_LIST_SNAPSHOT_FILE, RoomListSnapshot } from './room-list-snapshot.ts';

const temp = useTempDir('rembuk-snapshot-');
const key = randomBytes(32);

const entry = (id: string, name: string): RoomListEntry => ({
  id,
  name,
  initials: name.slice(0, 2).toUpperCase(),
  membership: 'join',
  isDirect: false,
  preview: { sender: 'Budi', body: 'rapat jam 7', own: false },
  unread: 2,
  highlight: 0,
  lastActivity: 1000,
  inviter: null,
  encrypted: true,
});

describe('RoomListSnapshot', () => {
  it('gives back what was saved, sealed on disk', async () => {
    const snapshot = new RoomListSnapshot({ profileDir: temp.path, storageKey: key, logger: silentLogger });
    const rooms = [entry('!a:x', 'Rapat Pengurus'), entry('!b:x', 'Koperasi Tani')];
    await snapshot.save(rooms);
    const onDisk = await readFile(path.join(temp.path, ROOM_LIST_SNAPSHOT_FILE));
    expect(onDisk.includes(Buffer.from('Rapat Pengurus'))).toBe(false);
    expect(await new RoomListSnapshot({ profileDir: temp.path, storageKey: key, logger: silentLogger }).load()).toEqual(rooms);
  });

  it('is simply absent when missing, sealed with another key, or tampered with', async () => {
    const snapshot = new RoomListSnapshot({ profileDir: temp.path, storageKey: key, logger: silentLogger });
    expect(await snapshot.load()).toBeNull();
    await snapshot.save([entry('!a:x', 'Rapat')]);
    expect(await new RoomListSnapshot({ profileDir: temp.path, storageKey: randomBytes(32), logger: silentLogger }).load()).toBeNull();
    const file = path.join(temp.path, ROOM_LIST_SNAPSHOT_FILE);
    const sealed = await readFile(file);
    sealed[sealed.length - 1] = (sealed[sealed.length - 1] ?? 0) ^ 1;
    await writeFile(file, sealed);
    expect(await snapshot.load()).toBeNull();
  });
});
