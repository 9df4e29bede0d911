import path from 'node:path';
import { z } from 'zod';
import { roomListEntry, type RoomListEntry } from '../../../shared/model/room.ts';
import { createStoreCipher, type StoreCipher } from '../idb/store-cipher.ts';
import type { Logger } from '../ports.ts';
import { readFileIfExists, writeFileAtomic } from '../storage/atomic-file.ts';

export const ROOM_LIST_SNAPSHOT_FILE = 'room-list.snapshot';

/** Binds the sealed blob to what it is, so no other sealed file can be passed off as it. */
const CONTEXT = Buffer.from('rembuk/room-list-snapshot/v1');

/**
 * The room list as it was last shown, sealed with the device's storage key. A restart
 * shows it at once, before matrix-js-sdk has replayed its sync cache (a few hundred ms for
 * a large account); the live list replaces it row by row as soon as that is done. It is a
 * picture, never a source of truth: unreadable or missing, it is simply not shown.
 */
export class RoomListSnapshot {
  private readonly file: string;
  private readonly cipher: StoreCipher;
  private readonly logger: Logger;
  private writing: Promise<void> = Promise.resolve();

  constructor(options: { profileDir: string; storageKey: Uint8Array; logger: Logger }) {
    this.file = path.join(options.profileDir, ROOM_LIST_SNAPSHOT_FILE);
    this.cipher = createStoreCipher(options.storageKey);
    this.logger = options.logger;
  }

  async load(): Promise<RoomListEntry[] | null> {
    const sealed = await readFileIfExists(this.file);
    if (sealed === null) {
      return null;
    }
    try {
      return z.array(roomListEntry).parse(JSON.parse(this.cipher.open(sealed, CONTEXT).toString('utf8')));
    } catch (error) {
      this.logger.warn('ignoring an unreadable room list snapshot', error instanceof Error ? error.message : error);
      return null;
    }
  }

  /** Writes are queued: the last one wins, none interleave. */
  save(entries: readonly RoomListEntry[]): Promise<void> {
    const sealed = this.cipher.seal(Buffer.from(JSON.stringify(entries), 'utf8'), CONTEXT);
    this.writing = this.writing
      .then(() => writeFileAtomic(this.file, sealed))
      .catch((error: unknown) => {
        this.logger.warn('could not save the room list snapshot', error);
      });
    return this.writing;
  }
}
