/**
 * Imports of WhatsApp exports for one signed-in account: opening and previewing, starting,
 * pausing, resuming, cancelling, and carrying on after a restart.
 *
 * After a restart (a crash, `kill -9`, an update) an import that was running goes on by
 * itself once the first sync is in: the member confirmed it when they started it, and the
 * checkpoint plus the transaction ids make going on exactly-once. One the member paused
 * stays paused; one that stopped on an error waits for them.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { RembukError } from '../../../shared/ipc/errors.ts';
import type { DateOrder, ImportJob, ImportStartInput } from '../../../shared/model/import.ts';
import type { RoomActions } from '../matrix/room-actions.ts';
import type { Clock, Logger } from '../ports.ts';
import type { TakenUpload } from '../uploads/uploads.ts';
import { CheckpointStore, type SavedJob } from './import-checkpoint.ts';
import { buildPlan, type ImportStep } from './import-plan.ts';
import { ImportPreviews, type OpenResult } from './import-previews.ts';
import { jobView, RateMeter } from './import-progress.ts';
import { ImportRunner, ImportStopped, type RunnerStatus } from './import-runner.ts';
import { toImportError } from './export-files.ts';
import type { ImportPort } from './import-port.ts';
import { resolvedMedia } from './import-preview.ts';
import { ExportError } from './whatsapp/export-error.ts';
import { openExport, type OpenedExport } from './whatsapp/open-export.ts';
import { toEpochMs } from './whatsapp/time-zone.ts';

/** Progress is pushed at most this often per import; phase changes go at once. */
const PROGRESS_INTERVAL_MS = 250;
/** How often a new room is checked for being ready for encrypted messages. */
const READY_POLL_MS = 250;

const UNFINISHED = new Set(['preparing', 'running', 'paused', 'failed']);

type Job = {
  saved: SavedJob;
  status: RunnerStatus | null;
  rate: RateMeter;
  controller: AbortController | null;
  running: Promise<void> | null;
  opened: OpenedExport | null;
  lastEmit: number;
  emitTimer: ReturnType<typeof setTimeout> | null;
};

export type ImportListener = { changed(job: ImportJob): void };

export const isTimeZone = (timeZone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
};

export class ImportService {
  private readonly matrix: ImportPort;
  private readonly rooms: RoomActions;
  private readonly uploads: { take(uploadId: string): Promise<TakenUpload> };
  private readonly logger: Logger;
  private readonly clock: Clock;
  private readonly listener: ImportListener;
  private readonly checkpoints: CheckpointStore;
  private readonly previews: ImportPreviews;
  private readonly jobs = new Map<string, Job>();
  private loaded = false;
  private stopped = false;

  constructor(options: {
    matrix: ImportPort;
    rooms: RoomActions;
    uploads: { take(uploadId: string): Promise<TakenUpload> };
    profileDir: string;
    logger: Logger;
    clock: Clock;
    listener: ImportListener;
  }) {
    this.matrix = options.matrix;
    this.rooms = options.rooms;
    this.uploads = options.uploads;
    this.logger = options.logger;
    this.clock = options.clock;
    this.listener = options.listener;
    this.checkpoints = new CheckpointStore({ profileDir: options.profileDir, logger: options.logger });
    this.previews = new ImportPreviews(this.checkpoints);
  }

  /** The first sync is in: rooms are known, so imports from before the restart can go on. */
  async ready(): Promise<void> {
    if (this.loaded) {
      return;
    }
    this.loaded = true;
    for (const saved of await this.checkpoints.loadAll()) {
      if (this.stopped) {
        return;
      }
      const job = this.track(saved, null);
      if (saved.phase === 'preparing' || saved.phase === 'running') {
        this.logger.info(`import ${saved.importId}: going on from message ${String(saved.next + 1)} of ${String(saved.total)}`);
        this.launch(job);
      }
    }
  }

  async open(uploadId: string): Promise<OpenResult> {
    return this.previews.fromUpload(await this.uploads.take(uploadId));
  }

  reparse(importId: string, options: { dateOrder?: DateOrder; chatFileName?: string }): Promise<OpenResult> {
    return this.previews.reparse(importId, options);
  }

  list(): ImportJob[] {
    return [...this.jobs.values()].map((job) => this.view(job));
  }

