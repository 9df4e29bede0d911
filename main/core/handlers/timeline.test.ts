import { describe, expect, it } from 'vitest';
import type { EventChannel, EventPayload } from '../../../shared/ipc/contract.ts';
import type { TimelineItem, TimelineWindow } from '../../../shared/model/timeline.ts';
import type { RequestContext } from '../ipc/dispatcher.ts';
import { Subscriptions } from '../stream/subscriptions.ts';
import { timelineHandlers, type TimelineView } from './timeline.ts';

const message = (id: string): TimelineItem => ({
  id,
  eventId: `$${id}`,
  sender: '@a:x',
  senderName: 'A',
  own: false,
  ts: 1,
  kind: 'message',
  msgtype: 'text',
  body: id,
  html: null,
  sendState: 'sent',
  edited: false,
});

/** A window that records what it was asked and changes in plain, visible ways. */
const fakeView = () => {
  const state = {
    items: [message('m2'), message('m3')],
    window: { hasOlder: true, hasNewer: false, readMarkerItemId: null, focusItemId: null } as TimelineWindow,
    calls: [] as string[],
    closed: false,
  };
  const view: TimelineView = {
    items: () => state.items,
    window: () => state.window,
    paginate: (direction) => {
      state.calls.push(direction);
      state.items = [message('m1'), ...state.items];
      state.window = { ...state.window, hasOlder: false };
      return Promise.resolve();
    },
    jump: (eventId) => {
      state.calls.push(`jump ${String(eventId)}`);
      if (eventId === '$missing') {
        return Promise.resolve(false);
      }
      state.window = { ...state.window, focusItemId: eventId === null ? null : 'm2', hasNewer: eventId !== null };
      return Promise.resolve(true);
    },
    viewport: (first, last) => {
      state.calls.push(`viewport ${first}-${last}`);
      state.items = state.items.slice(0, 1);
      return true;
    },
    close: () => {
      state.closed = true;
      state.items = [];
    },
  };
  return { state, view };
};

type Emitted = { channel: EventChannel; payload: unknown };

