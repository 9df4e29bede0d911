import { describe, expect, it } from 'vitest';
import type { IpcResult } from '../../../shared/ipc/errors.ts';
import { createFakeBridge, flush, ok } from '../test/fake-bridge.ts';
import { roomEntry } from '../test/fixtures.ts';
import { createListStream } from './list-stream.ts';

const setup = () => {
  const bridge = createFakeBridge();
  const seen: string[][] = [];
  const stream = createListStream(bridge, 'rooms:batch', (items) => seen.push(items.map((item) => item.id)));
  bridge.handle('stream:resync', () => ok(null));
  bridge.handle('stream:unsubscribe', () => ok(null));
  return { bridge, seen, stream };
};

describe('list stream', () => {
  it('applies a reset and the batches that follow in order', async () => {
    const { bridge, seen, stream } = setup();
    await stream.start(() => Promise.resolve(ok({ subscription: 's1' })));
    bridge.emit('rooms:batch', { subscription: 's1', seq: 0, ops: [{ op: 'reset', values: [roomEntry('a'), roomEntry('b')] }] });
    bridge.emit('rooms:batch', {
      subscription: 's1',
      seq: 1,
      ops: [
        { op: 'insert', index: 0, value: roomEntry('c') },
        { op: 'remove', index: 2 },
      ],
    });
    expect(seen).toEqual([
      ['a', 'b'],
      ['c', 'a'],
    ]);
  });

  it('keeps batches that arrive before the subscribe reply', async () => {
    const { bridge, seen, stream } = setup();
    const started = stream.start(() => {
      bridge.emit('rooms:batch', { subscription: 'old', seq: 7, ops: [{ op: 'append', values: [roomEntry('stale')] }] });
      bridge.emit('rooms:batch', { subscription: 's2', seq: 0, ops: [{ op: 'reset', values: [roomEntry('a')] }] });
      bridge.emit('rooms:batch', { subscription: 's2', seq: 1, ops: [{ op: 'append', values: [roomEntry('b')] }] });
      return Promise.resolve(ok({ subscription: 's2' }));
    });
    await expect(started).resolves.toEqual({ kind: 'started' });
    expect(seen).toEqual([['a'], ['a', 'b']]);
  });

  it('asks for a resync once on a gap and recovers with the reset', async () => {
    const { bridge, seen, stream } = setup();
    await stream.start(() => Promise.resolve(ok({ subscription: 's1' })));
    bridge.emit('rooms:batch', { subscription: 's1', seq: 0, ops: [{ op: 'reset', values: [roomEntry('a')] }] });
    bridge.emit('rooms:batch', { subscription: 's1', seq: 2, ops: [{ op: 'append', values: [roomEntry('x')] }] });
    bridge.emit('rooms:batch', { subscription: 's1', seq: 3, ops: [{ op: 'append', values: [roomEntry('y')] }] });
    expect(bridge.callsTo('stream:resync')).toEqual([{ subscription: 's1' }]);
    bridge.emit('rooms:batch', { subscription: 's1', seq: 4, ops: [{ op: 'reset', values: [roomEntry('a'), roomEntry('x'), roomEntry('y')] }] });
    bridge.emit('rooms:batch', { subscription: 's1', seq: 5, ops: [{ op: 'remove', index: 0 }] });
    expect(seen).toEqual([['a'], ['a', 'x', 'y'], ['x', 'y']]);
  });

  it('treats a batch that does not fit the list as a gap', async () => {
    const { bridge, stream } = setup();
    await stream.start(() => Promise.resolve(ok({ subscription: 's1' })));
    bridge.emit('rooms:batch', { subscription: 's1', seq: 0, ops: [{ op: 'reset', values: [] }] });
    bridge.emit('rooms:batch', { subscription: 's1', seq: 1, ops: [{ op: 'remove', index: 3 }] });
    expect(bridge.callsTo('stream:resync')).toEqual([{ subscription: 's1' }]);
  });

  it('asks again after a failed resync', async () => {
    const { bridge, stream } = setup();
    bridge.handle('stream:resync', () => ({ ok: false, error: { code: 'internal' } }));
    await stream.start(() => Promise.resolve(ok({ subscription: 's1' })));
    bridge.emit('rooms:batch', { subscription: 's1', seq: 5, ops: [] });
    await flush();
    bridge.emit('rooms:batch', { subscription: 's1', seq: 6, ops: [] });
    expect(bridge.callsTo('stream:resync')).toHaveLength(2);
  });

  it('ignores batches of other subscriptions', async () => {
    const { bridge, seen, stream } = setup();
    await stream.start(() => Promise.resolve(ok({ subscription: 's1' })));
    bridge.emit('rooms:batch', { subscription: 'other', seq: 0, ops: [{ op: 'reset', values: [roomEntry('z')] }] });
    expect(seen).toEqual([]);
    expect(bridge.callsTo('stream:resync')).toEqual([]);
  });

  it('unsubscribes on stop and on restart, and then ignores the old id', async () => {
    const { bridge, seen, stream } = setup();
    await stream.start(() => Promise.resolve(ok({ subscription: 's1' })));
    await stream.start(() => Promise.resolve(ok({ subscription: 's2' })));
    expect(bridge.callsTo('stream:unsubscribe')).toEqual([{ subscription: 's1' }]);
    bridge.emit('rooms:batch', { subscription: 's1', seq: 0, ops: [{ op: 'reset', values: [roomEntry('old')] }] });
    stream.stop();
    expect(bridge.callsTo('stream:unsubscribe')).toEqual([{ subscription: 's1' }, { subscription: 's2' }]);
    expect(seen).toEqual([]);
  });

  it('unsubscribes a subscription that arrives after stop', async () => {
    const { bridge, stream } = setup();
    let answer: (result: IpcResult<{ subscription: string }>) => void = () => undefined;
    const started = stream.start(() => new Promise((resolve) => (answer = resolve)));
    stream.stop();
    answer(ok({ subscription: 'late' }));
    await expect(started).resolves.toEqual({ kind: 'cancelled' });
    expect(bridge.callsTo('stream:unsubscribe')).toEqual([{ subscription: 'late' }]);
  });

  it('reports a failed subscribe', async () => {
    const { stream } = setup();
    await expect(stream.start(() => Promise.resolve({ ok: false, error: { code: 'not_signed_in' } }))).resolves.toEqual({
      kind: 'failed',
      error: { code: 'not_signed_in' },
    });
  });

  it('stops listening when disposed', () => {
    const { bridge, stream } = setup();
    expect(bridge.listenerCount('rooms:batch')).toBe(1);
    stream.dispose();
    expect(bridge.listenerCount('rooms:batch')).toBe(0);
  });
});
