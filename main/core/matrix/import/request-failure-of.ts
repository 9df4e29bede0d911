import { ConnectionError, MatrixError } from 'matrix-js-sdk';
import { RequestFailure } from '../../import/request-failure.ts';
import { toRembukError } from '../matrix-errors.ts';

/** The server's own pause: the Retry-After header first, then the body's `retry_after_ms`; null when neither is usable. */
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

/**
 * What the SDK threw, as the import's retry policy reads it (import/retry-policy.ts): a rate
 * limit with the server's pause, a lost connection (the SDK's timeouts are ConnectionErrors
 * too) or a 5xx as transient, any other server error as fatal with the code the member
 * reads (a 404 is the room gone). Anything else, Rembuk's own errors and AbortErrors
 * included, is returned as it is.
 */
export const requestFailureOf = (error: unknown): unknown => {
  if (error instanceof MatrixError && (error.errcode === 'M_LIMIT_EXCEEDED' || error.httpStatus === 429)) {
    return new RequestFailure({ kind: 'rate_limited', retryAfterMs: retryAfterOf(error) }, error.message);
  }
  if (error instanceof ConnectionError || (error instanceof MatrixError && error.httpStatus !== undefined && error.httpStatus >= 500)) {
    return new RequestFailure({ kind: 'transient' }, error.message);
  }
  if (error instanceof MatrixError) {
    const mapped = toRembukError(error, 'room_not_found');
    return new RequestFailure({ kind: 'fatal', code: mapped.code, detail: mapped.message }, error.message);
  }
  return error;
};

/** Runs one request of the import, its SDK errors classified before they leave this folder. */
export const classified = async <T>(request: () => Promise<T>): Promise<T> => {
  try {
    return await request();
  } catch (error) {
    throw requestFailureOf(error);
  }
};
