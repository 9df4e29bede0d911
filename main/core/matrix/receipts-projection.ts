import { inMainTimelineForReceipt, MAIN_ROOM_TIMELINE, ReceiptType, type MatrixEvent, type Room } from 'matrix-js-sdk';
import type { ReadReceipt } from '../../../shared/model/conversation.ts';
import type { TimelineItem } from '../../../shared/model/timeline.ts';
import { initialsOf } from './initials.ts';

/** At most this many faces sit on one item; more would not fit under a message anyway. */
export const MAX_READ_BY = 20;

/**
 * Read receipts on a window's items: each other member's face on the newest item they have
 * read (their receipt may sit on an event without a line, such as a reaction: the nearest
 * item before it takes it), and on this member's newest own message whether anyone has read it.
 * `itemAt[i]` is the index in `items` of `events[i]`, or undefined when it has no line.
 */
export const withReceipts = (
  room: Room,
  myUserId: string,
  events: readonly MatrixEvent[],
  items: TimelineItem[],
  itemAt: readonly (number | undefined)[],
  atLive: boolean,
): void => {
  const others = room.getJoinedMembers().filter((member) => member.userId !== myUserId);
  const receipts = new Map(others.map((member) => [member.userId, latestReceipt(room, member.userId)]));
  // Positions of only the events a receipt sits on, and of our newest message: a room's window is mostly other events.
  const wanted = new Set<string>();
  for (const receipt of receipts.values()) {
    if (receipt !== null) {
      wanted.add(receipt.eventId);
    }
  }
  const newestOwn = atLive ? items.findLast((item) => item.own && item.eventId !== null && (item.kind === 'message' || item.kind === 'media')) : undefined;
  if (newestOwn?.eventId !== undefined && newestOwn.eventId !== null) {
    wanted.add(newestOwn.eventId);
  }
  const position = new Map<string, number>();
  events.forEach((event, index) => {
    const id = event.getId();
    if (id !== undefined && wanted.has(id)) {
      position.set(id, index);
    }
  });
  const receiptAt = new Map<string, string | null>();
  for (const [userId, receipt] of receipts) {
    receiptAt.set(userId, receipt === null ? null : readUpTo(room, userId, receipt, position, events));
  }
  const readBy = new Map<number, ReadReceipt[]>();
  /** Where each member's receipt sits among `events`, when it does. */
  const readUpToAt = new Map<string, number>();
  for (const member of others) {
    const eventId = receiptAt.get(member.userId) ?? null;
    let at = eventId === null ? undefined : position.get(eventId);
    if (at !== undefined) {
      readUpToAt.set(member.userId, at);
    }
    while (at !== undefined && at >= 0 && itemAt[at] === undefined) {
      at--;
    }
    const itemIndex = at === undefined || at < 0 ? undefined : itemAt[at];
    if (itemIndex === undefined) {
      continue;
    }
    const list = readBy.get(itemIndex) ?? [];
    if (list.length < MAX_READ_BY) {
      list.push({ userId: member.userId, name: member.name, initials: initialsOf(member.name) });
    }
    readBy.set(itemIndex, list);
  }
  for (const [index, receipts] of readBy) {
    const item = items[index];
    if (item !== undefined) {
      items[index] = { ...item, readBy: receipts };
    }
  }
  if (!atLive) {
    return;
  }
  // The newest own message that reached the server: "sent", or "read" by how many.
  for (let index = items.length - 1; index >= 0; index--) {
    const item = items[index];
    if (item === undefined || !item.own || item.eventId === null || (item.kind !== 'message' && item.kind !== 'media')) {
      continue;
    }
    const eventId = item.eventId;
    const mine = position.get(eventId);
    // A receipt at or after the message in this window means read; otherwise the SDK compares (slower: it searches its timelines).
    const readCount = others.filter((member) => {
      const at = readUpToAt.get(member.userId);
      return at !== undefined && mine !== undefined ? at >= mine : room.hasUserReadEvent(member.userId, eventId);
    }).length;
    items[index] = { ...item, delivery: { state: readCount > 0 ? 'read' : 'sent', readCount } };
    break;
  }
};

/**
 * The member's newest read receipt, as the SDK picks it: a single kind of receipt (public or
 * private), or the private one when both sit on one event. Both on different events need
 * the SDK's ordering of them: it answers (`settled`), rarely.
 */
type LatestReceipt = { eventId: string; threadId: string | null; settled: boolean };

const latestReceipt = (room: Room, userId: string): LatestReceipt | null => {
  const pub = room.getReadReceiptForUserId(userId, false, ReceiptType.Read);
  const priv = room.getReadReceiptForUserId(userId, false, ReceiptType.ReadPrivate);
  const only = pub === null ? priv : priv === null || priv.eventId === pub.eventId ? (priv ?? pub) : null;
  if (only === null) {
    const eventId = room.getEventReadUpTo(userId);
    return eventId === null ? null : { eventId, threadId: null, settled: true };
  }
  const threadId = only.data.thread_id;
  return { eventId: only.eventId, threadId: typeof threadId === 'string' && threadId !== '' ? threadId : null, settled: false };
};

/**
 * What `room.getEventReadUpTo(userId)` answers, without its search of the whole live
 * timeline per member (`findEventById` scans it: with thousands of reactions in a room that
 * was most of a projection). A receipt on an event outside the window places no face and
 * decides no delivery (both fall back as for null), so only events of the window are checked,
 * by the SDK's own rule: the event is one of its timeline's and the receipt's thread agrees.
 */
const readUpTo = (room: Room, userId: string, receipt: LatestReceipt, position: ReadonlyMap<string, number>, events: readonly MatrixEvent[]): string | null => {
  if (receipt.settled) {
    return receipt.eventId;
  }
  const at = position.get(receipt.eventId);
  const event = at === undefined ? undefined : events[at];
  if (event === undefined) {
    return null;
  }
  if (room.getUnfilteredTimelineSet().getTimelineForEvent(receipt.eventId) === null) {
    // Not in the live timeline's set (a fetched page, a thread's own timeline): the SDK looks further itself.
    return room.getEventReadUpTo(userId);
  }
  if (receipt.threadId === null) {
    return receipt.eventId;
  }
  const consistent = receipt.threadId === MAIN_ROOM_TIMELINE ? inMainTimelineForReceipt(event) : event.threadRootId === receipt.threadId;
  return consistent ? receipt.eventId : room.getEventReadUpTo(userId);
};
