import { describe, expect, it } from 'vitest';
import type { TimelineItem } from '../../../../shared/model/timeline.ts';
import { createFakeBridge, flush, ok } from '../../test/fake-bridge.ts';
import { atLive, message } from '../../test/fixtures.ts';
import { canLoadOlder, createTimelineStore } from './timeline-store.ts';

const details = (roomId: string) => ({
  id: roomId,
  name: 'Rapat',
  topic: null,
  memberCount: 3,
  isDirect: false,
  encrypted: false,
  canInvite: true,
});

const setup = () => {
  const bridge = createFakeBridge();
  let next = 0;
  bridge.handle('timeline:subscribe', () => ok({ subscription: `t${++next}` }));
  bridge.handle('stream:unsubscribe', () => ok(null));
  bridge.handle('stream:resync', () => ok(null));
  bridge.handle('room:details', ({ roomId }) => ok(details(roomId)));
  bridge.handle('room:markRead', () => ok(null));
  const focus = { focused: true };
  const timeline = createTimelineStore(bridge, { isFocused: () => focus.focused });
  const reset = (subscription: string, values: TimelineItem[], seq = 0): void => {
    bridge.emit('timeline:batch', { subscription, seq, window: atLive, ops: [{ op: 'reset', values }] });
  };
  return { bridge, timeline, focus, reset };
};

describe('timeline store', () => {
  it('opens a room: subscribes, loads details and marks it read', async () => {
    const { bridge, timeline, reset } = setup();
    await timeline.open('!a:x');
    reset('t1', [message('m1'), message('m2')]);
    const state = timeline.store.getState();
    expect(state).toMatchObject({ roomId: '!a:x', loaded: true, details: details('!a:x') });
    expect(state.items.map((item) => item.id)).toEqual(['m1', 'm2']);
    expect(bridge.callsTo('timeline:subscribe')).toEqual([{ roomId: '!a:x' }]);
    expect(bridge.callsTo('room:markRead')).toEqual([{ roomId: '!a:x' }]);
  });

  it('marks read again when new items arrive while the window has focus', async () => {
    const { bridge, timeline, focus, reset } = setup();
    await timeline.open('!a:x');
    reset('t1', [message('m1')]);
    bridge.emit('timeline:batch', { subscription: 't1', seq: 1, window: atLive, ops: [{ op: 'append', values: [message('m2')] }] });
    expect(bridge.callsTo('room:markRead')).toHaveLength(2);

    focus.focused = false;
    bridge.emit('timeline:batch', { subscription: 't1', seq: 2, window: atLive, ops: [{ op: 'append', values: [message('m3')] }] });
    expect(bridge.callsTo('room:markRead')).toHaveLength(2);
    focus.focused = true;
    timeline.markRead();
    timeline.markRead();
    expect(bridge.callsTo('room:markRead')).toHaveLength(3);
  });

  it('does not mark read when only an existing item changes', async () => {
    const { bridge, timeline, reset } = setup();
    await timeline.open('!a:x');
    reset('t1', [message('m1', { own: true, sendState: 'sending' })]);
    bridge.emit('timeline:batch', { subscription: 't1', seq: 1, window: atLive, ops: [{ op: 'set', index: 0, value: message('m1', { own: true }) }] });
    expect(bridge.callsTo('room:markRead')).toHaveLength(1);
  });

  it('resyncs on a gap', async () => {
    const { bridge, timeline, reset } = setup();
    await timeline.open('!a:x');
    reset('t1', [message('m1')]);
    bridge.emit('timeline:batch', { subscription: 't1', seq: 5, window: atLive, ops: [{ op: 'remove', index: 0 }] });
    expect(bridge.callsTo('stream:resync')).toEqual([{ subscription: 't1' }]);
    expect(timeline.store.getState().items).toHaveLength(1);
  });

  it('switching rooms unsubscribes the old timeline and ignores its batches', async () => {
    const { bridge, timeline, reset } = setup();
    await timeline.open('!a:x');
    reset('t1', [message('a1')]);
    await timeline.open('!b:x');
    expect(bridge.callsTo('stream:unsubscribe')).toEqual([{ subscription: 't1' }]);
    reset('t1', [message('late')]);
    reset('t2', [message('b1')]);
    expect(timeline.store.getState().items.map((item) => item.id)).toEqual(['b1']);
    expect(timeline.store.getState().details?.id).toBe('!b:x');
  });

  it('paginates while the server has more and stops when it has not', async () => {
    const { bridge, timeline, reset } = setup();
    const answers = [true, false];
    bridge.handle('timeline:paginate', () => ok({ ...atLive, hasOlder: answers.shift() ?? false }));
    await timeline.open('!a:x');
    reset('t1', [message('m1')]);
    await timeline.paginate();
    expect(timeline.store.getState()).toMatchObject({ hasMore: true, paginating: false });
    await timeline.paginate();
    expect(timeline.store.getState().hasMore).toBe(false);
    await timeline.paginate();
    expect(bridge.callsTo('timeline:paginate')).toEqual([{ subscription: 't1', direction: 'backward' }, { subscription: 't1', direction: 'backward' }]);
  });

  it('does not paginate twice at once', async () => {
    const { bridge, timeline } = setup();
    bridge.handle('timeline:paginate', async () => {
      await flush();
      return ok({ ...atLive, hasOlder: true });
    });
    await timeline.open('!a:x');
    await Promise.all([timeline.paginate(), timeline.paginate()]);
    expect(bridge.callsTo('timeline:paginate')).toHaveLength(1);
  });

  it('knows there is nothing older than the room creation', () => {
    expect(canLoadOlder({ hasMore: true, items: [message('m1')] })).toBe(true);
    expect(canLoadOlder({ hasMore: false, items: [message('m1')] })).toBe(false);
    const created: TimelineItem = { ...message('c'), kind: 'roomCreated' };
    expect(canLoadOlder({ hasMore: true, items: [created] })).toBe(false);
  });

  it('retries and invites in the open room', async () => {
    const { bridge, timeline } = setup();
    bridge.handle('message:retry', () => ok(null));
    bridge.handle('room:invite', () => ok(null));
    expect((await timeline.retry('m1')).ok).toBe(false);
    await timeline.open('!a:x');
    await timeline.retry('m1');
    await timeline.invite('@budi:x');
    expect(bridge.callsTo('message:retry')).toEqual([{ roomId: '!a:x', itemId: 'm1' }]);
    expect(bridge.callsTo('room:invite')).toEqual([{ roomId: '!a:x', userId: '@budi:x' }]);
  });

  it('re-subscribes the open room on reopen and clears on close', async () => {
    const { bridge, timeline, reset } = setup();
    await timeline.open('!a:x');
    await timeline.reopen();
    reset('t2', [message('m1')]);
    expect(timeline.store.getState().items).toHaveLength(1);
    timeline.close();
    expect(timeline.store.getState()).toMatchObject({ roomId: null, items: [] });
    expect(bridge.callsTo('stream:unsubscribe')).toEqual([{ subscription: 't1' }, { subscription: 't2' }]);
  });
});
