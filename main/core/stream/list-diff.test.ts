import { describe, expect, it } from 'vitest';
import { applyOps } from '../../../shared/stream/apply-ops.ts';
import { diffLists } from './list-diff.ts';

type Item = { id: string; v: number };
const keyOf = (item: Item): string => item.id;
const same = (a: Item, b: Item): boolean => a.v === b.v;
const items = (spec: string): Item[] =>
  spec
    .split('')
    .filter(Boolean)
    .map((id) => ({ id, v: 0 }));

/** A small seeded generator so a failure can be replayed from the printed seed. */
const random = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

describe('diffLists', () => {
  it('sends nothing when nothing changed', () => {
    expect(diffLists(items('abc'), items('abc'), keyOf, same)).toEqual([]);
  });

  it('appends new items at the end as one append', () => {
    expect(diffLists(items('ab'), items('abcd'), keyOf, same)).toEqual([{ op: 'append', values: items('cd') }]);
  });

  it('prepends older items as inserts at the front (back-pagination)', () => {
    expect(diffLists(items('cdef'), items('abcdef'), keyOf, same)).toEqual([
      { op: 'insert', index: 0, value: { id: 'a', v: 0 } },
      { op: 'insert', index: 1, value: { id: 'b', v: 0 } },
    ]);
  });

  it('updates a changed item in place (local echo becomes sent)', () => {
    const after = [
      { id: 'a', v: 0 },
      { id: 'b', v: 1 },
    ];
    expect(diffLists(items('ab'), after, keyOf, same)).toEqual([{ op: 'set', index: 1, value: { id: 'b', v: 1 } }]);
  });

  it('moves a room to the top with one remove and one insert', () => {
    expect(diffLists(items('abcd'), items('dabc'), keyOf, same)).toEqual([
      { op: 'remove', index: 3 },
      { op: 'insert', index: 0, value: { id: 'd', v: 0 } },
    ]);
  });

  it('falls back to a reset when a diff would be longer than the list', () => {
    expect(diffLists(items('abcd'), items('wxyz'), keyOf, same)).toEqual([{ op: 'reset', values: items('wxyz') }]);
  });

  it('resets when keys repeat, since a keyed diff would be ambiguous', () => {
    expect(diffLists(items('ab'), items('abb'), keyOf, same)).toEqual([{ op: 'reset', values: items('abb') }]);
  });

  it('always turns the old list into the new one (random lists)', () => {
    const seed = Date.now() % 100000;
    const next = random(seed);
    const pool = 'abcdefghijklmnop'.split('');
    const pick = (): Item[] =>
      pool
        .filter(() => next() < 0.6)
        .sort(() => next() - 0.5)
        .map((id) => ({ id, v: Math.floor(next() * 3) }));
    for (let round = 0; round < 2000; round++) {
      const before = pick();
      const after = pick();
      const ops = diffLists(before, after, keyOf, same);
      expect(applyOps(before, ops), `seed ${String(seed)} round ${String(round)}`).toEqual(after);
    }
  });
});
