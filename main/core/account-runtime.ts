import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { AccountListeners, MatrixAccount } from './matrix/matrix-account.ts';
import { MatrixGateway } from './matrix/matrix-gateway.ts';
import type { ConversationActions } from './matrix/conversation-actions.ts';
import type { MessageSender } from './matrix/message-sender.ts';
import { Outbox } from './matrix/outbox.ts';
import type { RoomActions } from './matrix/room-actions.ts';
import { Drafts } from './profile/drafts.ts';
import { CoopReminders } from './governance/coop-reminders.ts';
import { CoopService } from './governance/coop-service.ts';
import type { CoopNotice } from '../../shared/model/coop.ts';
import { CRYPTO_DB_PREFIX, DEVICE_STORE_FILE, openDeviceStore, SYNC_SAVE_INTERVAL_MS, type DeviceStore } from './matrix/device-store.ts';
import type { Clock, Logger } from './ports.ts';
import { projectRoomList } from './matrix/room-projection.ts';
import { ROOM_LIST_SNAPSHOT_FILE, RoomListSnapshot } from './matrix/room-list-snapshot.ts';
import type { RoomListEntry } from '../../shared/model/room.ts';
import type { SavedSession } from './session/session-store.ts';
import { Uploads, UPLOADS_DIR } from './uploads/uploads.ts';
import { AccountMedia, MEDIA_SESSION_DIRS, MEDIA_SESSION_FILES } from './media/account-media.ts';
import type { MediaProgress } from '../../shared/model/media.ts';
import { IMPORTS_DIR } from './import/import-checkpoint.ts';
import { ImportService } from './import/import-service.ts';
import type { ImportJob } from '../../shared/model/import.ts';

/** Folders of the session (uploads on their way in, media waiting to be sent, the media cache); they go with it. */
export const SESSION_DIRS = [UPLOADS_DIR, IMPORTS_DIR, ...MEDIA_SESSION_DIRS];

/** Files that belong to the signed-in session and go when the member signs out. */
export const SESSION_FILES = [
  'session.json',
  'drafts.json',
  'outbox.json',
  'coop-notices.json',
  DEVICE_STORE_FILE,
  `${DEVICE_STORE_FILE}-wal`,
  `${DEVICE_STORE_FILE}-shm`,
  ROOM_LIST_SNAPSHOT_FILE,
  ...MEDIA_SESSION_FILES,
];

/** The runtime reports what its account reports (it adds the outbox replay on `ready` itself), and what the Co-op tab needs. */
export type RuntimeListeners = Omit<AccountListeners, 'synced'> & {
  /** Something in this co-op (or, with null, the list of co-ops) changed. */
  coopChanged(roomId: string | null): void;
  coopNotice(notice: CoopNotice): void;
  /** An import's progress or phase changed. */
  importChanged(job: ImportJob): void;
  /** How far an attachment's upload or download has come. */
  mediaProgress(progress: MediaProgress): void;
};

/** Co-op changes arrive in bursts (a sync, a tally's votes); the renderer refetches once per burst. */
const COOP_CHANGE_COALESCE_MS = 100;

