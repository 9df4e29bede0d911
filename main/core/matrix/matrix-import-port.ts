/**
 * How an import reaches the homeserver. Not through `client.sendEvent`: that path puts each
 * message in the SDK's queue, which retries rate limits on its own (so the member could not
 * be told "waiting for the server"), marks a failure as blocking every later message of the
 * room, and keeps a local echo per message, thousands of them during an import. Instead each
 * event is encrypted by the account's own crypto machine (the same call `sendEvent` makes)
 * and PUT with our transaction id, so every error reaches the import's retry policy, the
 * SDK's classified into RequestFailures first (import/request-failure-of.ts).
 */
import { Direction, EventType, Method, MatrixEvent, type MatrixClient, type Room } from 'matrix-js-sdk';
import { AccountAdapter } from './account-adapter.ts';
import { RembukError } from '../../../shared/ipc/errors.ts';
import type { KnockRequest, RoomLink } from '../../../shared/model/import.ts';
import type { MediaStep } from '../import/import-plan.ts';
import type { ImportPort, ReadMedia } from '../import/import-port.ts';
import { createImportRoom, findImportRoom, joinByLink, knocksOf, roomLinkOf } from './import/import-room.ts';
import { attachmentContent, uploadAttachment } from '../media/attachment-upload.ts';
import { MatrixContentUploader } from './content-uploader.ts';
import { classified } from './import/request-failure-of.ts';
import { isEventEncrypter } from './internals/event-encrypter.ts';
import { deliveredEvent } from './outbox-replay.ts';

/** A send that hangs this long is given up and sent again (with the same transaction id). */
const SEND_TIMEOUT_MS = 120_000;
/** How far back a resumed import looks for its own last message before sending it again. */
const RECENT_EVENTS = 100;

/** Encrypts with the account's crypto machine, as the encrypting half of `sendEvent` does (internals/event-encrypter.ts). */
const encrypt = async (client: MatrixClient, event: MatrixEvent, room: Room): Promise<void> => {
  const crypto = client.getCrypto();
  if (!isEventEncrypter(crypto)) {
    throw new RembukError('encryption_unavailable', 'no crypto backend to encrypt the import with');
  }
  await crypto.encryptEvent(event, room);
};

const transactionIdOf = (event: { unsigned?: { transaction_id?: unknown } }): unknown => event.unsigned?.transaction_id;

/** The import port over the account's matrix-js-sdk client. */
export class MatrixImportPort extends AccountAdapter implements ImportPort {
  private readonly uploader = new MatrixContentUploader(this.client);

  membership(roomId: string): string | null {
    return this.account.room(roomId)?.getMyMembership() ?? null;
  }

  roomName(roomId: string): string | null {
    return this.account.room(roomId)?.name ?? null;
  }

  readyToSendIn(roomId: string): Promise<boolean> {
    return this.account.readyToSendIn(roomId);
  }

  findRoom(importId: string): string | null {
    return findImportRoom(this.client, importId);
  }

  createRoom(name: string, importId: string): Promise<string> {
    return createImportRoom(this.client, name, importId);
  }

  async displayName(userId: string): Promise<string | null> {
    const profile = await this.client.getProfileInfo(userId);
    return profile.displayname ?? null;
  }

  roomLink(roomId: string): RoomLink {
    return roomLinkOf(this.client, roomId, this.account.userId);
  }

  knocks(roomId: string): KnockRequest[] {
    return knocksOf(this.client, roomId);
  }

  joinByLink(link: string): Promise<{ roomId: string; state: 'joined' | 'requested' }> {
    return joinByLink(this.client, link);
  }

  /** A room the client knows (the runner's errors say room_not_found otherwise). */
  private known(roomId: string): Room {
    const room = this.account.room(roomId);
    if (room === null) {
      throw new RembukError('room_not_found');
    }
    return room;
  }

  send(roomId: string, txnId: string, content: Record<string, unknown>, signal: AbortSignal): Promise<string> {
    return classified(() => this.put(roomId, txnId, content, signal));
  }

  private async put(roomId: string, txnId: string, content: Record<string, unknown>, signal: AbortSignal): Promise<string> {
    const room = this.known(roomId);
    const event = new MatrixEvent({
      type: EventType.RoomMessage,
      content,
      room_id: roomId,
      sender: this.account.userId,
      event_id: `~${roomId}:${txnId}`,
      origin_server_ts: Date.now(),
    });
    if (room.hasEncryptionStateEvent()) {
      await encrypt(this.client, event, room);
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
  alreadySent(roomId: string, txnId: string): Promise<boolean> {
    return classified(async () => {
      if (deliveredEvent(this.known(roomId), txnId) !== undefined) {
        return true;
      }
      const page = await this.client.createMessagesRequest(roomId, null, RECENT_EVENTS, Direction.Backward);
      return page.chunk.some((event) => event.sender === this.account.userId && transactionIdOf(event) === txnId);
    });
  }

  upload(step: MediaStep, readMedia: ReadMedia, roomId: string, signal: AbortSignal): Promise<Record<string, unknown>> {
    return classified(async () => {
      const data = await readMedia(step.fileName);
      const uploaded = await uploadAttachment(this.uploader, {
        data,
        name: step.fileName,
        mimetype: step.mimetype,
        encrypt: this.known(roomId).hasEncryptionStateEvent(),
        signal,
      });
      return attachmentContent({ kind: step.mediaKind, name: step.fileName, caption: step.body, upload: uploaded });
    });
  }
}
