import type { Bridge } from '../../../shared/ipc/bridge.ts';
import type { ErrorCode } from '../../../shared/ipc/errors.ts';
import { UPLOAD_CHUNK_BYTES } from '../../../shared/model/media.ts';

/** A request of the upload failed; `code` is the error main answered, for the member's language. */
export class UploadError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, detail?: string) {
    super(detail ?? code);
    this.code = code;
    this.name = 'UploadError';
  }
}

export type UploadOptions = {
  onProgress?(sent: number, total: number): void;
  signal?: AbortSignal;
};

export type UploadableFile = Blob & { name: string; type: string };

/** Standard base64 with padding, as `upload:chunk` wants it; in pieces, since String.fromCharCode takes only so many arguments. */
export const toBase64 = (bytes: Uint8Array): string => {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
};

/** A Blob's bytes; FileReader where `arrayBuffer` is missing (older engines, jsdom). */
export const readBytes = async (blob: Blob): Promise<Uint8Array> => {
  if (typeof blob.arrayBuffer === 'function') {
    return new Uint8Array(await blob.arrayBuffer());
  }
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      resolve(new Uint8Array(reader.result as ArrayBuffer));
    };
    reader.onerror = () => {
      reject(reader.error ?? new Error('could not read the file'));
    };
    reader.readAsArrayBuffer(blob);
  });
};

const abortError = (): DOMException => new DOMException('The upload was cancelled', 'AbortError');

/**
 * Hands a file to main, 128 KiB at a time (a request may be at most 256 KiB), one chunk
 * after the other. Resolves with the upload id that `media:send` (or the import) takes.
 * When `signal` fires, main forgets the upload and this rejects with an AbortError.
 */
export const uploadFile = async (messenger: Bridge, file: UploadableFile, options: UploadOptions = {}): Promise<string> => {
  const { signal } = options;
  // A function, so each check reads the signal afresh (the type checker would narrow a property read).
  const cancelled = (): boolean => signal?.aborted === true;
  if (cancelled()) {
    throw abortError();
  }
  const begun = await messenger.invoke('upload:begin', { name: file.name.slice(0, 255) || 'file', mimetype: file.type.slice(0, 255), size: file.size });
  if (!begun.ok) {
    throw new UploadError(begun.error.code, begun.error.detail);
  }
  const { uploadId } = begun.value;
  const abort = async (): Promise<never> => {
    await messenger.invoke('upload:abort', { uploadId });
    throw abortError();
  };
  try {
    options.onProgress?.(0, file.size);
    for (let offset = 0; offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
      if (cancelled()) {
        return await abort();
      }
      const bytes = await readBytes(file.slice(offset, offset + UPLOAD_CHUNK_BYTES));
      const sent = await messenger.invoke('upload:chunk', { uploadId, offset, data: toBase64(bytes) });
      if (!sent.ok) {
        throw new UploadError(sent.error.code, sent.error.detail);
      }
      options.onProgress?.(sent.value.received, file.size);
    }
    if (cancelled()) {
      return await abort();
    }
    return uploadId;
  } catch (error) {
    if (error instanceof UploadError) {
      // Main keeps nothing half-sent: the parts of a failed upload go at once.
      await messenger.invoke('upload:abort', { uploadId });
    }
    throw error;
  }
};
