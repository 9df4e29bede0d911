/**
 * An import's checkpoint: everything needed to carry on after a crash, in
 * `<profile>/imports/<importId>/job.json`, replaced atomically (write, fsync, rename) after
 * every message the server acknowledged. `next` is the plan step to send next; a step
 * before it is on the server, the step at it may or may not be (a crash between the send
 * and this write), which is why it is sent again with the same transaction id.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { errorCode } from '../../../shared/ipc/errors.ts';
import { dateOrder, importTarget } from '../../../shared/model/import.ts';
import { writeFileAtomic } from '../storage/atomic-file.ts';
import type { Logger } from '../ports.ts';

/** The folder in the profile that holds imports: each its export file and its checkpoint. It goes on sign-out. */
export const IMPORTS_DIR = 'imports';
export const JOB_FILE = 'job.json';

export const savedPhase = z.enum(['preparing', 'running', 'paused', 'done', 'cancelled', 'failed']);
export type SavedPhase = z.infer<typeof savedPhase>;

export const savedJob = z.object({
  v: z.literal(1),
  importId: z.string(),
  fileName: z.string(),
  /** The export's file in the import's folder (the member's file name, made safe). */
  exportName: z.string().min(1),
  /** After `several_chat_files`, the chat the member chose. */
  chatFileName: z.string().nullable(),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  dateOrder,
  timeZone: z.string(),
  mapping: z.array(z.object({ name: z.string(), userId: z.string() })),
  target: importTarget,
  /** Set as soon as the room exists (a new room is also findable by its creation marker). */
  roomId: z.string().nullable(),
  roomName: z.string(),
  phase: savedPhase,
  next: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  mediaTotal: z.number().int().nonnegative(),
  mediaDone: z.number().int().nonnegative(),
  /**
   * A media step whose file is uploaded but whose message is not yet acknowledged: the
   * content (with the file's URL and key) is kept so a resend refers to the same upload.
   */
  inflight: z.object({ step: z.number().int().nonnegative(), content: z.record(z.string(), z.unknown()) }).nullable(),
  error: errorCode.nullable(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
});
export type SavedJob = z.infer<typeof savedJob>;

/** The checkpoints of all imports of this profile. */
export class CheckpointStore {
  readonly dir: string;
  private readonly logger: Logger;
  /** One write at a time per import, in order: a later checkpoint never lands before an earlier one. */
  private readonly writing = new Map<string, Promise<void>>();

  constructor(options: { profileDir: string; logger: Logger }) {
    this.dir = path.join(options.profileDir, IMPORTS_DIR);
    this.logger = options.logger;
  }

  folder(importId: string): string {
    return path.join(this.dir, importId);
  }

  exportPath(importId: string, exportName: string): string {
    return path.join(this.folder(importId), exportName);
  }

  async makeFolder(importId: string): Promise<string> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const folder = this.folder(importId);
    await mkdir(folder, { mode: 0o700 });
    return folder;
  }

  save(job: SavedJob): Promise<void> {
    const data = JSON.stringify(job);
    const file = path.join(this.folder(job.importId), JOB_FILE);
    const next = (this.writing.get(job.importId) ?? Promise.resolve()).then(() => writeFileAtomic(file, data));
    this.writing.set(
      job.importId,
      next.catch(() => undefined),
    );
    return next;
  }

  /**
   * Every saved import. A folder without a checkpoint is an export that was opened but never
   * started: it is removed, since nothing was sent from it. A damaged checkpoint (it cannot
   * be, written atomically, but a disk can fail) is left on disk for a bug report.
   */
  async loadAll(): Promise<SavedJob[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const jobs: SavedJob[] = [];
    for (const name of names) {
      if (!/^[0-9a-f]{32}$/.test(name)) {
        continue;
      }
      const job = await this.read(name);
      if (job === 'missing') {
        await this.remove(name);
      } else if (job !== 'damaged') {
        jobs.push(job);
      }
    }
    return jobs.sort((a, b) => a.startedAt - b.startedAt);
  }

  private async read(importId: string): Promise<SavedJob | 'missing' | 'damaged'> {
    try {
      const raw = await readFile(path.join(this.folder(importId), JOB_FILE), 'utf8');
      return savedJob.parse(JSON.parse(raw));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return 'missing';
      }
      this.logger.warn(`unreadable import checkpoint ${importId}`, error);
      return 'damaged';
    }
  }

  /** The export file goes once an import is over; the checkpoint stays for the progress view. */
  async removeExport(importId: string, exportName: string): Promise<void> {
    await rm(this.exportPath(importId, exportName), { force: true });
  }

  async remove(importId: string): Promise<void> {
    await (this.writing.get(importId) ?? Promise.resolve());
    this.writing.delete(importId);
    await rm(this.folder(importId), { recursive: true, force: true });
  }
}
