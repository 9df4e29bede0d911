/**
 * What relations cost the timeline (issue 10): a room of 2,000 messages carrying 20,000
 * reactions and 1,000 edits, beside the same 2,000 messages without relations, in one run,
 * both opened the way main opens a room today. Offline: real matrix-js-sdk rooms and events
 * and main's own RoomWindow (what `timeline:subscribe` makes), no homeserver, so the figures
 * are main's own work; the server's answers and the SDK's mapping of them are not timed.
 *
 * How a room opens in the app: the window starts at the live end, which holds what sync left
 * in the SDK's live timeline (the newest INITIAL_SYNC_LIMIT events after a start), and is
 * projected once (the first batch); while the member sees the top of the list with history
 * beyond it, the renderer asks for older pages, one at a time, and main projects the window
 * again after each. A page asks for about PAGE_SIZE lines' worth of events (RoomWindow sizes
 * it by the window's events per line, within its cap): with relations a page of 50 events
 * would hold a few messages and many reactions, and a screen would take one round trip after
 * another (7 here, before). Lines:
 *   1. first batch: new RoomWindow + its first projection;
 *   2. screen filled (the goal's "open"): the first batch, then page after page with a
 *      projection each, until the window shows SCREEN messages; the heap main keeps for
 *      that window (its pages' events; its index, views and items), kept apart;
 *   3. whole room: a window whose live timeline holds every event of the room (a room left
 *      open for a long time: the live page is never trimmed), first and later projections.
 * Every time of 1 and 2 is the median over ROUNDS fresh rooms (fresh events: nothing cached),
 * opened in turns with the other case's after WARMUP unmeasured turns: on a shared machine
 * the two cases then see the same load. Line 3 builds one SDK room per case (its receipts
 * make that slow): its first projection is one sample, its later ones the median of 15.
 * Goal: ≤ 1.3× for time and memory.
 */
import { createClient, Direction, MatrixEvent, PendingEventOrdering, Room, type IEvent } from 'matrix-js-sdk';
import type { TimelineItem } from '../shared/model/timeline.ts';
import { median } from './bench-kit.ts';

/**
 * main's code, loaded by paths the bench's type check (e2e's, with the DOM library) does not
 * follow: main's media code typechecks against Node's types only. What is used of it, here.
 */
type Page = { entries: MatrixEvent[]; older: string | null; newer: string | null };
type PageSource = {
  older(roomId: string, token: string, limit?: number): Promise<Page>;
  newer(roomId: string, token: string, limit?: number): Promise<Page>;
  around(roomId: string, eventId: string): Promise<null>;
};
type RoomWindow = { items(): TimelineItem[]; paginate(direction: 'backward'): Promise<void>; window(): { hasOlder: boolean }; close(): void };
type RoomWindowClass = new (options: { room: Room; myUserId: string; source: PageSource; media: null }) => RoomWindow;
const windowModule: string = '../main/core/matrix/timeline/room-window.ts';
const sourceModule: string = '../main/core/matrix/timeline/page-source.ts';
const accountModule: string = '../main/core/matrix/matrix-account.ts';
const { RoomWindow } = (await import(windowModule)) as { RoomWindow: RoomWindowClass };
const { PAGE_SIZE } = (await import(sourceModule)) as { PAGE_SIZE: number };
const { INITIAL_SYNC_LIMIT } = (await import(accountModule)) as { INITIAL_SYNC_LIMIT: number };

const MESSAGES = Number(process.env.MESSAGES ?? 2_000);
const REACTIONS = Number(process.env.REACTIONS ?? 20_000);
const EDITS = Number(process.env.EDITS ?? 1_000);
const ROUNDS = Number(process.env.ROUNDS ?? 60);
/** Openings of each room before the measured ones: the code is compiled and optimised by then. */
const WARMUP = Number(process.env.WARMUP ?? 30);
/** Messages a member sees on opening: about two screens of a desktop window. */
const SCREEN = Number(process.env.SCREEN ?? 30);
/** Windows held at once for the heap figures of line 2 (one is too small to weigh). */
const HELD = Number(process.env.HELD ?? 30);
const GOAL_RATIO = 1.3;
const ROOM = '!bench:example.org';
const ME = '@me:example.org';
const MEMBERS = Array.from({ length: 50 }, (_, index) => `@anggota${String(index)}:example.org`);
const KEYS = ['👍', '❤️', '😂', '🙏', '🎉', '👏'];

