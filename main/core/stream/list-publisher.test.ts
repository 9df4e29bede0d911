import { describe, expect, it } from 'vitest';
import type { ListBatch } from '../../../shared/stream/list-op.ts';
import { ListPublisher } from './list-publisher.ts';

type Item = { id: string; v: number };

const setup = (initial: Item[]) => {
  let list = initial;
  const sent: ListBatch<Item>[] = [];
  const publisher = new ListPublisher<Item>({
    subscription: 'sub-1',
    compute: () => list,
    keyOf: (item) => item.id,
    sink: (batch) => sent.push(batch),
  });
  return {
    publisher,
    sent,
    change: (next: Item[]) => {
      list = next;
    },
  };
};

describe('ListPublisher', () => {
  it('sends nothing until asked', () => {
    const { sent } = setup([{ id: 'a', v: 0 }]);
    expect(sent).toEqual([]);
  });

  it('starts with a reset numbered 0', () => {
    const { publisher, sent } = setup([{ id: 'a', v: 0 }]);
    publisher.reset();
    expect(sent).toEqual([{ subscription: 'sub-1', seq: 0, ops: [{ op: 'reset', values: [{ id: 'a', v: 0 }] }] }]);
  });

  it('sends nothing when a refresh finds no change, even for a new but equal list', () => {
    const { publisher, sent, change } = setup([{ id: 'a', v: 0 }]);
    publisher.reset();
    publisher.refresh();
    change([{ id: 'a', v: 0 }]);
    publisher.refresh();
    expect(sent).toHaveLength(1);
  });

  it('sends only the difference, numbered one after the previous batch', () => {
    const { publisher, sent, change } = setup([{ id: 'a', v: 0 }]);
    publisher.reset();
    change([{ id: 'a', v: 1 }]);
    publisher.refresh();
    change([
      { id: 'a', v: 1 },
      { id: 'b', v: 0 },
    ]);
    publisher.refresh();
    expect(sent.slice(1)).toEqual([
      { subscription: 'sub-1', seq: 1, ops: [{ op: 'set', index: 0, value: { id: 'a', v: 1 } }] },
      { subscription: 'sub-1', seq: 2, ops: [{ op: 'append', values: [{ id: 'b', v: 0 }] }] },
    ]);
  });

  it('numbers a later reset with the next seq, and diffs against it afterwards', () => {
    const { publisher, sent, change } = setup([{ id: 'a', v: 0 }]);
    publisher.reset();
    change([{ id: 'b', v: 0 }]);
    publisher.refresh();
    publisher.reset();
    expect(sent[2]).toEqual({ subscription: 'sub-1', seq: 2, ops: [{ op: 'reset', values: [{ id: 'b', v: 0 }] }] });
    publisher.refresh();
    expect(sent).toHaveLength(3);
  });

  it('sends a batch when only the state beside the items changed, and none when neither did', () => {
    let state = { hasOlder: true };
    const sent: ListBatch<Item>[] = [];
    const publisher = new ListPublisher<Item>({
      subscription: 'sub-2',
      compute: () => [{ id: 'a', v: 0 }],
      keyOf: (item) => item.id,
      sink: (batch) => sent.push(batch),
      state: () => state,
    });
    publisher.reset();
    publisher.refresh();
    expect(sent).toHaveLength(1);
    state = { hasOlder: false };
    publisher.refresh();
    expect(sent).toEqual([
      { subscription: 'sub-2', seq: 0, ops: [{ op: 'reset', values: [{ id: 'a', v: 0 }] }] },
      { subscription: 'sub-2', seq: 1, ops: [] },
    ]);
  });
});
