import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { Bridge } from '../../../../shared/ipc/bridge.ts';
import type { ErrorCode, IpcResult } from '../../../../shared/ipc/errors.ts';
import type { RoomDetails } from '../../../../shared/model/room.ts';
import type { TimelineItem } from '../../../../shared/model/timeline.ts';
import { createListStream } from '../../lib/list-stream.ts';

export type TimelineState = {
  roomId: string | null;
  items: TimelineItem[];
  /** False until the first batch: "no messages" and "not loaded yet" look different. */
  loaded: boolean;
  details: RoomDetails | null;
  /** Whether the server may hold older events; assumed until a paginate says otherwise. */
  hasMore: boolean;
  paginating: boolean;
  error: ErrorCode | null;
};

export type TimelineStore = {
  store: StoreApi<TimelineState>;
  open: (roomId: string) => Promise<void>;
  close: () => void;
  /** Re-subscribes the open room, e.g. after the link to main came back. */
  reopen: () => Promise<void>;
  paginate: () => Promise<void>;
  retry: (itemId: string) => Promise<IpcResult<null>>;
  invite: (userId: string) => Promise<IpcResult<null>>;
  /** Marks the room read if something new arrived since the last time. */
  markRead: () => void;
  dispose: () => void;
};

export type TimelineDeps = {
  /** Whether the member is looking at the window: only then do new messages count as read. */
  isFocused: () => boolean;
};

const empty = (roomId: string | null): TimelineState => ({
  roomId,
  items: [],
  loaded: false,
  details: null,
  hasMore: true,
  paginating: false,
  error: null,
});

/** A room's timeline starts at its creation event: nothing older to fetch. */
export const canLoadOlder = (state: Pick<TimelineState, 'hasMore' | 'items'>): boolean =>
  state.hasMore && state.items[0]?.kind !== 'roomCreated';

export const createTimelineStore = (bridge: Bridge, deps: TimelineDeps): TimelineStore => {
  const store = createStore<TimelineState>(() => empty(null));
  // The newest item we told main about, so focus changes and echoes don't repeat the call.
  let markedItemId: string | null = null;

  const sendMarkRead = (): void => {
    const { roomId, items } = store.getState();
    if (roomId === null) {
      return;
    }
    markedItemId = items.at(-1)?.id ?? null;
    void bridge.invoke('room:markRead', { roomId });
  };

  const markRead = (): void => {
    const { items } = store.getState();
    const newest = items.at(-1)?.id ?? null;
    if (newest !== null && newest !== markedItemId && deps.isFocused()) {
      sendMarkRead();
    }
  };

  const stream = createListStream(bridge, 'timeline:batch', (items) => {
    const first = !store.getState().loaded;
    store.setState({ items, loaded: true, error: null });
    if (first) {
      // open() already marked what main held when we subscribed, which is this.
      markedItemId = items.at(-1)?.id ?? null;
    } else {
      markRead();
      refreshDetails();
    }
  });

  // Members, name and encryption change with the timeline (a room just made gets its
  // encryption state a moment later): the header follows, at most twice a second.
  let detailsTimer: ReturnType<typeof setTimeout> | null = null;
  const refreshDetails = (): void => {
    detailsTimer ??= setTimeout(() => {
      detailsTimer = null;
      const { roomId } = store.getState();
      if (roomId !== null) {
        void loadDetails(roomId);
      }
    }, 500);
  };

  // The open room's window, for paginating it (main keeps a window per subscription).
  let subscription: string | null = null;

  const subscribe = async (roomId: string): Promise<void> => {
    const result = await stream.start(async () => {
      const subscribed = await bridge.invoke('timeline:subscribe', { roomId });
      subscription = subscribed.ok ? subscribed.value.subscription : null;
      return subscribed;
    });
    if (result.kind === 'failed' && store.getState().roomId === roomId) {
      store.setState({ error: result.error.code });
    }
  };

  const loadDetails = async (roomId: string): Promise<void> => {
    const result = await bridge.invoke('room:details', { roomId });
    if (result.ok && store.getState().roomId === roomId) {
      store.setState({ details: result.value });
    }
  };

  const open = async (roomId: string): Promise<void> => {
    if (store.getState().roomId === roomId) {
      return;
    }
    store.setState(empty(roomId));
    markedItemId = null;
    // Opening a room is the member looking at it, focused window or not.
    sendMarkRead();
    await Promise.all([subscribe(roomId), loadDetails(roomId)]);
  };

  const close = (): void => {
    stream.stop();
    markedItemId = null;
    store.setState(empty(null));
  };

  const reopen = async (): Promise<void> => {
    const { roomId } = store.getState();
    if (roomId !== null) {
      await Promise.all([subscribe(roomId), loadDetails(roomId)]);
    }
  };

  const paginate = async (): Promise<void> => {
    const state = store.getState();
    const { roomId } = state;
    if (roomId === null || subscription === null || state.paginating || !canLoadOlder(state)) {
      return;
    }
    store.setState({ paginating: true });
    const result = await bridge.invoke('timeline:paginate', { subscription, direction: 'backward' });
    if (store.getState().roomId !== roomId) {
      return;
    }
    store.setState(
      result.ok ? { paginating: false, hasMore: result.value.hasOlder } : { paginating: false, error: result.error.code },
    );
  };

  const noRoom: IpcResult<never> = { ok: false, error: { code: 'room_not_found' } };

  const retry = async (itemId: string): Promise<IpcResult<null>> => {
    const { roomId } = store.getState();
    return roomId === null ? noRoom : bridge.invoke('message:retry', { roomId, itemId });
  };

  const invite = async (userId: string): Promise<IpcResult<null>> => {
    const { roomId } = store.getState();
    return roomId === null ? noRoom : bridge.invoke('room:invite', { roomId, userId });
  };

  return { store, open, close, reopen, paginate, retry, invite, markRead, dispose: stream.dispose };
};
