import { EventType, KnownMembership, NotificationCountType, type MatrixEvent, type Room } from 'matrix-js-sdk';
import type { RoomListEntry } from '../../../shared/model/room.ts';
import { importedPreview } from './import/imported-view.ts';
import { htmlToText } from '../format/html-text.ts';
import { mentionsMe } from '../format/mentions.ts';
import { HTML_FORMAT } from '../format/message-format.ts';
import { initialsOf } from './initials.ts';
import { newestServerEvent } from './newest-server-event.ts';
import { readRelation } from './relations/rel-event.ts';
import { stripReplyFallbackBody } from './relations/reply-fallback.ts';

const PREVIEW_LENGTH = 140;

/** An edit (`m.replace`), read from the payload as well: some clients keep the relation inside the ciphertext. */
const isEdit = (event: MatrixEvent): boolean =>
  event.isRelation('m.replace') || readRelation(event.getOriginalContent()['m.relates_to']).relation?.relType === 'm.replace';

const lastMessage = (room: Room): MatrixEvent | null => {
  const events = room.getLiveTimeline().getEvents();
  for (let index = events.length - 1; index >= 0; index--) {
    const event = events[index];
    if (event !== undefined && (event.getType() === EventType.RoomMessage || event.getType() === EventType.RoomMessageEncrypted) && !isEdit(event)) {
      return event;
    }
  }
  return null;
};

const previewBody = (event: MatrixEvent): string => {
  if (event.isRedacted()) {
    return '';
  }
  const content = event.getContent();
  const raw: unknown = content.body;
  if (typeof raw !== 'string') {
    return '';
  }
  // Formatted text previews as its words ("balai desa", not "**balai desa**"), as the chat
  // list of WhatsApp does; the HTML's reply fallback (<mx-reply>) goes with the tags.
  const html: unknown = content.formatted_body;
  // A reply's body starts with the quoted original (`> <@sender> …`) for older clients: the timeline drops it, so does the preview.
  const body =
    content.format === HTML_FORMAT && typeof html === 'string'
      ? htmlToText(html)
      : readRelation(content['m.relates_to']).inReplyTo === null
        ? raw
        : stripReplyFallbackBody(raw);
  return body.replace(/\s+/g, ' ').slice(0, PREVIEW_LENGTH);
};

/** Still ciphertext: the key failed or has not arrived (an SDK stand-in body would read as a message). */
const isUndecryptable = (event: MatrixEvent): boolean =>
  event.isDecryptionFailure() || (event.getType() === EventType.RoomMessageEncrypted && event.getClearContent() === null);

const preview = (message: MatrixEvent, room: Room, myUserId: string): NonNullable<RoomListEntry['preview']> => {
  const senderId = message.getSender() ?? '';
  const sent = { sender: room.getMember(senderId)?.name ?? senderId, own: senderId === myUserId };
  if (isUndecryptable(message)) {
    return { ...sent, body: '', undecryptable: true };
  }
  const body = previewBody(message);
  // An imported message previews under its WhatsApp author, as the timeline shows it.
  return importedPreview(message, body, room, myUserId) ?? { ...sent, body };
};

/** How far back the local highlight count looks for unread mentions. */
const HIGHLIGHT_SCAN = 500;

/**
 * Unread messages that mention this member. The server cannot see mentions inside
 * ciphertext, so in an encrypted room they are also counted here from the decrypted
 * events after this member's read receipt; the larger of the two counts stands.
 */
export const highlightCount = (room: Room, myUserId: string): number => {
  const server = room.getUnreadNotificationCount(NotificationCountType.Highlight);
  if (!room.hasEncryptionStateEvent()) {
    return server;
  }
  const readUpTo = room.getEventReadUpTo(myUserId);
  const me = { userId: myUserId, displayName: room.getMember(myUserId)?.name ?? null };
  const events = room.getLiveTimeline().getEvents();
  let local = 0;
  for (let index = events.length - 1; index >= 0 && index >= events.length - HIGHLIGHT_SCAN; index--) {
    const event = events[index];
    if (event === undefined || event.getId() === readUpTo) {
      break;
    }
    if (event.getSender() === myUserId || event.getType() !== EventType.RoomMessage || event.isRedacted() || isEdit(event)) {
      continue;
    }
    if (mentionsMe(event.getContent(), me)) {
      local++;
    }
  }
  return Math.max(server, local);
};

/**
 * Whether this member's read receipt is on the room's newest event from the server. Then
 * nothing is unread, whatever the counts of the last sync say: they come down with the next
 * sync, and the badge must go when the room is read (the SDK echoes our receipt at once).
 */
const readToTheEnd = (room: Room, myUserId: string): boolean => {
  const id = newestServerEvent(room)?.getId();
  return id !== undefined && room.hasUserReadEvent(myUserId, id);
};

/** One room as a row of the room list. `directRoomIds` comes from the m.direct account data. */
export const toRoomListEntry = (room: Room, myUserId: string, directRoomIds: ReadonlySet<string>): RoomListEntry | null => {
  const membership = room.getMyMembership();
  if (membership !== KnownMembership.Join && membership !== KnownMembership.Invite) {
    return null;
  }
  const myMemberEvent = room.getMember(myUserId)?.events.member;
  const invited = membership === KnownMembership.Invite;
  const isDirect = directRoomIds.has(room.roomId) || (invited && myMemberEvent?.getContent<{ is_direct?: unknown }>().is_direct === true);
  const message = lastMessage(room);
  const inviterId = invited ? (myMemberEvent?.getSender() ?? null) : null;
  const read = !invited && readToTheEnd(room, myUserId);
  return {
    id: room.roomId,
    name: room.name,
    initials: initialsOf(room.name),
    membership: invited ? 'invite' : 'join',
    isDirect,
    preview: message === null ? null : preview(message, room, myUserId),
    unread: invited || read ? 0 : room.getUnreadNotificationCount(NotificationCountType.Total),
    highlight: invited || read ? 0 : highlightCount(room, myUserId),
    lastActivity: invited ? (myMemberEvent?.getTs() ?? 0) : room.getLastActiveTimestamp(),
    inviter: inviterId === null ? null : (room.getMember(inviterId)?.name ?? inviterId),
    encrypted: room.hasEncryptionStateEvent(),
  };
};

/** Invites first (they wait for an answer), then the most recently active, then by name. */
export const compareRoomListEntries = (a: RoomListEntry, b: RoomListEntry): number => {
  if (a.membership !== b.membership) {
    return a.membership === 'invite' ? -1 : 1;
  }
  if (a.lastActivity !== b.lastActivity) {
    return b.lastActivity - a.lastActivity;
  }
  return a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
};

export const projectRoomList = (rooms: readonly Room[], myUserId: string, directRoomIds: ReadonlySet<string>): RoomListEntry[] =>
  rooms
    // A co-op's space only groups its rooms; the Co-op tab shows it, the chat list does not.
    .filter((room) => !room.isSpaceRoom())
    .map((room) => toRoomListEntry(room, myUserId, directRoomIds))
    .filter((entry): entry is RoomListEntry => entry !== null)
    .sort(compareRoomListEntries);
