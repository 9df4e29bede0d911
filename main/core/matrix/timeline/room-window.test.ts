import { Direction, MatrixEvent, type Room } from 'matrix-js-sdk';
import { describe, expect, it } from 'vitest';
import type { TimelineItem } from '../../../../shared/model/timeline.ts';
import { makeEvent, makeRoom, ME, text } from '../test-room.ts';
import type { Page } from './page-window.ts';
import type { PageSource } from './page-source.ts';
import { RoomWindow } from './room-window.ts';

const ROOM = '!r:example.org';
const bodies = (items: readonly TimelineItem[]): string[] => items.flatMap((item) => (item.kind === 'message' ? [item.body] : []));
const inRoom = (event: MatrixEvent): MatrixEvent => {
  event.event.room_id = ROOM;
  return event;
};

/** A server with history behind the live timeline: `history[0]` is the oldest event, pages of `size`. */
const fakeServer = (history: MatrixEvent[], size = 3) => {
  const asked: string[] = [];
  /** The `limit` of each page asked for (undefined: the source's own PAGE_SIZE). */
  const limits: (number | undefined)[] = [];
  // Token `h<n>` sits before history[n]; `h<length>` is where the live timeline starts.
  const at = (token: string): number => Number(token.slice(1));
  const source: PageSource = {
    older: (_roomId, token, limit) => {
      asked.push(`older ${token}`);
      limits.push(limit);
      const end = at(token);
      const start = Math.max(0, end - size);
      const page: Page<MatrixEvent> = { entries: history.slice(start, end), older: start === 0 ? null : `h${String(start)}`, newer: token };
      return Promise.resolve(page);
    },
    newer: (_roomId, token) => {
      asked.push(`newer ${token}`);
      const start = at(token);
      const end = Math.min(history.length, start + size);
      return Promise.resolve({ entries: history.slice(start, end), older: token, newer: end === history.length ? null : `h${String(end)}` });
    },
    around: (_roomId, eventId) => {
      asked.push(`around ${eventId}`);
      const index = history.findIndex((event) => event.getId() === eventId);
      const focus = history[index];
      if (focus === undefined) {
        return Promise.resolve(null);
      }
      const start = Math.max(0, index - 1);
      const end = Math.min(history.length, index + 2);
      return Promise.resolve({
        focus,
        page: { entries: history.slice(start, end), older: `h${String(start)}`, newer: end === history.length ? null : `h${String(end)}` },
      });
    },
  };
  return { source, asked, limits };
};

const setup = async (options: { history?: number; live?: number; cap?: number } = {}) => {
  const history = Array.from({ length: options.history ?? 9 }, (_, index) => inRoom(text('@alice:example.org', `lama ${String(index)}`)));
  const room: Room = await makeRoom(
    ROOM,
    Array.from({ length: options.live ?? 2 }, (_, index) => text('@alice:example.org', `baru ${String(index)}`)),
  );
  room.getLiveTimeline().setPaginationToken(`h${String(history.length)}`, Direction.Backward);
  const server = fakeServer(history);
  const window = new RoomWindow({ room, myUserId: ME, source: server.source, media: null, limits: { cap: options.cap ?? 100, margin: 2 } });
  return { room, history, window, server };
};

