import { RembukError } from '../../../shared/ipc/errors.ts';
import { encryptAttachment, type EncryptedFile } from './attachment-crypto.ts';
import { megabytes } from './media-config.ts';
import { trackUploadProgress } from './upload-progress.ts';

export { decryptAttachment, type EncryptedFile } from './attachment-crypto.ts';
export { attachmentContent, type AttachmentContentOptions } from './attachment-content.ts';

/**
 * What an upload needs of the homeserver's media repository: its size limit and one PUT of
 * bytes. Implemented over matrix-js-sdk by matrix/content-uploader.ts; tests give a fake.
 */
export type ContentUploader = {
  /** The homeserver's `m.upload.size`, or null when it does not say. */
  maxUploadSize(): Promise<number | null>;
  /**
   * Uploads `body` (named only when `name` is given); resolves with its mxc URI. Rejects
   * with an AbortError once `signal` fires, with `file_too_large` when the server refuses
   * the size, with another RembukError (`upload_failed`, `network`, …) otherwise.
   */
  upload(body: Buffer, options: { name?: string; type: string; onProgress(loaded: number): void; signal?: AbortSignal }): Promise<string>;
};

/** An attachment on the homeserver: `url` in a plain room, `file` (with the mxc URL inside) in an encrypted one. */
export type UploadedAttachment = { url?: string; file?: EncryptedFile; info: { mimetype: string; size: number } };

export type UploadAttachmentOptions = {
  data: Buffer;
  name: string;
  mimetype: string;
  /** Encrypt before uploading (the room is encrypted): the server then only ever sees ciphertext. */
  encrypt: boolean;
  onProgress?(loaded: number, total: number): void;
  signal?: AbortSignal;
};

const abortError = (): DOMException => new DOMException('The upload was cancelled', 'AbortError');

/** `file_too_large` with the limit, for the member's message ("up to 10 MB"). */
export const fileTooLarge = (limit: number): RembukError => new RembukError('file_too_large', `limit ${String(limit)} bytes (${String(megabytes(limit))} MB)`);

/** Whether an error is the cancellation of an upload or download (ours or the SDK's). */
export const isAbortError = (error: unknown): boolean => (error instanceof DOMException || error instanceof Error) && error.name === 'AbortError';

/**
 * Uploads one attachment. Files larger than the homeserver's `m.upload.size` are refused
 * with `file_too_large` before a byte is sent. In an encrypted room the bytes are
 * encrypted here first (the key goes into the event, which the room encrypts). Cancelling
 * `signal` rejects with an AbortError; other failures are RembukErrors.
 */
export const uploadAttachment = async (uploader: ContentUploader, options: UploadAttachmentOptions): Promise<UploadedAttachment> => {
  const { signal } = options;
  const cancelled = (): boolean => signal?.aborted === true;
  if (cancelled()) {
    throw abortError();
  }
  const limit = await uploader.maxUploadSize();
  if (limit !== null && options.data.length > limit) {
    throw fileTooLarge(limit);
  }
  const mimetype = options.mimetype === '' ? 'application/octet-stream' : options.mimetype;
  const encrypted = options.encrypt ? encryptAttachment(options.data) : null;
  // The server sees ciphertext as an opaque blob: neither its type nor its name says anything.
  const body = encrypted?.data ?? options.data;
  const total = body.length;
  const report = (loaded: number): void => {
    options.onProgress?.(loaded, total);
  };
  const untrack = trackUploadProgress(body, report);
  try {
    const uri = await uploader.upload(body, {
      name: encrypted === null ? options.name : undefined,
      type: encrypted === null ? mimetype : 'application/octet-stream',
      onProgress: report,
      signal,
    });
    report(total);
    const info = { mimetype, size: options.data.length };
    return encrypted === null ? { url: uri, info } : { file: { ...encrypted.keys, url: uri }, info };
  } catch (error) {
    if (cancelled() || isAbortError(error)) {
      throw abortError();
    }
    // The server refused the size after all: say the limit it told us, when it did.
    throw error instanceof RembukError && error.code === 'file_too_large' && limit !== null ? fileTooLarge(limit) : error;
  } finally {
    untrack();
  }
};