  async start(input: ImportStartInput): Promise<ImportJob> {
    const preview = this.previews.require(input.importId);
    const busy = [...this.jobs.values()].find((job) => UNFINISHED.has(job.saved.phase));
    if (busy !== undefined) {
      throw new RembukError('import_busy', busy.saved.importId);
    }
    if (!isTimeZone(input.timeZone)) {
      throw new RembukError('invalid_time_zone', input.timeZone);
    }
    await this.rooms.requireUsers([...new Set(input.mapping.map(({ userId }) => userId))]);
    let roomName = input.target.kind === 'new' ? input.target.name : '';
    if (input.target.kind === 'existing') {
      const name = this.matrix.membership(input.target.roomId) === 'join' ? this.matrix.roomName(input.target.roomId) : null;
      if (name === null) {
        throw new RembukError('room_not_found');
      }
      roomName = name;
    }
    this.previews.take(input.importId);
    const { parsed, media } = preview.read;
    const plan = this.plan(parsed.entries, preview.fingerprint, parsed.dateOrder.order, input.timeZone, input.mapping, resolvedMedia(media));
    const saved: SavedJob = {
      v: 1,
      importId: input.importId,
      fileName: preview.fileName,
      exportName: preview.exportName,
      chatFileName: preview.chatFileName,
      fingerprint: preview.fingerprint,
      dateOrder: parsed.dateOrder.order,
      timeZone: input.timeZone,
      mapping: input.mapping,
      target: input.target,
      roomId: input.target.kind === 'existing' ? input.target.roomId : null,
      roomName,
      phase: 'preparing',
      next: 0,
      total: plan.length,
      mediaTotal: plan.filter((step) => step.kind === 'media').length,
      mediaDone: 0,
      inflight: null,
      error: null,
      startedAt: this.clock.now(),
      finishedAt: null,
    };
    await this.checkpoints.save(saved);
    const job = this.track(saved, preview.opened);
    this.launch(job, plan);
    return this.view(job);
  }

  async pause(importId: string): Promise<void> {
    const job = this.require(importId);
    if (job.saved.phase !== 'running' && job.saved.phase !== 'preparing') {
      return;
    }
    job.saved.phase = 'paused';
    await this.halt(job);
    await this.checkpoints.save(job.saved);
    this.emit(job, true);
  }

  async resume(importId: string): Promise<void> {
    const job = this.require(importId);
    if (job.saved.phase !== 'paused' && job.saved.phase !== 'failed') {
      return;
    }
    job.saved.phase = job.saved.roomId === null ? 'preparing' : 'running';
    job.saved.error = null;
    await this.checkpoints.save(job.saved);
    this.launch(job);
  }

  async cancel(importId: string): Promise<void> {
    const job = this.require(importId);
    if (!UNFINISHED.has(job.saved.phase)) {
      return;
    }
    job.saved.phase = 'cancelled';
    job.saved.finishedAt = this.clock.now();
    await this.halt(job);
    await this.finish(job);
  }

  /** Forgets an import that is over (or a preview never started), with its files. */
  async discard(importId: string): Promise<void> {
    if (this.previews.has(importId)) {
      await this.previews.discard(importId);
      return;
    }
    const job = this.require(importId);
    if (UNFINISHED.has(job.saved.phase)) {
      throw new RembukError('import_busy', 'cancel the import first');
    }
    this.jobs.delete(importId);
    await this.checkpoints.remove(importId);
  }

  /** Stops every import where it is; their checkpoints say where to go on next time. */
  async stop(): Promise<void> {
    this.stopped = true;
    const jobs = [...this.jobs.values()];
    await Promise.all(jobs.map((job) => this.halt(job)));
    await Promise.all(jobs.map((job) => this.closeExport(job)));
    await this.previews.stop();
  }

  private require(importId: string): Job {
    const job = this.jobs.get(importId);
    if (job === undefined) {
      throw new RembukError('import_not_found');
    }
    return job;
  }

  private track(saved: SavedJob, opened: OpenedExport | null): Job {
    const job: Job = { saved, status: null, rate: new RateMeter(), controller: null, running: null, opened, lastEmit: 0, emitTimer: null };
    this.jobs.set(saved.importId, job);
    this.emit(job, true);
    return job;
  }

  private view(job: Job): ImportJob {
    return jobView(job.saved, job.status, job.rate.rate(this.clock.now()));
  }

  /** Pushes the job's view; progress at most every PROGRESS_INTERVAL_MS, anything else at once. */
  private emit(job: Job, now: boolean): void {
    const since = this.clock.now() - job.lastEmit;
    if (now || since >= PROGRESS_INTERVAL_MS) {
      if (job.emitTimer !== null) {
        clearTimeout(job.emitTimer);
        job.emitTimer = null;
      }
      job.lastEmit = this.clock.now();
      this.listener.changed(this.view(job));
      return;
    }
    job.emitTimer ??= setTimeout(() => {
      job.emitTimer = null;
      this.emit(job, true);
    }, PROGRESS_INTERVAL_MS - since);
  }

  private plan(
    entries: Parameters<typeof buildPlan>[0],
    fingerprint: string,
    dateOrder: DateOrder,
    timeZone: string,
    mapping: readonly { name: string; userId: string }[],
    mediaFiles: ReadonlyMap<string, number>,
  ): ImportStep[] {
    return buildPlan(entries, {
      fingerprint,
      dateOrder,
      toEpochMs: (ts) => toEpochMs(ts, timeZone),
      mapping: new Map(mapping.map(({ name, userId }) => [name, userId])),
      mediaFiles,
    });
  }

  private launch(job: Job, plan?: ImportStep[]): void {
    const controller = new AbortController();
    job.controller = controller;
    job.rate.reset();
    const previous = job.running ?? Promise.resolve();
    job.running = previous.then(() => this.drive(job, controller.signal, plan));
  }

  /** Aborts the job's run and waits for it to let go. */
  private async halt(job: Job): Promise<void> {
    job.controller?.abort();
    await job.running;
    job.status = null;
  }

