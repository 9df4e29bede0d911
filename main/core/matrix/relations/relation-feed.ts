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
  /** Every view in the index, with the projection that last handed it over. */
  private readonly held = new Map<RelEvent, number>();
  private generation = 0;

  /** The index over exactly `events`: what is new goes in (a redacted or decrypted event as its new view), what left goes out. */
  update(events: Iterable<RelEvent>): RelationIndex {
    const generation = ++this.generation;
    for (const event of events) {
      if (!this.held.has(event)) {
        this.index.add(event);
      }
      this.held.set(event, generation);
    }
    for (const [event, seen] of this.held) {
      if (seen !== generation) {
        this.held.delete(event);
        this.index.remove(event);
      }
    }
    return this.index;
  }

  /** Forgets everything (the window closed). */
  clear(): void {
    this.update([]);
  }
}
