import type { MatrixEvent } from 'matrix-js-sdk';

/** The id that survives local echo → remote echo: the transaction id while we know it. */
export const stableItemId = (event: MatrixEvent): string => {
  const txnId = event.getTxnId() ?? event.getUnsigned().transaction_id;
  return txnId !== undefined ? `txn:${txnId}` : (event.getId() ?? `local:${String(event.getTs())}`);
};
