import type { ErrorCode } from '../../../shared/ipc/errors.ts';

/** What a failed request to the homeserver means for a retry, decided where the SDK's errors are known (matrix/import/request-failure-of.ts). */
export type RequestFailureKind =
  /** The server asked us to slow down; `retryAfterMs` is its own number (body or Retry-After), null when it gave none. */
  | { kind: 'rate_limited'; retryAfterMs: number | null }
  /** Heals by itself: no connection, a timeout, a 5xx. */
  | { kind: 'transient' }
  /** Waiting does not fix it: the error the member reads. */
  | { kind: 'fatal'; code: ErrorCode; detail: string };

/**
 * A request of the import that failed, in plain terms. The matrix import port throws this
 * instead of the SDK's errors, so the retry policy decides without knowing matrix-js-sdk.
 */
export class RequestFailure extends Error {
  override readonly name = 'RequestFailure';
  readonly failure: RequestFailureKind;

  constructor(failure: RequestFailureKind, message: string) {
    super(message);
    this.failure = failure;
  }
}
