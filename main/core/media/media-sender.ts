import { readFile, rm } from 'node:fs/promises';
import { RembukError, type ErrorCode } from '../../../shared/ipc/errors.ts';
import { thumbnailSize, type MediaProgress, type MediaSendInput } from '../../../shared/model/media.ts';
import type { TimelineItem } from '../../../shared/model/timeline.ts';
import { replayEntries } from '../outbox-replay.ts';
import type { Clock, Logger } from '../ports.ts';
import type { TakenUpload, Uploads } from '../uploads/uploads.ts';
import { attachmentContent } from './attachment-content.ts';
import { fileTooLarge, isAbortError, type UploadedAttachment } from './attachment-upload.ts';
import type { MediaPort, PendingStatus } from './media-port.ts';
import { throttleProgress } from './progress-throttle.ts';
import type { MediaItem } from './media-item.ts';
import { sourceOf } from './media-item.ts';
import type { MediaOutbox, MediaOutboxEntry } from './media-outbox.ts';
import type { MediaServer } from './media-server.ts';

/** Where an attachment of ours is before its event exists. */
type Progress = { phase: 'uploading' | 'failed' | 'event'; error: ErrorCode | null; controller: AbortController | null };

export type MediaSenderListeners = {
  /** The room's timeline shows something new about an attachment. */
  changed(roomId: string): void;
  progress(progress: MediaProgress): void;
};

const itemIdOf = (txnId: string): string => `txn:${txnId}`;

/** A pending event that has not reached the wire yet can still be called back. */
const CANCELLABLE: ReadonlySet<PendingStatus> = new Set(['not_sent', 'queued', 'encrypting']);

/**
 * Sends attachments: takes the finished upload, keeps it in the media outbox, uploads it
 * (encrypted in an encrypted room) with progress, then sends the event under the
 * transaction id it was given at once, so its timeline item never changes id. After a
 * restart the outbox is worked through like the text one: what the server already shows
 * leaves, the rest is sent (uploaded again only if it never got that far).
 */
export class MediaSender {
  private readonly matrix: MediaPort;
  private readonly outbox: MediaOutbox;
  private readonly uploads: Uploads;
  private readonly media: MediaServer;
  private readonly logger: Logger;
  private readonly clock: Clock;
  private readonly listeners: MediaSenderListeners;
  private readonly states = new Map<string, Progress>();
  /** Entries of an earlier run not yet handed to the network. */
  private waiting: MediaOutboxEntry[] = [];
  private replayRunning = false;

  constructor(options: {
    matrix: MediaPort;
    outbox: MediaOutbox;
    uploads: Uploads;
    media: MediaServer;
    logger: Logger;
    clock: Clock;
    listeners: MediaSenderListeners;
  }) {
    this.matrix = options.matrix;
    this.outbox = options.outbox;
    this.uploads = options.uploads;
    this.media = options.media;
    this.logger = options.logger;
    this.clock = options.clock;
    this.listeners = options.listeners;
  }

  /** Answers the item id at once; the upload and the event go on in the background. */
  async send(input: MediaSendInput): Promise<string> {
    if (!this.matrix.hasRoom(input.roomId)) {
      throw new RembukError('room_not_found');
    }
    const file = await this.uploads.take(input.uploadId);
    const thumbnail =
      input.thumbnailUploadId === undefined
        ? undefined
        : await this.uploads.take(input.thumbnailUploadId).catch(async (error: unknown) => {
            await rm(file.path, { force: true });
            throw error;
          });
    const discard = async (): Promise<void> => {
      await Promise.all([rm(file.path, { force: true }), thumbnail === undefined ? undefined : rm(thumbnail.path, { force: true })]);
    };
    try {
      await this.check(input, file);
    } catch (error) {
      await discard();
      throw error;
    }
    const txnId = this.matrix.makeTxnId();
    const entry: MediaOutboxEntry = {
      txnId,
      roomId: input.roomId,
      kind: input.kind,
      caption: input.caption?.trim() === '' ? undefined : input.caption,
      width: input.width,
      height: input.height,
      durationMs: input.durationMs,
      createdAt: this.clock.now(),
      file: { name: file.name, mimetype: this.mimetypeOf(input.kind, file.mimetype), size: file.size },
      thumbnail:
        thumbnail === undefined ? undefined : { name: thumbnail.name, mimetype: thumbnail.mimetype, size: thumbnail.size, ...this.thumbnailDimensions(input) },
    };
    try {
      await this.outbox.add(entry, { file: file.path, thumbnail: thumbnail?.path });
    } catch (error) {
      await discard();
      throw error;
    }
    this.process(entry);
    return itemIdOf(txnId);
  }

