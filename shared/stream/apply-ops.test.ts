import { describe, expect, it } from 'vitest';
import { applyOps } from './apply-ops.ts';
import type { ListOp } from './list-op.ts';

describe('applyOps', () => {
  it('applies each op kind in order', () => {
    const ops: ListOp<string>[] = [
      { op: 'reset', values: ['a', 'b'] },
      { op: 'append', values: ['c', 'd'] },
      { op: 'insert', index: 0, value: 'z' },
      { op: 'set', index: 1, value: 'A' },
      { op: 'remove', index: 2 },
    ];
    expect(applyOps(['old'], ops)).toEqual(['z', 'A', 'c', 'd']);
  });

  it('allows an insert at the very end', () => {
    expect(applyOps(['a'], [{ op: 'insert', index: 1, value: 'b' }])).toEqual(['a', 'b']);
  });

  it('returns an equal copy for no ops', () => {
    const list = ['a', 'b'];
    const next = applyOps(list, []);
    expect(next).toEqual(list);
    expect(next).not.toBe(list);
  });

  it('does not mutate the input list or the reset values', () => {
    const list = Object.freeze(['a', 'b', 'c']);
    const values = ['x', 'y'];
    const next = applyOps(list, [
      { op: 'remove', index: 0 },
      { op: 'set', index: 0, value: 'B' },
      { op: 'insert', index: 0, value: 'new' },
      { op: 'append', values: ['end'] },
    ]);
    expect(list).toEqual(['a', 'b', 'c']);
    expect(next).toEqual(['new', 'B', 'c', 'end']);
    const afterReset = applyOps(list, [
      { op: 'reset', values },
      { op: 'append', values: ['z'] },
    ]);
    expect(afterReset).toEqual(['x', 'y', 'z']);
    expect(values).toEqual(['x', 'y']);
  });

  it.each<[string, ListOp<string>]>([
    ['insert past the end', { op: 'insert', index: 3, value: 'x' }],
    ['set past the end', { op: 'set', index: 2, value: 'x' }],
    ['remove past the end', { op: 'remove', index: 2 }],
  ])('throws a RangeError for %s', (_label, op) => {
    expect(() => applyOps(['a', 'b'], [op])).toThrow(RangeError);
  });
});
