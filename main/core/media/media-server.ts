import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { RembukError } from '../../../shared/ipc/errors.ts';
import { MAX_UPLOAD_BYTES, type MediaProgress } from '../../../shared/model/media.ts';
import type { Logger } from '../ports.ts';
import type { AttachmentKeys } from './attachment-crypto.ts';
import { isAbortError } from './attachment-upload.ts';
import { downloadMedia } from './media-download.ts';
import { mediaHeaders, parseRange, type ByteRange } from './media-headers.ts';
import type { SealedCache } from './sealed-cache.ts';
import { throttleProgress } from './progress-throttle.ts';

/** A file on the homeserver: its mxc URL and, when it is encrypted, its keys. */
export type RemoteSource = { mxc: string; file?: AttachmentKeys };

export type MediaRole = 'media' | 'thumbnail';

export type MediaMeta = { mimetype: string | null; filename: string };

/** What a transport sends back for `GET <media url>`. */
export type MediaResponse = {
  status: number;
  headers: Record<string, string>;
  /** Null for HEAD and for errors. */
  body: AsyncIterable<Uint8Array> | null;
};

type Entry = {
  token: string;
  roomId: string;
  itemId: string;
  role: MediaRole;
  meta: MediaMeta;
  remote: RemoteSource | null;
  /** Our own file on its way to the server, served from the disk until it is there. */
  local: string | null;
};

type Download = { done: Promise<void>; controller: AbortController; itemIds: Set<string> };

const notFound: MediaResponse = { status: 404, headers: { 'Cache-Control': 'no-store' }, body: null };

async function* readFileRange(file: string, range: ByteRange | null): AsyncGenerator<Uint8Array> {
  const stream = createReadStream(file, range === null ? {} : { start: range.start, end: range.end });
  for await (const chunk of stream) {
    yield chunk as Buffer;
  }
}

/**
 * Serves attachments to the renderer without it ever seeing a homeserver URL, a token or a
 * key. Each item's file gets a random token for this run (`url`); a request for it
 * downloads the file with the account's token, checks and decrypts it here, caches the
 * plaintext sealed in the profile and streams it with headers that keep the browser
 * from running it or caching it.
 */
export class MediaServer {
  private readonly cache: SealedCache;
  private readonly logger: Logger;
  private readonly urlBase: string;
  private readonly homeserverUrl: () => string;
  private readonly accessToken: () => string | null;
  private readonly progress: (progress: MediaProgress) => void;
  private readonly fetchFn: typeof fetch | undefined;
  private readonly byToken = new Map<string, Entry>();
  private readonly byItem = new Map<string, Entry>();
  private readonly downloads = new Map<string, Download>();

  constructor(options: {
    cache: SealedCache;
    logger: Logger;
    /** What a token is appended to: `/media/` on the loopback transport, `rembuk-media://media/` in Electron. */
    urlBase: string;
    homeserverUrl: () => string;
    accessToken: () => string | null;
    progress: (progress: MediaProgress) => void;
    fetch?: typeof fetch;
  }) {
    this.cache = options.cache;
    this.logger = options.logger;
    this.urlBase = options.urlBase;
    this.homeserverUrl = options.homeserverUrl;
    this.accessToken = options.accessToken;
    this.progress = options.progress;
    this.fetchFn = options.fetch;
  }

  private entry(roomId: string, itemId: string, role: MediaRole, meta: MediaMeta): Entry {
    const key = `${role}\n${itemId}`;
    let entry = this.byItem.get(key);
    if (entry === undefined) {
      entry = { token: randomBytes(24).toString('base64url'), roomId, itemId, role, meta, remote: null, local: null };
      this.byItem.set(key, entry);
      this.byToken.set(entry.token, entry);
    }
    entry.meta = meta;
    return entry;
  }

  /** The local URL of an item's file on the homeserver; the same for the item all run long. */
  url(roomId: string, itemId: string, role: MediaRole, source: RemoteSource, meta: MediaMeta): string {
    const entry = this.entry(roomId, itemId, role, meta);
    entry.remote = source;
    return this.urlBase + entry.token;
  }

  /** The local URL of our own file still on its way (served from `file` until `settle`). */
  localUrl(roomId: string, itemId: string, role: MediaRole, file: string, meta: MediaMeta): string {
    const entry = this.entry(roomId, itemId, role, meta);
    entry.local = file;
    return this.urlBase + entry.token;
  }

  /**
   * Our file reached the server: it goes into the cache under its mxc (so it is never
   * downloaded again) and the item is served from there. The caller removes the file after.
   */
  async settle(itemId: string, role: MediaRole, source: RemoteSource): Promise<void> {
    const entry = this.byItem.get(`${role}\n${itemId}`);
    const file = entry?.local ?? null;
    if (file !== null) {
      await this.cache.importFile(this.cache.nameFor(source.mxc), file).catch((error: unknown) => {
        this.logger.warn('could not cache a sent attachment', error);
      });
    }
    if (entry !== undefined) {
      entry.remote = source;
      entry.local = null;
    }
  }

