import type { MatrixEvent, Room } from 'matrix-js-sdk';
import type { ReplayPort } from '../outbox-replay.ts';
import type { MatrixAccount } from './matrix-account.ts';

/** Our event of this transaction id in the room's live timeline: the server tells the sending device its own txn ids. */
export const deliveredEvent = (room: Room, txnId: string): MatrixEvent | undefined =>
  room
    .getLiveTimeline()
    .getEvents()
    .find((event) => event.getUnsigned().transaction_id === txnId);

/** What the outbox replay (`core/outbox-replay.ts`) asks, answered from the account's rooms. */
export const replayPortOf = (account: Pick<MatrixAccount, 'room' | 'readyToSendIn'>): ReplayPort => ({
  hasRoom: (roomId) => account.room(roomId) !== null,
  readyToSendIn: (roomId) => account.readyToSendIn(roomId),
  delivered: (roomId, txnId) => {
    const room = account.room(roomId);
    return room === null ? undefined : deliveredEvent(room, txnId)?.getContent();
  },
});
