import { EventStatus, EventType, MsgType, type MatrixEvent, type Room } from 'matrix-js-sdk';
import type { SendState, TimelineItem } from '../../../shared/model/timeline.ts';
import { isMediaMsgtype, sourceOf, toMediaItem, type MediaUrls } from '../media/media-item.ts';
import { withImport } from './import/imported-view.ts';
import { inTimeline, pollItemOf, withConversation, withImportedFormatting, type ConversationContext } from './relations/conversation-items.ts';
import { toRelEvent } from './relations/from-sdk.ts';
import type { IndexFeed } from './relations/relation-feed.ts';
import { RelationIndex } from './relations/relation-index.ts';
import type { RelEvent } from './relations/rel-event.ts';
import { withReceipts } from './receipts-projection.ts';
import { mayRedactOthers } from './room-permissions.ts';

/** What the projection needs for media items: URLs for their files, and our attachments still uploading. */
export type MediaProjection = {
  urls: MediaUrls;
  /** Items for attachments of ours that have no event yet (still uploading, or failed to). */
  pending(roomId: string): TimelineItem[];
};

import { stableItemId } from './item-id.ts';

export { stableItemId };

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

const finiteOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null);

/** `m.sticker`: an image with its description, served like any attachment's (encrypted or not). */
const stickerItem = (event: MatrixEvent, base: Omit<TimelineItem, 'kind'>, media: MediaUrls | null): TimelineItem => {
  const content = event.getContent<Record<string, unknown>>();
  const info = typeof content.info === 'object' && content.info !== null ? (content.info as Record<string, unknown>) : {};
  const body = typeof content.body === 'string' ? content.body : '';
  const source = sourceOf(content, 'file', 'url');
  const mimetype = typeof info.mimetype === 'string' ? info.mimetype : null;
  return {
    ...base,
    kind: 'sticker',
    body,
    mediaUrl: source === null || media === null ? null : media.url(event.getRoomId() ?? '', base.id, 'media', source, { mimetype, filename: 'sticker' }),
    width: finiteOrNull(info.w),
    height: finiteOrNull(info.h),
  };
};

/** What every item has: its ids, who sent it (named as the room knows them) and when. */
const itemBase = (event: MatrixEvent, myUserId: string, nameOf: (userId: string) => string) => {
  const sender = event.getSender() ?? '';
  return {
    id: stableItemId(event),
    eventId: event.status === null ? (event.getId() ?? null) : null,
    sender,
    senderName: nameOf(sender),
    own: sender === myUserId,
    ts: event.getTs(),
  };
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
  const base = itemBase(event, myUserId, nameOf);
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
      if (content.msgtype === MsgType.Location) {
        const geoUri = event.getContent<{ geo_uri?: unknown }>().geo_uri;
        return { ...base, kind: 'location', body: typeof content.body === 'string' ? content.body : '', geoUri: typeof geoUri === 'string' ? geoUri : '' };
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
    case EventType.Sticker:
      return stickerItem(event, base, media);
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

/** How a window projects: the thread it shows (null: the main timeline), and events its relations may come from. */
export type ProjectionOptions = {
  threadRootId?: string | null;
  /** Events beyond the window's own whose relations count (the live end's reactions on a fetched page). */
  relationSources?: readonly MatrixEvent[];
  /** The window's index kept since its last projection (RoomWindow); without it one is built for this projection alone. */
  relations?: IndexFeed<MatrixEvent>;
};

const conversationContext = (room: Room, myUserId: string, index: RelationIndex): ConversationContext => {
  const me = room.getMember(myUserId);
  return {
    index,
    roomId: room.roomId,
    myUserId,
    myName: me?.name ?? null,
    canRedactOthers: mayRedactOthers(room, myUserId),
    nameOf: (userId) => room.getMember(userId)?.name ?? userId,
  };
};

/** One event of a room as the renderer shows it (an imported one under its WhatsApp author), or null when hidden. */
export const projectEvent = (
  event: MatrixEvent,
  room: Room,
  myUserId: string,
  media: MediaUrls | null,
  context: ConversationContext = conversationContext(room, myUserId, new RelationIndex([toRelEvent(event)])),
  rel: RelEvent = toRelEvent(event),
): TimelineItem | null => {
  const nameOf = context.nameOf;
  const plain = pollStartItem(event, rel, myUserId, nameOf, context) ?? toTimelineItem(event, myUserId, nameOf, media);
  if (plain === null) {
    return null;
  }
  return withImportedFormatting(withImport(withConversation(plain, rel, context), event, room, myUserId));
};

/** A poll start of any client other than a co-op proposal (those stay as they were: the Co-op tab shows them). */
const pollStartItem = (
  event: MatrixEvent,
  rel: RelEvent,
  myUserId: string,
  nameOf: (userId: string) => string,
  context: ConversationContext,
): TimelineItem | null => {
  if (event.isRedacted() || event.isDecryptionFailure()) {
    return null;
  }
  const base = itemBase(event, myUserId, nameOf);
  return pollItemOf(rel, base, context);
};

/**
 * Events of a room, oldest first, as items, each shown once. With `pendingMedia` (the window
 * reaches the live end) our attachments still uploading come last, like messages on their way.
 * Relations (reactions, edits, threads, poll votes) are aggregated over the window's events
 * and `relationSources`; read receipts go on the newest item each member has read.
 */
export const projectEvents = (
  room: Room,
  events: readonly MatrixEvent[],
  myUserId: string,
  media: MediaProjection | null,
  pendingMedia: boolean,
  options: ProjectionOptions = {},
): TimelineItem[] => {
  const sources = options.relationSources ?? [];
  const all = [...sources, ...events];
  const fed = options.relations?.update(all);
  const rels = fed?.rels ?? all.map(toRelEvent);
  const context = conversationContext(room, myUserId, fed?.index ?? new RelationIndex(rels));
  const threadRootId = options.threadRootId ?? null;
  const seen = new Set<string>();
  const items: TimelineItem[] = [];
  /** The item each event of `events` shows as (undefined for hidden ones), for read receipts. */
  const itemAt: (number | undefined)[] = [];
  for (const [index, event] of events.entries()) {
    const rel = rels[sources.length + index] ?? toRelEvent(event);
    const item = inTimeline(rel, threadRootId) ? projectEvent(event, room, myUserId, media?.urls ?? null, context, rel) : null;
    // A message re-sent after a crash can be both delivered and pending for a moment: show it once.
    if (item !== null && !seen.has(item.id)) {
      seen.add(item.id);
      items.push(item);
      itemAt.push(items.length - 1);
    } else {
      itemAt.push(undefined);
    }
  }
  withReceipts(room, myUserId, events, items, itemAt, pendingMedia);
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
