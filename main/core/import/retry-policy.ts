/**
 * What the import does when a request fails. A rate limit is waited out exactly as long as
 * the server asks (`retry_after_ms`, or Retry-After); a lost connection is retried with a
 * growing pause; anything else stops the import with its error, to be resumed by the member.
 * Never a tight loop: every retry waits at least MIN_RETRY_MS.
 */
import { ConnectionError, MatrixError } from 'matrix-js-sdk';
import { toRembukError } from '../matrix/matrix-errors.ts';
import { RembukError, type ErrorCode } from '../../../shared/ipc/errors.ts';

export const MIN_RETRY_MS = 500;
/** A server asking for longer than this is still obeyed, but shown as such; a cap keeps a bogus value from stalling an import for days. */
export const MAX_RATE_LIMIT_WAIT_MS = 60 * 60 * 1000;
const MAX_OFFLINE_WAIT_MS = 60 * 1000;
/** Without `retry_after_ms`, Synapse's own default pause. */
const DEFAULT_RATE_LIMIT_WAIT_MS = 5_000;

export type RetryDecision = { action: 'wait'; reason: 'rate_limited' | 'offline'; delayMs: number } | { action: 'stop'; code: ErrorCode; detail: string };

const retryAfterOf = (error: MatrixError): number | null => {
  try {
    const ms = error.getRetryAfterMs();
    if (ms !== null && Number.isFinite(ms) && ms >= 0) {
      return ms;
    }
  } catch {
    // A malformed Retry-After header: fall back to the body or the default.
  }
  const fromBody: unknown = error.data.retry_after_ms;
  return typeof fromBody === 'number' && Number.isFinite(fromBody) && fromBody >= 0 ? fromBody : null;
};

const isRateLimit = (error: unknown): error is MatrixError =>
  error instanceof MatrixError && (error.errcode === 'M_LIMIT_EXCEEDED' || error.httpStatus === 429);

/** Failed uploads are tried this often before the import stops and waits for the member. */
const MAX_UPLOAD_ATTEMPTS = 5;

/** Server errors (5xx) and timeouts heal by themselves; they are waited out like a lost connection. */
const isTransient = (error: unknown, attempt: number): boolean =>
  error instanceof ConnectionError ||
  (error instanceof RembukError && (error.code === 'network' || (error.code === 'upload_failed' && attempt < MAX_UPLOAD_ATTEMPTS))) ||
  (error instanceof MatrixError && error.httpStatus !== undefined && error.httpStatus >= 500) ||
  ((error instanceof Error || error instanceof DOMException) && ['TimeoutError', 'AbortError', 'ConnectionError'].includes(error.name));

/** `attempt` counts the failures of this one request so far, from 1. */
export const decideRetry = (error: unknown, attempt: number): RetryDecision => {
  if (isRateLimit(error)) {
    const asked = retryAfterOf(error) ?? DEFAULT_RATE_LIMIT_WAIT_MS;
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
  const mapped = toRembukError(error, 'room_not_found');
  return { action: 'stop', code: mapped.code, detail: mapped.message };
};