type RawEvent = Partial<IEvent> & { event_id: string; type: string; sender: string };

/** A room's events as the server holds them (plain JSON), oldest first: state, then the timeline. */
const history = (withRelations: boolean): { state: RawEvent[]; timeline: RawEvent[] } => {
  let counter = 0;
  const raw = (type: string, sender: string, content: Record<string, unknown>, extra: Partial<IEvent> = {}): RawEvent => ({
    event_id: `$b${String(++counter)}`,
    room_id: ROOM,
    type,
    sender,
    origin_server_ts: 1_700_000_000_000 + counter,
    content,
    ...extra,
  });
  const state = [ME, ...MEMBERS].map((userId) =>
    raw('m.room.member', userId, { membership: 'join', displayname: userId.slice(1, userId.indexOf(':')) }, { state_key: userId }),
  );
  const timeline: RawEvent[] = [];
  for (let index = 0; index < MESSAGES; index++) {
    const sender = MEMBERS[index % MEMBERS.length] as string;
    const message = raw('m.room.message', sender, { msgtype: 'm.text', body: `pesan ${String(index)} tentang rapat koperasi` });
    timeline.push(message);
    if (!withRelations) {
      continue;
    }
    // 10 reactions per message on average, from different members, and one edit every other message.
    const reactions = Math.round(REACTIONS / MESSAGES);
    for (let n = 0; n < reactions; n++) {
      timeline.push(
        raw('m.reaction', MEMBERS[(index + n + 1) % MEMBERS.length] as string, {
          'm.relates_to': { rel_type: 'm.annotation', event_id: message.event_id, key: KEYS[n % KEYS.length] },
        }),
      );
    }
    if (index % Math.round(MESSAGES / EDITS) === 0) {
      timeline.push(
        raw('m.room.message', sender, {
          msgtype: 'm.text',
          body: `* pesan ${String(index)} diperbaiki`,
          'm.new_content': { msgtype: 'm.text', body: `pesan ${String(index)} diperbaiki` },
          'm.relates_to': { rel_type: 'm.replace', event_id: message.event_id },
        }),
      );
    }
  }
  return { state, timeline };
};

const mapped = (events: readonly RawEvent[]): MatrixEvent[] => events.map((event) => new MatrixEvent(structuredClone(event)));

/** The SDK's room as sync leaves it: the state, and the newest `live` events of the timeline in its live timeline. */
const syncedRoom = async (state: readonly RawEvent[], timeline: readonly RawEvent[], live: number): Promise<Room> => {
  const client = createClient({ baseUrl: 'http://127.0.0.1:9', userId: ME, deviceId: 'BENCH' });
  const room = new Room(ROOM, client, ME, { pendingEventOrdering: PendingEventOrdering.Detached });
  const from = Math.max(0, timeline.length - live);
  // The state as a sync's `state` block gives it (members, not lines of the timeline), then the timeline's newest events.
  room.getLiveTimeline().initialiseState(mapped(state));
  await room.addLiveEvents(mapped(timeline.slice(from)), { addToState: true });
  room.getLiveTimeline().setPaginationToken(from === 0 ? null : String(from), Direction.Backward);
  room.updateMyMembership('join');
  room.recalculate();
  // Every member is in the room's state already; the window's lazy-loading request would only fail offline.
  room.loadMembersIfNeeded = () => Promise.resolve(false);
  return room;
};

/**
 * The server's /messages, backwards from a token (an index into the timeline), as the page
 * source maps it. It notes each page's size; `replay` serves those sizes again, whatever is asked.
 */
const serverPages = (timeline: readonly RawEvent[], replay?: readonly number[]): PageSource & { sizes: number[] } => {
  const sizes: number[] = [];
  return {
    sizes,
    older: (_roomId, token, limit = PAGE_SIZE) => {
      const size = replay?.[sizes.length] ?? limit;
      sizes.push(size);
      const end = Number(token);
      const start = Math.max(0, end - size);
      return Promise.resolve({ entries: mapped(timeline.slice(start, end)), older: start === 0 ? null : String(start), newer: token });
    },
    newer: () => Promise.resolve({ entries: [], older: null, newer: null }),
    around: () => Promise.resolve(null),
  };
};