  /** Refuses, before anything is kept or sent, what cannot go: too large for the server, or not the kind it claims. */
  private async check(input: MediaSendInput, file: TakenUpload): Promise<void> {
    if (input.kind === 'image' && !file.mimetype.startsWith('image/')) {
      throw new RembukError('media_unsupported', `an image of type ${file.mimetype}`);
    }
    const limit = await this.matrix.maxUploadSize();
    if (limit !== null && file.size > limit) {
      throw fileTooLarge(limit);
    }
  }

  private mimetypeOf(kind: MediaSendInput['kind'], mimetype: string): string {
    if (mimetype !== '') {
      return mimetype;
    }
    // Browsers often know no type for .opus or .ogg: a voice note is Ogg/Opus as the apps record it.
    return kind === 'voice' ? 'audio/ogg' : 'application/octet-stream';
  }

  private thumbnailDimensions(input: MediaSendInput): { width: number; height: number } {
    return input.width !== undefined && input.height !== undefined ? thumbnailSize(input.width, input.height) : { width: 1, height: 1 };
  }

  /** Uploads (unless the outbox has the content already) and sends; failures leave the entry for a retry. */
  private process(entry: MediaOutboxEntry): void {
    const controller = new AbortController();
    this.states.set(entry.txnId, { phase: entry.content === undefined ? 'uploading' : 'event', error: null, controller });
    this.listeners.changed(entry.roomId);
    void this.deliver(entry, controller.signal).catch((error: unknown) => {
      if (controller.signal.aborted || isAbortError(error)) {
        return;
      }
      const code = error instanceof RembukError ? error.code : 'upload_failed';
      this.logger.warn(`attachment ${entry.txnId} not sent: ${code}`, error instanceof Error ? error.message : error);
      if (this.outbox.find(entry.txnId) !== undefined && this.states.get(entry.txnId)?.phase !== 'event') {
        this.states.set(entry.txnId, { phase: 'failed', error: code, controller: null });
        this.listeners.changed(entry.roomId);
      }
    });
  }

  private async deliver(entry: MediaOutboxEntry, signal: AbortSignal): Promise<void> {
    let content = entry.content;
    if (content === undefined) {
      content = await this.uploadFiles(entry, signal);
      if (signal.aborted) {
        // Cancelled as the upload finished: the entry is gone and must not come back.
        return;
      }
      const next = { ...entry, content };
      // On disk before the event goes: a restart sends this content instead of uploading again.
      await this.outbox.put(next);
    }
    if (signal.aborted) {
      return;
    }
    this.states.set(entry.txnId, { phase: 'event', error: null, controller: null });
    await this.matrix.sendMessage(entry.roomId, content, entry.txnId);
    await this.finish(entry.txnId, content);
  }

  private async uploadFiles(entry: MediaOutboxEntry, signal: AbortSignal): Promise<Record<string, unknown>> {
    const encrypt = this.matrix.isEncrypted(entry.roomId);
    const itemId = itemIdOf(entry.txnId);
    let thumbnail: { upload: UploadedAttachment; width: number; height: number } | undefined;
    if (entry.thumbnail !== undefined) {
      const upload = await this.matrix.upload({
        data: await readFile(this.outbox.thumbnailOf(entry.txnId)),
        name: entry.thumbnail.name,
        mimetype: entry.thumbnail.mimetype,
        encrypt,
        signal,
      });
      thumbnail = { upload, width: entry.thumbnail.width, height: entry.thumbnail.height };
    }
    const upload = await this.matrix.upload({
      data: await readFile(this.outbox.fileOf(entry.txnId)),
      name: entry.file.name,
      mimetype: entry.file.mimetype,
      encrypt,
      signal,
      onProgress: throttleProgress((loaded, total) => {
        this.listeners.progress({ roomId: entry.roomId, itemId, phase: 'uploading', loaded, total });
      }),
    });
    return attachmentContent({
      kind: entry.kind,
      name: entry.file.name,
      caption: entry.caption,
      upload,
      width: entry.width,
      height: entry.height,
      durationMs: entry.durationMs,
      thumbnail,
    });
  }

  /** The server has the event: our files go into the media cache (never downloaded again), then out of the outbox. */
  private async finish(txnId: string, content: Record<string, unknown>): Promise<void> {
    const itemId = itemIdOf(txnId);
    const source = sourceOf(content, 'file', 'url');
    const thumbnail = sourceOf(
      typeof content.info === 'object' && content.info !== null ? (content.info as Record<string, unknown>) : {},
      'thumbnail_file',
      'thumbnail_url',
    );
    if (source !== null) {
      await this.media.settle(itemId, 'media', source);
    }
    if (thumbnail !== null) {
      await this.media.settle(itemId, 'thumbnail', thumbnail);
    }
    this.states.delete(txnId);
    await this.outbox.remove(txnId);
  }

