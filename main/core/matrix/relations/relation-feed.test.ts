import { describe, expect, it } from 'vitest';
import { RelationFeed } from './relation-feed.ts';
import { RelationIndex } from './relation-index.ts';
import type { RelEvent } from './rel-event.ts';

const ROOM = '!r:example.org';
const ME = '@me:example.org';
const ALICE = '@alice:example.org';
let ts = 1000;

const message = (id: string): RelEvent => ({
  id,
  roomId: ROOM,
  type: 'm.room.message',
  sender: ALICE,
  ts: (ts += 10),
  content: { msgtype: 'm.text', body: id },
  relation: null,
  inReplyTo: null,
  redacted: false,
});

const reaction = (id: string, sender: string, target: string, key: string): RelEvent => ({
  id,
  roomId: ROOM,
  type: 'm.reaction',
  sender,
  ts: (ts += 10),
  content: {},
  relation: { relType: 'm.annotation', eventId: target, key, isFallingBack: false },
  inReplyTo: null,
  redacted: false,
});

/** A stand-in for an SDK event: what it shows can change in place (redacted), as a MatrixEvent's does. */
type Source = { rel: RelEvent };
const source = (rel: RelEvent): Source => ({ rel });
const feedOf = (): RelationFeed<Source> => new RelationFeed<Source>((held, previous) => (previous?.rel === held.rel ? previous : { rel: held.rel }));

const counts = (index: RelationIndex, target: string): [string, number][] =>
  index.reactions(target, ME, (userId) => userId).map((group) => [group.key, group.count]);

describe('RelationFeed', () => {
  it('keeps one index across projections: a reaction that arrived since counts, one that left does not', () => {
    const feed = feedOf();
    const target = source(message('$o'));
    const first = source(reaction('$r1', ALICE, '$o', '👍'));
    const { index } = feed.update([target, first]);
    expect(counts(index, '$o')).toEqual([['👍', 1]]);
    const second = source(reaction('$r2', ME, '$o', '👍'));
    const again = feed.update([target, first, second]);
    expect(again.index).toBe(index);
    expect(again.rels.map((rel) => rel.id)).toEqual(['$o', '$r1', '$r2']);
    expect(counts(index, '$o')).toEqual([['👍', 2]]);
    // The page holding the first reaction was dropped from the window.
    feed.update([target, second]);
    expect(counts(index, '$o')).toEqual([['👍', 1]]);
  });

  it("takes an event's new view in place of the old once it is redacted", () => {
    const feed = feedOf();
    const target = source(message('$o'));
    const mine = source(reaction('$r1', ME, '$o', '👍'));
    feed.update([target, mine]);
    mine.rel = { ...mine.rel, content: {}, relation: null, redacted: true };
    const { index } = feed.update([target, mine]);
    expect(counts(index, '$o')).toEqual([]);
    expect(index.get('$r1')?.redacted).toBe(true);
  });

  it('answers as an index built afresh from the same events, projection after projection', () => {
    const targets = ['$a', '$b', '$c'].map((id) => source(message(id)));
    const reactions = Array.from({ length: 30 }, (_, n) =>
      source(reaction(`$r${String(n)}`, `@u${String(n % 7)}:example.org`, `$${'abc'[n % 3] ?? 'a'}`, ['👍', '🎉'][n % 2] ?? '👍')),
    );
    const all = [...targets, ...reactions];
    const feed = feedOf();
    let seed = 11;
    for (let round = 0; round < 25; round++) {
      const subset = all.filter(() => (seed = (seed * 16807) % 2147483647) % 3 !== 0);
      const kept = feed.update(subset).index;
      const fresh = new RelationIndex(subset.map((held) => held.rel));
      for (const target of ['$a', '$b', '$c']) {
        expect(counts(kept, target)).toEqual(counts(fresh, target));
      }
    }
    feed.clear();
    expect(feed.update([]).index.get('$a')).toBeUndefined();
  });
});
