import { z } from 'zod';

/**
 * The operations a list subscription streams, after matrix-rust-sdk's VectorDiff
 * (Element X). A batch is applied in order; `reset` replaces the whole list.
 */
export const listOp = <T extends z.ZodType>(item: T) =>
  z.discriminatedUnion('op', [
    z.object({ op: z.literal('reset'), values: z.array(item) }),
    z.object({ op: z.literal('append'), values: z.array(item) }),
    z.object({ op: z.literal('insert'), index: z.number().int().nonnegative(), value: item }),
    z.object({ op: z.literal('set'), index: z.number().int().nonnegative(), value: item }),
    z.object({ op: z.literal('remove'), index: z.number().int().nonnegative() }),
  ]);

export type ListOp<T> =
  | { op: 'reset'; values: T[] }
  | { op: 'append'; values: T[] }
  | { op: 'insert'; index: number; value: T }
  | { op: 'set'; index: number; value: T }
  | { op: 'remove'; index: number };

/** `seq` counts batches per subscription from 0; a gap means the receiver must ask for a reset. */
export const listBatch = <T extends z.ZodType>(item: T) =>
  z.object({
    subscription: z.string(),
    seq: z.number().int().nonnegative(),
    ops: z.array(listOp(item)),
  });

export type ListBatch<T> = { subscription: string; seq: number; ops: ListOp<T>[] };
