/**
 * Every relation among a set of events, aggregated the way the Matrix spec asks, from
 * whichever client sent them: reactions (`m.annotation`) grouped by key, edits
 * (`m.replace`, only the original sender's count), thread replies (`m.thread`) under their
 * root. Pure: built from plain events, so a hostile or out-of-order history is tested
 * without the SDK. Kept up to date event by event (`add`, `remove`: a window's index lives
 * from one projection to the next, see relation-feed.ts), and what it answers depends only
 * on the set of events it holds, never on the order they came in: an edit that arrived
 * before its original simply applies once both are in. Each question costs the relations
 * of the one event asked about.
 */
import { MAX_REACTION_KEY, type ReactionGroup } from '../../../../shared/model/conversation.ts';
import type { RelEvent } from './rel-event.ts';

export const REACTION = 'm.reaction';
export const ANNOTATION = 'm.annotation';
export const REPLACE = 'm.replace';
export const THREAD = 'm.thread';
export const REFERENCE = 'm.reference';
/** The tooltip lists at most this many names; the count says how many in all. */
export const MAX_REACTION_SENDERS = 20;

/** A key longer than the contract allows is cut (never split inside a character), with an ellipsis. */
export const cutReactionKey = (key: string): string => {
  if (key.length <= MAX_REACTION_KEY) {
    return key;
  }
  let cut = '';
  for (const char of key) {
    if (cut.length + char.length > MAX_REACTION_KEY - 1) {
      break;
    }
    cut += char;
  }
  return `${cut}…`;
};

const byTime = (a: RelEvent, b: RelEvent): number => a.ts - b.ts || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export type ThreadAggregate = { count: number; latest: RelEvent | null };

/** A target's reactions by key, in the order each key first came (by time), senders as user ids. */
type ReactionTally = { key: string; senders: string[] }[];

export class RelationIndex {
  /**
   * Each event id's standing copy, and the copies before it when there are several (a
   * window's page and the live timeline may both hold an event): the last to come stands.
   */
  private readonly events = new Map<string, RelEvent>();
  private readonly earlierCopies = new Map<string, RelEvent[]>();
  /** The standing copy of each relation event, by the event it points at and the relation's type. */
  private readonly children = new Map<string, Map<string, RelEvent[]>>();

  constructor(events: Iterable<RelEvent> = []) {
    for (const event of events) {
      this.add(event);
    }
  }

  /** One more event (or another copy of one already held: the later copy stands, counted once). */
  add(event: RelEvent): void {
    const standing = this.events.get(event.id);
    this.events.set(event.id, event);
    if (standing === undefined) {
      this.attach(event);
      return;
    }
    const earlier = this.earlierCopies.get(event.id);
    if (earlier === undefined) {
      this.earlierCopies.set(event.id, [standing]);
    } else {
      earlier.push(standing);
    }
    this.replaceChild(standing, event);
  }

  /** Takes back one copy added before (the very object); the copy that came before it stands again, if any. */
  remove(event: RelEvent): void {
    const standing = this.events.get(event.id);
    const earlier = this.earlierCopies.get(event.id);
    if (standing !== event) {
      const at = earlier?.lastIndexOf(event) ?? -1;
      if (earlier !== undefined && at >= 0) {
        earlier.splice(at, 1);
        if (earlier.length === 0) {
          this.earlierCopies.delete(event.id);
        }
      }
      return;
    }
    const previous = earlier?.pop();
    if (earlier?.length === 0) {
      this.earlierCopies.delete(event.id);
    }
    if (previous === undefined) {
      this.events.delete(event.id);
      this.detach(event);
      return;
    }
    this.events.set(event.id, previous);
    this.replaceChild(event, previous);
  }

  /** The list of `event`'s relation type under its target (made when `create`), or undefined for an event relating to nothing. */
  private siblings(event: RelEvent, create: boolean): RelEvent[] | undefined {
    const relation = event.relation;
    if (relation === null) {
      return undefined;
    }
    let byType = this.children.get(relation.eventId);
    if (byType === undefined) {
      if (!create) {
        return undefined;
      }
      byType = new Map();
      this.children.set(relation.eventId, byType);
    }
    let list = byType.get(relation.relType);
    if (list === undefined && create) {
      list = [];
      byType.set(relation.relType, list);
    }
    return list;
  }

  private attach(event: RelEvent): void {
    const list = this.siblings(event, true);
    if (list !== undefined && event.relation !== null) {
      list.push(event);
    }
  }

  private detach(event: RelEvent): void {
    const list = this.siblings(event, false);
    const relation = event.relation;
    if (list === undefined || relation === null) {
      return;
    }
    const at = list.indexOf(event);
    if (at >= 0) {
      list.splice(at, 1);
    }
    const byType = this.children.get(relation.eventId);
    if (list.length === 0 && byType !== undefined) {
      byType.delete(relation.relType);
      if (byType.size === 0) {
        this.children.delete(relation.eventId);
      }
    }
  }