  /** Forgets an item's local file (its send was cancelled). */
  forgetLocal(itemId: string): void {
    for (const role of ['media', 'thumbnail'] as const) {
      const entry = this.byItem.get(`${role}\n${itemId}`);
      if (entry !== undefined) {
        entry.local = null;
      }
    }
  }

  /** Answers `GET`/`HEAD <urlBase><token>`: an unknown token is a 404, like a file that never was. */
  async serve(token: string, request: { range?: string; head?: boolean }): Promise<MediaResponse> {
    const entry = this.byToken.get(token);
    if (entry === undefined) {
      return notFound;
    }
    try {
      if (entry.local !== null) {
        const file = entry.local;
        const size = (await stat(file)).size;
        return this.respond(entry, size, request, (range) => readFileRange(file, range));
      }
      if (entry.remote === null) {
        return notFound;
      }
      const remote = entry.remote;
      const name = await this.ensureCached(entry, remote);
      const size = (await this.cache.size(name)) ?? 0;
      return this.respond(entry, size, request, (range) => this.cache.read(name, range?.start ?? 0, range?.end ?? size - 1));
    } catch (error) {
      if (!isAbortError(error)) {
        this.logger.warn(`media ${entry.itemId} could not be served`, error instanceof Error ? error.message : error);
      }
      return { status: 502, headers: { 'Cache-Control': 'no-store' }, body: null };
    }
  }

  private respond(
    entry: Entry,
    size: number,
    request: { range?: string; head?: boolean },
    read: (range: ByteRange | null) => AsyncIterable<Uint8Array>,
  ): MediaResponse {
    const range = parseRange(request.range, size);
    if (range === 'unsatisfiable') {
      return { status: 416, headers: { 'Content-Range': `bytes */${String(size)}`, 'Cache-Control': 'no-store' }, body: null };
    }
    const headers = mediaHeaders({ mimetype: entry.meta.mimetype, filename: entry.meta.filename, size, range });
    const body = request.head === true || size === 0 ? null : read(range);
    return { status: range === null ? 200 : 206, headers, body };
  }

  /** Downloads (once, however many ask at the same time) and caches a remote file; answers its cache name. */
  private async ensureCached(entry: Entry, remote: RemoteSource): Promise<string> {
    const name = this.cache.nameFor(remote.mxc);
    if ((await this.cache.size(name)) !== null) {
      return name;
    }
    let download = this.downloads.get(name);
    if (download === undefined) {
      const controller = new AbortController();
      const itemIds = new Set<string>();
      const started: Download = { controller, itemIds, done: Promise.resolve() };
      started.done = this.download(name, remote, controller.signal, itemIds, entry).finally(() => {
        this.downloads.delete(name);
      });
      this.downloads.set(name, started);
      download = started;
    }
    if (entry.role === 'media') {
      download.itemIds.add(entry.itemId);
    }
    await download.done;
    return name;
  }

  private async download(name: string, remote: RemoteSource, signal: AbortSignal, itemIds: Set<string>, entry: Entry): Promise<void> {
    const writer = await this.cache.writer(name);
    await downloadMedia({
      homeserverUrl: this.homeserverUrl(),
      accessToken: this.accessToken(),
      mxc: remote.mxc,
      file: remote.file,
      writer,
      signal,
      maxBytes: MAX_UPLOAD_BYTES,
      fetch: this.fetchFn,
      // Thumbnails are small and many: only the files themselves report progress.
      onProgress: throttleProgress((loaded, total) => {
        for (const itemId of itemIds) {
          this.progress({ roomId: entry.roomId, itemId, phase: 'downloading', loaded, total });
        }
      }),
    });
  }

  /** Cancels the download an item is waiting for; false when there is none. */
  cancelDownload(itemId: string): boolean {
    for (const download of this.downloads.values()) {
      if (download.itemIds.has(itemId)) {
        download.controller.abort();
        return true;
      }
    }
    return false;
  }

  /** The name an item's file would be saved under, or null for an item we serve nothing for. */
  filenameOf(itemId: string): string | null {
    return this.byItem.get(`media\n${itemId}`)?.meta.filename ?? null;
  }

  /** Writes an item's (decrypted) file to `target`, downloading it first if needed. */
  async save(itemId: string, target: string): Promise<void> {
    const entry = this.byItem.get(`media\n${itemId}`);
    if (entry === undefined) {
      throw new RembukError('message_not_found');
    }
    const response = await this.serve(entry.token, {});
    if (response.status !== 200) {
      throw new RembukError('download_failed', `HTTP ${String(response.status)}`);
    }
    const temp = `${target}.${randomBytes(4).toString('hex')}.part`;
    const handle = await open(temp, 'w', 0o644);
    try {
      for await (const chunk of response.body ?? []) {
        await handle.write(chunk);
      }
      await handle.close();
      await rename(temp, target);
    } catch (error) {
      await handle.close().catch(() => undefined);
      await rm(temp, { force: true });
      throw new RembukError('download_failed', error instanceof Error ? error.message : String(error));
    }
  }

  stop(): void {
    for (const download of this.downloads.values()) {
      download.controller.abort();
    }
  }
}