/** Everything that exists only while a member is signed in, wired together. */
export class AccountRuntime {
  /** The only way to Matrix (its client stays inside main/core/matrix/). */
  readonly gateway: MatrixGateway;
  readonly account: MatrixAccount;
  readonly rooms: RoomActions;
  readonly sender: MessageSender;
  /** Replies, edits, deletes, reactions, votes, typing, link previews. */
  readonly conversation: ConversationActions;
  readonly drafts: Drafts;
  /** Files coming in from the renderer, chunk by chunk. */
  readonly uploads: Uploads;
  /** Attachments: sending them (with their outbox), serving them to the renderer. */
  readonly media: AccountMedia;
  readonly coops: CoopService;
  /** WhatsApp exports being imported. */
  readonly imports: ImportService;
  private readonly reminders: CoopReminders;
  private readonly outbox: Outbox;
  private readonly coopChanges = new Set<string | null>();
  private coopTimer: ReturnType<typeof setTimeout> | null = null;
  private wasOffline = false;
  private readonly listeners: RuntimeListeners;
  private readonly logger: Logger;
  private readonly store: DeviceStore;
  private readonly clock: Clock;
  private lastSave = 0;
  private readonly roomListSnapshot: RoomListSnapshot;
  /** The list as last shown, until the first sync is in (then the live list takes over). */
  private snapshot: RoomListEntry[] | null = null;
  private live = false;
  private markLive: () => void = () => undefined;
  /** Resolves with the first sync (from the sync cache or the network). */
  readonly whenLive = new Promise<void>((resolve) => {
    this.markLive = resolve;
  });

  constructor(options: {
    session: SavedSession;
    profileDir: string;
    listeners: RuntimeListeners;
    logger: Logger;
    clock: Clock;
    /** Where media URLs point (the transport serves them); `/media/` when not given. */
    mediaUrlBase?: string;
  }) {
    const { profileDir, logger, clock } = options;
    this.logger = logger;
    this.clock = clock;
    this.listeners = options.listeners;
    // Opened first and synchronously: a store that will not open (wrong key) stops the session here.
    this.store = openDeviceStore(profileDir, options.session.storageKey);
    this.outbox = new Outbox({ profileDir, logger });
    this.drafts = new Drafts({ profileDir, logger });
    this.uploads = new Uploads({ profileDir, logger });
    this.roomListSnapshot = new RoomListSnapshot({ profileDir, storageKey: options.session.storageKey, logger });
    this.gateway = new MatrixGateway({
      session: options.session,
      logger,
      clock,
      encryption: { databasePrefix: CRYPTO_DB_PREFIX },
      store: this.store.syncStore,
      listeners: {
        changed: (roomId) => {
          options.listeners.changed(roomId);
          if (roomId !== null && this.coops.isCoop(roomId)) {
            this.coopChanged(roomId);
          }
        },
        synced: () => {
          this.saveSyncCache(false);
          if (this.sender.replaying) {
            this.replayOutbox();
          }
          this.media.replay(false);
        },
        connection: (state) => {
          if (state.state === 'online' && this.wasOffline) {
            // A sync after a gap may have skipped votes: fetch them again.
            this.coops.refreshAll();
          }
          this.wasOffline = state.state === 'offline';
          options.listeners.connection(state);
        },
        loggedOut: () => {
          options.listeners.loggedOut();
        },
        typing: (roomId, names) => {
          options.listeners.typing?.(roomId, names);
        },
        ready: () => {
          this.live = true;
          this.snapshot = null;
          this.markLive();
          options.listeners.ready();
          this.replayOutbox();
          this.media.replay(true);
          this.coops.ready();
          this.imports.ready().catch((error: unknown) => {
            logger.error('could not go on with the imports', error);
          });
        },
      },
    });
    this.account = this.gateway.account;
    this.rooms = this.gateway.rooms;
    this.media = new AccountMedia({
      matrix: this.gateway.media,
      uploads: this.uploads,
      profileDir,
      storageKey: options.session.storageKey,
      urlBase: options.mediaUrlBase,
      logger,
      clock,
      listeners: {
        changed: (roomId) => {
          options.listeners.changed(roomId);
        },
        progress: (progress) => {
          options.listeners.mediaProgress(progress);
        },
      },
    });
    this.sender = this.gateway.messageSender({ outbox: this.outbox, logger, clock });
    this.conversation = this.gateway.conversation({ sender: this.sender, logger });
    this.reminders = new CoopReminders({
      profileDir,
      logger,
      clock,
      notify: (notice) => {
        options.listeners.coopNotice(notice);
      },
    });
    this.coops = new CoopService({
      matrix: this.gateway.governance,
      rooms: this.rooms,
      clock,
      logger,
      reminders: this.reminders,
      listeners: {
        changed: (roomId) => {
          this.coopChanged(roomId);
        },
      },
    });
    this.imports = new ImportService({
      matrix: this.gateway.imports,
      rooms: this.rooms,
      uploads: this.uploads,
      profileDir,
      logger,
      clock,
      listener: {
        changed: (job) => {
          options.listeners.importChanged(job);
        },
      },
    });
  }

