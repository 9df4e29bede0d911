import type { ListOp } from './list-op.ts';

/** Applies a batch's operations to a list and returns the new list (the input is not touched). */
export const applyOps = <T>(list: readonly T[], ops: readonly ListOp<T>[]): T[] => {
  let next = [...list];
  for (const op of ops) {
    switch (op.op) {
      case 'reset':
        next = [...op.values];
        break;
      case 'append':
        next.push(...op.values);
        break;
      case 'insert':
        if (op.index > next.length) {
          throw new RangeError(`insert at ${op.index} past the end (${next.length})`);
        }
        next.splice(op.index, 0, op.value);
        break;
      case 'set':
        if (op.index >= next.length) {
          throw new RangeError(`set at ${op.index} past the end (${next.length})`);
        }
        next[op.index] = op.value;
        break;
      case 'remove':
        if (op.index >= next.length) {
          throw new RangeError(`remove at ${op.index} past the end (${next.length})`);
        }
        next.splice(op.index, 1);
        break;
    }
  }
  return next;
};
