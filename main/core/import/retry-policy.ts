/**
 * What the import does when a request fails. A rate limit is waited out exactly as long as
 * the server asks (`retry_after_ms`, or Retry-After); a lost connection is retried with a
 * growing pause; anything else stops the import with its error, to be resumed by the member.
 * Never a tight loop: every retry waits at least MIN_RETRY_MS. The SDK's errors arrive as
 * RequestFailures, classified in matrix/import/request-failure-of.ts.
 */
import { RembukError, type ErrorCode } from '../../../shared/ipc/errors.ts';
import { RequestFailure } from './request-failure.ts';

export const MIN_RETRY_MS = 500;
/** A server asking for longer than this is still obeyed, but shown as such; a cap keeps a bogus value from stalling an import for days. */
export const MAX_RATE_LIMIT_WAIT_MS = 60 * 60 * 1000;
const MAX_OFFLINE_WAIT_MS = 60 * 1000;
/** Without `retry_after_ms`, Synapse's own default pause. */
const DEFAULT_RATE_LIMIT_WAIT_MS = 5_000;

export type RetryDecision = { action: 'wait'; reason: 'rate_limited' | 'offline'; delayMs: number } | { action: 'stop'; code: ErrorCode; detail: string };

/** Failed uploads are tried this often before the import stops and waits for the member. */
const MAX_UPLOAD_ATTEMPTS = 5;

/** Server errors (5xx) and timeouts heal by themselves; they are waited out like a lost connection. */
const isTransient = (error: unknown, attempt: number): boolean =>
  (error instanceof RequestFailure && error.failure.kind === 'transient') ||
  (error instanceof RembukError && (error.code === 'network' || (error.code === 'upload_failed' && attempt < MAX_UPLOAD_ATTEMPTS))) ||
  ((error instanceof Error || error instanceof DOMException) && ['TimeoutError', 'AbortError', 'ConnectionError'].includes(error.name));

/** The error the member reads when the import stops. */
const stopped = (error: unknown): RetryDecision => {
  if (error instanceof RequestFailure && error.failure.kind === 'fatal') {
    return { action: 'stop', code: error.failure.code, detail: error.failure.detail };
  }
  if (error instanceof RembukError) {
    return { action: 'stop', code: error.code, detail: error.message };
  }
  return { action: 'stop', code: 'internal', detail: error instanceof Error ? error.message : String(error) };
};

/** `attempt` counts the failures of this one request so far, from 1. */
export const decideRetry = (error: unknown, attempt: number): RetryDecision => {
  if (error instanceof RequestFailure && error.failure.kind === 'rate_limited') {
    const asked = error.failure.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS;
    return { action: 'wait', reason: 'rate_limited', delayMs: Math.min(Math.max(asked, MIN_RETRY_MS), MAX_RATE_LIMIT_WAIT_MS) };
  }
  if (error instanceof RembukError && error.code === 'rate_limited') {
    // Mapped by a helper that dropped the server's number: Synapse's default pause.
    return { action: 'wait', reason: 'rate_limited', delayMs: DEFAULT_RATE_LIMIT_WAIT_MS };
  }
  if (isTransient(error, attempt)) {
    const backoff = Math.min(MIN_RETRY_MS * 2 ** Math.min(attempt - 1, 10), MAX_OFFLINE_WAIT_MS);
    return { action: 'wait', reason: 'offline', delayMs: backoff };
  }
  return stopped(error);
};