describe('room window', () => {
  it('opens at the live end with the live timeline, and older history exists', async () => {
    const { window } = await setup();
    expect(bodies(window.items())).toEqual(['baru 0', 'baru 1']);
    expect(window.window()).toEqual({ hasOlder: true, hasNewer: false, readMarkerItemId: null, focusItemId: null });
  });

  it('pages back through history it fetched itself, to the room’s first event', async () => {
    const { window, server, room } = await setup();
    for (let page = 0; page < 5 && window.window().hasOlder; page++) {
      await window.paginate('backward');
    }
    expect(bodies(window.items())).toEqual([...Array.from({ length: 9 }, (_, index) => `lama ${String(index)}`), 'baru 0', 'baru 1']);
    expect(server.asked).toEqual(['older h9', 'older h6', 'older h3']);
    expect(window.window().hasOlder).toBe(false);
    // Nothing of it went into the SDK's live timeline.
    expect(room.getLiveTimeline().getEvents()).toHaveLength(2);
  });

  it('takes in new live events and applies a live redaction to a fetched event', async () => {
    const { window, room, history } = await setup();
    await window.paginate('backward');
    window.items();
    const target = history[8];
    await room.addLiveEvents(
      [text('@alice:example.org', 'baru 2'), makeEvent({ type: 'm.room.redaction', sender: '@alice:example.org', redacts: target?.getId(), content: {} })].map(
        inRoom,
      ),
      {
        addToState: false,
      },
    );
    const items = window.items();
    expect(bodies(items).at(-1)).toBe('baru 2');
    expect(items.find((item) => item.eventId === target?.getId())?.kind).toBe('redacted');
  });

  it('keeps its relations from one projection to the next: a live reaction, an edit, and their redactions', async () => {
    const { room, window: view } = await setup({ history: 0, live: 1 });
    const message = room.getLiveTimeline().getEvents()[0];
    const id = message?.getId() ?? '';
    const shownMessage = (): TimelineItem | undefined => view.items().find((item) => item.eventId === id);
    expect(shownMessage()).not.toHaveProperty('reactions');
    const mine = inRoom(makeEvent({ type: 'm.reaction', sender: ME, content: { 'm.relates_to': { rel_type: 'm.annotation', event_id: id, key: '👍' } } }));
    const fix = inRoom(
      text('@alice:example.org', '* baru 0 diperbaiki', {
        'm.new_content': { msgtype: 'm.text', body: 'baru 0 diperbaiki' },
        'm.relates_to': { rel_type: 'm.replace', event_id: id },
      }),
    );
    await room.addLiveEvents([mine, fix], { addToState: false });
    expect(shownMessage()).toMatchObject({ body: 'baru 0 diperbaiki', edited: true, reactions: [{ key: '👍', count: 1, mine: true }] });
    const redact = (target: MatrixEvent): MatrixEvent =>
      inRoom(makeEvent({ type: 'm.room.redaction', sender: target.getSender() ?? '', redacts: target.getId(), content: { redacts: target.getId() } }));
    await room.addLiveEvents([redact(mine), redact(fix)], { addToState: false });
    const after = shownMessage();
    expect(after).toMatchObject({ kind: 'message', body: 'baru 0' });
    expect(after).not.toHaveProperty('reactions');
  });

  it('asks for a bigger page where most events are reactions, so a screen fills in one round trip, within the cap', async () => {
    const plain = await setup({ live: 2 });
    plain.window.items();
    await plain.window.paginate('backward');
    expect(plain.server.limits).toEqual([50]);
    const { room, window, server } = await setup({ live: 1 });
    const id = room.getLiveTimeline().getEvents()[0]?.getId() ?? '';
    await room.addLiveEvents(
      Array.from({ length: 20 }, (_, n) =>
        inRoom(
          makeEvent({
            type: 'm.reaction',
            sender: `@u${String(n)}:example.org`,
            content: { 'm.relates_to': { rel_type: 'm.annotation', event_id: id, key: '👍' } },
          }),
        ),
      ),
      { addToState: false },
    );
    // One line for 21 events: 50 lines' worth would be 1,050 events; the cap (100) leaves room for 79.
    expect(bodies(window.items())).toEqual(['baru 0']);
    await window.paginate('backward');
    expect(server.limits).toEqual([79]);
  });

  it('drops the live end past the cap, then pages forward to it and follows it again', async () => {
    const { window, server } = await setup({ cap: 6 });
    await window.paginate('backward');
    await window.paginate('backward');
    expect(window.window()).toMatchObject({ hasNewer: true });
    expect(bodies(window.items())).toEqual(['lama 3', 'lama 4', 'lama 5', 'lama 6', 'lama 7', 'lama 8']);
    await window.paginate('forward');
    expect(server.asked.at(-1)).toBe('newer h9');
    expect(window.window().hasNewer).toBe(false);
    expect(bodies(window.items()).slice(-2)).toEqual(['baru 0', 'baru 1']);
  });

  it('jumps around an old event and back to the live end', async () => {
    const { window, history } = await setup();
    const target = history[4];
    expect(await window.jump(target?.getId() ?? '')).toBe(true);
    expect(bodies(window.items())).toEqual(['lama 3', 'lama 4', 'lama 5']);
    expect(window.window()).toMatchObject({ hasOlder: true, hasNewer: true, focusItemId: target?.getId() });
    expect(await window.jump('$nowhere')).toBe(false);
    expect(bodies(window.items())).toEqual(['lama 3', 'lama 4', 'lama 5']);
    expect(await window.jump(null)).toBe(true);
    expect(bodies(window.items())).toEqual(['baru 0', 'baru 1']);
    expect(window.window()).toMatchObject({ hasNewer: false, focusItemId: null });
  });

  it('drops far pages on a viewport hint', async () => {
    const { window } = await setup();
    await window.paginate('backward');
    await window.paginate('backward');
    const items = window.items();
    expect(window.viewport(items[0]?.id ?? '', items[0]?.id ?? '')).toBe(true);
    expect(bodies(window.items())).toEqual(['lama 3', 'lama 4', 'lama 5']);
    expect(window.window().hasNewer).toBe(true);
  });

  it('places the read marker on the fully-read event when the window holds it', async () => {
    const { window, room } = await setup();
    const newest = room.getLiveTimeline().getEvents().at(-1);
    room.addAccountData([new MatrixEvent({ type: 'm.fully_read', content: { event_id: newest?.getId() } })]);
    expect(window.window().readMarkerItemId).toBe(newest?.getId());
  });

  it('fetches the original of a reply outside the window, so the quote names its sender, and tells its subscription', async () => {
    const { window, room, history, server } = await setup();
    const original = history[2];
    const fetched: string[] = [];
    server.source.event = (_roomId, eventId) => {
      fetched.push(eventId);
      return Promise.resolve(history.find((event) => event.getId() === eventId) ?? null);
    };
    let changes = 0;
    window.setChangeListener(() => {
      changes++;
    });
    await room.addLiveEvents([inRoom(text('@bob:example.org', 'jawab', { 'm.relates_to': { 'm.in_reply_to': { event_id: original?.getId() } } }))], {
      addToState: false,
    });
    expect(window.items().at(-1)?.replyTo).toEqual({ eventId: original?.getId(), senderName: null, excerpt: null, deleted: false });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(changes).toBe(1);
    expect(window.items().at(-1)?.replyTo).toMatchObject({ senderName: '@alice:example.org', excerpt: 'lama 2' });
    // Fetched once, and the original itself has no line in the live window.
    window.items();
    expect(fetched).toEqual([original?.getId()]);
    expect(bodies(window.items())).toEqual(['baru 0', 'baru 1', 'jawab']);
  });

  it('shows a thread as its root and replies, fetched and live, while the main window leaves the replies out', async () => {
    const { room, history, server } = await setup();
    const root = history[1];
    const rootId = root?.getId() ?? '';
    const inThread = (body: string): MatrixEvent =>
      inRoom(
        text('@bob:example.org', body, {
          'm.relates_to': { rel_type: 'm.thread', event_id: rootId, is_falling_back: true, 'm.in_reply_to': { event_id: rootId } },
        }),
      );
    const older = inThread('balasan lama');
    server.source.thread = (_roomId, id) => Promise.resolve(id === rootId && root !== undefined ? [root, older] : []);
    const thread = new RoomWindow({ room, myUserId: ME, source: server.source, media: null, threadRootId: rootId });
    const main = new RoomWindow({ room, myUserId: ME, source: server.source, media: null });
    let changes = 0;
    thread.setChangeListener(() => {
      changes++;
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(changes).toBe(1);
    expect(bodies(thread.items())).toEqual(['lama 1', 'balasan lama']);
    await room.addLiveEvents([inThread('balasan baru')], { addToState: false });
    expect(bodies(thread.items())).toEqual(['lama 1', 'balasan lama', 'balasan baru']);
    expect(bodies(main.items())).toEqual(['baru 0', 'baru 1']);
  });

  it('follows a new live timeline after a gappy sync, and shows nothing once closed', async () => {
    const { window, room } = await setup();
    await window.paginate('backward');
    room.resetLiveTimeline('gap', 'gap');
    await room.addLiveEvents([inRoom(text('@alice:example.org', 'setelah celah'))], { addToState: false });
    expect(bodies(window.items())).toEqual(['setelah celah']);
    window.close();
    expect(window.items()).toEqual([]);
  });
});
