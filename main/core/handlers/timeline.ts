import { RembukError } from '../../../shared/ipc/errors.ts';
import type { TimelineItem } from '../../../shared/model/timeline.ts';
import type { AccountRuntime } from '../account-runtime.ts';
import type { Handlers } from '../ipc/dispatcher.ts';
import { toRembukError } from '../matrix/matrix-errors.ts';
import { RoomWindow } from '../matrix/timeline/room-window.ts';
import type { Subscriptions } from '../stream/subscriptions.ts';

type TimelineChannel = `timeline:${'subscribe' | 'paginate' | 'jump' | 'viewport'}`;

/** What the handlers use of a subscription's window (RoomWindow in the app). */
export type TimelineView = Pick<RoomWindow, 'items' | 'window' | 'paginate' | 'jump' | 'viewport' | 'close'> & Partial<Pick<RoomWindow, 'setChangeListener'>>;

/** What the handlers need of the signed-in account itself: when its first sync is in. */
type LiveRuntime = Pick<AccountRuntime, 'whenLive'>;

/** Makes the window of a newly subscribed room (null when the account has no such room); the tests give one of their own. */
export type OpenWindow<R extends LiveRuntime> = (runtime: R, roomId: string, threadRootId: string | null) => TimelineView | null;

/** How long opening a room waits for the first sync before saying the room is not there. */
const FIRST_SYNC_WAIT_MS = 15_000;

/** The app's window: pages fetched from the homeserver, the live end from the SDK. */
export const openRoomWindow: OpenWindow<AccountRuntime> = (runtime, roomId, threadRootId) => {
  const room = runtime.account.room(roomId);
  return room === null
    ? null
    : new RoomWindow({ room, myUserId: runtime.account.userId, source: runtime.gateway.timelinePages, media: runtime.media.projection(), threadRootId });
};

const untilLive = async (runtime: LiveRuntime): Promise<void> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([runtime.whenLive, new Promise((resolve) => (timer = setTimeout(resolve, FIRST_SYNC_WAIT_MS)))]);
  clearTimeout(timer);
};

/**
 * A room's timeline as a bounded window per subscription: subscribe (at the live end or
 * around an event), grow it a page either way, jump, and the viewport hint that lets main
 * drop what is far out of view. Every change goes out as a `timeline:batch` before the answer.
 */
export const timelineHandlers = <R extends LiveRuntime>(
  deps: { runtime(): R | null; subscriptions: Pick<Subscriptions, 'add' | 'refresh'> },
  open: OpenWindow<R>,
): Pick<Handlers, TimelineChannel> => {
  const windows = new Map<string, { connectionId: string; view: TimelineView }>();

  const owned = (subscription: string, connectionId: string): TimelineView => {
    const entry = windows.get(subscription);
    if (entry?.connectionId !== connectionId) {
      throw new RembukError('invalid_request', 'no such timeline subscription');
    }
    return entry.view;
  };

  /** The window's change goes out now, unless the subscription ended while its page was on the way. */
  const publish = (subscription: string, connectionId: string): void => {
    if (windows.has(subscription)) {
      deps.subscriptions.refresh(subscription, connectionId);
    }
  };

  return {
    'timeline:subscribe': async (input, context) => {
      // A room picked from the list shown before the first sync is in: wait for its room to exist.
      const current = deps.runtime();
      if (current === null) {
        throw new RembukError('not_signed_in');
      }
      await untilLive(current);
      const threadRootId = input.threadRootId ?? null;
      const view = deps.runtime() === current ? open(current, input.roomId, threadRootId) : null;
      if (view === null) {
        throw new RembukError('room_not_found');
      }
      // A thread's panel fetches its root and replies itself (RoomWindow); a room opens at the event asked for.
      if (input.aroundEventId !== undefined) {
        // An event that cannot be found leaves the window at the live end (its focus stays null).
        await view.jump(input.aroundEventId).catch(() => false);
      }
      if (deps.runtime() !== current) {
        view.close();
        throw new RembukError('not_signed_in');
      }
      const subscription = deps.subscriptions.add<TimelineItem>({
        connectionId: context.connectionId,
        roomId: input.roomId,
        compute: () => view.items(),
        keyOf: (item) => item.id,
        state: () => view.window(),
        sink: (batch) => {
          context.emit('timeline:batch', { ...batch, window: view.window() });
        },
        close: () => {
          windows.delete(subscription);
          view.close();
        },
        sessionBound: true,
      });
      windows.set(subscription, { connectionId: context.connectionId, view });
      view.setChangeListener?.(() => {
        publish(subscription, context.connectionId);
      });
      return { subscription };
    },

    'timeline:paginate': async (input, context) => {
      const view = owned(input.subscription, context.connectionId);
      try {
        await view.paginate(input.direction);
      } catch (error) {
        throw toRembukError(error, 'room_not_found');
      }
      publish(input.subscription, context.connectionId);
      return view.window();
    },

    'timeline:jump': async (input, context) => {
      const view = owned(input.subscription, context.connectionId);
      let found: boolean;
      try {
        found = await view.jump(input.eventId);
      } catch (error) {
        throw toRembukError(error, 'room_not_found');
      }
      publish(input.subscription, context.connectionId);
      return { found };
    },

    'timeline:viewport': (input, context) => {
      const view = owned(input.subscription, context.connectionId);
      if (view.viewport(input.firstItemId, input.lastItemId)) {
        publish(input.subscription, context.connectionId);
      }
      return Promise.resolve(null);
    },
  };
};
