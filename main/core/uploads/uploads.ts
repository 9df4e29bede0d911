import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { RembukError } from '../../../shared/ipc/errors.ts';
import type { UploadBeginInput } from '../../../shared/model/media.ts';
import type { Logger } from '../ports.ts';

/** The folder in the profile that holds uploads on their way in; it goes on sign-out. */
export const UPLOADS_DIR = 'uploads';

/** Open uploads at a time: each holds a file handle until it is complete. */
const MAX_OPEN_UPLOADS = 64;

/** A complete upload, handed over: the caller now owns the file (moves or deletes it). */
export type TakenUpload = { path: string; name: string; mimetype: string; size: number };

type Entry = {
  name: string;
  mimetype: string;
  size: number;
  file: string;
  /** Bytes accepted so far (counted when a chunk is accepted, before its write lands). */
  received: number;
  handle: FileHandle | null;
  /** The chain of writes: chunks land in order, and `take` waits for the last one. */
  writing: Promise<void>;
  failed: boolean;
};

const invalid = (detail: string): RembukError => new RembukError('invalid_request', detail);

/**
 * Files coming from the renderer in chunks, written to `<profile>/uploads/<id>.part` (0600).
 * Requests are small (MAX_REQUEST_BYTES), so a file comes as many `chunk`s, each at the
 * offset where the last one ended; whoever needs the whole file then `take`s it. The
 * registry is memory only: an upload does not survive a restart, and `start` removes
 * what an earlier run left behind.
 */
export class Uploads {
  private readonly dir: string;
  private readonly logger: Logger;
  private readonly entries = new Map<string, Entry>();

  constructor(options: { profileDir: string; logger: Logger }) {
    this.dir = path.join(options.profileDir, UPLOADS_DIR);
    this.logger = options.logger;
  }

  /** Creates the folder and removes the parts of uploads an earlier run never finished. */
  async start(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    // An upload may already have begun (requests do not wait for the start): its part stays.
    const current = new Set([...this.entries.values()].map((entry) => path.basename(entry.file)));
    const stale = (await readdir(this.dir)).filter((name) => name.endsWith('.part') && !current.has(name));
    await Promise.all(stale.map((name) => rm(path.join(this.dir, name), { force: true })));
    if (stale.length > 0) {
      this.logger.info(`removed ${String(stale.length)} unfinished upload(s) of an earlier run`);
    }
  }

  async begin(input: UploadBeginInput): Promise<string> {
    if (this.entries.size >= MAX_OPEN_UPLOADS) {
      throw invalid('too many uploads at once');
    }
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const id = randomBytes(16).toString('hex');
    const file = path.join(this.dir, `${id}.part`);
    const handle = await open(file, 'wx', 0o600);
    const entry: Entry = { ...input, file, received: 0, handle, writing: Promise.resolve(), failed: false };
    this.entries.set(id, entry);
    if (input.size === 0) {
      await this.closeHandle(entry);
    }
    return id;
  }

  /**
   * Appends one chunk. The offset must be exactly what was received so far (a lost or
   * repeated chunk is refused, never written twice), and the upload may not grow past
   * its declared size. Answers the bytes received once this chunk is on disk.
   */
  async chunk(uploadId: string, offset: number, data: Buffer): Promise<number> {
    const entry = this.entries.get(uploadId);
    if (entry === undefined) {
      throw invalid('unknown upload');
    }
    if (entry.failed) {
      throw new RembukError('upload_failed', 'an earlier chunk could not be written');
    }
    if (offset !== entry.received) {
      throw invalid(`offset ${String(offset)} but ${String(entry.received)} bytes received`);
    }
    if (entry.received + data.length > entry.size) {
      throw invalid('more bytes than the declared size');
    }
    // Counted before the write is awaited, so a second chunk sent at once is checked against it.
    entry.received += data.length;
    const complete = entry.received === entry.size;
    const write = entry.writing.then(async () => {
      const handle = entry.handle;
      if (handle === null) {
        throw new Error('upload already closed');
      }
      await handle.write(data, 0, data.length, offset);
      if (complete) {
        await this.closeHandle(entry);
      }
    });
    entry.writing = write.catch((error: unknown) => {
      entry.failed = true;
      this.logger.warn(`upload ${uploadId} could not be written`, error);
    });
    try {
      await write;
    } catch (error) {
      throw new RembukError('upload_failed', error instanceof Error ? error.message : String(error));
    }
    return entry.received;
  }

  /** Forgets an upload and removes its file; an unknown id (already taken, aborted) changes nothing. */
  async abort(uploadId: string): Promise<void> {
    const entry = this.entries.get(uploadId);
    if (entry === undefined) {
      return;
    }
    this.entries.delete(uploadId);
    await this.discard(entry);
  }

  /** Hands over a complete upload; an unknown or incomplete one is `invalid_request`. */
  async take(uploadId: string): Promise<TakenUpload> {
    const entry = this.entries.get(uploadId);
    if (entry === undefined) {
      throw invalid('unknown upload');
    }
    if (entry.received !== entry.size) {
      throw invalid(`upload incomplete: ${String(entry.received)} of ${String(entry.size)} bytes`);
    }
    // Removed before the wait, so two takes of one upload cannot both get it.
    this.entries.delete(uploadId);
    await entry.writing;
    if (entry.failed) {
      await this.discard(entry);
      throw new RembukError('upload_failed', 'the upload could not be written');
    }
    await this.closeHandle(entry);
    return { path: entry.file, name: entry.name, mimetype: entry.mimetype, size: entry.size };
  }

  /** Closes and removes every open upload (the session is ending). */
  async stop(): Promise<void> {
    const entries = [...this.entries.values()];
    this.entries.clear();
    await Promise.all(entries.map((entry) => this.discard(entry)));
  }

  private async discard(entry: Entry): Promise<void> {
    await entry.writing;
    await this.closeHandle(entry);
    await rm(entry.file, { force: true }).catch((error: unknown) => {
      this.logger.warn('could not remove an upload', error);
    });
  }

  private async closeHandle(entry: Entry): Promise<void> {
    const handle = entry.handle;
    entry.handle = null;
    if (handle !== null) {
      await handle.close();
    }
  }
}
