/**
 * What relations cost the timeline (issue 10): a room of 2,000 messages carrying 20,000
 * reactions and 1,000 edits, projected into timeline items by main (relation index,
 * reaction groups, latest edits, read receipts), beside the same 2,000 messages without
 * relations, in one run. Offline: real matrix-js-sdk rooms and events, no homeserver, so
 * the figure is main's own work. "Open" is projecting every message of the room (the first
 * projection, and the median of later ones, which find each event's plain view cached);
 * memory is the heap of the SDK's room and, apart, of what the projection keeps. Goal: ≤ 1.3×.
 */
import { createClient, MatrixEvent, PendingEventOrdering, Room } from 'matrix-js-sdk';
import type { TimelineItem } from '../shared/model/timeline.ts';
import { median, report } from './bench-kit.ts';

/**
 * The projection, loaded by a path the bench's type check (e2e's, with the DOM library) does
 * not follow: main's media code typechecks against Node's types only. Its signature, as used here.
 */
type ProjectEvents = (room: Room, events: readonly MatrixEvent[], myUserId: string, media: null, pendingMedia: boolean) => TimelineItem[];
const projectionModule: string = '../main/core/matrix/timeline-projection.ts';
const { projectEvents } = (await import(projectionModule)) as { projectEvents: ProjectEvents };

const MESSAGES = Number(process.env.MESSAGES ?? 2_000);
const REACTIONS = Number(process.env.REACTIONS ?? 20_000);
const EDITS = Number(process.env.EDITS ?? 1_000);
const ROUNDS = Number(process.env.ROUNDS ?? 15);
const GOAL_RATIO = 1.3;
const ROOM = '!bench:example.org';
const ME = '@me:example.org';
const MEMBERS = Array.from({ length: 50 }, (_, index) => `@anggota${String(index)}:example.org`);
const KEYS = ['👍', '❤️', '😂', '🙏', '🎉', '👏'];

let counter = 0;
const event = (type: string, sender: string, content: Record<string, unknown>, extra: Record<string, unknown> = {}): MatrixEvent =>
  new MatrixEvent({ event_id: `$b${String(++counter)}`, room_id: ROOM, type, sender, origin_server_ts: 1_700_000_000_000 + counter, content, ...extra });

const buildRoom = async (withRelations: boolean): Promise<{ room: Room; events: MatrixEvent[] }> => {
  const client = createClient({ baseUrl: 'http://127.0.0.1:9', userId: ME, deviceId: 'BENCH' });
  const room = new Room(ROOM, client, ME, { pendingEventOrdering: PendingEventOrdering.Detached });
  const state = [ME, ...MEMBERS].map((userId) =>
    event('m.room.member', userId, { membership: 'join', displayname: userId.slice(1, userId.indexOf(':')) }, { state_key: userId }),
  );
  const events: MatrixEvent[] = [...state];
  const messages: MatrixEvent[] = [];
  for (let index = 0; index < MESSAGES; index++) {
    const sender = MEMBERS[index % MEMBERS.length] as string;
    const message = event('m.room.message', sender, { msgtype: 'm.text', body: `pesan ${String(index)} tentang rapat koperasi` });
    messages.push(message);
    events.push(message);
    if (!withRelations) {
      continue;
    }
    // 10 reactions per message on average, from different members, and one edit every other message.
    const reactions = Math.round(REACTIONS / MESSAGES);
    for (let n = 0; n < reactions; n++) {
      events.push(
        event('m.reaction', MEMBERS[(index + n + 1) % MEMBERS.length] as string, {
          'm.relates_to': { rel_type: 'm.annotation', event_id: message.getId(), key: KEYS[n % KEYS.length] },
        }),
      );
    }
    if (index % Math.round(MESSAGES / EDITS) === 0) {
      events.push(
        event('m.room.message', sender, {
          msgtype: 'm.text',
          body: `* pesan ${String(index)} diperbaiki`,
          'm.new_content': { msgtype: 'm.text', body: `pesan ${String(index)} diperbaiki` },
          'm.relates_to': { rel_type: 'm.replace', event_id: message.getId() },
        }),
      );
    }
  }
  await room.addLiveEvents(events, { addToState: true });
  room.updateMyMembership('join');
  room.recalculate();
  return { room, events: room.getLiveTimeline().getEvents() };
};

const heapMb = (): number => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

const measure = async (
  withRelations: boolean,
): Promise<{ openMs: number; firstMs: number; roomMb: number; itemsMb: number; items: number; events: number }> => {
  const before = heapMb();
  const { room, events } = await buildRoom(withRelations);
  const built = heapMb();
  const times: number[] = [];
  const firstStarted = performance.now();
  let items = projectEvents(room, events, ME, null, true);
  const firstMs = performance.now() - firstStarted;
  const projected = heapMb();
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    items = projectEvents(room, events, ME, null, true);
    times.push(performance.now() - started);
  }
  const messages = items.filter((item) => item.kind === 'message').length;
  if (messages !== MESSAGES) {
    throw new Error(`expected ${String(MESSAGES)} message items, got ${String(messages)}`);
  }
  return { openMs: median(times), firstMs, roomMb: built - before, itemsMb: projected - built, items: items.length, events: events.length };
};

const plain = await measure(false);
const related = await measure(true);
const ratio = related.openMs / plain.openMs;
report(`Timeline with relations: ${String(MESSAGES)} messages, ${String(REACTIONS)} reactions, ${String(EDITS)} edits (median of ${String(ROUNDS)})`, {
  'events, plain room': plain.events,
  'events, room with relations': related.events,
  'first open (project every message), plain, ms': plain.firstMs,
  'first open, with relations, ms': related.firstMs,
  'open again (median), plain, ms': plain.openMs,
  'open again (median), with relations, ms': related.openMs,
  'heap of the SDK room, plain, MB': plain.roomMb,
  'heap of the SDK room, with relations, MB': related.roomMb,
  'heap of the projection, plain, MB': plain.itemsMb,
  'heap of the projection, with relations, MB': related.itemsMb,
  'heap ratio of the projection': related.itemsMb / plain.itemsMb,
  'time ratio (goal ≤ 1.3)': ratio,
  result: ratio <= GOAL_RATIO ? 'PASS' : 'FAIL',
});
