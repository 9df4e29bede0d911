import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { readFileIfExists, writeFileAtomic } from '../storage/atomic-file.ts';
import type { Logger, SecretBox } from '../ports.ts';

export type SavedSession = {
  homeserverUrl: string;
  userId: string;
  deviceId: string;
  accessToken: string;
  /**
   * The 32-byte key of this device's encrypted stores (crypto and sync). Made at sign-in;
   * like the token it is on disk only sealed by the SecretBox.
   */
  storageKey: Uint8Array;
};

const onDisk = z.object({
  version: z.literal(1),
  homeserverUrl: z.string(),
  userId: z.string(),
  deviceId: z.string(),
  /** The access token sealed by the SecretBox (OS keychain key), base64. */
  sealedAccessToken: z.string(),
  /** Absent in sessions saved before encryption arrived; one is made on first load. */
  sealedStorageKey: z.string().optional(),
});

export const STORAGE_KEY_BYTES = 32;

/** The signed-in account on disk; the token never touches the disk in the clear. */
export class SessionStore {
  private readonly file: string;
  private readonly secretBox: SecretBox;
  private readonly logger: Logger;

  constructor(options: { profileDir: string; secretBox: SecretBox; logger: Logger }) {
    this.file = path.join(options.profileDir, 'session.json');
    this.secretBox = options.secretBox;
    this.logger = options.logger;
  }

  async load(): Promise<SavedSession | null> {
    const raw = await readFileIfExists(this.file);
    if (raw === null) {
      return null;
    }
    try {
      const saved = onDisk.parse(JSON.parse(raw.toString('utf8')));
      const accessToken = this.secretBox.decrypt(Buffer.from(saved.sealedAccessToken, 'base64'));
      const storageKey =
        saved.sealedStorageKey === undefined ? null : Buffer.from(this.secretBox.decrypt(Buffer.from(saved.sealedStorageKey, 'base64')), 'base64');
      if (storageKey !== null && storageKey.length !== STORAGE_KEY_BYTES) {
        throw new Error('sealed storage key has the wrong length');
      }
      const session = {
        homeserverUrl: saved.homeserverUrl,
        userId: saved.userId,
        deviceId: saved.deviceId,
        accessToken,
        storageKey: new Uint8Array(storageKey ?? randomBytes(STORAGE_KEY_BYTES)),
      };
      if (storageKey === null) {
        await this.save(session);
      }
      return session;
    } catch (error) {
      // A session we cannot open (keychain changed, file damaged) means signing in again.
      this.logger.warn('saved session could not be opened; signing in is needed', error);
      return null;
    }
  }

  async save(session: SavedSession): Promise<void> {
    const record: z.infer<typeof onDisk> = {
      version: 1,
      homeserverUrl: session.homeserverUrl,
      userId: session.userId,
      deviceId: session.deviceId,
      sealedAccessToken: this.secretBox.encrypt(session.accessToken).toString('base64'),
      sealedStorageKey: this.secretBox.encrypt(Buffer.from(session.storageKey).toString('base64')).toString('base64'),
    };
    await writeFileAtomic(this.file, JSON.stringify(record));
  }

  async clear(): Promise<void> {
    await rm(this.file, { force: true });
  }
}
