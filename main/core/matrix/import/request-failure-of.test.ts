import { ConnectionError, MatrixError } from 'matrix-js-sdk';
import { describe, expect, it } from 'vitest';
import { RembukError } from '../../../../shared/ipc/errors.ts';
import { RequestFailure } from '../../import/request-failure.ts';
import { decideRetry } from '../../import/retry-policy.ts';
import { classified, requestFailureOf } from './request-failure-of.ts';

const limited = (body: Record<string, unknown>, headers?: Record<string, string>): MatrixError =>
  new MatrixError(
    { errcode: 'M_LIMIT_EXCEEDED', error: 'Too Many Requests', ...body },
    429,
    undefined,
    undefined,
    headers === undefined ? undefined : new Headers(headers),
  );

const failureOf = (error: unknown): unknown => {
  const classifiedError = requestFailureOf(error);
  return classifiedError instanceof RequestFailure ? classifiedError.failure : classifiedError;
};

describe('requestFailureOf', () => {
  it("reads a rate limit's pause from the Retry-After header or the body, null when neither says", () => {
    expect(failureOf(limited({ retry_after_ms: 2500 }))).toEqual({ kind: 'rate_limited', retryAfterMs: 2500 });
    expect(failureOf(limited({}, { 'Retry-After': '3' }))).toEqual({ kind: 'rate_limited', retryAfterMs: 3000 });
    expect(failureOf(limited({ retry_after_ms: 'soon' }, { 'Retry-After': 'nanti' }))).toEqual({ kind: 'rate_limited', retryAfterMs: null });
    expect(failureOf(new MatrixError({ errcode: 'M_UNKNOWN' }, 429))).toEqual({ kind: 'rate_limited', retryAfterMs: null });
  });

  it('calls a lost connection (the SDK wraps its timeouts in one) and a 5xx transient', () => {
    expect(failureOf(new ConnectionError('fetch failed'))).toEqual({ kind: 'transient' });
    expect(failureOf(new MatrixError({ errcode: 'M_UNKNOWN' }, 502))).toEqual({ kind: 'transient' });
  });

  it('calls any other server error fatal, with the code the member reads', () => {
    expect(failureOf(new MatrixError({ errcode: 'M_FORBIDDEN', error: 'no' }, 403))).toEqual({
      kind: 'fatal',
      code: 'forbidden',
      detail: 'MatrixError: [403] no',
    });
    expect(failureOf(new MatrixError({ errcode: 'M_UNKNOWN_TOKEN' }, 401))).toMatchObject({ kind: 'fatal', code: 'not_signed_in' });
    expect(failureOf(new MatrixError({ errcode: 'M_NOT_FOUND' }, 404))).toMatchObject({ kind: 'fatal', code: 'room_not_found' });
  });

  it("leaves Rembuk's own errors and cancellations as they are", () => {
    const own = new RembukError('file_too_large');
    const abort = new DOMException('cancelled', 'AbortError');
    expect(requestFailureOf(own)).toBe(own);
    expect(requestFailureOf(abort)).toBe(abort);
  });

  it('gives the retry policy what it decided from the SDK errors before', async () => {
    const decide = async (error: Error, attempt = 1) => decideRetry(await classified(() => Promise.reject(error)).catch((e: unknown) => e), attempt);
    expect(await decide(limited({ retry_after_ms: 2500 }))).toEqual({ action: 'wait', reason: 'rate_limited', delayMs: 2500 });
    expect(await decide(limited({}))).toEqual({ action: 'wait', reason: 'rate_limited', delayMs: 5000 });
    expect(await decide(new ConnectionError('fetch failed'), 3)).toEqual({ action: 'wait', reason: 'offline', delayMs: 2000 });
    expect(await decide(new MatrixError({ errcode: 'M_FORBIDDEN', error: 'no' }, 403))).toEqual({
      action: 'stop',
      code: 'forbidden',
      detail: 'MatrixError: [403] no',
    });
    expect(await classified(() => Promise.resolve(7))).toBe(7);
  });
});
