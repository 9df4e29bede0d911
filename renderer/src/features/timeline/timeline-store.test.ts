import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TimelineItem, TimelineWindow } from '../../../../shared/model/timeline.ts';
import type { ListOp } from '../../../../shared/stream/list-op.ts';
import { createFakeBridge, flush, ok } from '../../test/fake-bridge.ts';
import { liveWindow, message, timelineBatch } from '../../test/fixtures.ts';
import { canLoadOlder, createTimelineStore, initialWindow, VIEWPORT_HINT_MS } from './timeline-store.ts';

afterEach(() => {
  vi.useRealTimers();
});

const details = (roomId: string) => ({
  id: roomId,
  name: 'Rapat',
  topic: null,
  memberCount: 3,
  isDirect: false,
  encrypted: false,
  canInvite: true,
  canRedactOthers: false,
  canMentionRoom: false,
  linkPreviews: true,
});

const setup = () => {
  const bridge = createFakeBridge();
  let next = 0;
  bridge.handle('timeline:subscribe', () => ok({ subscription: `t${++next}` }));
  bridge.handle('stream:unsubscribe', () => ok(null));
  bridge.handle('stream:resync', () => ok(null));
  bridge.handle('room:details', ({ roomId }) => ok(details(roomId)));
  bridge.handle('room:markRead', () => ok(null));
  bridge.handle('timeline:viewport', () => ok(null));
  const focus = { focused: true };
  const timeline = createTimelineStore(bridge, { isFocused: () => focus.focused });
  const reset = (subscription: string, values: TimelineItem[], seq = 0, window: Partial<TimelineWindow> = {}): void => {
    bridge.emit('timeline:batch', timelineBatch(subscription, seq, [{ op: 'reset', values }], window));
  };
  const batch = (subscription: string, seq: number, ops: ListOp<TimelineItem>[], window: Partial<TimelineWindow> = {}): void => {
    bridge.emit('timeline:batch', timelineBatch(subscription, seq, ops, window));
  };
  return { bridge, timeline, focus, reset, batch };
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
    const { bridge, timeline, focus, reset, batch } = setup();
    await timeline.open('!a:x');
    reset('t1', [message('m1')]);
    batch('t1', 1, [{ op: 'append', values: [message('m2')] }]);
    expect(bridge.callsTo('room:markRead')).toHaveLength(2);

    focus.focused = false;
    batch('t1', 2, [{ op: 'append', values: [message('m3')] }]);
    expect(bridge.callsTo('room:markRead')).toHaveLength(2);
    focus.focused = true;
    timeline.markRead();
    timeline.markRead();
    expect(bridge.callsTo('room:markRead')).toHaveLength(3);
  });

  it('does not mark read when only an existing item changes', async () => {
    const { bridge, timeline, reset, batch } = setup();
    await timeline.open('!a:x');
    reset('t1', [message('m1', { own: true, sendState: 'sending' })]);
    batch('t1', 1, [{ op: 'set', index: 0, value: message('m1', { own: true }) }]);
    expect(bridge.callsTo('room:markRead')).toHaveLength(1);
  });

  it('resyncs on a gap', async () => {
    const { bridge, timeline, reset, batch } = setup();
    await timeline.open('!a:x');
    reset('t1', [message('m1')]);
    batch('t1', 5, [{ op: 'remove', index: 0 }]);
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

  it('marks the room read only once the first batch has said where reading stopped, and keeps that place', async () => {
    const { bridge, timeline, reset, batch } = setup();
    await timeline.open('!a:x');
    expect(bridge.callsTo('room:markRead')).toEqual([]);
    reset('t1', [message('m1'), message('m2')], 0, { readMarkerItemId: 'm1' });
    expect(bridge.callsTo('room:markRead')).toEqual([{ roomId: '!a:x' }]);
    batch('t1', 1, [], { readMarkerItemId: 'm2' });
    expect(timeline.store.getState()).toMatchObject({ readMarkerItemId: 'm1', window: { readMarkerItemId: 'm2' } });
    await timeline.open('!b:x');
    reset('t2', [message('b1')], 0, { readMarkerItemId: null });
    expect(timeline.store.getState().readMarkerItemId).toBeNull();
  });

  it('keeps where the window sits from every batch', async () => {
    const { timeline, reset, batch } = setup();
    await timeline.open('!a:x');
    expect(timeline.store.getState().window).toEqual(initialWindow);
    reset('t1', [message('m1'), message('m2')], 0, { hasNewer: true, readMarkerItemId: 'm1', focusItemId: 'm2' });
    expect(timeline.store.getState().window).toEqual({ hasOlder: true, hasNewer: true, readMarkerItemId: 'm1', focusItemId: 'm2' });
    batch('t1', 1, [{ op: 'remove', index: 0 }], { hasOlder: false });
    expect(timeline.store.getState().window).toEqual({ hasOlder: false, hasNewer: false, readMarkerItemId: null, focusItemId: null });
  });

  it('paginates each way on its subscription while main says there is more that way', async () => {
    const { bridge, timeline, reset } = setup();
    bridge.handle('timeline:paginate', ({ direction }) => ok({ ...liveWindow, hasOlder: direction !== 'backward', hasNewer: true }));
    await timeline.open('!a:x');
    // Nothing to ask for before the first batch: the list is not there yet.
    await timeline.paginate('backward');
    expect(bridge.callsTo('timeline:paginate')).toEqual([]);
    reset('t1', [message('m1')]);
    // At the live end there is nothing newer.
    await timeline.paginate('forward');
    expect(bridge.callsTo('timeline:paginate')).toEqual([]);
    await timeline.paginate('backward');
    expect(timeline.store.getState()).toMatchObject({ window: { hasOlder: false, hasNewer: true }, paginating: { backward: false } });
    await timeline.paginate('backward');
    await timeline.paginate('forward');
    expect(bridge.callsTo('timeline:paginate')).toEqual([
      { subscription: 't1', direction: 'backward' },
      { subscription: 't1', direction: 'forward' },
    ]);
  });

  it('keeps one page in flight per direction and shows which', async () => {
    const { bridge, timeline, reset } = setup();
    bridge.handle('timeline:paginate', async () => {
      await flush();
      return ok({ ...liveWindow, hasNewer: true });
    });
    await timeline.open('!a:x');
    reset('t1', [message('m1')], 0, { hasNewer: true });
    const backward = [timeline.paginate('backward'), timeline.paginate('backward')];
    expect(timeline.store.getState().paginating).toEqual({ backward: true, forward: false });
    const forward = timeline.paginate('forward');
    expect(timeline.store.getState().paginating).toEqual({ backward: true, forward: true });
    await Promise.all([...backward, forward]);
    expect(timeline.store.getState().paginating).toEqual({ backward: false, forward: false });
    expect(bridge.callsTo('timeline:paginate')).toEqual([
      { subscription: 't1', direction: 'backward' },
      { subscription: 't1', direction: 'forward' },
    ]);
  });

  it('drops a page answer that comes back after a resubscribe', async () => {
    const { bridge, timeline, reset } = setup();
    let answer: (() => void) | undefined;
    bridge.handle(
      'timeline:paginate',
      () =>
        new Promise((resolve) => {
          answer = () => {
            resolve(ok({ ...liveWindow, hasOlder: false }));
          };
        }),
    );
    await timeline.open('!a:x');
    reset('t1', [message('m1')]);
    const page = timeline.paginate('backward');
    await flush();
    await timeline.reopen();
    reset('t2', [message('m1')]);
    answer?.();
    await page;
    // t2's window still says older events exist; t1's late answer must not say otherwise.
    expect(timeline.store.getState()).toMatchObject({ window: { hasOlder: true }, paginating: { backward: false } });
    bridge.handle('timeline:paginate', () => ok(liveWindow));
    await timeline.paginate('backward');
    expect(bridge.callsTo('timeline:paginate')).toEqual([
      { subscription: 't1', direction: 'backward' },
      { subscription: 't2', direction: 'backward' },
    ]);
  });

  it('jumps to an event and back to the live end, saying whether main found it', async () => {
    const { bridge, timeline, reset } = setup();
    bridge.handle('timeline:jump', ({ eventId }) => ok({ found: eventId !== '$gone' }));
    expect(await timeline.jump('$m1')).toBe(false);
    await timeline.open('!a:x');
    reset('t1', [message('m1')]);
    expect(await timeline.jump('$m1')).toBe(true);
    expect(await timeline.jump('$gone')).toBe(false);
    expect(await timeline.jump(null)).toBe(true);
    expect(bridge.callsTo('timeline:jump')).toEqual([
      { subscription: 't1', eventId: '$m1' },
      { subscription: 't1', eventId: '$gone' },
      { subscription: 't1', eventId: null },
    ]);
  });

  it('does not mark the room read while the window is short of the live end', async () => {
    const { bridge, timeline, reset, batch } = setup();
    await timeline.open('!a:x');
    reset('t1', [message('m1')], 0, { hasNewer: true });
    batch('t1', 1, [{ op: 'append', values: [message('m2')] }], { hasNewer: true });
    expect(bridge.callsTo('room:markRead')).toHaveLength(1);
    batch('t1', 2, [{ op: 'append', values: [message('m3')] }], { hasNewer: false });
    expect(bridge.callsTo('room:markRead')).toHaveLength(2);
  });

  it('tells main what is on screen at most every half second, for the current subscription only', async () => {
    vi.useFakeTimers();
    const { bridge, timeline, reset } = setup();
    timeline.viewport('m1', 'm2');
    await timeline.open('!a:x');
    reset('t1', [message('m1'), message('m2'), message('m3')]);
    timeline.viewport('m1', 'm2');
    timeline.viewport('m2', 'm3');
    expect(bridge.callsTo('timeline:viewport')).toEqual([{ subscription: 't1', firstItemId: 'm1', lastItemId: 'm2' }]);
    vi.advanceTimersByTime(VIEWPORT_HINT_MS);
    expect(bridge.callsTo('timeline:viewport')).toHaveLength(2);
    timeline.viewport('m1', 'm3');
    await timeline.reopen();
    vi.advanceTimersByTime(VIEWPORT_HINT_MS);
    // The pending hint named t1, which is gone.
    expect(bridge.callsTo('timeline:viewport')).toHaveLength(2);
    timeline.viewport('m1', 'm3');
    expect(bridge.callsTo('timeline:viewport').at(-1)).toEqual({ subscription: 't2', firstItemId: 'm1', lastItemId: 'm3' });
  });

  it('knows there is nothing older than the room creation', () => {
    expect(canLoadOlder({ window: liveWindow, items: [message('m1')] })).toBe(true);
    expect(canLoadOlder({ window: { ...liveWindow, hasOlder: false }, items: [message('m1')] })).toBe(false);
    const created: TimelineItem = { ...message('c'), kind: 'roomCreated' };
    expect(canLoadOlder({ window: liveWindow, items: [created] })).toBe(false);
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

  it('opens a thread as its own subscription that never marks the room read', async () => {
    const { bridge, reset } = setup();
    const thread = createTimelineStore(bridge, { isFocused: () => true, marksRead: false });
    await thread.open('!a:x', '$root');
    reset('t1', [message('root'), message('r1')]);
    expect(bridge.callsTo('timeline:subscribe')).toEqual([{ roomId: '!a:x', threadRootId: '$root' }]);
    expect(thread.store.getState()).toMatchObject({ roomId: '!a:x', threadRootId: '$root', loaded: true });
    expect(bridge.callsTo('room:markRead')).toEqual([]);
  });

  it('sends reactions, deletes, versions and votes for the open room', async () => {
    const { bridge, timeline } = setup();
    bridge.handle('message:react', () => ok({ reacted: true }));
    bridge.handle('message:redact', () => ok(null));
    bridge.handle('message:versions', () => ok([]));
    bridge.handle('poll:vote', () => ok(null));
    expect(await timeline.react('$e', '👍')).toEqual({ ok: false, error: { code: 'room_not_found' } });
    await timeline.open('!a:x');
    expect(await timeline.react('$e', '👍')).toEqual(ok({ reacted: true }));
    await timeline.redact('$e');
    await timeline.versions('$e');
    await timeline.vote('$p', ['a']);
    expect(bridge.callsTo('message:react')).toEqual([{ roomId: '!a:x', eventId: '$e', key: '👍' }]);
    expect(bridge.callsTo('message:redact')).toEqual([{ roomId: '!a:x', eventId: '$e' }]);
    expect(bridge.callsTo('message:versions')).toEqual([{ roomId: '!a:x', eventId: '$e' }]);
    expect(bridge.callsTo('poll:vote')).toEqual([{ roomId: '!a:x', pollId: '$p', answers: ['a'] }]);
  });

  it('asks for a link preview once per room and URL, and again after a failure', async () => {
    const { bridge, timeline } = setup();
    await timeline.open('!a:x');
    let fail = true;
    bridge.handle('link:preview', ({ url }) => (fail ? { ok: false, error: { code: 'network' } } : ok({ url, title: 'T', description: null, siteName: null })));
    expect((await timeline.linkPreview('https://a.example')).ok).toBe(false);
    fail = false;
    await timeline.linkPreview('https://a.example');
    await timeline.linkPreview('https://a.example');
    expect(bridge.callsTo('link:preview')).toHaveLength(2);
  });

  it('turns link previews on for the room and reloads its details', async () => {
    const { bridge, timeline } = setup();
    bridge.handle('room:setLinkPreviews', () => ok(null));
    await timeline.open('!a:x');
    const before = bridge.callsTo('room:details').length;
    await timeline.setLinkPreviews(true);
    expect(bridge.callsTo('room:setLinkPreviews')).toEqual([{ roomId: '!a:x', enabled: true }]);
    expect(bridge.callsTo('room:details')).toHaveLength(before + 1);
  });
});