const setup = (options: { signedIn?: boolean; room?: boolean } = {}) => {
  const subscriptions = new Subscriptions();
  const fake = fakeView();
  const runtime = { whenLive: Promise.resolve() };
  const opened: string[] = [];
  const handlers = timelineHandlers({ runtime: () => (options.signedIn === false ? null : runtime), subscriptions }, (_runtime, roomId) => {
    opened.push(roomId);
    return options.room === false ? null : fake.view;
  });
  const emitted: Emitted[] = [];
  const context = (connectionId: string): RequestContext => ({
    connectionId,
    emit: <C extends EventChannel>(channel: C, payload: EventPayload<C>) => {
      emitted.push({ channel, payload });
    },
  });
  const batches = (): EventPayload<'timeline:batch'>[] =>
    emitted.flatMap((entry) => (entry.channel === 'timeline:batch' ? [entry.payload as EventPayload<'timeline:batch'>] : []));
  return { subscriptions, fake, handlers, context, batches, opened };
};

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('timeline handlers', () => {
  it('subscribes to a window whose first batch is a reset with where the window sits', async () => {
    const { handlers, context, batches, opened } = setup();
    const { subscription } = await handlers['timeline:subscribe']({ roomId: '!r:x' }, context('c1'));
    await tick();
    expect(opened).toEqual(['!r:x']);
    expect(batches()).toEqual([
      {
        subscription,
        seq: 0,
        ops: [{ op: 'reset', values: [message('m2'), message('m3')] }],
        window: { hasOlder: true, hasNewer: false, readMarkerItemId: null, focusItemId: null },
      },
    ]);
  });

  it('paginates the subscription’s window and sends the new items before answering with the window', async () => {
    const { handlers, context, batches, fake } = setup();
    const { subscription } = await handlers['timeline:subscribe']({ roomId: '!r:x' }, context('c1'));
    await tick();
    const answer = await handlers['timeline:paginate']({ subscription, direction: 'backward' }, context('c1'));
    expect(fake.state.calls).toEqual(['backward']);
    expect(answer.hasOlder).toBe(false);
    expect(batches()[1]).toMatchObject({ seq: 1, ops: [{ op: 'insert', index: 0, value: message('m1') }], window: { hasOlder: false } });
  });

  it('jumps around an event before the first batch when subscribing with aroundEventId', async () => {
    const { handlers, context, batches, fake } = setup();
    await handlers['timeline:subscribe']({ roomId: '!r:x', aroundEventId: '$m2' }, context('c1'));
    await tick();
    expect(fake.state.calls).toEqual(['jump $m2']);
    expect(batches()[0]?.window).toMatchObject({ focusItemId: 'm2', hasNewer: true });
  });

  it('answers a jump with whether the event was found, and sends a changed window alone too', async () => {
    const { handlers, context, batches } = setup();
    const { subscription } = await handlers['timeline:subscribe']({ roomId: '!r:x' }, context('c1'));
    await tick();
    expect(await handlers['timeline:jump']({ subscription, eventId: '$missing' }, context('c1'))).toEqual({ found: false });
    expect(batches()).toHaveLength(1);
    expect(await handlers['timeline:jump']({ subscription, eventId: '$m2' }, context('c1'))).toEqual({ found: true });
    expect(batches()[1]).toMatchObject({ seq: 1, ops: [], window: { focusItemId: 'm2' } });
  });

  it('trims the window on a viewport hint and sends what went', async () => {
    const { handlers, context, batches, fake } = setup();
    const { subscription } = await handlers['timeline:subscribe']({ roomId: '!r:x' }, context('c1'));
    await tick();
    expect(await handlers['timeline:viewport']({ subscription, firstItemId: 'm2', lastItemId: 'm2' }, context('c1'))).toBeNull();
    expect(fake.state.calls).toEqual(['viewport m2-m2']);
    expect(batches()[1]).toMatchObject({ seq: 1, ops: [{ op: 'remove', index: 1 }] });
  });

  it('refuses another connection’s subscription', async () => {
    const { handlers, context } = setup();
    const { subscription } = await handlers['timeline:subscribe']({ roomId: '!r:x' }, context('c1'));
    await expect(handlers['timeline:paginate']({ subscription, direction: 'backward' }, context('c2'))).rejects.toMatchObject({ code: 'invalid_request' });
    // Thrown at once, as stream:resync does; the dispatcher turns either into the error answer.
    await expect(
      Promise.resolve().then(() => handlers['timeline:viewport']({ subscription, firstItemId: 'a', lastItemId: 'b' }, context('c2'))),
    ).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it('lets the window go on unsubscribe, on the connection closing and on sign-out', async () => {
    for (const end of ['unsubscribe', 'close', 'signOut'] as const) {
      const { handlers, context, subscriptions, fake, batches } = setup();
      const { subscription } = await handlers['timeline:subscribe']({ roomId: '!r:x' }, context('c1'));
      await tick();
      if (end === 'unsubscribe') {
        subscriptions.remove(subscription, 'c1');
      } else if (end === 'close') {
        subscriptions.closeConnection('c1');
      } else {
        subscriptions.resetAll();
        // The renderer is told the room is empty now.
        expect(batches().at(-1)).toMatchObject({ ops: [{ op: 'reset', values: [] }] });
      }
      expect(fake.state.closed).toBe(true);
      await expect(handlers['timeline:paginate']({ subscription, direction: 'backward' }, context('c1'))).rejects.toMatchObject({ code: 'invalid_request' });
    }
  });

  it('says not_signed_in and room_not_found', async () => {
    await expect(
      setup({ signedIn: false }).handlers['timeline:subscribe']({ roomId: '!r:x' }, { connectionId: 'c', emit: () => undefined }),
    ).rejects.toMatchObject({ code: 'not_signed_in' });
    await expect(setup({ room: false }).handlers['timeline:subscribe']({ roomId: '!r:x' }, { connectionId: 'c', emit: () => undefined })).rejects.toMatchObject(
      { code: 'room_not_found' },
    );
  });
});
