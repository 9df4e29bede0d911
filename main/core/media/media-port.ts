import type { MatrixEvent, Room } from 'matrix-js-sdk';
import type { UploadAttachmentOptions, UploadedAttachment } from './attachment-upload.ts';

/**
 * What attachments need of Matrix: the rooms (for their encryption and pending events),
 * uploading, sending under our transaction id, and the homeserver's address and token for
 * downloads. Implemented by matrix/matrix-media-port.ts; tests give a fake.
 */
export type MediaPort = {
  readonly userId: string;
  room(roomId: string): Room | null;
  /** Joined, and for an encrypted room its encryption known to the crypto machine. */
  readyToSendIn(roomId: string): Promise<boolean>;
  makeTxnId(): string;
  /** Sends an `m.room.message` through the SDK's queue (local echo, encryption) under `txnId`. */
  sendMessage(roomId: string, content: Record<string, unknown>, txnId: string): Promise<void>;
  /** Uploads one file, encrypted first when asked; cancelled by `options.signal`. */
  upload(options: UploadAttachmentOptions): Promise<UploadedAttachment>;
  /** Sends a failed pending event again. */
  resend(event: MatrixEvent, room: Room): Promise<void>;
  /** Drops a pending event that has not gone out yet. */
  cancelPending(event: MatrixEvent): void;
  /** The homeserver's `m.upload.size`, or null when it does not say. */
  maxUploadSize(): Promise<number | null>;
  homeserverUrl(): string;
  accessToken(): string | null;
};
