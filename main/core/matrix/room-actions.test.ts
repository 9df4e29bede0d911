import { createClient, KnownMembership, MemoryStore, PendingEventOrdering, Room, RoomEvent, type MatrixClient } from 'matrix-js-sdk';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../ports.ts';
import { MatrixAccount } from './matrix-account.ts';
import { RoomActions } from './room-actions.ts';
import { ME } from './test-room.ts';
import { SecretStorageKeys } from './trust/secret-storage-keys.ts';

const ROOM = '!invited:example.org';

/** A real, offline client holding one room we are invited to; its join request is answered at once. */
const world = (joinSyncTimeoutMs?: number) => {
  const client: MatrixClient = createClient({ baseUrl: 'http://127.0.0.1:9', userId: ME, deviceId: 'TEST', store: new MemoryStore() });
  const room = new Room(ROOM, client, ME, { pendingEventOrdering: PendingEventOrdering.Detached });
  room.updateMyMembership(KnownMembership.Invite);
  client.store.storeRoom(room);
  const account = new MatrixAccount({
    session: { homeserverUrl: 'http://127.0.0.1:9', userId: ME, deviceId: 'TEST', accessToken: 'token', storageKey: new Uint8Array(32) },
    client,
    secretStorageKeys: new SecretStorageKeys(),
    listeners: { changed: () => undefined, connection: () => undefined, loggedOut: () => undefined, ready: () => undefined, synced: () => undefined },
    logger: silentLogger,
    clock: { now: () => 0 },
    encryption: null,
  });
  const joinRequests: string[] = [];
  vi.spyOn(client, 'joinRoom').mockImplementation((roomId: string) => {
    joinRequests.push(roomId);
    return Promise.resolve(room);
  });
  const actions = new RoomActions(account, client, joinSyncTimeoutMs === undefined ? {} : { joinSyncTimeoutMs });
  /** What the sync does when the room's join section arrives. */
  const syncShowsJoin = (): void => {
    room.updateMyMembership(KnownMembership.Join);
    client.emit(RoomEvent.MyMembership, room, KnownMembership.Join, KnownMembership.Invite);
  };
  return { client, room, actions, joinRequests, syncShowsJoin };
};

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('RoomActions.accept', () => {
  it('answers only once the sync shows our membership as join, not when the join request answers', async () => {
    const w = world();
    let accepted = false;
    const accepting = w.actions.accept(ROOM).then(() => {
      accepted = true;
    });
    await settle();
    expect(w.joinRequests).toEqual([ROOM]);
    expect(accepted).toBe(false);
    w.syncShowsJoin();
    await accepting;
    expect(accepted).toBe(true);
    expect(w.room.getMyMembership()).toBe(KnownMembership.Join);
  });

  it('stops waiting after the timeout, since the join itself succeeded, and stops listening', async () => {
    const w = world(20);
    const listeners = w.client.listenerCount(RoomEvent.MyMembership);
    await w.actions.accept(ROOM);
    expect(w.joinRequests).toEqual([ROOM]);
    expect(w.room.getMyMembership()).toBe(KnownMembership.Invite);
    expect(w.client.listenerCount(RoomEvent.MyMembership)).toBe(listeners);
  });
});
