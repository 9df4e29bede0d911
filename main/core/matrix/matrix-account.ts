import {
  ClientEvent,
  EventType,
  HttpApiEvent,
  KnownMembership,
  MatrixEventEvent,
  PendingEventOrdering,
  RoomEvent,
  RoomMemberEvent,
  RoomStateEvent,
  SyncState,
  type MatrixClient,
  type MatrixEvent,
  type Room,
} from 'matrix-js-sdk';
import type { ConnectionState, SessionView } from '../../../shared/model/session.ts';
import type { Clock, Logger } from '../ports.ts';
import type { SavedSession } from '../session/session-store.ts';
import type { SecretStorageKeys } from './trust/secret-storage-keys.ts';

/** How much history a room shows before the member scrolls back. */
export const INITIAL_SYNC_LIMIT = 20;

/** The typing line names at most this many (the contract's limit). */
const MAX_TYPING_NAMES = 20;

/** Where Rust crypto keeps this device's keys: the IndexedDB database prefix (its store lives behind the global IndexedDB). */
export type EncryptionOptions = { databasePrefix: string };

export type AccountListeners = {
  /** Something in this room (or, with null, in the room list as a whole) may look different now. */
  changed(roomId: string | null): void;
  connection(state: ConnectionState): void;
  /** The server ended the session (token revoked, device deleted elsewhere). */
  loggedOut(): void;
  /** The first sync is in: the outbox can be replayed against what the server has. */
  ready(): void;
  /** A sync response was processed (the moment the sync cache is consistent). */
  synced(): void;
  /** Who else is typing in this room now changed (names, this member left out). */
  typing?(roomId: string, names: string[]): void;
};

/**
 * A signed-in account: one matrix-js-sdk client, started and stopped here, whose
 * events are reduced to "this room changed" signals. The client itself stays private:
 * the rest of the core reaches Matrix through the gateway's ports (matrix-gateway.ts).
 */
export class MatrixAccount {
  private readonly client: MatrixClient;
  readonly session: SavedSession;
  private readonly listeners: AccountListeners;
  private readonly logger: Logger;
  private readonly clock: Clock;
  private state: ConnectionState = { state: 'starting' };
  private prepared = false;
  private startedAt = 0;

  private readonly encryption: EncryptionOptions | null;
  /** The secret storage key while setup or restore needs it (trust/recovery.ts); the SDK reads it through `cryptoCallbacks`. */
  readonly secretStorageKeys: SecretStorageKeys;

  constructor(options: {
    session: SavedSession;
    /** Made by the gateway (account-client.ts) with `secretStorageKeys` as its crypto callbacks. */
    client: MatrixClient;
    secretStorageKeys: SecretStorageKeys;
    listeners: AccountListeners;
    logger: Logger;
    clock: Clock;
    encryption: EncryptionOptions | null;
  }) {
    this.encryption = options.encryption;
    this.session = options.session;
    this.client = options.client;
    this.secretStorageKeys = options.secretStorageKeys;
    this.listeners = options.listeners;
    this.logger = options.logger;
    this.clock = options.clock;
    this.wire();
  }

  get userId(): string {
    return this.session.userId;
  }

  connectionState(): ConnectionState {
    return this.state;
  }

  view(): SessionView {
    const user = this.client.getUser(this.userId);
    return {
      userId: this.userId,
      deviceId: this.session.deviceId,
      homeserverUrl: this.session.homeserverUrl,
      displayName: user?.displayName ?? this.userId,
    };
  }

  /** Starts syncing once `storeLoaded` (the sync store's start-up, if any) and the crypto machine are both ready. */
  async start(storeLoaded: Promise<void> = Promise.resolve()): Promise<void> {
    this.startedAt = this.clock.now();
    this.setState({ state: 'syncing', roomsLoaded: 0 });
    // Crypto comes before the first sync, so no encrypted event arrives without a machine to decrypt it.
    await Promise.all([storeLoaded, this.initCrypto()]);
    await this.client.startClient({
      initialSyncLimit: INITIAL_SYNC_LIMIT,
      lazyLoadMembers: true,
      pendingEventOrdering: PendingEventOrdering.Detached,
      threadSupport: false,
    });
  }

  private async initCrypto(): Promise<void> {
    if (this.encryption === null) {
      return;
    }
    await this.client.initRustCrypto({
      useIndexedDB: true,
      cryptoDatabasePrefix: this.encryption.databasePrefix,
      storageKey: this.session.storageKey,
    });
    this.logger.info(`crypto ready in ${String(Math.round(this.clock.now() - this.startedAt))} ms`);
  }

  stop(): void {
    this.client.stopClient();
    this.client.removeAllListeners();
  }

