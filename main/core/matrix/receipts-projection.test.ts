import { MatrixEvent } from 'matrix-js-sdk';
import { describe, expect, it } from 'vitest';
import { projectEvents } from './timeline-projection.ts';
import { makeRoom, ME, member, text } from './test-room.ts';

const ROOM = '!r:example.org';
const ALICE = '@alice:example.org';
const BOB = '@bob:example.org';
const CAROL = '@carol:example.org';

const receipt = (eventId: string, type: string, userId: string, data: Record<string, unknown> = { ts: 1 }): MatrixEvent =>
  new MatrixEvent({ type: 'm.receipt', room_id: ROOM, content: { [eventId]: { [type]: { [userId]: data } } } });

/** Who sits on which message body. */
const faces = (items: ReturnType<typeof projectEvents>): Record<string, string[]> =>
  Object.fromEntries(
    items.flatMap((item) => (item.kind === 'message' && item.readBy !== undefined ? [[item.body, item.readBy.map((face) => face.userId)]] : [])),
  );

describe('read receipts without a search of the timeline per member', () => {
  it('places each face where the SDK says the member read up to: synthesized, real, threaded, public beside private', async () => {
    const first = text(ALICE, 'satu');
    const second = text(BOB, 'dua');
    const third = text(ME, 'tiga');
    const room = await makeRoom(ROOM, [
      member(ALICE, 'join', 'Alice'),
      member(BOB, 'join', 'Bob'),
      member(CAROL, 'join', 'Carol'),
      member(ME, 'join', 'Me'),
      first,
      second,
      third,
    ]);
    // Carol read the first message (a real, unthreaded receipt); Bob's private receipt is newer than his public one.
    room.addReceipt(receipt(first.getId() ?? '', 'm.read', CAROL));
    room.addReceipt(receipt(first.getId() ?? '', 'm.read', BOB, { ts: 1, thread_id: 'main' }));
    room.addReceipt(receipt(third.getId() ?? '', 'm.read.private', BOB, { ts: 2 }));
    const events = room.getLiveTimeline().getEvents();
    const items = projectEvents(room, events, ME, null, true);
    const byBody = new Map(events.map((event) => [event.getId(), event.getContent<{ body?: string }>().body]));
    const expected: Record<string, string[]> = {};
    for (const userId of [ALICE, BOB, CAROL]) {
      const body = byBody.get(room.getEventReadUpTo(userId) ?? '');
      if (body !== undefined) {
        (expected[body] ??= []).push(userId);
      }
    }
    expect(faces(items)).toEqual(expected);
    expect(faces(items)).toEqual({ satu: [ALICE, CAROL], tiga: [BOB] });
    expect(items.find((item) => item.kind === 'message' && item.body === 'tiga')?.delivery).toEqual({ state: 'read', readCount: 1 });
  });

  it('puts no face for a receipt on an event outside the window, and asks the SDK whether my message was read', async () => {
    const first = text(ALICE, 'satu');
    const mine = text(ME, 'dua');
    const later = text(BOB, 'tiga');
    const room = await makeRoom(ROOM, [member(ALICE, 'join', 'Alice'), member(BOB, 'join', 'Bob'), member(ME, 'join', 'Me'), first, mine, later]);
    // A window holding only my message: Alice's receipt (her own message) and Bob's (his) are outside it.
    const items = projectEvents(room, [mine], ME, null, true);
    expect(faces(items)).toEqual({});
    // Bob's receipt on his later message means he read mine; Alice's sits before it.
    expect(items[0]?.delivery).toEqual({ state: 'read', readCount: 1 });
  });
});