const messageCount = (items: readonly TimelineItem[]): number => items.filter((item) => item.kind === 'message').length;

const heapMb = (): number => {
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

type Opening = { firstBatchMs: number; screenMs: number; pages: number; pageSizes: number[]; windowEvents: number; items: number; reactionGroups: number };

/** Opens one fresh room as the app does, timing only main's work (the window and its projections), until a screen of messages shows. */
const openToScreen = async (state: readonly RawEvent[], timeline: readonly RawEvent[]): Promise<Opening & { view: RoomWindow; shown: TimelineItem[] }> => {
  const room = await syncedRoom(state, timeline, INITIAL_SYNC_LIMIT);
  const source = serverPages(timeline);
  let started = performance.now();
  const view = new RoomWindow({ room, myUserId: ME, source, media: null });
  let shown = view.items();
  const firstBatchMs = performance.now() - started;
  let screenMs = firstBatchMs;
  let pages = 0;
  while (messageCount(shown) < SCREEN && view.window().hasOlder) {
    await view.paginate('backward');
    pages++;
    started = performance.now();
    shown = view.items();
    screenMs += performance.now() - started;
  }
  const windowEvents = Math.min(INITIAL_SYNC_LIMIT, timeline.length) + source.sizes.reduce((sum, size) => sum + size, 0);
  const reactionGroups = shown.reduce((sum, item) => sum + (item.reactions?.length ?? 0), 0);
  return { firstBatchMs, screenMs, pages, pageSizes: source.sizes, windowEvents, items: shown.length, reactionGroups, view, shown };
};

/** Heap main keeps for HELD open windows, per window: the pages' events apart from the index, views and items. */
const windowHeap = async (
  state: readonly RawEvent[],
  timeline: readonly RawEvent[],
  pageSizes: readonly number[],
): Promise<{ pagesMb: number; projectionMb: number }> => {
  const rooms = await Promise.all(Array.from({ length: HELD }, () => syncedRoom(state, timeline, INITIAL_SYNC_LIMIT)));
  const before = heapMb();
  // The pages the timed opening fetched, all before the one projection: the pages' heap apart from the projection's.
  const views = rooms.map((room) => new RoomWindow({ room, myUserId: ME, source: serverPages(timeline, pageSizes), media: null }));
  for (const view of views) {
    for (let page = 0; page < pageSizes.length; page++) {
      await view.paginate('backward');
    }
  }
  const fetched = heapMb();
  const shown = views.map((view) => view.items());
  const projected = heapMb();
  if (shown.length !== HELD) {
    throw new Error('lost a window');
  }
  return { pagesMb: (fetched - before) / HELD, projectionMb: (projected - fetched) / HELD };
};

/** The whole room in the live timeline, projected by its window: the first projection, and the median of later ones. */
const wholeRoom = async (state: readonly RawEvent[], timeline: readonly RawEvent[]): Promise<{ firstMs: number; againMs: number; projectionMb: number }> => {
  const room = await syncedRoom(state, timeline, timeline.length);
  const before = heapMb();
  const started = performance.now();
  const view = new RoomWindow({ room, myUserId: ME, source: serverPages(timeline), media: null });
  let shown = view.items();
  const firstMs = performance.now() - started;
  const projectionMb = heapMb() - before;
  const times: number[] = [];
  for (let round = 0; round < 15; round++) {
    const again = performance.now();
    shown = view.items();
    times.push(performance.now() - again);
  }
  if (messageCount(shown) !== MESSAGES) {
    throw new Error(`expected ${String(MESSAGES)} message items, got ${String(messageCount(shown))}`);
  }
  return { firstMs, againMs: median(times), projectionMb };
};

type History = ReturnType<typeof history>;

/** Fresh rooms opened to a screen, WARMUP times unmeasured (the code compiles) and ROUNDS times measured. */
const openRounds = async (room: History, rounds: Opening[][], count: number): Promise<void> => {
  for (let round = 0; round < count; round++) {
    const { view, shown, ...opening } = await openToScreen(room.state, room.timeline);
    if (messageCount(shown) < Math.min(SCREEN, MESSAGES)) {
      throw new Error(`the window shows ${String(messageCount(shown))} messages, fewer than a screen`);
    }
    view.close();
    rounds.push([opening]);
  }
};

/**
 * Both rooms' openings, taken in turns (plain, relations, plain, …) so that what else runs on
 * the machine weighs on both alike; the first WARMUP turns are not counted.
 */
const measureOpenings = async (rooms: readonly History[]): Promise<Opening[][]> => {
  const openings: Opening[][] = rooms.map(() => []);
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    for (const [index, room] of rooms.entries()) {
      const taken: Opening[][] = [];
      await openRounds(room, taken, 1);
      if (round >= WARMUP) {
        openings[index]?.push(...(taken[0] ?? []));
      }
    }
  }
  return openings;
};

