import { EventStatus, EventType, MsgType, type MatrixEvent, type Room } from 'matrix-js-sdk';
import type { SendState, TimelineItem } from '../../../shared/model/timeline.ts';
import { isMediaMsgtype, toMediaItem, type MediaUrls } from '../media/media-item.ts';
import { withImport } from './import/imported-view.ts';

/** What the projection needs for media items: URLs for their files, and our attachments still uploading. */
export type MediaProjection = {
  urls: MediaUrls;
  /** Items for attachments of ours that have no event yet (still uploading, or failed to). */
  pending(roomId: string): TimelineItem[];
};

/** The id that survives local echo → remote echo: the transaction id while we know it. */
export const stableItemId = (event: MatrixEvent): string => {
  const txnId = event.getTxnId() ?? event.getUnsigned().transaction_id;
  return txnId !== undefined ? `txn:${txnId}` : (event.getId() ?? `local:${String(event.getTs())}`);
};

const sendStateOf = (event: MatrixEvent): SendState | null => {
  switch (event.status) {
    case null:
      return 'sent';
    case EventStatus.NOT_SENT:
      return 'failed';
    case EventStatus.CANCELLED:
      return null;
    default:
      return 'sending';
  }
};

const membershipChange = (event: MatrixEvent): Extract<TimelineItem, { kind: 'membership' }>['change'] => {
  const now = event.getContent<{ membership?: string }>().membership;
  const before = event.getPrevContent() as { membership?: string };
  const bySomeoneElse = event.getSender() !== event.getStateKey();
  switch (now) {
    case 'join':
      return before.membership === 'join' ? 'other' : 'joined';
    case 'invite':
      return 'invited';
    case 'ban':
      return 'banned';
    case 'leave':
      if (bySomeoneElse) {
        return 'kicked';
      }
      return before.membership === 'invite' ? 'declined' : 'left';
    default:
      return 'other';
  }
};

/**
 * One event as the renderer shows it, or null for events a member never sees as a
 * line of their own (edits, reactions, most state changes).
 */
export const toTimelineItem = (
  event: MatrixEvent,
  myUserId: string,
  nameOf: (userId: string) => string,
  media: MediaUrls | null = null,
): TimelineItem | null => {
  const sender = event.getSender() ?? '';
  const base = {
    id: stableItemId(event),
    eventId: event.status === null ? (event.getId() ?? null) : null,
    sender,
    senderName: nameOf(sender),
    own: sender === myUserId,
    ts: event.getTs(),
  };
  if (event.isRedacted()) {
    return { ...base, kind: 'redacted' };
  }
  if (event.isRelation('m.replace')) {
    return null;
  }
  const type = event.getType();
  if (event.isDecryptionFailure() || (type === EventType.RoomMessageEncrypted && event.isEncrypted() && event.getClearContent() === null)) {
    return { ...base, kind: 'encrypted' };
  }
  switch (type) {
    case EventType.RoomMessage: {
      const sendState = sendStateOf(event);
      if (sendState === null) {
        return null;
      }
      const content = event.getContent<{ msgtype?: string; body?: unknown; format?: unknown; formatted_body?: unknown }>();
      if (isMediaMsgtype(content.msgtype)) {
        return toMediaItem({ content, base, roomId: event.getRoomId() ?? '', sendState, urls: media });
      }
      const msgtype = content.msgtype === MsgType.Notice ? 'notice' : content.msgtype === MsgType.Emote ? 'emote' : 'text';
      const html = content.format === 'org.matrix.custom.html' && typeof content.formatted_body === 'string' ? content.formatted_body : null;
      return {
        ...base,
        kind: 'message',
        msgtype,
        body: typeof content.body === 'string' ? content.body : '',
        html,
        sendState,
        edited: event.replacingEventId() !== undefined,
      };
    }
    case EventType.RoomMember: {
      const target = event.getStateKey() ?? '';
      return { ...base, kind: 'membership', change: membershipChange(event), target: nameOf(target) };
    }
    case EventType.RoomCreate:
      return { ...base, kind: 'roomCreated' };
    case EventType.RoomName: {
      const name = event.getContent<{ name?: unknown }>().name;
      return { ...base, kind: 'roomRenamed', name: typeof name === 'string' ? name : '' };
    }
    default:
      return event.isState() || type === EventType.Reaction || type === EventType.RoomRedaction ? null : { ...base, kind: 'unsupported', type };
  }
};

/** One event of a room as the renderer shows it (an imported one under its WhatsApp author), or null when hidden. */
export const projectEvent = (event: MatrixEvent, room: Room, myUserId: string, media: MediaUrls | null): TimelineItem | null => {
  const plain = toTimelineItem(event, myUserId, (userId) => room.getMember(userId)?.name ?? userId, media);
  return plain === null ? null : withImport(plain, event, room, myUserId);
};

/**
 * Events of a room, oldest first, as items, each shown once. With `pendingMedia` (the window
 * reaches the live end) our attachments still uploading come last, like messages on their way.
 */
export const projectEvents = (
  room: Room,
  events: readonly MatrixEvent[],
  myUserId: string,
  media: MediaProjection | null,
  pendingMedia: boolean,
): TimelineItem[] => {
  const seen = new Set<string>();
  const items: TimelineItem[] = [];
  for (const event of events) {
    const item = projectEvent(event, room, myUserId, media?.urls ?? null);
    // A message re-sent after a crash can be both delivered and pending for a moment: show it once.
    if (item !== null && !seen.has(item.id)) {
      seen.add(item.id);
      items.push(item);
    }
  }
  // Once an attachment's event exists (same transaction id) it is the one shown.
  for (const item of pendingMedia ? (media?.pending(room.roomId) ?? []) : []) {
    if (!seen.has(item.id)) {
      seen.add(item.id);
      items.push(item);
    }
  }
  return items;
};

/** The room's loaded live timeline followed by our messages still on their way (the live end of a window). */
export const projectTimeline = (room: Room, myUserId: string, media: MediaProjection | null = null): TimelineItem[] =>
  projectEvents(room, [...room.getLiveTimeline().getEvents(), ...room.getPendingEvents()], myUserId, media, true);
