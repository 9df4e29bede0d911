import { EventStatus, type MatrixEvent, type Room } from 'matrix-js-sdk';
import { AccountAdapter } from './account-adapter.ts';
import type { RoomMessageEventContent } from 'matrix-js-sdk/lib/@types/events.js';
import { RembukError } from '../../../shared/ipc/errors.ts';
import { uploadAttachment, type UploadAttachmentOptions, type UploadedAttachment } from '../media/attachment-upload.ts';
import type { MediaPort, PendingStatus } from '../media/media-port.ts';
import type { ReplayPort } from '../outbox-replay.ts';
import { MatrixContentUploader } from './content-uploader.ts';
import { replayPortOf } from './outbox-replay.ts';
import { stableItemId } from './timeline-projection.ts';

/**
 * The attachment content the media outbox keeps (built by attachmentContent, or read back
 * from disk after a restart) as the SDK types an `m.room.message`: checked, not cast, so
 * a damaged outbox entry fails here instead of sending a malformed event.
 */
const isMessageContent = (content: unknown): content is RoomMessageEventContent =>
  typeof content === 'object' &&
  content !== null &&
  'msgtype' in content &&
  typeof content.msgtype === 'string' &&
  'body' in content &&
  typeof content.body === 'string';

/** Every SDK status named in plain words; a status a later SDK adds fails to compile here. */
const PENDING_STATUS: Record<EventStatus, PendingStatus> = {
  [EventStatus.NOT_SENT]: 'not_sent',
  [EventStatus.QUEUED]: 'queued',
  [EventStatus.ENCRYPTING]: 'encrypting',
  [EventStatus.SENDING]: 'sending',
  [EventStatus.SENT]: 'sent',
  [EventStatus.CANCELLED]: 'cancelled',
};

/** The media port over the account's matrix-js-sdk client. */
export class MatrixMediaPort extends AccountAdapter implements MediaPort {
  private readonly uploader = new MatrixContentUploader(this.client);
  private readonly replay: ReplayPort = replayPortOf(this.account);

  hasRoom(roomId: string): boolean {
    return this.replay.hasRoom(roomId);
  }

  readyToSendIn(roomId: string): Promise<boolean> {
    return this.replay.readyToSendIn(roomId);
  }

  delivered(roomId: string, txnId: string): Record<string, unknown> | undefined {
    return this.replay.delivered(roomId, txnId);
  }

  isEncrypted(roomId: string): boolean {
    return this.account.room(roomId)?.hasEncryptionStateEvent() ?? true;
  }

  memberName(roomId: string, userId: string): string | null {
    return this.account.room(roomId)?.getMember(userId)?.name ?? null;
  }

  makeTxnId(): string {
    return this.client.makeTxnId();
  }

  async sendMessage(roomId: string, content: Record<string, unknown>, txnId: string): Promise<void> {
    if (!isMessageContent(content)) {
      throw new RembukError('invalid_request', 'an attachment without msgtype or body');
    }
    await this.client.sendMessage(roomId, content, txnId);
  }

  upload(options: UploadAttachmentOptions): Promise<UploadedAttachment> {
    return uploadAttachment(this.uploader, options);
  }

  /** Our pending event shown as this item, with its room. */
  private pending(roomId: string, itemId: string): { room: Room; event: MatrixEvent } | null {
    const room = this.account.room(roomId);
    const event = room?.getPendingEvents().find((candidate) => stableItemId(candidate) === itemId);
    return room === null || event === undefined ? null : { room, event };
  }

  pendingStatus(roomId: string, itemId: string): PendingStatus | null {
    const pending = this.pending(roomId, itemId);
    // A pending event without a status has been handed on: as far as a cancel is concerned, it is on its way.
    return pending === null ? null : pending.event.status === null ? 'sending' : PENDING_STATUS[pending.event.status];
  }

  async resendPending(roomId: string, itemId: string): Promise<void> {
    const pending = this.pending(roomId, itemId);
    if (pending === null) {
      throw new RembukError('message_not_found');
    }
    await this.client.resendEvent(pending.event, pending.room);
  }

  cancelPending(roomId: string, itemId: string): void {
    const pending = this.pending(roomId, itemId);
    if (pending !== null) {
      this.client.cancelPendingEvent(pending.event);
    }
  }

  maxUploadSize(): Promise<number | null> {
    return this.uploader.maxUploadSize();
  }

  homeserverUrl(): string {
    return this.client.getHomeserverUrl();
  }

  accessToken(): string | null {
    return this.client.getAccessToken();
  }
}