  /** The standing copy of an event changes (redacted now, say): the new one takes its place. */
  private replaceChild(previous: RelEvent, next: RelEvent): void {
    const list = this.siblings(previous, false);
    const at = list?.indexOf(previous) ?? -1;
    const same = previous.relation !== null && next.relation?.eventId === previous.relation.eventId && next.relation.relType === previous.relation.relType;
    if (list !== undefined && at >= 0 && same && previous.relation !== null) {
      list[at] = next;
      return;
    }
    // A redacted event loses its relation with its content: it leaves its target's list.
    this.detach(previous);
    this.attach(next);
  }

  get(eventId: string): RelEvent | undefined {
    return this.events.get(eventId);
  }

  /** The event's relations of one type, not redacted, oldest first (ties by id): the same answer whatever order they came in. */
  private childrenOf(eventId: string, relType: string): RelEvent[] {
    const children = this.children.get(eventId)?.get(relType);
    if (children === undefined) {
      return [];
    }
    return children.filter((child) => !child.redacted).sort(byTime);
  }

  /** An event the member never sees as a line of its own: an edit, a reaction. */
  static isAnnotationOrEdit(event: RelEvent): boolean {
    return event.relation?.relType === REPLACE || (event.type === REACTION && event.relation?.relType === ANNOTATION);
  }

  /** A reply in a thread: shown in the thread's panel, not in the main timeline. */
  static isThreadReply(event: RelEvent): boolean {
    return event.relation?.relType === THREAD;
  }

  /** Reactions on the event, grouped by key in the order each key first arrived; one per member and key. */
  reactions(targetId: string, myUserId: string, nameOf: (userId: string) => string): ReactionGroup[] {
    return this.tally(targetId).map(({ key, senders }) => ({
      key,
      count: senders.length,
      senders: senders.slice(0, MAX_REACTION_SENDERS).map(nameOf),
      mine: senders.includes(myUserId),
    }));
  }

  /**
   * Tallied on each ask, from the target's own reactions (not kept: kept tallies of a whole
   * room weighed more than the index itself, and a tally costs about a microsecond).
   */
  private tally(targetId: string): ReactionTally {
    const groups = new Map<string, string[]>();
    for (const reaction of this.childrenOf(targetId, ANNOTATION)) {
      const rawKey = reaction.relation?.key ?? null;
      if (reaction.type !== REACTION || rawKey === null) {
        continue;
      }
      const key = cutReactionKey(rawKey);
      if (key.length === 0) {
        continue;
      }
      const senders = groups.get(key);
      if (senders === undefined) {
        groups.set(key, [reaction.sender]);
      } else if (!senders.includes(reaction.sender)) {
        senders.push(reaction.sender);
      }
    }
    return [...groups].map(([key, senders]) => ({ key, senders }));
  }

  /** This member's reaction with `key` on the event (not taken back), to toggle it. */
  myReaction(targetId: string, key: string, myUserId: string): RelEvent | null {
    return (
      this.childrenOf(targetId, ANNOTATION).find(
        (reaction) => reaction.type === REACTION && reaction.sender === myUserId && cutReactionKey(reaction.relation?.key ?? '') === cutReactionKey(key),
      ) ?? null
    );
  }

  /**
   * The valid edits of an original, oldest first: by its own sender, of the same type, with
   * `m.new_content`, not redacted. An edit of an edit counts for the original (some clients
   * send them so), under the same sender rule; anyone else's edit is ignored.
   */
  edits(original: RelEvent): RelEvent[] {
    const found: RelEvent[] = [];
    const seen = new Set<string>([original.id]);
    const queue = [original.id];
    while (queue.length > 0) {
      const target = queue.shift() as string;
      for (const edit of this.childrenOf(target, REPLACE)) {
        if (seen.has(edit.id)) {
          continue;
        }
        seen.add(edit.id);
        if (edit.sender !== original.sender || edit.type !== original.type || typeof edit.content['m.new_content'] !== 'object') {
          continue;
        }
        found.push(edit);
        queue.push(edit.id);
      }
    }
    return found.sort(byTime);
  }

  /** The content the original shows now: the latest valid edit's `m.new_content`, or its own. */
  latestContent(original: RelEvent): { content: Record<string, unknown>; edited: boolean } {
    const latest = this.edits(original).at(-1);
    const replacement = latest?.content['m.new_content'];
    if (replacement === undefined || replacement === null || typeof replacement !== 'object' || Array.isArray(replacement)) {
      return { content: original.content, edited: false };
    }
    return { content: replacement as Record<string, unknown>, edited: true };
  }

  /** Events pointing at the event with `m.reference` (poll responses and ends), not redacted. */
  references(targetId: string): RelEvent[] {
    return this.childrenOf(targetId, REFERENCE);
  }

  /** A thread root's replies: how many (not deleted) and the newest. */
  thread(rootId: string): ThreadAggregate | null {
    const replies = this.childrenOf(rootId, THREAD);
    if (replies.length === 0) {
      return null;
    }
    return { count: replies.length, latest: [...replies].sort(byTime).at(-1) ?? null };
  }

  /** The newest reply in a thread, or the root itself: what a new thread reply quotes (`m.in_reply_to`). */
  threadLatest(rootId: string): string {
    return this.thread(rootId)?.latest?.id ?? rootId;
  }
}
