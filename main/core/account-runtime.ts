import { rm } from 'node:fs/promises';
import path from 'node:path';
import { MatrixAccount, type AccountListeners } from './matrix/matrix-account.ts';
import { MessageSender } from './matrix/message-sender.ts';
import { Outbox } from './matrix/outbox.ts';
import { RoomActions } from './matrix/room-actions.ts';
import { Drafts } from './profile/drafts.ts';
import { CoopReminders } from './governance/coop-reminders.ts';
import { CoopService } from './governance/coop-service.ts';
import type { CoopNotice } from '../../shared/model/coop.ts';
import { CRYPTO_DB_PREFIX, DEVICE_STORE_FILE, openDeviceStore, SYNC_SAVE_INTERVAL_MS, type DeviceStore } from './matrix/device-store.ts';
import type { Clock, Logger } from './ports.ts';
import type { SavedSession } from './session/session-store.ts';

/** Files that belong to the signed-in session and go when the member signs out. */
export const SESSION_FILES = ['session.json', 'drafts.json', 'outbox.json', 'coop-notices.json', DEVICE_STORE_FILE, `${DEVICE_STORE_FILE}-wal`, `${DEVICE_STORE_FILE}-shm`];

/** The runtime reports what its account reports (it adds the outbox replay on `ready` itself), and what the Co-op tab needs. */
export type RuntimeListeners = Omit<AccountListeners, 'synced'> & {
  /** Something in this co-op (or, with null, the list of co-ops) changed. */
  coopChanged(roomId: string | null): void;
  coopNotice(notice: CoopNotice): void;
};

/** Co-op changes arrive in bursts (a sync, a tally's votes); the renderer refetches once per burst. */
const COOP_CHANGE_COALESCE_MS = 100;

/** Everything that exists only while a member is signed in, wired together. */
export class AccountRuntime {
  readonly account: MatrixAccount;
  readonly rooms: RoomActions;
  readonly sender: MessageSender;
  readonly drafts: Drafts;
  readonly coops: CoopService;
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

  constructor(options: { session: SavedSession; profileDir: string; listeners: RuntimeListeners; logger: Logger; clock: Clock }) {
    const { profileDir, logger, clock } = options;
    this.logger = logger;
    this.clock = clock;
    this.listeners = options.listeners;
    // Opened first and synchronously: a store that will not open (wrong key) stops the session here.
    this.store = openDeviceStore(profileDir, options.session.storageKey);
    this.outbox = new Outbox({ profileDir, logger });
    this.drafts = new Drafts({ profileDir, logger });
    this.account = new MatrixAccount({
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
        ready: () => {
          options.listeners.ready();
          this.replayOutbox();
          this.coops.ready();
        },
      },
    });
    this.rooms = new RoomActions(this.account);
    this.sender = new MessageSender({ account: this.account, outbox: this.outbox, logger, clock });
    this.reminders = new CoopReminders({ profileDir, logger, clock, notify: (notice) => { options.listeners.coopNotice(notice); } });
    this.coops = new CoopService({
      account: this.account,
      rooms: this.rooms,
      clock,
      logger,
      reminders: this.reminders,
      listeners: { changed: (roomId) => { this.coopChanged(roomId); } },
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
    this.sender.restore(await this.outbox.load());
    // Rooms and recent messages from the last run, before the network answers; read while
    // the crypto machine opens its own store, since neither needs the other.
    const started = this.clock.now();
    const cacheLoaded = this.store.syncStore.startup().then(() => {
      this.logger.info(`sync cache loaded in ${String(Math.round(this.clock.now() - started))} ms`);
    });
    await this.account.start(cacheLoaded);
  }

  async stop(): Promise<void> {
    this.coops.stop();
    if (this.coopTimer !== null) {
      clearTimeout(this.coopTimer);
    }
    this.account.stop();
    await this.store.syncStore.save(true).catch((error: unknown) => {
      this.logger.warn('could not save the sync cache', error);
    });
    await Promise.all([this.outbox.flushed(), this.drafts.flushed(), this.reminders.flushed()]);
    this.store.close();
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
  }

  static async removeSessionData(profileDir: string): Promise<void> {
    await Promise.all(SESSION_FILES.map((file) => rm(path.join(profileDir, file), { force: true })));
  }
}
