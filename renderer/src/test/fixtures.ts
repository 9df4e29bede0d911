import type { RoomListEntry } from '../../../shared/model/room.ts';
import type { SessionView } from '../../../shared/model/session.ts';
import type { EventPayload } from '../../../shared/ipc/contract.ts';
import type { TimelineItem, TimelineWindow } from '../../../shared/model/timeline.ts';
import type { ListOp } from '../../../shared/stream/list-op.ts';

export const session: SessionView = {
  userId: '@sari:example.org',
  deviceId: 'DEVICE1',
  homeserverUrl: 'https://matrix.example.org',
  displayName: 'Sari',
};

export const roomEntry = (id: string, extra: Partial<RoomListEntry> = {}): RoomListEntry => ({
  id,
  name: `Room ${id}`,
  initials: 'R',
  membership: 'join',
  isDirect: false,
  preview: null,
  unread: 0,
  highlight: 0,
  lastActivity: 0,
  inviter: null,
  encrypted: false,
  ...extra,
});

export const message = (id: string, extra: Partial<Extract<TimelineItem, { kind: 'message' }>> = {}): Extract<TimelineItem, { kind: 'message' }> => ({
  id,
  eventId: `$${id}`,
  sender: '@budi:example.org',
  senderName: 'Budi',
  own: false,
  ts: 1_700_000_000_000,
  kind: 'message',
  msgtype: 'text',
  body: `body ${id}`,
  html: null,
  sendState: 'sent',
  edited: false,
  ...extra,
});

/** A window at the live end with nothing older to fetch known yet: what main sends for a fresh room. */
export const liveWindow: TimelineWindow = { hasOlder: true, hasNewer: false, readMarkerItemId: null, focusItemId: null };

/** A `timeline:batch` payload; the window defaults to the live end. */
export const timelineBatch = (
  subscription: string,
  seq: number,
  ops: ListOp<TimelineItem>[],
  window: Partial<TimelineWindow> = {},
): EventPayload<'timeline:batch'> => ({ subscription, seq, ops, window: { ...liveWindow, ...window } });
