import { createHash, timingSafeEqual } from 'node:crypto';
import { RembukError } from '../../../shared/ipc/errors.ts';
import { attachmentDecipher, expectedHash, type AttachmentKeys } from './attachment-crypto.ts';
import type { SealedWriter } from './sealed-cache.ts';

/** An mxc URL's parts, when it is well-formed (only those go into a request path). */
export const parseMxc = (mxc: string): { server: string; mediaId: string } | null => {
  const match = /^mxc:\/\/([A-Za-z0-9.\-:[\]]+)\/([A-Za-z0-9_-]+)$/.exec(mxc);
  return match === null ? null : { server: match[1] ?? '', mediaId: match[2] ?? '' };
};

export type DownloadOptions = {
  homeserverUrl: string;
  accessToken: string | null;
  mxc: string;
  /** The keys of an encrypted attachment: the download is checked against its hash, then decrypted. */
  file?: AttachmentKeys;
  /** Where the (decrypted) bytes go; finished only when everything checked out. */
  writer: SealedWriter;
  signal: AbortSignal;
  onProgress(loaded: number, total: number): void;
  /** A download larger than this is cut off: a server cannot fill the disk. */
  maxBytes: number;
  fetch?: typeof fetch;
};

const failed = (detail: string): RembukError => new RembukError('download_failed', detail);

/** Whether a v1 answer means "this server has no authenticated media" rather than "no such file". */
const notSupported = async (response: Response): Promise<boolean> => {
  if (response.status === 405 || response.status === 501) {
    return true;
  }
  if (response.status !== 404 && response.status !== 400) {
    return false;
  }
  const body = (await response.json().catch(() => ({}))) as { errcode?: unknown };
  return body.errcode === 'M_UNRECOGNIZED';
};

/**
 * Downloads one attachment with the account's token: the authenticated endpoint
 * (`/_matrix/client/v1/media/download`) first, the legacy one for servers without it.
 * An encrypted attachment's ciphertext is hashed as it streams in and decrypted into
 * `writer`; the writer is finished only if the hash matched, so nothing unverified is
 * ever served.
 */
export const downloadMedia = async (options: DownloadOptions): Promise<void> => {
  const parts = parseMxc(options.mxc);
  if (parts === null) {
    throw failed('not an mxc URL');
  }
  const send = options.fetch ?? globalThis.fetch;
  const base = options.homeserverUrl.replace(/\/+$/, '');
  const tail = `${encodeURIComponent(parts.server)}/${encodeURIComponent(parts.mediaId)}`;
  const headers: Record<string, string> = options.accessToken === null ? {} : { Authorization: `Bearer ${options.accessToken}` };
  let response = await send(`${base}/_matrix/client/v1/media/download/${tail}?allow_redirect=true`, { headers, signal: options.signal });
  if (!response.ok && (await notSupported(response))) {
    response = await send(`${base}/_matrix/media/v3/download/${tail}?allow_redirect=true`, { signal: options.signal });
  }
  if (!response.ok || response.body === null) {
    throw failed(`HTTP ${String(response.status)}`);
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  const total = Number.isFinite(declared) ? declared : 0;
  if (total > options.maxBytes) {
    throw failed('larger than allowed');
  }
  const decipher = options.file === undefined ? null : attachmentDecipher(options.file);
  const expected = options.file === undefined ? null : expectedHash(options.file);
  const hash = createHash('sha256');
  let loaded = 0;
  try {
    options.onProgress(0, total);
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      loaded += chunk.length;
      if (loaded > options.maxBytes) {
        throw failed('larger than allowed');
      }
      hash.update(chunk);
      await options.writer.write(decipher === null ? chunk : decipher.update(chunk));
      // Unknown total (no Content-Length): 0 until the end, where it is what came.
      options.onProgress(loaded, total === 0 ? 0 : Math.max(total, loaded));
    }
    options.onProgress(loaded, loaded);
    if (decipher !== null && expected !== null) {
      await options.writer.write(decipher.final());
      if (!timingSafeEqual(hash.digest(), expected)) {
        throw failed('the attachment does not match its hash');
      }
    }
    await options.writer.finish();
  } catch (error) {
    await options.writer.abort();
    throw error;
  }
};
