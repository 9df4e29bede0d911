import type { MatrixEvent, Room } from 'matrix-js-sdk';

/**
 * The room's newest event the server has given an id (no local echo still on its way): what
 * a read receipt can point at, and what "read to the end" is measured against.
 */
export const newestServerEvent = (room: Room): MatrixEvent | undefined =>
  room
    .getLiveTimeline()
    .getEvents()
    .findLast((event) => event.status === null && event.getId()?.startsWith('$') === true);
