import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { mediaKind } from '../../../shared/model/media.ts';
import type { Logger } from '../ports.ts';
import { JsonStore } from '../storage/json-store.ts';

/** Where attachments wait, in the profile, until the server has their event; it goes on sign-out. */
export const MEDIA_OUTBOX_DIR = 'media-outbox';
export const MEDIA_OUTBOX_FILE = 'media-outbox.json';

const pendingFile = z.object({ mimetype: z.string(), size: z.number(), name: z.string() });

const entry = z.object({
  txnId: z.string(),
  roomId: z.string(),
  kind: mediaKind,
  caption: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  durationMs: z.number().optional(),
  createdAt: z.number(),
  file: pendingFile,
  thumbnail: pendingFile.extend({ width: z.number(), height: z.number() }).optional(),
  /**
   * The event content once the files are on the server: a restart then sends this under
   * the same transaction id instead of uploading again.
   */
  content: z.record(z.string(), z.unknown()).optional(),
});
export type MediaOutboxEntry = z.infer<typeof entry>;

/**
 * The outbox of attachments, beside the text one (`matrix/outbox.ts`) and with the same
 * promise: an attachment is on disk, its file in `media-outbox/`, before anything goes to
 * the network, and leaves only once the server has its event, so a crash or quit loses
 * none and the same transaction id keeps a re-send from showing twice.
 */
export class MediaOutbox {
  private readonly store: JsonStore<MediaOutboxEntry[]>;
  private readonly dir: string;
  private entries: MediaOutboxEntry[] = [];

  constructor(options: { profileDir: string; logger: Logger }) {
    this.dir = path.join(options.profileDir, MEDIA_OUTBOX_DIR);
    this.store = new JsonStore({
      file: path.join(options.profileDir, MEDIA_OUTBOX_FILE),
      schema: z.array(entry),
      fallback: () => [],
      logger: options.logger,
    });
  }

  /** The entries of an earlier run; files no entry names (a crash between moving and writing) go. */
  async load(): Promise<MediaOutboxEntry[]> {
    this.entries = await this.store.read();
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const known = new Set(this.entries.flatMap((item) => [this.fileOf(item.txnId), this.thumbnailOf(item.txnId)].map((file) => path.basename(file))));
    const orphans = (await readdir(this.dir)).filter((name) => !known.has(name));
    await Promise.all(orphans.map((name) => rm(path.join(this.dir, name), { force: true })));
    return [...this.entries];
  }

  fileOf(txnId: string): string {
    return path.join(this.dir, txnId);
  }

  thumbnailOf(txnId: string): string {
    return path.join(this.dir, `${txnId}.thumbnail`);
  }

  /** Moves the taken uploads in (same disk: a rename) and records the entry. */
  async add(item: MediaOutboxEntry, files: { file: string; thumbnail?: string }): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await rename(files.file, this.fileOf(item.txnId));
    if (files.thumbnail !== undefined) {
      await rename(files.thumbnail, this.thumbnailOf(item.txnId));
    }
    await this.put(item);
  }

  /** Records a change to an entry (its content, once uploaded). */
  async put(item: MediaOutboxEntry): Promise<void> {
    const index = this.entries.findIndex((existing) => existing.txnId === item.txnId);
    this.entries = index === -1 ? [...this.entries, item] : this.entries.map((existing, i) => (i === index ? item : existing));
    await this.store.write(this.entries);
  }

  /** Forgets an entry and removes its files. */
  async remove(txnId: string): Promise<void> {
    if (this.entries.some((existing) => existing.txnId === txnId)) {
      this.entries = this.entries.filter((existing) => existing.txnId !== txnId);
      await this.store.write(this.entries);
    }
    await Promise.all([rm(this.fileOf(txnId), { force: true }), rm(this.thumbnailOf(txnId), { force: true })]);
  }

  find(txnId: string): MediaOutboxEntry | undefined {
    return this.entries.find((existing) => existing.txnId === txnId);
  }

  all(): MediaOutboxEntry[] {
    return [...this.entries];
  }

  flushed(): Promise<void> {
    return this.store.flushed();
  }
}
