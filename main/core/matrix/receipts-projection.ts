import type { MatrixEvent, Room } from 'matrix-js-sdk';
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
  const position = new Map<string, number>();
  events.forEach((event, index) => {
    const id = event.getId();
    if (id !== undefined) {
      position.set(id, index);
    }
  });
  const others = room.getJoinedMembers().filter((member) => member.userId !== myUserId);
  const readBy = new Map<number, ReadReceipt[]>();
  for (const member of others) {
    const eventId = room.getEventReadUpTo(member.userId);
    let at = eventId === null ? undefined : position.get(eventId);
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
    const readCount = others.filter((member) => room.hasUserReadEvent(member.userId, eventId)).length;
    items[index] = { ...item, delivery: { state: readCount > 0 ? 'read' : 'sent', readCount } };
    break;
  }
};
