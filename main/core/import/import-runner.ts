/**
 * The send loop of an import: one message at a time, in plan order, each acknowledged by
 * the server before the checkpoint moves past it. One at a time because the room's order is
 * the order the server receives them in (Synapse creates up to five events of a room at
 * once, in no fixed order), and order is what a chat history is. Waiting is only ever for
 * the server: a rate limit for as long as it asks, a lost connection with a growing pause.
 */
import type { ErrorCode } from '../../../shared/ipc/errors.ts';
import type { ImportStep, MediaStep } from './import-plan.ts';
import type { SavedJob } from './import-checkpoint.ts';
import { decideRetry } from './retry-policy.ts';

export type RunnerPorts = {
  /** PUTs one event with this transaction id; resolves with its event id. */
  send: (roomId: string, txnId: string, content: Record<string, unknown>, signal: AbortSignal) => Promise<string>;
  /** Uploads a media step's file; resolves with the message content minus the import block. */
  upload: (step: MediaStep, signal: AbortSignal) => Promise<Record<string, unknown>>;
  /** Whether the server already has the event of this transaction id (a send acknowledged only by a crash). */
  alreadySent: (roomId: string, txnId: string) => Promise<boolean>;
  save: (job: SavedJob) => Promise<void>;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  now: () => number;
};

export type RunnerStatus = { state: 'running' } | { state: 'waiting'; reason: 'rate_limited' | 'offline'; until: number };

export type RunnerListener = {
  /** The server acknowledged a step (for the rate). */
  acknowledged(): void;
  /** After every acknowledged step, and when the loop starts or stops waiting. */
  progress(job: SavedJob, status: RunnerStatus): void;
};

/** The import cannot go on without the member: lost the right to post, the room is gone… */
export class ImportStopped extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, detail: string) {
    super(detail);
    this.code = code;
    this.name = 'ImportStopped';
  }
}

/** Media errors that no retry fixes: the entry goes as a placeholder, the import goes on. */
const MEDIA_GIVE_UP: ReadonlySet<ErrorCode> = new Set(['file_too_large', 'media_unsupported']);

/** Only our own signal means pause or cancel; a request the HTTP layer timed out is retried. */
export const isAbort = (signal: AbortSignal): boolean => signal.aborted;

/** What a failed upload leaves in the room: the entry's text with a note, so nothing vanishes silently. */
export const uploadFailedContent = (step: MediaStep, code: ErrorCode): Record<string, unknown> => ({
  msgtype: 'm.text',
  body: `${step.body}\n📎 ${step.fileName} (${code === 'file_too_large' ? 'berkas terlalu besar · file too large' : 'berkas tidak dapat dikirim · file could not be sent'})`,
  'm.mentions': {},
  'coop.rembuk.import': { ...step.block, media_missing: step.fileName },
});

export class ImportRunner {
  private readonly ports: RunnerPorts;
  private readonly listener: RunnerListener;

  constructor(ports: RunnerPorts, listener: RunnerListener) {
    this.ports = ports;
    this.listener = listener;
  }

  /**
   * Sends `plan` from `job.next` on, until the end (resolves), `signal` (rejects with an
   * AbortError: pause or cancel, the caller knows which) or an error no wait fixes
   * (rejects with ImportStopped). `job` is updated in place and saved after every step.
   */
  async run(job: SavedJob, roomId: string, plan: readonly ImportStep[], signal: AbortSignal): Promise<void> {
    this.listener.progress(job, { state: 'running' });
    await this.skipIfDelivered(job, roomId, plan, signal);
    while (job.next < plan.length) {
      signal.throwIfAborted();
      const step = plan[job.next] as ImportStep;
      const content = step.kind === 'text' ? step.content : await this.mediaContent(job, step, signal);
      await this.withRetry(job, signal, () => this.ports.send(roomId, step.txnId, content, signal));
      job.next += 1;
      job.mediaDone += step.kind === 'media' ? 1 : 0;
      job.inflight = null;
      await this.ports.save(job);
      this.listener.acknowledged();
      this.listener.progress(job, { state: 'running' });
    }
  }

  /**
   * After a restart the step at `next` may already be on the server. Its transaction id
   * makes a resend harmless while the server remembers it (Synapse: 24 h); beyond that, the
   * room's recent events tell, since the server echoes our own transaction ids to this device.
   */
  private async skipIfDelivered(job: SavedJob, roomId: string, plan: readonly ImportStep[], signal: AbortSignal): Promise<void> {
    const step = plan[job.next];
    if (step === undefined) {
      return;
    }
    const delivered = await this.withRetry(job, signal, () => this.ports.alreadySent(roomId, step.txnId));
    if (delivered) {
      job.next += 1;
      job.mediaDone += step.kind === 'media' ? 1 : 0;
      job.inflight = null;
      await this.ports.save(job);
    }
  }

  private async mediaContent(job: SavedJob, step: MediaStep, signal: AbortSignal): Promise<Record<string, unknown>> {
    if (job.inflight?.step === job.next) {
      // Uploaded before a crash: the same file and key again, whatever the resend's fate.
      return job.inflight.content;
    }
    let content: Record<string, unknown>;
    try {
      const attachment = await this.withRetry(job, signal, () => this.ports.upload(step, signal));
      content = { ...attachment, 'm.mentions': {}, 'coop.rembuk.import': step.block };
    } catch (error) {
      if (error instanceof ImportStopped && MEDIA_GIVE_UP.has(error.code)) {
        content = uploadFailedContent(step, error.code);
      } else {
        throw error;
      }
    }
    job.inflight = { step: job.next, content };
    await this.ports.save(job);
    return content;
  }

  private async withRetry<T>(job: SavedJob, signal: AbortSignal, work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      signal.throwIfAborted();
      try {
        const result = await work();
        if (attempt > 1) {
          this.listener.progress(job, { state: 'running' });
        }
        return result;
      } catch (error) {
        if (isAbort(signal)) {
          throw error;
        }
        const decision = decideRetry(error, attempt);
        if (decision.action === 'stop') {
          throw new ImportStopped(decision.code, decision.detail);
        }
        this.listener.progress(job, { state: 'waiting', reason: decision.reason, until: this.ports.now() + decision.delayMs });
        await this.ports.sleep(decision.delayMs, signal);
      }
    }
  }
}
