import type { Bridge } from '../../../shared/ipc/bridge.ts';
import type { EventPayload } from '../../../shared/ipc/contract.ts';
import type { IpcError, IpcResult } from '../../../shared/ipc/errors.ts';
import type { RoomListEntry } from '../../../shared/model/room.ts';
import type { TimelineItem } from '../../../shared/model/timeline.ts';
import { receiveBatch } from '../../../shared/stream/batch-receiver.ts';
import type { ListBatch } from '../../../shared/stream/list-op.ts';

export type BatchChannel = 'rooms:batch' | 'timeline:batch';
export type ItemOf<C extends BatchChannel> = C extends 'rooms:batch' ? RoomListEntry : TimelineItem;

/** The whole batch as main sent it: a timeline batch also says where its window sits. */
export type BatchOf<C extends BatchChannel> = EventPayload<C>;

export type StartResult = { kind: 'started' } | { kind: 'cancelled' } | { kind: 'failed'; error: IpcError };

export type ListStream = {
  /** Drops any current subscription and subscribes anew with `subscribe`. */
  start: (subscribe: () => Promise<IpcResult<{ subscription: string }>>) => Promise<StartResult>;
  stop: () => void;
  dispose: () => void;
  /** The id of the live subscription, for requests about it (paginate, jump); null while none is. */
  subscription: () => string | null;
};

/** Batches that arrive before we learn our id; far more than a subscribe round trip brings. */
const MAX_EARLY_BATCHES = 256;

type Phase<T, B> =
  | { kind: 'idle' }
  | { kind: 'subscribing'; early: B[]; overflowed: boolean }
  | { kind: 'active'; subscription: string; items: T[]; seq: number | null; resyncing: boolean };

/**
 * Holds one list subscription. Main may push the first batch before the subscribe reply
 * reaches us, so batches seen while subscribing are kept and replayed once the id is
 * known; batches for any other id (an old subscription winding down) are ignored.
 */
export const createListStream = <C extends BatchChannel>(bridge: Bridge, channel: C, onItems: (items: ItemOf<C>[], batch: BatchOf<C>) => void): ListStream => {
  type T = ItemOf<C>;
  type B = BatchOf<C>;
  let phase: Phase<T, B> = { kind: 'idle' };
  let generation = 0;

  const resync = (active: Extract<Phase<T, B>, { kind: 'active' }>): void => {
    if (active.resyncing) {
      return;
    }
    active.resyncing = true;
    void bridge.invoke('stream:resync', { subscription: active.subscription }).then((result) => {
      // Let the next batch ask again; a dead link restarts every stream anyway.
      if (!result.ok) {
        active.resyncing = false;
      }
    });
  };

  const apply = (active: Extract<Phase<T, B>, { kind: 'active' }>, batch: B): void => {
    const received = receiveBatch(active, batch as ListBatch<T>);
    if (received.kind === 'gap') {
      resync(active);
      return;
    }
    active.items = received.items;
    active.seq = received.seq;
    active.resyncing = false;
    onItems(received.items, batch);
  };

  const unsubscribeListener = bridge.on(channel, (batch) => {
    if (phase.kind === 'subscribing') {
      if (phase.early.length < MAX_EARLY_BATCHES) {
        phase.early.push(batch);
      } else {
        phase.overflowed = true;
      }
    } else if (phase.kind === 'active' && batch.subscription === phase.subscription) {
      apply(phase, batch);
    }
  });

  const stop = (): void => {
    generation += 1;
    if (phase.kind === 'active') {
      void bridge.invoke('stream:unsubscribe', { subscription: phase.subscription });
    }
    phase = { kind: 'idle' };
  };

  const start = async (subscribe: () => Promise<IpcResult<{ subscription: string }>>): Promise<StartResult> => {
    stop();
    const mine = generation;
    const subscribing: Extract<Phase<T, B>, { kind: 'subscribing' }> = { kind: 'subscribing', early: [], overflowed: false };
    phase = subscribing;
    const result = await subscribe();
    if (mine !== generation) {
      // Stopped or restarted meanwhile: this subscription is nobody's.
      if (result.ok) {
        void bridge.invoke('stream:unsubscribe', { subscription: result.value.subscription });
      }
      return { kind: 'cancelled' };
    }
    if (!result.ok) {
      phase = { kind: 'idle' };
      return { kind: 'failed', error: result.error };
    }
    const active: Extract<Phase<T, B>, { kind: 'active' }> = {
      kind: 'active',
      subscription: result.value.subscription,
      items: [],
      seq: null,
      resyncing: false,
    };
    phase = active;
    for (const batch of subscribing.early) {
      if (batch.subscription === active.subscription) {
        apply(active, batch);
      }
    }
    if (subscribing.overflowed) {
      resync(active);
    }
    return { kind: 'started' };
  };

  return {
    start,
    stop,
    subscription: () => (phase.kind === 'active' ? phase.subscription : null),
    dispose: () => {
      stop();
      unsubscribeListener();
    },
  };
};
