import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { Bridge } from '../../../../shared/ipc/bridge.ts';
import type { ErrorCode, IpcResult } from '../../../../shared/ipc/errors.ts';
import type { LinkPreview, MessageVersion } from '../../../../shared/model/conversation.ts';
import type { RoomDetails } from '../../../../shared/model/room.ts';
import type { PaginateDirection, TimelineItem, TimelineWindow } from '../../../../shared/model/timeline.ts';
import { createListStream } from '../../lib/list-stream.ts';
import type { Timers } from './viewport-hint.ts';
import { createViewportHint } from './viewport-hint.ts';

/** How often at most main hears what is on screen while the member scrolls. */
export const VIEWPORT_HINT_MS = 500;

export type TimelineState = {
  roomId: string | null;
  /** Set on a thread panel's store: the window is that thread's root and replies. */
  threadRootId: string | null;
  items: TimelineItem[];
  /** False until the first batch: "no messages" and "not loaded yet" look different. */
  loaded: boolean;
  details: RoomDetails | null;
  /** Where main's window sits: older or newer events beyond it, the read marker, a jump's target. */
  window: TimelineWindow;
  /**
   * Where the "new messages" line goes: the read marker as the room's first batch had it.
   * Opening the room marks it read, which moves main's marker to the newest at once; the
   * line stays where the member's reading stopped for as long as the room is open.
   */
  readMarkerItemId: string | null;
  /** A page in flight per direction, for the loading rows and so a direction asks only once at a time. */
  paginating: Record<PaginateDirection, boolean>;
  error: ErrorCode | null;
};

export type TimelineStore = {
  store: StoreApi<TimelineState>;
  /** Subscribes a room's timeline, or with `threadRootId` one thread of it (the side panel). */
  open: (roomId: string, threadRootId?: string) => Promise<void>;
  close: () => void;
  /** Re-subscribes the open room, e.g. after the link to main came back. */
  reopen: () => Promise<void>;
  /** Grows the window by a page older or newer, if there is one and none is in flight that way. */
  paginate: (direction: PaginateDirection) => Promise<void>;
  /** Moves the window around an event (null: back to the live end); whether main found it. */
  jump: (eventId: string | null) => Promise<boolean>;
  /** What is on screen, so main can drop what is far out of view; throttled here. */
  viewport: (firstItemId: string, lastItemId: string) => void;
  retry: (itemId: string) => Promise<IpcResult<null>>;
  invite: (userId: string) => Promise<IpcResult<null>>;
  /** Adds this member's reaction, or takes it back (main decides which: it knows who reacted). */
  react: (eventId: string, key: string) => Promise<IpcResult<{ reacted: boolean }>>;
  redact: (eventId: string) => Promise<IpcResult<null>>;
  versions: (eventId: string) => Promise<IpcResult<MessageVersion[]>>;
  vote: (pollId: string, answers: string[]) => Promise<IpcResult<null>>;
  linkPreview: (url: string) => Promise<IpcResult<LinkPreview | null>>;
  /** Turns link previews on or off for the open room, then reloads its details. */
  setLinkPreviews: (enabled: boolean) => Promise<IpcResult<null>>;
  /** Marks the room read if something new arrived since the last time. */
  markRead: () => void;
  dispose: () => void;
};

export type TimelineDeps = {
  /** Whether the member is looking at the window: only then do new messages count as read. */
  isFocused: () => boolean;
  /** Timers for the viewport hint's throttle; tests pass fake ones. */
  timers?: Timers;
  /** False for a thread panel: the room's own timeline marks the room read, not a side panel. */
  marksRead?: boolean;
};

/** Until main says otherwise a room may hold older events, and a fresh window sits at the live end. */
export const initialWindow: TimelineWindow = { hasOlder: true, hasNewer: false, readMarkerItemId: null, focusItemId: null };

const idle: Record<PaginateDirection, boolean> = { backward: false, forward: false };

const empty = (roomId: string | null, threadRootId: string | null = null): TimelineState => ({
  roomId,
  threadRootId,
  items: [],
  loaded: false,
  details: null,
  window: initialWindow,
  readMarkerItemId: null,
  paginating: idle,
  error: null,
});

/** A room's timeline starts at its creation event: nothing older to fetch. */
export const canLoadOlder = (state: Pick<TimelineState, 'window' | 'items'>): boolean => state.window.hasOlder && state.items[0]?.kind !== 'roomCreated';

/** Whether a page can be asked for that way now. */
const canPaginate = (state: TimelineState, direction: PaginateDirection): boolean =>
  state.loaded && !state.paginating[direction] && (direction === 'backward' ? canLoadOlder(state) : state.window.hasNewer);