  /** Tries a failed attachment again: the event if that is what failed, else the upload. */
  retry(roomId: string, itemId: string): void {
    if (!this.matrix.hasRoom(roomId)) {
      throw new RembukError('room_not_found');
    }
    const txnId = itemId.startsWith('txn:') ? itemId.slice(4) : '';
    const entry = this.outbox.find(txnId);
    if (entry === undefined || entry.roomId !== roomId) {
      throw new RembukError('message_not_found');
    }
    const pending = this.matrix.pendingStatus(roomId, itemId);
    if (pending !== null && entry.content !== undefined) {
      if (pending !== 'not_sent') {
        return;
      }
      const content = entry.content;
      this.matrix.resendPending(roomId, itemId).then(
        () => this.finish(txnId, content),
        (error: unknown) => {
          this.logger.warn('retry failed', error instanceof Error ? error.message : error);
        },
      );
      return;
    }
    if (this.states.get(txnId)?.phase === 'uploading') {
      return;
    }
    this.process(entry);
  }

  /**
   * Cancels an attachment on its way: the upload stops and the item goes, as in Element
   * (a cancelled upload leaves nothing behind). An event already being sent cannot be
   * called back; answers false when the item is not one of ours on its way.
   */
  async cancel(itemId: string): Promise<boolean> {
    const txnId = itemId.startsWith('txn:') ? itemId.slice(4) : '';
    const entry = this.outbox.find(txnId);
    if (entry === undefined) {
      return false;
    }
    const state = this.states.get(txnId);
    const pending = this.matrix.pendingStatus(entry.roomId, itemId);
    if (pending !== null) {
      if (!CANCELLABLE.has(pending)) {
        throw new RembukError('invalid_request', 'the message is already on its way');
      }
      this.matrix.cancelPending(entry.roomId, itemId);
    } else if (state?.phase === 'event') {
      throw new RembukError('invalid_request', 'the message is already on its way');
    }
    state?.controller?.abort();
    this.states.delete(txnId);
    this.waiting = this.waiting.filter((waiting) => waiting.txnId !== txnId);
    this.media.forgetLocal(itemId);
    await this.outbox.remove(txnId);
    this.listeners.changed(entry.roomId);
    return true;
  }

  /** What the outbox held at start. */
  restore(entries: readonly MediaOutboxEntry[]): void {
    this.waiting = [...entries];
    for (const entry of entries) {
      // Shown as on their way (not failed) until the replay gets to them.
      this.states.set(entry.txnId, { phase: entry.content === undefined ? 'uploading' : 'event', error: null, controller: null });
    }
  }

  get replaying(): boolean {
    return this.waiting.length > 0;
  }

  /** After a restart, once per sync until done: drop what the server has, send the rest. */
  async replay(): Promise<void> {
    if (this.replayRunning) {
      return;
    }
    this.replayRunning = true;
    try {
      this.waiting = await replayEntries(this.matrix, this.waiting, {
        delivered: async (entry, content) => {
          await this.finish(entry.txnId, entry.content ?? content);
          this.listeners.changed(entry.roomId);
        },
        resend: (entry) => {
          if (this.outbox.find(entry.txnId) !== undefined) {
            this.process(entry);
          }
        },
      });
    } finally {
      this.replayRunning = false;
    }
  }

  /** Items for our attachments without an event yet, for the timeline projection. */
  pendingItems(roomId: string, nameOf: (userId: string) => string): TimelineItem[] {
    const items: MediaItem[] = [];
    for (const entry of this.outbox.all()) {
      const state = this.states.get(entry.txnId);
      if (entry.roomId !== roomId || state === undefined) {
        continue;
      }
      const itemId = itemIdOf(entry.txnId);
      const userId = this.matrix.userId;
      const meta = { mimetype: entry.file.mimetype, filename: entry.file.name };
      items.push({
        id: itemId,
        eventId: null,
        sender: userId,
        senderName: nameOf(userId),
        own: true,
        ts: entry.createdAt,
        kind: 'media',
        msgtype: entry.kind,
        caption: entry.caption ?? null,
        filename: entry.file.name,
        mimetype: entry.file.mimetype,
        size: entry.file.size,
        width: entry.width ?? null,
        height: entry.height ?? null,
        durationMs: entry.durationMs ?? null,
        sendState: state.phase === 'failed' ? 'failed' : 'sending',
        error: state.error,
        mediaUrl: this.media.localUrl(roomId, itemId, 'media', this.outbox.fileOf(entry.txnId), meta),
        thumbnailUrl:
          entry.thumbnail === undefined
            ? null
            : this.media.localUrl(roomId, itemId, 'thumbnail', this.outbox.thumbnailOf(entry.txnId), {
                mimetype: entry.thumbnail.mimetype,
                filename: entry.thumbnail.name,
              }),
      });
    }
    return items;
  }

  stop(): void {
    for (const state of this.states.values()) {
      state.controller?.abort();
    }
  }
}
