import type { MatrixEvent, Room } from 'matrix-js-sdk';
import type { MatrixAccount } from './matrix-account.ts';

/** Our event of this transaction id in the room's live timeline: the server tells the sending device its own txn ids. */
export const deliveredEvent = (room: Room, txnId: string): MatrixEvent | undefined =>
  room
    .getLiveTimeline()
    .getEvents()
    .find((event) => event.getUnsigned().transaction_id === txnId);

/**
 * The replay after a restart that text and media outboxes share: an entry whose event the
 * server already has is done; one whose room is ready is sent again under the same
 * transaction id (so the server keeps one copy); the rest wait for their room. Returns
 * those still waiting.
 */
export const replayEntries = async <E extends { roomId: string; txnId: string }>(
  account: Pick<MatrixAccount, 'room' | 'readyToSendIn'>,
  entries: readonly E[],
  handle: { delivered(entry: E, event: MatrixEvent): Promise<void>; resend(entry: E): void },
): Promise<E[]> => {
  const stillWaiting: E[] = [];
  for (const entry of entries) {
    const room = account.room(entry.roomId);
    if (room === null || !(await account.readyToSendIn(entry.roomId))) {
      stillWaiting.push(entry);
      continue;
    }
    const delivered = deliveredEvent(room, entry.txnId);
    if (delivered !== undefined) {
      await handle.delivered(entry, delivered);
    } else {
      handle.resend(entry);
    }
  }
  return stillWaiting;
};
