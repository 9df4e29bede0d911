import type { ReplayPort } from '../outbox-replay.ts';
import type { UploadAttachmentOptions, UploadedAttachment } from './attachment-upload.ts';

/**
 * Where one of our pending events is in the SDK's send queue (matrix-js-sdk's EventStatus
 * values, as plain strings): `not_sent` failed and waits for a retry; `queued` and
 * `encrypting` can still be called back; `sending` is on the wire.
 */
export type PendingStatus = 'not_sent' | 'queued' | 'encrypting' | 'sending' | 'sent' | 'cancelled';

/**
 * What attachments need of Matrix, in plain data: which rooms exist and whether they are
 * encrypted, uploading, sending under our transaction id, the pending events of our sends
 * (by timeline item id), what the outbox replay asks, and the homeserver's address and
 * token for downloads. Implemented by matrix/matrix-media-port.ts; tests give a fake.
 */
export type MediaPort = ReplayPort & {
  readonly userId: string;
  /** Whether an attachment to this room is encrypted: true unless the room is known and has no encryption (nothing leaks in the clear). */
  isEncrypted(roomId: string): boolean;
  /** A member's display name in the room, or null when the room or the member is unknown. */
  memberName(roomId: string, userId: string): string | null;
  makeTxnId(): string;
  /** Sends an `m.room.message` through the SDK's queue (local echo, encryption) under `txnId`. */
  sendMessage(roomId: string, content: Record<string, unknown>, txnId: string): Promise<void>;
  /** Uploads one file, encrypted first when asked; cancelled by `options.signal`. */
  upload(options: UploadAttachmentOptions): Promise<UploadedAttachment>;
  /** The status of our pending event shown as this timeline item, or null when there is none. */
  pendingStatus(roomId: string, itemId: string): PendingStatus | null;
  /** Sends a failed pending event again; resolves once the server has it. */
  resendPending(roomId: string, itemId: string): Promise<void>;
  /** Drops a pending event that has not gone out yet (nothing when there is none). */
  cancelPending(roomId: string, itemId: string): void;
  /** The homeserver's `m.upload.size`, or null when it does not say. */
  maxUploadSize(): Promise<number | null>;
  homeserverUrl(): string;
  accessToken(): string | null;
};
