import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RembukError } from '../../../shared/ipc/errors.ts';
import type { ListBatch } from '../../../shared/stream/list-op.ts';
import { COALESCE_MS, Subscriptions } from './subscriptions.ts';

type Item = { id: string; v: number };

/** A list whose contents the test changes, and every batch its subscription received. */
const makeList = (values: Item[] = [{ id: 'a', v: 0 }]) => {
  const state = { values, computed: 0, batches: [] as ListBatch<Item>[] };
  return {
    state,
    bump: () => {
      state.values = state.values.map((item) => ({ ...item, v: item.v + 1 }));
    },
    options: (connectionId: string, roomId: string | null) => ({
      connectionId,
      roomId,
      compute: () => {
        state.computed++;
        return state.values;
      },
      keyOf: (item: Item) => item.id,
      sink: (batch: ListBatch<Item>) => {
        state.batches.push(batch);
      },
    }),
  };
};

const expectInvalidRequest = (action: () => void): void => {
  let thrown: unknown;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(RembukError);
  expect((thrown as RembukError).code).toBe('invalid_request');
};

describe('Subscriptions', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends the first reset, seq 0, only after add has returned', () => {
    const subs = new Subscriptions();
    const list = makeList();
    const id = subs.add(list.options('c1', null));
    expect(list.state.batches).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(list.state.batches).toEqual([{ subscription: id, seq: 0, ops: [{ op: 'reset', values: [{ id: 'a', v: 0 }] }] }]);
  });

  it('gives every subscription its own id', () => {
    const subs = new Subscriptions();
    const list = makeList();
    expect(subs.add(list.options('c1', null))).not.toBe(subs.add(list.options('c1', null)));
  });

  it('sends no reset for a subscription removed before it went out', () => {
    const subs = new Subscriptions();
    const list = makeList();
    const id = subs.add(list.options('c1', null));
    subs.remove(id, 'c1');
    vi.advanceTimersByTime(0);
    expect(list.state.batches).toEqual([]);
  });

  it('sends nothing on a refresh that changes nothing', () => {
    const subs = new Subscriptions();
    const list = makeList();
    subs.add(list.options('c1', null));
    vi.advanceTimersByTime(0);
    subs.invalidate(null);
    vi.advanceTimersByTime(COALESCE_MS);
    expect(list.state.computed).toBe(2);
    expect(list.state.batches).toHaveLength(1);
  });

  it('sends a diff numbered seq + 1 when the list changed', () => {
    const subs = new Subscriptions();
    const list = makeList();
    const id = subs.add(list.options('c1', '!r:x'));
    vi.advanceTimersByTime(0);
    list.bump();
    subs.invalidate('!r:x');
    vi.advanceTimersByTime(COALESCE_MS);
    expect(list.state.batches[1]).toEqual({ subscription: id, seq: 1, ops: [{ op: 'set', index: 0, value: { id: 'a', v: 1 } }] });
  });

  it('answers resync with a reset carrying the next seq', () => {
    const subs = new Subscriptions();
    const list = makeList();
    const id = subs.add(list.options('c1', null));
    vi.advanceTimersByTime(0);
    subs.resync(id, 'c1');
    expect(list.state.batches.map((batch) => [batch.seq, batch.ops[0]?.op])).toEqual([
      [0, 'reset'],
      [1, 'reset'],
    ]);
  });

  it('refreshes, for a room, the room lists and that room’s timelines only', () => {
    const subs = new Subscriptions();
    const roomList = makeList();
    const timelineA = makeList();
    const timelineB = makeList();
    subs.add(roomList.options('c1', null));
    subs.add(timelineA.options('c1', '!a:x'));
    subs.add(timelineB.options('c2', '!b:x'));
    vi.advanceTimersByTime(0);
    for (const list of [roomList, timelineA, timelineB]) {
      list.bump();
    }
    subs.invalidate('!a:x');
    vi.advanceTimersByTime(COALESCE_MS);
    expect(roomList.state.batches).toHaveLength(2);
    expect(timelineA.state.batches).toHaveLength(2);
    expect(timelineB.state.batches).toHaveLength(1);
    expect(timelineB.state.computed).toBe(1);
  });

  it('coalesces invalidations within COALESCE_MS into one batch per subscription', () => {
    const subs = new Subscriptions();
    const roomList = makeList();
    const timelineA = makeList();
    const timelineB = makeList();
    subs.add(roomList.options('c1', null));
    subs.add(timelineA.options('c1', '!a:x'));
    subs.add(timelineB.options('c1', '!b:x'));
    vi.advanceTimersByTime(0);
    for (const room of ['!a:x', '!b:x', '!a:x']) {
      roomList.bump();
      timelineA.bump();
      timelineB.bump();
      subs.invalidate(room);
      vi.advanceTimersByTime(COALESCE_MS / 4);
    }
    expect(roomList.state.batches).toHaveLength(1);
    vi.advanceTimersByTime(COALESCE_MS);
    for (const list of [roomList, timelineA, timelineB]) {
      expect(list.state.batches.map((batch) => batch.seq)).toEqual([0, 1]);
      expect(list.state.batches[1]?.ops).toEqual([{ op: 'set', index: 0, value: { id: 'a', v: 3 } }]);
    }
  });

  it('refreshes every subscription on invalidate(null)', () => {
    const subs = new Subscriptions();
    const lists = [makeList(), makeList(), makeList()];
    subs.add(lists[0]!.options('c1', null));
    subs.add(lists[1]!.options('c1', '!a:x'));
    subs.add(lists[2]!.options('c2', '!b:x'));
    vi.advanceTimersByTime(0);
    lists.forEach((list) => {
      list.bump();
    });
    subs.invalidate(null);
    vi.advanceTimersByTime(COALESCE_MS);
    expect(lists.map((list) => list.state.batches.length)).toEqual([2, 2, 2]);
  });

  it('flush sends pending changes at once and leaves no timer behind', () => {
    const subs = new Subscriptions();
    const list = makeList();
    subs.add(list.options('c1', '!a:x'));
    vi.advanceTimersByTime(0);
    list.bump();
    subs.invalidate('!a:x');
    subs.flush();
    expect(list.state.batches).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects resync and remove from another connection or for an unknown id', () => {
    const subs = new Subscriptions();
    const list = makeList();
    const id = subs.add(list.options('c1', null));
    expectInvalidRequest(() => {
      subs.resync(id, 'c2');
    });
    expectInvalidRequest(() => {
      subs.remove(id, 'c2');
    });
    expectInvalidRequest(() => {
      subs.resync('no-such-id', 'c1');
    });
    // The owner's subscription survived the attempts.
    vi.advanceTimersByTime(0);
    expect(list.state.batches).toHaveLength(1);
  });

  it('closeConnection drops that connection’s subscriptions only', () => {
    const subs = new Subscriptions();
    const mine = makeList();
    const theirs = makeList();
    const mineId = subs.add(mine.options('c1', null));
    const theirsId = subs.add(theirs.options('c2', null));
    vi.advanceTimersByTime(0);
    subs.closeConnection('c1');
    mine.bump();
    theirs.bump();
    subs.invalidate(null);
    vi.advanceTimersByTime(COALESCE_MS);
    expect(mine.state.batches).toHaveLength(1);
    expect(theirs.state.batches).toHaveLength(2);
    expectInvalidRequest(() => {
      subs.resync(mineId, 'c1');
    });
    expect(() => {
      subs.resync(theirsId, 'c2');
    }).not.toThrow();
  });

  it('resetAll sends a reset to every subscription', () => {
    const subs = new Subscriptions();
    const lists = [makeList(), makeList()];
    subs.add(lists[0]!.options('c1', null));
    subs.add(lists[1]!.options('c2', '!a:x'));
    vi.advanceTimersByTime(0);
    subs.resetAll();
    for (const list of lists) {
      expect(list.state.batches.map((batch) => [batch.seq, batch.ops[0]?.op])).toEqual([
        [0, 'reset'],
        [1, 'reset'],
      ]);
    }
  });
});
