import type { RoomListEntry } from '../../../shared/model/room.ts';
import type { SessionView } from '../../../shared/model/session.ts';
import type { TimelineItem, TimelineWindow } from '../../../shared/model/timeline.ts';

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
  lastActivity: 0,
  inviter: null,
  encrypted: false,
  ...extra,
});

export const message = (
  id: string,
  extra: Partial<Extract<TimelineItem, { kind: 'message' }>> = {},
): Extract<TimelineItem, { kind: 'message' }> => ({
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

/** Where a timeline window sits when it shows the live end and older history may exist. */
export const atLive: TimelineWindow = { hasOlder: true, hasNewer: false, readMarkerItemId: null, focusItemId: null };
