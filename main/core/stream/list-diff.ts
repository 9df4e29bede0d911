import type { ListOp } from '../../../shared/stream/list-op.ts';

/**
 * The operations that turn `before` into `after`, for items keyed by a stable id.
 * Removals first (from the end, so indices stay valid), then the items whose relative
 * order changed are taken out, then a single pass inserts and updates. When that would
 * send more than a fresh copy of the list, a reset is cheaper and is sent instead.
 */
export const diffLists = <T>(before: readonly T[], after: readonly T[], keyOf: (item: T) => string, same: (a: T, b: T) => boolean): ListOp<T>[] => {
  if (before.length === 0) {
    return after.length === 0 ? [] : [{ op: 'append', values: [...after] }];
  }
  const afterIndex = new Map<string, number>();
  after.forEach((item, index) => afterIndex.set(keyOf(item), index));
  if (afterIndex.size !== after.length) {
    // Duplicate keys cannot be diffed by key; the caller gets the whole list.
    return [{ op: 'reset', values: [...after] }];
  }

  const ops: ListOp<T>[] = [];
  const kept: T[] = [];
  for (let index = before.length - 1; index >= 0; index--) {
    const item = before[index] as T;
    if (afterIndex.has(keyOf(item))) {
      kept.unshift(item);
    } else {
      ops.push({ op: 'remove', index });
    }
  }

  // Items in the longest run already in the right order stay; the rest move.
  const stays = longestIncreasingRun(kept.map((item) => afterIndex.get(keyOf(item)) as number));
  for (let index = kept.length - 1; index >= 0; index--) {
    if (!stays.has(index)) {
      ops.push({ op: 'remove', index });
      kept.splice(index, 1);
    }
  }

  let cursor = 0;
  const tail: T[] = [];
  after.forEach((item, index) => {
    const current = kept[cursor];
    if (current !== undefined && keyOf(current) === keyOf(item)) {
      if (!same(current, item)) {
        ops.push({ op: 'set', index, value: item });
      }
      cursor++;
    } else if (cursor >= kept.length) {
      tail.push(item);
    } else {
      ops.push({ op: 'insert', index, value: item });
    }
  });
  if (tail.length > 0) {
    ops.push({ op: 'append', values: tail });
  }

  const changed = ops.reduce((count, op) => count + (op.op === 'append' ? op.values.length : 1), 0);
  return changed > after.length ? [{ op: 'reset', values: [...after] }] : ops;
};

/** Indices (into `values`) of one longest strictly increasing subsequence. */
const longestIncreasingRun = (values: readonly number[]): Set<number> => {
  const tails: number[] = [];
  const previous: number[] = new Array<number>(values.length).fill(-1);
  values.forEach((value, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((values[tails[middle] as number] as number) < value) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    if (low > 0) {
      previous[index] = tails[low - 1] as number;
    }
    tails[low] = index;
  });
  const run = new Set<number>();
  let index = tails.length > 0 ? (tails[tails.length - 1] as number) : -1;
  while (index >= 0) {
    run.add(index);
    index = previous[index] as number;
  }
  return run;
};
