import { describe, expect, it } from 'vitest';
import { receiveBatch } from './batch-receiver.ts';
import type { ListBatch, ListOp } from './list-op.ts';

const batch = (seq: number, ...ops: ListOp<string>[]): ListBatch<string> => ({ subscription: 's', seq, ops });
const at = (seq: number | null, items: string[] = ['a', 'b']) => ({ items, seq });

describe('receiveBatch', () => {
  it('accepts a reset before any batch was seen', () => {
    expect(receiveBatch(at(null, []), batch(0, { op: 'reset', values: ['a'] }))).toEqual({ kind: 'applied', items: ['a'], seq: 0 });
  });

  it.each([0, 3, 4, 100])('accepts a reset whatever its seq (current 3, reset %i)', (seq) => {
    expect(receiveBatch(at(3), batch(seq, { op: 'reset', values: ['x'] }))).toEqual({ kind: 'applied', items: ['x'], seq });
  });

  it('applies the next batch and moves seq on', () => {
    expect(receiveBatch(at(3), batch(4, { op: 'append', values: ['c'] }))).toEqual({
      kind: 'applied',
      items: ['a', 'b', 'c'],
      seq: 4,
    });
  });

  it('applies a reset followed by more ops in the same batch', () => {
    const result = receiveBatch(at(7), batch(1, { op: 'reset', values: ['x'] }, { op: 'append', values: ['y'] }));
    expect(result).toEqual({ kind: 'applied', items: ['x', 'y'], seq: 1 });
  });

  it.each([
    ['a skipped seq', 5],
    ['a repeated seq', 3],
    ['an older seq', 1],
  ])('reports a gap for %s', (_label, seq) => {
    expect(receiveBatch(at(3), batch(seq, { op: 'append', values: ['c'] }))).toEqual({ kind: 'gap' });
  });

  it('reports a gap for a non-reset batch before any reset', () => {
    expect(receiveBatch(at(null, []), batch(0, { op: 'append', values: ['a'] }))).toEqual({ kind: 'gap' });
  });

  it('does not treat a reset later in the batch as a reset', () => {
    const late = batch(9, { op: 'append', values: ['c'] }, { op: 'reset', values: ['x'] });
    expect(receiveBatch(at(3), late)).toEqual({ kind: 'gap' });
  });

  it.each<[string, ListOp<string>]>([
    ['remove', { op: 'remove', index: 2 }],
    ['set', { op: 'set', index: 5, value: 'x' }],
    ['insert', { op: 'insert', index: 3, value: 'x' }],
  ])('reports a gap, not a throw, for an out-of-range %s', (_label, op) => {
    expect(receiveBatch(at(3), batch(4, op))).toEqual({ kind: 'gap' });
  });

  it('leaves the current items untouched, whether applied or not', () => {
    const items = ['a', 'b'];
    receiveBatch(at(0, items), batch(1, { op: 'remove', index: 0 }, { op: 'append', values: ['c'] }));
    receiveBatch(at(0, items), batch(1, { op: 'remove', index: 0 }, { op: 'remove', index: 5 }));
    expect(items).toEqual(['a', 'b']);
  });
});
