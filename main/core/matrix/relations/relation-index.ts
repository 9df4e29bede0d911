/**
 * Every relation among a set of events, aggregated the way the Matrix spec asks, from
 * whichever client sent them: reactions (`m.annotation`) grouped by key, edits
 * (`m.replace`, only the original sender's count), thread replies (`m.thread`) under their
 * root. Pure: built from plain events, so a hostile or out-of-order history is tested
 * without the SDK. Built afresh for each projection of a window, so an edit that arrived
 * before its original simply applies once both are in the set.
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

export class RelationIndex {
  private readonly events = new Map<string, RelEvent>();
  /** Relation events by the event they point at, in the order they came. */
  private readonly children = new Map<string, RelEvent[]>();

  constructor(events: Iterable<RelEvent>) {
    for (const event of events) {
      this.add(event);
    }
  }

  private add(event: RelEvent): void {
    if (this.events.has(event.id)) {
      // The same event from two sources (a window's page and the live timeline): the later copy stands, counted once.
      this.events.set(event.id, event);
      return;
    }
    this.events.set(event.id, event);
    const target = event.relation?.eventId;
    if (target !== undefined) {
      const list = this.children.get(target);
      if (list === undefined) {
        this.children.set(target, [event]);
      } else {
        list.push(event);
      }
    }
  }

  get(eventId: string): RelEvent | undefined {
    return this.events.get(eventId);
  }

  private childrenOf(eventId: string, relType: string): RelEvent[] {
    return (this.children.get(eventId) ?? []).filter((child) => child.relation?.relType === relType && !child.redacted);
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
    const groups = new Map<string, { senders: string[]; mine: boolean }>();
    for (const reaction of this.childrenOf(targetId, ANNOTATION)) {
      const rawKey = reaction.relation?.key ?? null;
      if (reaction.type !== REACTION || rawKey === null) {
        continue;
      }
      const key = cutReactionKey(rawKey);
      if (key.length === 0) {
        continue;
      }
      const group = groups.get(key) ?? { senders: [], mine: false };
      if (!group.senders.includes(reaction.sender)) {
        group.senders.push(reaction.sender);
      }
      group.mine ||= reaction.sender === myUserId;
      groups.set(key, group);
    }
    return [...groups].map(([key, group]) => ({
      key,
      count: group.senders.length,
      senders: group.senders.slice(0, MAX_REACTION_SENDERS).map(nameOf),
      mine: group.mine,
    }));
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
