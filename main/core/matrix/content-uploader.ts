import { MatrixError, type MatrixClient } from 'matrix-js-sdk';
import { RembukError } from '../../../shared/ipc/errors.ts';
import { isAbortError, type ContentUploader } from '../media/attachment-upload.ts';
import { maxUploadSize } from './media-config.ts';
import { toRembukError } from './matrix-errors.ts';

/**
 * The media repository over the account's matrix-js-sdk client: `uploadContent` (progress
 * through the client's `progressFetch`, see media/upload-progress.ts), `cancelUpload` when
 * the signal fires, and the SDK's errors turned into Rembuk's before they leave this folder.
 */
export class MatrixContentUploader implements ContentUploader {
  private readonly client: MatrixClient;

  constructor(client: MatrixClient) {
    this.client = client;
  }

  maxUploadSize(): Promise<number | null> {
    return maxUploadSize(this.client);
  }

  async upload(body: Buffer, options: { name?: string; type: string; onProgress(loaded: number): void; signal?: AbortSignal }): Promise<string> {
    const upload = this.client.uploadContent(body, {
      name: options.name,
      includeFilename: options.name !== undefined,
      type: options.type,
      progressHandler: ({ loaded }) => {
        options.onProgress(loaded);
      },
    });
    const cancel = (): void => {
      this.client.cancelUpload(upload);
    };
    options.signal?.addEventListener('abort', cancel, { once: true });
    try {
      const { content_uri: uri } = await upload;
      return uri;
    } catch (error) {
      if (error instanceof MatrixError && (error.errcode === 'M_TOO_LARGE' || error.httpStatus === 413)) {
        throw new RembukError('file_too_large', error.message);
      }
      if (isAbortError(error)) {
        throw error;
      }
      const mapped = toRembukError(error);
      throw mapped.code === 'internal' ? new RembukError('upload_failed', mapped.message) : mapped;
    } finally {
      options.signal?.removeEventListener('abort', cancel);
    }
  }
}
