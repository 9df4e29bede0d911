import { createClient, MatrixEvent, PendingEventOrdering, Room, type IEvent } from 'matrix-js-sdk';

/**
 * Real matrix-js-sdk rooms and events, built offline, for projection tests: the
 * projections read the SDK's own objects, so the tests use them instead of look-alikes.
 */
export const ME = '@me:example.org';
let counter = 0;

export const makeEvent = (fields: Partial<IEvent> & { type: string; sender: string }): MatrixEvent =>
  new MatrixEvent({
    event_id: `$e${String(++counter)}`,
    origin_server_ts: 1_700_000_000_000 + counter * 1000,
    content: {},
    ...fields,
  });

export const makeRoom = async (roomId: string, events: MatrixEvent[], membership = 'join'): Promise<Room> => {
  const client = createClient({ baseUrl: 'http://127.0.0.1:9', userId: ME, deviceId: 'TEST' });
  const room = new Room(roomId, client, ME, { pendingEventOrdering: PendingEventOrdering.Detached });
  await room.addLiveEvents(
    events.map((event) => {
      event.event.room_id = roomId;
      return event;
    }),
    { addToState: true },
  );
  // A sync sets this from the room's section (join/invite/leave); offline we say it.
  room.updateMyMembership(membership);
  room.recalculate();
  return room;
};

export const member = (userId: string, membership: string, displayname?: string, sender = userId): MatrixEvent =>
  makeEvent({ type: 'm.room.member', sender, state_key: userId, content: { membership, ...(displayname ? { displayname } : {}) } });

export const text = (sender: string, body: string, extra: Record<string, unknown> = {}): MatrixEvent =>
  makeEvent({ type: 'm.room.message', sender, content: { msgtype: 'm.text', body, ...extra } });