  room(roomId: string): Room | null {
    return this.client.getRoom(roomId);
  }

  /** Every room the client knows, whatever our membership. */
  rooms(): Room[] {
    return this.client.getRooms();
  }

  /** Signs this device out on the server (the session's token stops working). */
  async logout(): Promise<void> {
    await this.client.logout(true);
  }

  /**
   * Whether a message can go out in this room now: joined, and for an encrypted room
   * the encryption state known to the crypto machine (before that, sending fails with
   * "unconfigured room").
   */
  async readyToSendIn(roomId: string): Promise<boolean> {
    const room = this.room(roomId);
    if (room?.getMyMembership() !== KnownMembership.Join) {
      return false;
    }
    if (!room.hasEncryptionStateEvent()) {
      return true;
    }
    return (await this.client.getCrypto()?.isEncryptionEnabledInRoom(roomId)) ?? false;
  }

  /** Room ids listed as direct chats in the account's m.direct data. */
  directRoomIds(): Set<string> {
    const content = this.client.getAccountData(EventType.Direct)?.getContent<Record<string, unknown>>() ?? {};
    const ids = new Set<string>();
    for (const rooms of Object.values(content)) {
      if (Array.isArray(rooms)) {
        for (const id of rooms) {
          if (typeof id === 'string') {
            ids.add(id);
          }
        }
      }
    }
    return ids;
  }

  private setState(state: ConnectionState): void {
    this.state = state;
    this.listeners.connection(state);
  }

  private wire(): void {
    const client = this.client;
    const roomChanged = (room: Room | undefined | null): void => {
      this.listeners.changed(room?.roomId ?? null);
    };
    const eventChanged = (event: MatrixEvent): void => {
      const roomId = event.getRoomId();
      this.listeners.changed(roomId ?? null);
    };
    client.on(ClientEvent.Sync, (state, _previous, data) => {
      this.onSync(state, data?.error);
      if (state === SyncState.Syncing) {
        this.listeners.synced();
      }
      // Unread counts arrive with each sync but are emitted per room only; one refresh covers them.
      this.listeners.changed(null);
    });
    client.on(ClientEvent.Room, roomChanged);
    client.on(ClientEvent.DeleteRoom, (roomId) => {
      this.listeners.changed(roomId);
    });
    client.on(ClientEvent.AccountData, () => {
      this.listeners.changed(null);
    });
    client.on(RoomEvent.Timeline, (_event, room) => {
      roomChanged(room);
    });
    client.on(RoomEvent.TimelineReset, (room) => {
      roomChanged(room);
    });
    client.on(RoomEvent.Name, roomChanged);
    client.on(RoomEvent.MyMembership, roomChanged);
    client.on(RoomEvent.Receipt, (_event, room) => {
      roomChanged(room);
    });
    client.on(RoomEvent.LocalEchoUpdated, (_event, room) => {
      roomChanged(room);
    });
    client.on(RoomEvent.Redaction, (_event, room) => {
      roomChanged(room);
    });
    client.on(RoomStateEvent.Events, eventChanged);
    client.on(RoomMemberEvent.Name, (event) => {
      eventChanged(event);
    });
    client.on(RoomMemberEvent.Typing, (_event, member) => {
      const room = client.getRoom(member.roomId);
      if (room !== null) {
        const names = room
          .getMembers()
          .filter((other) => other.typing && other.userId !== this.userId)
          .map((other) => other.name)
          .slice(0, MAX_TYPING_NAMES);
        this.listeners.typing?.(room.roomId, names);
      }
    });
    client.on(MatrixEventEvent.Decrypted, eventChanged);
    client.on(MatrixEventEvent.Replaced, eventChanged);
    client.on(HttpApiEvent.SessionLoggedOut, () => {
      this.listeners.loggedOut();
    });
  }

  private onSync(state: SyncState, error: Error | undefined): void {
    switch (state) {
      case SyncState.Prepared:
      case SyncState.Syncing:
        if (this.state.state !== 'online') {
          this.setState({ state: 'online' });
        }
        if (!this.prepared) {
          this.prepared = true;
          this.logger.info(`first sync in ${String(Math.round(this.clock.now() - this.startedAt))} ms: ${String(this.client.getRooms().length)} rooms`);
          this.listeners.changed(null);
          this.listeners.ready();
        }
        break;
      case SyncState.Catchup:
        this.setState({ state: 'syncing', roomsLoaded: this.client.getRooms().length });
        break;
      case SyncState.Error:
      case SyncState.Reconnecting:
        if (this.state.state !== 'offline') {
          this.logger.warn(`sync ${state}`, error?.message);
          this.setState({ state: 'offline', since: this.clock.now() });
        }
        break;
      case SyncState.Stopped:
        break;
    }
  }
}
