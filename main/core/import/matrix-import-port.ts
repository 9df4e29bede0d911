/**
 * How an import reaches the homeserver. Not through `client.sendEvent`: that path puts each
 * message in the SDK's queue, which retries rate limits on its own (so the member could not
 * be told "waiting for the server"), marks a failure as blocking every later message of the
 * room, and keeps a local echo per message, thousands of them during an import. Instead each
 * event is encrypted by the account's own crypto machine (the same call `sendEvent` makes)
 * and PUT with our transaction id, so every error reaches the import's retry policy as is.
 */
import { Direction, EventType, Method, MatrixEvent, type MatrixClient, type Room } from 'matrix-js-sdk';
import { RembukError } from '../../../shared/ipc/errors.ts';
import type { MatrixAccount } from '../matrix/matrix-account.ts';
import { attachmentContent, uploadAttachment } from '../media/attachment-upload.ts';
import type { MediaStep } from './import-plan.ts';
import { deliveredEvent } from '../matrix/outbox-replay.ts';

/** A send that hangs this long is given up and sent again (with the same transaction id). */
const SEND_TIMEOUT_MS = 120_000;
/** How far back a resumed import looks for its own last message before sending it again. */
const RECENT_EVENTS = 100;

type EventEncrypter = { encryptEvent(event: MatrixEvent, room: Room): Promise<void> };

/** The account's crypto backend, as the encrypting half of `sendEvent` uses it. */
const encrypterOf = (client: MatrixClient): EventEncrypter => {
  const crypto: unknown = client.getCrypto();
  if (typeof crypto === 'object' && crypto !== null && 'encryptEvent' in crypto && typeof crypto.encryptEvent === 'function') {
    return crypto as EventEncrypter;
  }
  throw new RembukError('encryption_unavailable', 'no crypto backend to encrypt the import with');
};

const transactionIdOf = (event: { unsigned?: { transaction_id?: unknown } }): unknown => event.unsigned?.transaction_id;

export type ReadMedia = (fileName: string) => Promise<Buffer>;

export class MatrixImportPort {
  private readonly account: MatrixAccount;

  constructor(account: MatrixAccount) {
    this.account = account;
  }

  private get client(): MatrixClient {
    return this.account.client;
  }

  private room(roomId: string): Room {
    const room = this.account.room(roomId);
    if (room === null) {
      throw new RembukError('room_not_found');
    }
    return room;
  }

  async send(roomId: string, txnId: string, content: Record<string, unknown>, signal: AbortSignal): Promise<string> {
    const room = this.room(roomId);
    const event = new MatrixEvent({
      type: EventType.RoomMessage,
      content,
      room_id: roomId,
      sender: this.account.userId,
      event_id: `~${roomId}:${txnId}`,
      origin_server_ts: Date.now(),
    });
    if (room.hasEncryptionStateEvent()) {
      await encrypterOf(this.client).encryptEvent(event, room);
    }
    signal.throwIfAborted();
    const path = `/rooms/${encodeURIComponent(roomId)}/send/${encodeURIComponent(event.getWireType())}/${encodeURIComponent(txnId)}`;
    const response = await this.client.http.authedRequest<{ event_id: string }>(Method.Put, path, undefined, event.getWireContent(), {
      abortSignal: signal,
      localTimeoutMs: SEND_TIMEOUT_MS,
      // The SDK's type takes `priority` from the DOM's RequestInit, which Node's lacks; fetch's default.
      priority: undefined,
    });
    return response.event_id;
  }

  /**
   * Whether the room has our event of this transaction id among its latest events. The
   * server adds `unsigned.transaction_id` for the device that sent an event, readable
   * without decrypting it: first in what this client already holds, then one page back.
   */
  async alreadySent(roomId: string, txnId: string): Promise<boolean> {
    if (deliveredEvent(this.room(roomId), txnId) !== undefined) {
      return true;
    }
    const page = await this.client.createMessagesRequest(roomId, null, RECENT_EVENTS, Direction.Backward);
    return page.chunk.some((event) => event.sender === this.account.userId && transactionIdOf(event) === txnId);
  }

  async upload(step: MediaStep, readMedia: ReadMedia, roomId: string, signal: AbortSignal): Promise<Record<string, unknown>> {
    const data = await readMedia(step.fileName);
    const uploaded = await uploadAttachment(this.client, {
      data,
      name: step.fileName,
      mimetype: step.mimetype,
      encrypt: this.room(roomId).hasEncryptionStateEvent(),
      signal,
    });
    return attachmentContent({ kind: step.mediaKind, name: step.fileName, caption: step.body, upload: uploaded });
  }
}