const summary = async (room: History, openings: readonly Opening[]) => {
  const first = openings[0];
  const heap = await windowHeap(room.state, room.timeline, first?.pageSizes ?? []);
  // WHOLE=0 leaves line 3 out (it builds the whole SDK room: most of the bench's run).
  const whole = process.env.WHOLE === '0' ? { firstMs: NaN, againMs: NaN, projectionMb: NaN } : await wholeRoom(room.state, room.timeline);
  return {
    events: room.timeline.length,
    firstBatchMs: median(openings.map((opening) => opening.firstBatchMs)),
    screenMs: median(openings.map((opening) => opening.screenMs)),
    pages: first?.pages ?? 0,
    pageSizes: first?.pageSizes ?? [],
    windowEvents: first?.windowEvents ?? 0,
    items: first?.items ?? 0,
    reactionGroups: first?.reactionGroups ?? 0,
    ...heap,
    whole,
  };
};

const rooms = [history(false), history(true)] as const;
const [plainOpenings = [], relatedOpenings = []] = await measureOpenings(rooms);
const plain = await summary(rooms[0], plainOpenings);
const related = await summary(rooms[1], relatedOpenings);

const rows: [string, string, string, string][] = [];
const verdicts: string[] = [];
const row = (label: string, a: number, b: number, digits: number, goal = false): void => {
  const ratio = b / a;
  rows.push([label, a.toFixed(digits), b.toFixed(digits), `${ratio.toFixed(2)}×`]);
  if (goal) {
    const met = Number.isNaN(ratio) ? 'not run' : ratio <= GOAL_RATIO ? 'MET' : 'NOT MET';
    verdicts.push(`${met.padEnd(8)} ${label}: ${ratio.toFixed(2)}× (goal ≤ ${String(GOAL_RATIO)}×)`);
  }
};
row('timeline events in the room', plain.events, related.events, 0);
row('1. first batch (live end, ms)', plain.firstBatchMs, related.firstBatchMs, 3);
row('2. pages fetched to fill a screen', plain.pages, related.pages, 0);
row('2. events in the window then', plain.windowEvents, related.windowEvents, 0);
row('2. items shown then', plain.items, related.items, 0);
row("2. open: screen filled, main's work (ms)", plain.screenMs, related.screenMs, 3, true);
row("2. heap of the window's pages (MB)", plain.pagesMb, related.pagesMb, 3);
row('2. heap of the projection (MB)', plain.projectionMb, related.projectionMb, 3, true);
row('2. heap of the window in all (MB)', plain.pagesMb + plain.projectionMb, related.pagesMb + related.projectionMb, 3, true);
row('3. whole room, first projection (ms, one sample)', plain.whole.firstMs, related.whole.firstMs, 1, true);
row('3. whole room, later projections (ms)', plain.whole.againMs, related.whole.againMs, 1, true);
row('3. whole room, heap of the projection (MB)', plain.whole.projectionMb, related.whole.projectionMb, 1, true);

console.log(
  `\nTimeline with relations: ${String(MESSAGES)} messages, ${String(REACTIONS)} reactions, ${String(EDITS)} edits; a screen is ${String(SCREEN)} messages; medians of ${String(ROUNDS)}`,
);
console.log(`  ${'figure'.padEnd(50)} ${'plain'.padStart(9)} ${'relations'.padStart(10)} ${'ratio'.padStart(8)}`);
for (const [label, a, b, ratio] of rows) {
  console.log(`  ${label.padEnd(50)} ${a.padStart(9)} ${b.padStart(10)} ${ratio.padStart(8)}`);
}
console.log(`  page sizes asked: plain ${plain.pageSizes.join(', ') || 'none'}; with relations ${related.pageSizes.join(', ') || 'none'}`);
console.log(`\nGoals:\n  ${verdicts.join('\n  ')}`);
