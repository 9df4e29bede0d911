import type { KnockRequest, RoomLink } from '../../../shared/model/import.ts';
import type { MediaStep } from './import-plan.ts';

export type ReadMedia = (fileName: string) => Promise<Buffer>;

/**
 * What an import needs of Matrix, in plain data: its room (found again after a crash, or
 * made), sending one message at a time with every failure reaching the retry policy (the
 * SDK's errors as RequestFailures, request-failure.ts), uploads, and the link that brings
 * the group's members. Implemented by matrix/matrix-import-port.ts.
 */
export type ImportPort = {
  /** Our membership of the room (`join`, `invite`, `leave`, …), or null when the client does not know the room. */
  membership(roomId: string): string | null;
  /** The room's name as the client computes it, or null when the client does not know the room. */
  roomName(roomId: string): string | null;
  /** Joined, and for an encrypted room its encryption known to the crypto machine. */
  readyToSendIn(roomId: string): Promise<boolean>;
  /** Resolves with the event id; a send under the same `txnId` again is the same event. Fails with a RequestFailure or RembukError. */
  send(roomId: string, txnId: string, content: Record<string, unknown>, signal: AbortSignal): Promise<string>;
  /** Whether the room's latest events hold ours of this transaction id. */
  alreadySent(roomId: string, txnId: string): Promise<boolean>;
  /** Uploads a media step's file; resolves with the message content for it. */
  upload(step: MediaStep, readMedia: ReadMedia, roomId: string, signal: AbortSignal): Promise<Record<string, unknown>>;
  /** The room an earlier run made for this import, if the server already told us about it. */
  findRoom(importId: string): string | null;
  /** Makes the import's room (history shared, join rule knock); resolves with its id. */
  createRoom(name: string, importId: string): Promise<string>;
  /** A Matrix ID's display name (null when it has none); rejects when the account does not exist. */
  displayName(userId: string): Promise<string | null>;
  roomLink(roomId: string): RoomLink;
  knocks(roomId: string): KnockRequest[];
  joinByLink(link: string): Promise<{ roomId: string; state: 'joined' | 'requested' }>;
};
