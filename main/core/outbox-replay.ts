/** What a replay asks of Matrix about each entry's room and transaction, in plain data. */
export type ReplayPort = {
  /** Whether the client knows the room at all (a room the sync cache did not have yet arrives later). */
  hasRoom(roomId: string): boolean;
  /** Joined, and for an encrypted room its encryption known to the crypto machine. */
  readyToSendIn(roomId: string): Promise<boolean>;
  /** The content of our event of this transaction id if the room's live timeline shows it, else undefined. */
  delivered(roomId: string, txnId: string): Record<string, unknown> | undefined;
};

/**
 * The replay after a restart that text and media outboxes share: an entry whose event the
 * server already has is done; one whose room is ready is sent again under the same
 * transaction id (so the server keeps one copy); the rest wait for their room. Returns
 * those still waiting.
 */
export const replayEntries = async <E extends { roomId: string; txnId: string }>(
  port: ReplayPort,
  entries: readonly E[],
  handle: { delivered(entry: E, content: Record<string, unknown>): Promise<void>; resend(entry: E): void },
): Promise<E[]> => {
  const stillWaiting: E[] = [];
  for (const entry of entries) {
    if (!port.hasRoom(entry.roomId) || !(await port.readyToSendIn(entry.roomId))) {
      stillWaiting.push(entry);
      continue;
    }
    const delivered = port.delivered(entry.roomId, entry.txnId);
    if (delivered !== undefined) {
      await handle.delivered(entry, delivered);
    } else {
      handle.resend(entry);
    }
  }
  return stillWaiting;
};