  private async drive(job: Job, signal: AbortSignal, known?: ImportStep[]): Promise<void> {
    const { saved } = job;
    try {
      const plan = known ?? (await this.reopen(job));
      if (plan.length !== saved.total) {
        throw new ImportStopped('import_changed', `plan of ${String(plan.length)} steps, checkpoint says ${String(saved.total)}`);
      }
      const roomId = await this.ensureRoom(job, signal);
      await this.untilReady(roomId, signal);
      if (saved.phase === 'preparing') {
        saved.phase = 'running';
        await this.checkpoints.save(saved);
      }
      const opened = job.opened;
      const runner = new ImportRunner(
        {
          send: (room, txnId, content, abort) => this.matrix.send(room, txnId, content, abort),
          upload: (step, abort) => this.matrix.upload(step, (name) => this.readMedia(opened, name), roomId, abort),
          alreadySent: (room, txnId) => this.matrix.alreadySent(room, txnId),
          save: (state) => this.checkpoints.save(state),
          sleep: (ms, abort) => sleep(ms, undefined, { signal: abort }),
          now: () => this.clock.now(),
        },
        {
          acknowledged: () => {
            job.rate.record(this.clock.now());
          },
          progress: (_state, status) => {
            const changed = job.status?.state !== status.state;
            job.status = status;
            this.emit(job, changed);
          },
        },
      );
      await runner.run(saved, roomId, plan, signal);
      saved.phase = 'done';
      saved.finishedAt = this.clock.now();
      job.status = null;
      await this.finish(job);
      this.logger.info(`import ${saved.importId}: ${String(saved.total)} messages in ${saved.roomId ?? '?'}`);
    } catch (error) {
      if (signal.aborted) {
        return;
      }
      const code = error instanceof ImportStopped ? error.code : toImportError(error).code;
      this.logger.warn(`import ${saved.importId} stopped at message ${String(saved.next + 1)}: ${code}`, error instanceof Error ? error.message : error);
      saved.phase = 'failed';
      saved.error = code;
      job.status = null;
      await this.checkpoints.save(saved).catch((saveError: unknown) => {
        this.logger.error('could not save the import checkpoint', saveError);
      });
      this.emit(job, true);
    }
  }

  /** After a restart: the export again, read the same way, and its plan. */
  private async reopen(job: Job): Promise<ImportStep[]> {
    const { saved } = job;
    const filePath = this.checkpoints.exportPath(saved.importId, saved.exportName);
    job.opened ??= await openExport(filePath, undefined, {
      dateOrder: saved.dateOrder,
      ...(saved.chatFileName === null ? {} : { chatFileName: saved.chatFileName }),
    });
    if (job.opened.fingerprint !== saved.fingerprint) {
      throw new ImportStopped('import_changed', 'the export file is not the one the import started with');
    }
    // Read with the order the member confirmed (the export may have been opened with another).
    const { parsed, media } = job.opened.reparse({ dateOrder: saved.dateOrder });
    return this.plan(parsed.entries, saved.fingerprint, saved.dateOrder, saved.timeZone, saved.mapping, resolvedMedia(media));
  }

  private async readMedia(opened: OpenedExport | null, fileName: string): Promise<Buffer> {
    if (opened?.kind !== 'zip') {
      throw new RembukError('media_unsupported', 'a text export holds no files');
    }
    try {
      return await opened.readMedia(fileName);
    } catch (error) {
      if (error instanceof ExportError) {
        throw new RembukError(error.code === 'entry_too_large' || error.code === 'ratio_too_high' ? 'file_too_large' : 'media_unsupported', error.detail);
      }
      throw error;
    }
  }

  /** The import's room: given, found again after a crash, or made now. */
  private async ensureRoom(job: Job, signal: AbortSignal): Promise<string> {
    const { saved } = job;
    if (saved.roomId !== null) {
      return saved.roomId;
    }
    signal.throwIfAborted();
    const roomId = this.matrix.findRoom(saved.importId) ?? (await this.matrix.createRoom(saved.roomName, saved.importId));
    saved.roomId = roomId;
    await this.checkpoints.save(saved);
    this.emit(job, true);
    return roomId;
  }

  /** A room we just made is known to the crypto machine (as encrypted) only once a sync brought it. */
  private async untilReady(roomId: string, signal: AbortSignal): Promise<void> {
    while (!(await this.matrix.readyToSendIn(roomId))) {
      const membership = this.matrix.membership(roomId);
      if (membership !== null && membership !== 'join') {
        throw new ImportStopped('room_not_found', `membership ${membership}`);
      }
      await sleep(READY_POLL_MS, undefined, { signal });
    }
  }

  private async finish(job: Job): Promise<void> {
    await this.checkpoints.save(job.saved);
    await this.closeExport(job);
    await this.checkpoints.removeExport(job.saved.importId, job.saved.exportName);
    this.emit(job, true);
  }

  private async closeExport(job: Job): Promise<void> {
    const opened = job.opened;
    job.opened = null;
    if (opened?.kind === 'zip') {
      await opened.close();
    }
  }
}