  private coopChanged(roomId: string | null): void {
    this.coopChanges.add(roomId);
    this.coopTimer ??= setTimeout(() => {
      this.coopTimer = null;
      const changes = [...this.coopChanges];
      this.coopChanges.clear();
      for (const changed of changes) {
        this.listeners.coopChanged(changed);
      }
    }, COOP_CHANGE_COALESCE_MS);
  }

  async start(): Promise<void> {
    // The room list as it was last shown, first of all: the window shows it while the rest loads.
    this.snapshot = await this.roomListSnapshot.load();
    if (this.snapshot !== null) {
      this.listeners.changed(null);
    }
    this.sender.restore(await this.outbox.load());
    await this.uploads.start();
    await this.media.start();
    // Rooms and recent messages from the last run, before the network answers; read while
    // the crypto machine opens its own store, since neither needs the other.
    const started = this.clock.now();
    const cacheLoaded = this.store.syncStore.startup().then(() => {
      this.logger.info(`sync cache loaded in ${String(Math.round(this.clock.now() - started))} ms`);
    });
    await this.account.start(cacheLoaded);
  }

  async stop(): Promise<void> {
    // First, while the client still runs: a send in flight is aborted and its checkpoint kept.
    await this.imports.stop();
    await this.media.stop();
    this.coops.stop();
    this.conversation.stop();
    if (this.coopTimer !== null) {
      clearTimeout(this.coopTimer);
    }
    this.account.stop();
    await Promise.all([
      this.store.syncStore.save(true).catch((error: unknown) => {
        this.logger.warn('could not save the sync cache', error);
      }),
      this.saveRoomListSnapshot(),
    ]);
    await Promise.all([this.uploads.stop(), this.outbox.flushed(), this.drafts.flushed(), this.reminders.flushed()]);
    this.store.close();
  }

  /** The room list the window shows: the live one, or before the first sync the one last shown. */
  roomList(): RoomListEntry[] {
    if (!this.live && this.snapshot !== null) {
      return this.snapshot;
    }
    return projectRoomList(this.account.rooms(), this.account.userId, this.account.directRoomIds());
  }

  private saveRoomListSnapshot(): Promise<void> {
    return this.live ? this.roomListSnapshot.save(this.roomList()) : Promise.resolve();
  }

  private replayOutbox(): void {
    this.sender.replay().catch((error: unknown) => {
      this.logger.error('outbox replay failed', error);
    });
  }

  /** Bytes the device store takes on disk (for the benchmark and diagnostics). */
  storeSize(): number {
    return this.store.sizeOnDisk();
  }

  /**
   * The sync cache is a copy of what the server has, so it is written every few seconds
   * rather than after every sync: a crash costs at most a re-fetch, never a message.
   */
  private saveSyncCache(force: boolean): void {
    const now = this.clock.now();
    if (!force && now - this.lastSave < SYNC_SAVE_INTERVAL_MS) {
      return;
    }
    this.lastSave = now;
    this.store.syncStore.save(true).catch((error: unknown) => {
      this.logger.warn('could not save the sync cache', error);
    });
    void this.saveRoomListSnapshot();
  }

  static async removeSessionData(profileDir: string): Promise<void> {
    await Promise.all([
      ...SESSION_FILES.map((file) => rm(path.join(profileDir, file), { force: true })),
      ...SESSION_DIRS.map((dir) => rm(path.join(profileDir, dir), { recursive: true, force: true })),
    ]);
  }
}
