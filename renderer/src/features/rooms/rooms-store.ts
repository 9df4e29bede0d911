import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { Bridge } from '../../../../shared/ipc/bridge.ts';
import type { ErrorCode, IpcResult } from '../../../../shared/ipc/errors.ts';
import type { RoomListEntry } from '../../../../shared/model/room.ts';
import { createListStream } from '../../lib/list-stream.ts';

export type RoomsState = {
  /** In main's order: the renderer never re-sorts. */
  rooms: RoomListEntry[];
  loaded: boolean;
  error: ErrorCode | null;
  selectedRoomId: string | null;
};

export type NewRoom = { name: string; topic?: string; invite: string[] };

export type RoomsStore = {
  store: StoreApi<RoomsState>;
  start: () => Promise<void>;
  stop: () => void;
  select: (roomId: string | null) => void;
  acceptInvite: (roomId: string) => Promise<IpcResult<null>>;
  declineInvite: (roomId: string) => Promise<IpcResult<null>>;
  createRoom: (room: NewRoom) => Promise<IpcResult<{ roomId: string }>>;
  createDirect: (userId: string) => Promise<IpcResult<{ roomId: string }>>;
  dispose: () => void;
};

const initial: RoomsState = { rooms: [], loaded: false, error: null, selectedRoomId: null };

export const createRoomsStore = (bridge: Bridge): RoomsStore => {
  const store = createStore<RoomsState>(() => initial);
  const stream = createListStream(bridge, 'rooms:batch', (rooms) => {
    store.setState({ rooms, loaded: true, error: null });
  });

  const start = async (): Promise<void> => {
    const result = await stream.start(() => bridge.invoke('rooms:subscribe', {}));
    if (result.kind === 'failed') {
      store.setState({ error: result.error.code });
    }
  };

  const stop = (): void => {
    stream.stop();
    store.setState(initial);
  };

  const select = (roomId: string | null): void => {
    store.setState({ selectedRoomId: roomId });
  };

  /** Opens the room a successful action produced, so the member lands where they meant to go. */
  const thenOpen = (result: IpcResult<{ roomId: string }>): IpcResult<{ roomId: string }> => {
    if (result.ok) {
      select(result.value.roomId);
    }
    return result;
  };

  const acceptInvite = async (roomId: string): Promise<IpcResult<null>> => {
    const result = await bridge.invoke('invite:accept', { roomId });
    if (result.ok) {
      select(roomId);
    }
    return result;
  };

  const declineInvite = async (roomId: string): Promise<IpcResult<null>> => {
    const result = await bridge.invoke('invite:decline', { roomId });
    if (result.ok && store.getState().selectedRoomId === roomId) {
      select(null);
    }
    return result;
  };

  return {
    store,
    start,
    stop,
    select,
    acceptInvite,
    declineInvite,
    createRoom: async (room) => thenOpen(await bridge.invoke('room:create', room)),
    createDirect: async (userId) => thenOpen(await bridge.invoke('room:createDirect', { userId })),
    dispose: stream.dispose,
  };
};
