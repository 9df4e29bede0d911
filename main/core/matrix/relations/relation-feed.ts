/**
 * A window's relation index, kept from one projection to the next instead of built again
 * from every event each time. Each projection hands it the events the window holds now
 * (MatrixEvents in the app); it keeps each one's plain view while `view` says nothing it
 * depends on changed, so only new and changed events go into the index and only the ones
 * gone come out: an arriving reaction changes its own message's relations and nothing else. What the
 * index answers is what an index built afresh from these views would (two copies of one
 * event id that differ aside: the copy that came last stands, here and there).
 */
import { RelationIndex } from './relation-index.ts';
import type { RelEvent } from './rel-event.ts';

/**
 * An event's plain view, with whatever its maker needs to tell whether it is still current;
 * `seen` is the feed's own mark (the projection that last held it), kept on the view so a
 * window of thousands of events holds one small object per event, not two.
 */
export type Viewed = { rel: RelEvent; seen?: number };

/** What a projection asks of a feed (whatever views it keeps). */
export type IndexFeed<S> = { update(sources: readonly S[]): { index: RelationIndex; rels: RelEvent[] } };

export class RelationFeed<S, V extends Viewed = Viewed> implements IndexFeed<S> {
  private readonly index = new RelationIndex();
  /** Every source of the last projection, with its view. */
  private readonly held = new Map<S, V>();
  private generation = 0;
  /** The view of a source: `previous` itself while it is still current, else a new one. */
  private readonly view: (source: S, previous: V | undefined) => V;

  constructor(view: (source: S, previous: V | undefined) => V) {
    this.view = view;
  }

  /** The index over exactly `sources`, and each source's view in their order. */
  update(sources: readonly S[]): { index: RelationIndex; rels: RelEvent[] } {
    const generation = ++this.generation;
    const rels: RelEvent[] = [];
    for (const source of sources) {
      const previous = this.held.get(source);
      const viewed = this.view(source, previous);
      if (viewed !== previous) {
        if (previous !== undefined) {
          this.index.remove(previous.rel);
        }
        this.index.add(viewed.rel);
        this.held.set(source, viewed);
      }
      viewed.seen = generation;
      rels.push(viewed.rel);
    }
    for (const [source, viewed] of this.held) {
      if (viewed.seen !== generation) {
        this.held.delete(source);
        this.index.remove(viewed.rel);
      }
    }
    return { index: this.index, rels };
  }

  /** Forgets everything (the window closed). */
  clear(): void {
    this.update([]);
  }
}
