import path from 'node:path';
import type { MediaProgress } from '../../../shared/model/media.ts';
import type { MediaProjection } from '../matrix/timeline-projection.ts';
import type { Clock, Logger } from '../ports.ts';
import type { Uploads } from '../uploads/uploads.ts';
import { MEDIA_OUTBOX_DIR, MEDIA_OUTBOX_FILE, MediaOutbox } from './media-outbox.ts';
import type { MediaPort } from './media-port.ts';
import { MediaSender } from './media-sender.ts';
import { MediaServer } from './media-server.ts';
import { SealedCache } from './sealed-cache.ts';

/** Where decrypted media is cached, sealed with the storage key. */
export const MEDIA_CACHE_DIR = 'media-cache';

/** Folders and files of the session that hold media; they go on sign-out. */
export const MEDIA_SESSION_DIRS = [MEDIA_OUTBOX_DIR, MEDIA_CACHE_DIR];
export const MEDIA_SESSION_FILES = [MEDIA_OUTBOX_FILE];

/** Where the loopback server answers media requests; Electron's scheme is `rembuk-media://media/`. */
export const DEFAULT_MEDIA_URL_BASE = '/media/';

export type AccountMediaListeners = {
  changed(roomId: string): void;
  progress(progress: MediaProgress): void;
};

/** The media of a signed-in account: sending attachments, serving them, their outbox and cache, wired together. */
export class AccountMedia {
  readonly server: MediaServer;
  readonly sender: MediaSender;
  private readonly outbox: MediaOutbox;
  private readonly matrix: MediaPort;
  private readonly logger: Logger;

  constructor(options: {
    matrix: MediaPort;
    uploads: Uploads;
    profileDir: string;
    storageKey: Uint8Array;
    urlBase?: string;
    logger: Logger;
    clock: Clock;
    listeners: AccountMediaListeners;
  }) {
    const { matrix, logger } = options;
    this.matrix = matrix;
    this.logger = logger;
    this.server = new MediaServer({
      cache: new SealedCache({ dir: path.join(options.profileDir, MEDIA_CACHE_DIR), storageKey: options.storageKey }),
      logger,
      urlBase: options.urlBase ?? DEFAULT_MEDIA_URL_BASE,
      homeserverUrl: () => matrix.homeserverUrl(),
      accessToken: () => matrix.accessToken(),
      progress: (progress) => {
        options.listeners.progress(progress);
      },
    });
    this.outbox = new MediaOutbox({ profileDir: options.profileDir, logger });
    this.sender = new MediaSender({
      matrix,
      outbox: this.outbox,
      uploads: options.uploads,
      media: this.server,
      logger,
      clock: options.clock,
      listeners: options.listeners,
    });
  }

  /** Loads what an earlier run left in the outbox; it goes out once the first sync shows what the server has. */
  async start(): Promise<void> {
    this.sender.restore(await this.outbox.load());
  }

  /** After the first sync and after each sync while an earlier run's attachments wait for their room. */
  replay(force: boolean): void {
    if (!force && !this.sender.replaying) {
      return;
    }
    this.sender.replay().catch((error: unknown) => {
      this.logger.error('media outbox replay failed', error);
    });
  }

  /** The largest file the homeserver takes, or null when it does not say. */
  maxUploadBytes(): Promise<number | null> {
    return this.matrix.maxUploadSize();
  }

  /** What the timeline projection needs of a room's media. */
  projection(): MediaProjection {
    return {
      urls: this.server,
      pending: (roomId) => this.sender.pendingItems(roomId, (userId) => this.matrix.memberName(roomId, userId) ?? userId),
    };
  }

  async stop(): Promise<void> {
    this.sender.stop();
    this.server.stop();
    await this.outbox.flushed();
  }
}
