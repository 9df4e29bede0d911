import { MatrixError, type MatrixClient } from 'matrix-js-sdk';
import { RembukError } from '../../../shared/ipc/errors.ts';
import { toRembukError } from '../matrix/matrix-errors.ts';
import { encryptAttachment, type EncryptedFile } from './attachment-crypto.ts';
import { maxUploadSize, megabytes } from './media-config.ts';
import { trackUploadProgress } from './upload-progress.ts';

export { decryptAttachment, type EncryptedFile } from './attachment-crypto.ts';
export { attachmentContent, type AttachmentContentOptions } from './attachment-content.ts';

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
export const uploadAttachment = async (client: MatrixClient, options: UploadAttachmentOptions): Promise<UploadedAttachment> => {
  const { signal } = options;
  const cancelled = (): boolean => signal?.aborted === true;
  if (cancelled()) {
    throw abortError();
  }
  const limit = await maxUploadSize(client);
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
  const untrack = trackUploadProgress(body, (loaded) => {
    report(loaded);
  });
  const upload = client.uploadContent(body, {
    name: encrypted === null ? options.name : undefined,
    includeFilename: encrypted === null,
    type: encrypted === null ? mimetype : 'application/octet-stream',
    progressHandler: ({ loaded }) => {
      report(loaded);
    },
  });
  const cancel = (): void => {
    client.cancelUpload(upload);
  };
  signal?.addEventListener('abort', cancel, { once: true });
  try {
    const { content_uri: uri } = await upload;
    report(total);
    const info = { mimetype, size: options.data.length };
    return encrypted === null ? { url: uri, info } : { file: { ...encrypted.keys, url: uri }, info };
  } catch (error) {
    if (cancelled() || isAbortError(error)) {
      throw abortError();
    }
    if (error instanceof MatrixError && (error.errcode === 'M_TOO_LARGE' || error.httpStatus === 413)) {
      throw limit === null ? new RembukError('file_too_large', error.message) : fileTooLarge(limit);
    }
    const mapped = toRembukError(error);
    throw mapped.code === 'internal' ? new RembukError('upload_failed', mapped.message) : mapped;
  } finally {
    untrack();
    signal?.removeEventListener('abort', cancel);
  }
};
