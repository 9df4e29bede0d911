/** How an import is doing, as the progress view shows it: counts, rate, time left, waiting. */
import type { ImportJob, ImportPhase } from '../../../shared/model/import.ts';
import type { SavedJob } from './import-checkpoint.ts';
import type { RunnerStatus } from './import-runner.ts';

/** The rate is what the last half minute did: recent enough to follow a rate limit, long enough to be steady. */
export const RATE_WINDOW_MS = 30_000;

/** Acknowledged sends over a sliding window. */
export class RateMeter {
  private readonly times: number[] = [];

  record(now: number): void {
    this.times.push(now);
    this.trim(now);
  }

  /** Messages per second, or null with fewer than two sends to measure between. */
  rate(now: number): number | null {
    this.trim(now);
    const first = this.times[0];
    if (first === undefined || this.times.length < 2) {
      return null;
    }
    // Over the window while it is full, else since the first send in it.
    const span = Math.max(now - first, 1000);
    return (this.times.length / span) * 1000;
  }

  reset(): void {
    this.times.length = 0;
  }

  private trim(now: number): void {
    while (this.times.length > 0 && (this.times[0] as number) < now - RATE_WINDOW_MS) {
      this.times.shift();
    }
  }
}

const phaseOf = (job: SavedJob, status: RunnerStatus | null): ImportPhase => {
  if ((job.phase === 'running' || job.phase === 'preparing') && status?.state === 'waiting') {
    return status.reason === 'rate_limited' ? 'waiting' : 'offline';
  }
  return job.phase;
};

export const jobView = (job: SavedJob, status: RunnerStatus | null, rate: number | null): ImportJob => {
  const phase = phaseOf(job, status);
  const remaining = job.total - job.next;
  const active = phase === 'running';
  return {
    importId: job.importId,
    fileName: job.fileName,
    phase,
    roomId: job.roomId,
    roomName: job.roomName,
    newRoom: job.target.kind === 'new',
    total: job.total,
    done: job.next,
    mediaTotal: job.mediaTotal,
    mediaDone: job.mediaDone,
    ratePerSecond: active ? rate : null,
    etaMs: active && rate !== null && rate > 0 ? Math.round((remaining / rate) * 1000) : null,
    waitingUntil: status?.state === 'waiting' ? status.until : null,
    error: job.error,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
};
