import type { MatrixEvent, Room } from 'matrix-js-sdk';
import { AccountAdapter } from './account-adapter.ts';
import type { RoomMessageEventContent } from 'matrix-js-sdk/lib/@types/events.js';
import { RembukError } from '../../../shared/ipc/errors.ts';
import { uploadAttachment, type UploadAttachmentOptions, type UploadedAttachment } from '../media/attachment-upload.ts';
import { maxUploadSize } from '../media/media-config.ts';
import type { MediaPort } from '../media/media-port.ts';

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

/** The media port over the account's matrix-js-sdk client. */
export class MatrixMediaPort extends AccountAdapter implements MediaPort {
  room(roomId: string): Room | null {
    return this.account.room(roomId);
  }

  readyToSendIn(roomId: string): Promise<boolean> {
    return this.account.readyToSendIn(roomId);
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
    return uploadAttachment(this.client, options);
  }

  async resend(event: MatrixEvent, room: Room): Promise<void> {
    await this.client.resendEvent(event, room);
  }

  cancelPending(event: MatrixEvent): void {
    this.client.cancelPendingEvent(event);
  }

  maxUploadSize(): Promise<number | null> {
    return maxUploadSize(this.client);
  }

  homeserverUrl(): string {
    return this.client.getHomeserverUrl();
  }

  accessToken(): string | null {
    return this.client.getAccessToken();
  }
}