export const createTimelineStore = (bridge: Bridge, deps: TimelineDeps): TimelineStore => {
  const store = createStore<TimelineState>(() => empty(null));
  // The newest item we told main about, so focus changes and echoes don't repeat the call.
  let markedItemId: string | null = null;

  const marksRead = deps.marksRead ?? true;
  const sendMarkRead = (): void => {
    const { roomId, items } = store.getState();
    if (roomId === null || !marksRead) {
      return;
    }
    markedItemId = items.at(-1)?.id ?? null;
    void bridge.invoke('room:markRead', { roomId });
  };

  const markRead = (): void => {
    const { items, window } = store.getState();
    const newest = items.at(-1)?.id ?? null;
    // A window short of the live end shows old messages: reading them is not reading the room.
    if (newest !== null && newest !== markedItemId && !window.hasNewer && deps.isFocused()) {
      sendMarkRead();
    }
  };

  const stream = createListStream(bridge, 'timeline:batch', (items, batch) => {
    const state = store.getState();
    const first = !state.loaded;
    store.setState({
      items,
      window: batch.window,
      loaded: true,
      error: null,
      readMarkerItemId: first && state.readMarkerItemId === null ? batch.window.readMarkerItemId : state.readMarkerItemId,
    });
    if (first) {
      // Opening a room is the member looking at it, focused window or not; marked only now,
      // so the first batch still carried where their reading had stopped.
      sendMarkRead();
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

  const hint = createViewportHint((viewport) => void bridge.invoke('timeline:viewport', viewport), VIEWPORT_HINT_MS, deps.timers);

  const subscribe = async (roomId: string): Promise<void> => {
    // Pages and hints in flight belong to the old subscription; their answers are dropped below.
    hint.cancel();
    store.setState({ paginating: idle });
    const { threadRootId } = store.getState();
    const result = await stream.start(() => bridge.invoke('timeline:subscribe', threadRootId === null ? { roomId } : { roomId, threadRootId }));
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

  const open = async (roomId: string, threadRootId?: string): Promise<void> => {
    const state = store.getState();
    if (state.roomId === roomId && state.threadRootId === (threadRootId ?? null)) {
      return;
    }
    store.setState(empty(roomId, threadRootId ?? null));
    markedItemId = null;
    await Promise.all([subscribe(roomId), loadDetails(roomId)]);
  };

  const close = (): void => {
    stream.stop();
    hint.cancel();
    markedItemId = null;
    store.setState(empty(null));
  };

  const reopen = async (): Promise<void> => {
    const { roomId } = store.getState();
    if (roomId !== null) {
      await Promise.all([subscribe(roomId), loadDetails(roomId)]);
    }
  };

  const paginate = async (direction: PaginateDirection): Promise<void> => {
    const subscription = stream.subscription();
    if (subscription === null || !canPaginate(store.getState(), direction)) {
      return;
    }
    store.setState((state) => ({ paginating: { ...state.paginating, [direction]: true } }));
    const result = await bridge.invoke('timeline:paginate', { subscription, direction });
    if (stream.subscription() !== subscription) {
      return;
    }
    store.setState((state) => ({
      paginating: { ...state.paginating, [direction]: false },
      ...(result.ok ? { window: result.value } : { error: result.error.code }),
    }));
  };

  const jump = async (eventId: string | null): Promise<boolean> => {
    const subscription = stream.subscription();
    if (subscription === null) {
      return false;
    }
    const result = await bridge.invoke('timeline:jump', { subscription, eventId });
    if (!result.ok) {
      if (stream.subscription() === subscription) {
        store.setState({ error: result.error.code });
      }
      return false;
    }
    return result.value.found;
  };

  const viewport = (firstItemId: string, lastItemId: string): void => {
    const subscription = stream.subscription();
    if (subscription !== null) {
      hint.report({ subscription, firstItemId, lastItemId });
    }
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

  // Previews per room and URL: rows re-mount as they scroll back into view, and ask again.
  const previews = new Map<string, Promise<IpcResult<LinkPreview | null>>>();
  const linkPreview = (url: string): Promise<IpcResult<LinkPreview | null>> => {
    const key = `${store.getState().roomId ?? ''} ${url}`;
    const known = previews.get(key);
    if (known !== undefined) {
      return known;
    }
    const asked = inRoom((roomId) => bridge.invoke('link:preview', { roomId, url }));
    previews.set(key, asked);
    // A failure (offline, a slow server) may succeed later: only answers are kept.
    void asked.then((result) => {
      if (!result.ok) {
        previews.delete(key);
      }
    });
    return asked;
  };

  const inRoom = async <T>(call: (roomId: string) => Promise<IpcResult<T>>): Promise<IpcResult<T>> => {
    const { roomId } = store.getState();
    return roomId === null ? noRoom : call(roomId);
  };

  const setLinkPreviews = async (enabled: boolean): Promise<IpcResult<null>> => {
    const result = await inRoom((roomId) => bridge.invoke('room:setLinkPreviews', { roomId, enabled }));
    const { roomId } = store.getState();
    if (result.ok && roomId !== null) {
      await loadDetails(roomId);
    }
    return result;
  };

  return {
    store,
    open,
    react: (eventId, key) => inRoom((roomId) => bridge.invoke('message:react', { roomId, eventId, key })),
    redact: (eventId) => inRoom((roomId) => bridge.invoke('message:redact', { roomId, eventId })),
    versions: (eventId) => inRoom((roomId) => bridge.invoke('message:versions', { roomId, eventId })),
    vote: (pollId, answers) => inRoom((roomId) => bridge.invoke('poll:vote', { roomId, pollId, answers })),
    linkPreview,
    setLinkPreviews,
    close,
    reopen,
    paginate,
    jump,
    viewport,
    retry,
    invite,
    markRead,
    dispose: () => {
      hint.cancel();
      stream.dispose();
    },
  };
};
