/**
 * A window's relation index, kept from one projection to the next instead of built again
 * from every event each time. Each projection hands it the plain views of the events the
 * window holds now (`toRelEvent` gives the same object for an event until its id, type,
 * decryption or redaction changes); only the views it has not seen are added and only the
 * ones gone are removed, so an arriving reaction re-tallies its own message and nothing else,
 * and what the index answers is what an index built afresh from these events would (two
 * copies of one event id that differ aside: the copy that came last stands, here and there).
 */
import { RelationIndex } from './relation-index.ts';
import type { RelEvent } from './rel-event.ts';

export class RelationFeed {
  private readonly index = new RelationIndex();
  /** Every view in the index: the events of the last projection. */
  private held = new Set<RelEvent>();

  /** The index over exactly `events`: what is new goes in (a redacted or decrypted event as its new view), what left goes out. */
  update(events: Iterable<RelEvent>): RelationIndex {
    const next = new Set(events);
    for (const event of next) {
      if (!this.held.has(event)) {
        this.index.add(event);
      }
    }
    for (const event of this.held) {
      if (!next.has(event)) {
        this.index.remove(event);
      }
    }
    this.held = next;
    return this.index;
  }

  /** Forgets everything (the window closed). */
  clear(): void {
    this.update([]);
  }
}
