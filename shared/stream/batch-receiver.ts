import { applyOps } from './apply-ops.ts';
import type { ListBatch } from './list-op.ts';

export type ReceiveResult<T> =
  | { kind: 'applied'; items: T[]; seq: number }
  /** A batch went missing or did not fit: the caller must ask main for a reset. */
  | { kind: 'gap' };

/**
 * The receiving side of the seq rule: a reset is always accepted, anything else only
 * when it is exactly the next batch and applies cleanly.
 */
export const receiveBatch = <T>(current: { items: readonly T[]; seq: number | null }, batch: ListBatch<T>): ReceiveResult<T> => {
  const startsWithReset = batch.ops[0]?.op === 'reset';
  if (!startsWithReset && (current.seq === null || batch.seq !== current.seq + 1)) {
    return { kind: 'gap' };
  }
  try {
    return { kind: 'applied', items: applyOps(current.items, batch.ops), seq: batch.seq };
  } catch {
    return { kind: 'gap' };
  }
};
